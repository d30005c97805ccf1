package arabrief.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.article.Byline;
import arabrief.pipeline.Brief;
import arabrief.pipeline.Segment;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDocumentTest {

  private static Brief brief(Byline byline) {
    return new Brief(new Segment("عنوان", "Headline", 0), null, null, List.of(), List.of("One."), List.of("شارك"), 1, 1, byline);
  }

  @Test
  void everyKeyAndTheByline() {
    JsonNode o = JsonDocument.toJson(brief(new Byline("CNN", "Damascus, Syria", null, "دمشق، سوريا (CNN) --")), null, null);
    for (String k : List.of("headline", "dateline", "caption", "byline", "paragraphs", "summary", "summary_source", "dropped", "model", "stats")) {
      assertTrue(o.has(k), "key " + k);
    }
    assertEquals("CNN", o.get("byline").get("source").asText());
    assertEquals("Damascus, Syria", o.get("byline").get("place").asText());
    assertTrue(o.get("byline").get("author").isNull());
  }

  @Test
  void noBylineIsAnObjectOfNulls() {
    JsonNode b = JsonDocument.toJson(brief(null), null, null).get("byline");
    assertTrue(b.isObject());
    for (String k : List.of("source", "place", "author")) {
      assertTrue(b.has(k) && b.get(k).isNull(), k);
    }
  }

  @Test
  void textAndMarkdownShowTheBylineBriefly() {
    Brief b = brief(new Byline(null, "Beirut", "نادين الأحمد", "بيروت - نادين الأحمد -"));
    assertTrue(PlainText.render(b, false).contains("By: Beirut · نادين الأحمد\n"));
    assertTrue(Markdown.render(b, false).contains("By: Beirut · نادين الأحمد\n"));
    assertTrue(!PlainText.render(brief(null), false).contains("By:"));
  }

  @Test
  void summarySourceInJsonAndWithBilingual() {
    Brief b = new Brief(new Segment("عنوان", "Headline", 0), null, null, List.of(), List.of("One.", "Two."),
        List.of(), 2, 5, null, List.of("واحد.", "اثنان."));
    JsonNode o = JsonDocument.toJson(b, null, null);
    assertEquals("واحد.", o.get("summary_source").get(0).asText());
    assertEquals(2, o.get("summary_source").size());
    String text = PlainText.render(b, true);
    assertTrue(text.contains("  - واحد.\n    One.\n  - اثنان.\n    Two.\n"), text);
    assertTrue(!PlainText.render(b, false).contains("واحد"));
    String md = Markdown.render(b, true);
    assertTrue(md.contains("- <span dir=\"rtl\">واحد.</span><br>\n  One.\n"), md);
    assertTrue(!Markdown.render(b, false).contains("واحد"));
    // A brief built without sources still renders (bilingual or not) and has an empty summary_source.
    assertEquals(0, JsonDocument.toJson(brief(null), null, null).get("summary_source").size());
    assertTrue(PlainText.render(brief(null), true).contains("  - One.\n"));
    assertThrows(IllegalArgumentException.class, () -> new Brief(null, null, null, List.of(), List.of("One."),
        List.of(), 1, 1, null, List.of("واحد.", "اثنان.")));
  }
}

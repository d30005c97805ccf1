package arabrief.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    for (String k : List.of("headline", "dateline", "caption", "byline", "paragraphs", "summary", "dropped", "model", "stats")) {
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
}

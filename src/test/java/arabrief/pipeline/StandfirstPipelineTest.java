package arabrief.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.article.Article;
import arabrief.article.ArticleReader;
import arabrief.mt.Translation;
import arabrief.render.Format;
import arabrief.render.JsonDocument;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A deck of bullet points goes to the model point by point, right after the headline, and comes back as
 * the brief's standfirst: in the JSON document, and under the headline in text and Markdown. The engine
 * here "translates" a segment into its position in the call, so the test sees what went where.
 */
class StandfirstPipelineTest {
  private static final String TEXT = "الحكومة تقر خطة جديدة لدعم الطاقة المتجددة في البلاد\n"
      + "• الخطة تشمل ثلاث محافظات\n• تمويل من البنك الدولي\n\n"
      + "أقرت الحكومة اليوم خطة جديدة لدعم مشاريع الطاقة المتجددة في البلاد بتمويل من البنك الدولي.\n\n"
      + "وقال وزير الطاقة إن الخطة تشمل إنشاء محطات شمسية جديدة في ثلاث محافظات خلال العامين المقبلين.\n";

  private final List<List<String>> calls = new ArrayList<>();
  private final Pipeline pipeline = new Pipeline(segments -> {
    calls.add(List.copyOf(segments));
    List<Translation> out = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      out.add(new Translation(segments.get(i), "segment " + i + ".", -0.5, 1, 1));
    }
    return out;
  });

  private static Article article() throws Exception {
    return new ArticleReader().read(TEXT.getBytes(StandardCharsets.UTF_8), "deck");
  }

  @Test
  void deckIsTranslatedPointByPointAfterTheHeadline() throws Exception {
    Article a = article();
    Brief b = pipeline.translate(a, 1);
    assertEquals(List.of(a.headline(), "• الخطة تشمل ثلاث محافظات", "• تمويل من البنك الدولي"), calls.get(0).subList(0, 3));
    assertEquals("segment 1.\nsegment 2.", b.standfirst().text());
    assertEquals(a.standfirst(), b.standfirst().source());
    assertEquals(2, b.paragraphs().size(), "the deck is not a body paragraph");
    assertEquals("segment 3.", b.paragraphs().get(0).text());
    assertEquals("segment 1.\nsegment 2.", JsonDocument.toJson(b, null, null).get("standfirst").get("text").asText());
    String text = Format.TEXT.render(b, false, null, null);
    assertTrue(text.startsWith("segment 0.\nsegment 1.\nsegment 2.\n"), text);
    String md = Format.MARKDOWN.render(b, false, null, null);
    assertTrue(md.contains("**segment 1.**  \n**segment 2.**"), md);
  }

  @Test
  void briefTranslatesTheDeckToo() throws Exception {
    Article a = article();
    Brief b = pipeline.brief(a, 1);
    assertEquals(4, calls.get(0).size(), "headline, two points, one summary sentence");
    assertEquals("segment 1.\nsegment 2.", b.standfirst().text());
    assertEquals(List.of("segment 3."), b.summary());
  }
}

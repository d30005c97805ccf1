package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Pages nested far deeper than any real one (issue 20): read on a small stack, with the article found. */
class DeepPageTest {
  private static final String BODY = "<p>حض وزير الدفاع الأميركي، في اتصال هاتفي الجمعة، نظيره الروسي على وقف فوري لإطلاق النار.</p>"
      + "<p>وقال المتحدث باسم وزارة الدفاع إن الاتصال جاء بمبادرة من الجانب الأميركي، واستمر ساعة.</p>";

  private static String nested(int depth) {
    return "<html><body>" + "<div>".repeat(depth) + "<h1>عنوان الخبر هنا</h1>" + BODY + "</div>".repeat(depth) + "</body></html>";
  }

  @Test
  void twentyThousandNestedDivsOnA256kStack() throws Exception {
    AtomicReference<Object> result = new AtomicReference<>();
    // the JVM's smallest practical thread stack: nothing may recurse over the page's depth
    Thread t = new Thread(null, () -> {
      try {
        result.set(HtmlExtractor.page(nested(20_000)));
      } catch (Throwable e) {
        result.set(e);
      }
    }, "small-stack", 256 * 1024);
    t.start();
    t.join();
    assertTrue(result.get() instanceof HtmlExtractor.Page, () -> "failed: " + result.get());
    HtmlExtractor.Page page = (HtmlExtractor.Page) result.get();
    assertEquals("عنوان الخبر هنا", page.headline());
    assertTrue(page.text().contains("نظيره الروسي على وقف فوري"), page.text());
    assertTrue(page.text().contains("واستمر ساعة."), page.text());
  }

  @Test
  void flattenKeepsShallowPagesAsTheyAreAndCapsDeepOnes() {
    Document shallow = Jsoup.parse(nested(HtmlExtractor.MAX_DEPTH - 10));
    String before = shallow.outerHtml();
    HtmlExtractor.flatten(shallow);
    assertEquals(before, shallow.outerHtml(), "a page within the limit is not touched");

    Document deep = Jsoup.parse(nested(5_000));
    String text = deep.text();
    HtmlExtractor.flatten(deep);
    assertEquals(text, deep.text(), "no text is lost or moved out of order");
    int[] max = {0};
    org.jsoup.select.NodeTraversor.traverse((node, depth) -> max[0] = Math.max(max[0], depth), deep);
    assertTrue(max[0] <= HtmlExtractor.MAX_DEPTH + 10, "depth " + max[0]); // + a kept heading or paragraph
  }

  @Test
  void manyLeadingCommentsAreNoProblemForTheHtmlSniffer() {
    String page = "<!-- x -->".repeat(50_000) + "<p>نص</p>";
    assertTrue(HtmlExtractor.looksLikeHtml(page));
  }
}

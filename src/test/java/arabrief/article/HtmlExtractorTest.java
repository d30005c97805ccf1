package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

  @Test
  void recognizesHtml() {
    assertTrue(HtmlExtractor.looksLikeHtml("<!DOCTYPE html><html><body></body></html>"));
    assertTrue(HtmlExtractor.looksLikeHtml("  <div class=\"x\"><p>نص</p></div>"));
    assertTrue(HtmlExtractor.looksLikeHtml("نص<p>أول</p> ثم <p>ثان</p>"));
    assertFalse(HtmlExtractor.looksLikeHtml("عنوان\n\nقال إن 3 < 5 وإن النتيجة > 2."));
  }

  @Test
  void pageToParserLayout() {
    String html = new String(Fixtures.article("news_page.html"), StandardCharsets.UTF_8);
    assertEquals(
        String.join("\n\n",
            "ارتفاع معدل التضخم في مصر إلى 35.7%",
            "الجمعة 10 مارس 2023",
            "سوق شعبي في القاهرة (أ.ف.ب)",
            "أعلن الجهاز المركزي للتعبئة العامة والإحصاء ارتفاع معدل التضخم السنوي في المدن إلى 31.9% في فبراير، مقابل 25.8% في يناير.",
            "وقال البنك المركزي المصري إن التضخم الأساسي سجل 40.3%، وهو أعلى مستوى منذ عام 2017.",
            "اقرأ أيضا: البنك المركزي يرفع الفائدة",
            "ويتوقع محللون أن يواصل البنك المركزي رفع أسعار الفائدة في اجتماعه المقبل."),
        HtmlExtractor.extract(html));
  }

  @Test
  void withoutArticleTagTheDensestParagraphContainerWins() {
    String html = "<html><head><title>عنوان الخبر | الموقع</title></head><body>"
        + "<div class=\"sidebar\"><p>رابط</p></div>"
        + "<div id=\"story\"><p>الفقرة الأولى من الخبر وهي طويلة بما يكفي.</p><p>الفقرة الثانية.</p>"
        + "<time datetime=\"2024-01-02T08:00\">منذ ساعتين</time></div></body></html>";
    assertEquals("عنوان الخبر\n\n2024-01-02\n\nالفقرة الأولى من الخبر وهي طويلة بما يكفي.\n\nالفقرة الثانية.",
        HtmlExtractor.extract(html));
  }
}

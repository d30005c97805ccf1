package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Composed markup: each test is one feature of {@link PageParts}, not evidence about real pages. */
class PagePartsTest {

  private static final PageMetadata NO_META = new PageMetadata(null, null, null, null, List.of(), null, List.of());

  @Test
  void authorFromAClassThatSaysAuthor() {
    Document d = Jsoup.parse("<div class='post-meta-author'><a href='/e/1'><h5>نورهان نبيل</h5></a></div>");
    assertEquals("نورهان نبيل", PageParts.authorFromMarkup(d));
    assertNull(PageParts.authorFromMarkup(Jsoup.parse("<div class='author-box'>عن الكاتب: صحفي منذ 2001، يكتب في السياسة.</div>")));
  }

  @Test
  void captionAttributeOnlyWhenThePageShowsIt() {
    String img = "<img caption='عناصر من الشرطة في موقع الهجوم (رويترز)' alt='العنوان'>";
    Document shown = Jsoup.parse("<h1>العنوان</h1><div>" + img + "<a>عناصر من الشرطة في موقع الهجوم (رويترز)</a></div>");
    assertEquals("عناصر من الشرطة في موقع الهجوم (رويترز)", PageParts.shownImageCaption(shown, List.of("العنوان"), NO_META));
    Document hidden = Jsoup.parse("<h1>العنوان</h1><div>" + img + "</div>");
    assertNull(PageParts.shownImageCaption(hidden, List.of("العنوان"), NO_META));
  }

  @Test
  void neverAltTextNorTheHeadline() {
    Document d = Jsoup.parse("<h1>تركي آل الشيخ بعد إصابة يسرا</h1><img alt='تركي آل الشيخ بعد إصابة يسرا'>"
        + "<span class='caption'>تركي آل الشيخ بعد إصابة يسرا</span>");
    assertNull(PageParts.shownImageCaption(d, List.of("تركي آل الشيخ بعد إصابة يسرا"), NO_META));
  }

  @Test
  void singleBreakAfterASentenceSeparatesParagraphs() {
    Document d = Jsoup.parse("<p><strong>*ما الذي يحدث؟</strong><br>-الواضح أن الوضع صعب.<br>وبالنسبة للنظام فهو يراقب<br>ما يحدث</p>");
    PageParts.splitSentenceBreaks(d);
    assertEquals(5, d.select("br").size(), "two breaks doubled, the one inside a sentence kept single");
  }

  @Test
  void leadInItsOwnContainerJoinsTheBody() {
    String lead = "أعلنت وزارة الصحة اليوم تسجيل ثلاثين حالة جديدة بالفيروس، ليرتفع إجمالي عدد المصابين إلى مئة وستة وتسعين حالة.";
    Document d = Jsoup.parse("<div><div class='menu'><a href='/'>الرئيسية</a></div><div class='lead'><p>" + lead
        + "</p></div><div class='body'><p>وأوضح المتحدث أن الحالات الجديدة في الحجر.</p></div></div>");
    assertEquals(List.of(d.selectFirst(".lead")), PageParts.leadSiblings(d.selectFirst(".body")));
  }

  @Test
  void aBodyClassWithAWidgetWordIsStillThePage() throws BadInputException {
    String html = "<html><body class='rtl has-sidebar'><h1>الحكومة تعلن خطة جديدة للطاقة المتجددة</h1>"
        + "<div class='entry-content no-share'><p>أعلنت الحكومة اليوم خطة جديدة لدعم الطاقة المتجددة في البلاد، وقالت إنها تبدأ العام المقبل.</p>"
        + "<p>وقال الوزير إن الخطة ستوفر آلاف الوظائف خلال السنوات الخمس المقبلة.</p></div>"
        + "<div class='sidebar'><p>الأكثر قراءة اليوم في الموقع وأخبار أخرى كثيرة، تابعونا دائما.</p></div></body></html>";
    Article a = new ArticleReader().read(html.getBytes(java.nio.charset.StandardCharsets.UTF_8), "composed");
    assertEquals(2, a.paragraphs().size());
    assertEquals("وقال الوزير إن الخطة ستوفر آلاف الوظائف خلال السنوات الخمس المقبلة.", a.paragraphs().get(1).source());
  }

  @Test
  void authorPrintedWithAVerbOfWriting() {
    assertEquals("نورهان نبيل", PageParts.authorFromMarkup(Jsoup.parse("<span class='meta-author'>كتبت نورهان نبيل</span>")));
  }

  @Test
  void captionClassInAnyCase() {
    Document d = Jsoup.parse("<h1>العنوان</h1><div class='imageCaption'>وزير الطاقة يتفقد محطة شمسية في الجنوب</div>");
    assertEquals("وزير الطاقة يتفقد محطة شمسية في الجنوب", PageParts.shownImageCaption(d, List.of("العنوان"), NO_META));
  }
}

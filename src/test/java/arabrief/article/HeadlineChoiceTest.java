package arabrief.article;

import static arabrief.article.PastedHeaderTest.BODY;
import static arabrief.article.PastedHeaderTest.HEADLINE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * How header lines compete as the headline ({@link HeadlineScorer}, {@link ArticleParser#headlineIndex}) on
 * composed snippets: one feature each. Unit tests of the rules, not evidence of how well they do on real pages
 * (CopiesEval) or on thousands of articles (Metamorphic's "ticker above", "titled twice", "caption echo").
 */
class HeadlineChoiceTest {

  private static final String TICKER = "انتخابات رئاسية مبكرة في البيرو بعد استقالة الرئيس\n"
      + "منتخب مصر يتأهل إلى نهائي كأس الأمم الأفريقية\n"
      + "أسعار الذهب ترتفع إلى أعلى مستوى منذ عامين\n";

  @Test
  void stemsJoinWhatPrefixesKeepApart() {
    assertEquals(HeadlineScorer.stems("الحكومة"), HeadlineScorer.stems("حكومية"));
    assertEquals(HeadlineScorer.stems("المفاوضات"), HeadlineScorer.stems("مفاوضات"));
    assertTrue(HeadlineScorer.stems("في من على 2024").isEmpty(), "function words and numbers are no content stems");
  }

  @Test
  void tickerAboveTheHeadlineIsNotIt() {
    assertEquals(HEADLINE, PastedHeaderTest.read(TICKER + HEADLINE + "\n\n" + BODY).headline());
    assertEquals(HEADLINE, PastedHeaderTest.read("الأكثر قراءة\n" + TICKER + HEADLINE + "\n\n" + BODY).headline());
    // an item on the same topic, one word shared with the lead, stands above the box's other items
    String topical = "البنك الدولي يحذر من تباطؤ النمو في المنطقة\n";
    assertEquals(HEADLINE, PastedHeaderTest.read(topical + TICKER + HEADLINE + "\n\n" + BODY).headline());
    // a scrolling ticker prints its items twice: that is no headline printed twice
    assertEquals(HEADLINE, PastedHeaderTest.read(TICKER + TICKER + HEADLINE + "\n\n" + BODY).headline());
  }

  @Test
  void pageTitleWithTheSiteNameIsACopyOfTheHeading() {
    for (String title : new String[] {HEADLINE + " - بوابة الأخبار", HEADLINE + " | النهار العربي", "النهار العربي | " + HEADLINE}) {
      Article a = PastedHeaderTest.read(title + "\nالرئيسية\n" + HEADLINE + "\n\n" + BODY);
      assertEquals(HEADLINE, a.headline(), title);
      assertTrue(a.dropped().contains(title), "the page's title is dropped: " + title);
    }
    assertTrue(HeadlineScorer.titledCopy(HEADLINE + " - الوطن نيوز", HEADLINE));
    assertFalse(HeadlineScorer.titledCopy(HEADLINE + " في أول أيام العام الجديد", HEADLINE), "a longer title is no copy");
    assertFalse(HeadlineScorer.titledCopy("الرئيسية - اقتصاد", "اقتصاد"), "a word is no title");
  }

  @Test
  void headlineCutShortUnderItIsNotTheFirstParagraph() {
    String cut = "الحكومة تقر خطة جديدة لدعم…";
    Article a = PastedHeaderTest.read(HEADLINE + "\n" + cut + "\n\n" + BODY);
    assertEquals(HEADLINE, a.headline());
    assertTrue(a.paragraphs().get(0).source().startsWith("أقرت الحكومة"), a.paragraphs().get(0).source());
    assertTrue(HeadlineScorer.truncatedCopy(cut, HEADLINE));
    assertFalse(HeadlineScorer.truncatedCopy("أقرت الحكومة خطة…", HEADLINE), "not the headline's start");
  }
}

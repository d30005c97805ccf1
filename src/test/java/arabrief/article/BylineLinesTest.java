package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The conventions of Arabic author lines, one per test line (composed: unit tests of the rules). */
class BylineLinesTest {

  @Test
  void verbsAndLabelsOfAuthorship() {
    assertEquals("آسيا العتروس", BylineParser.ofLine("حوار: آسيا العتروس").author());
    assertEquals("سامي علي", BylineParser.ofLine("كتب سامي علي").author());
    assertEquals("ليلى حسن", BylineParser.ofLine("ترجمة: ليلى حسن").author());
    assertEquals("كايلا إبستين وأنجليكا كاساس", BylineParser.ofLine("Author, كايلا إبستين وأنجليكا كاساس").author());
  }

  @Test
  void sectionNamesAreNoBylines() {
    assertNull(BylineParser.ofLine("حوار المرحلة"));
    assertNull(BylineParser.ofLine("متابعات عربية"));
  }

  @Test
  void nameThenPlace() {
    Byline b = BylineParser.ofLine("حسام أبو العلا - القاهرة");
    assertEquals("حسام أبو العلا", b.author());
    assertEquals("Cairo", b.place());
    assertNull(BylineParser.ofLine("أرفع اتصال عسكري أميركي - روسي"));
  }

  @Test
  void agencySignOffClosingTheBodyIsACredit() {
    Article a = ArticleParser.parse("الحكومة تعلن خطة جديدة للطاقة\n\nأعلنت الحكومة اليوم خطة جديدة لدعم الطاقة المتجددة في البلاد.\n\n"
        + "وقال الوزير إن الخطة تبدأ العام المقبل. (أ.ف.ب)");
    assertEquals("وقال الوزير إن الخطة تبدأ العام المقبل.", a.paragraphs().get(1).source());
    assertEquals("أ.ف.ب", a.byline().source());
    assertEquals("(أ.ف.ب)", a.dropped().get(a.dropped().size() - 1));
    Article quote = ArticleParser.parse("عنوان الخبر هنا اليوم\n\nوقال المتحدث إن الاجتماع عقد في مقر الحزب (الوطني).");
    assertNull(quote.byline(), "a bracket that names no agency stays in the text");
  }

  @Test
  void cityDashAgencyDateline() {
    Byline b = BylineParser.ofPrefix("القاهرة - (رويترز) - أعلنت وزارة الصحة المصرية اليوم تسجيل حالات جديدة");
    assertEquals("رويترز", b.source());
    assertEquals("Cairo", b.place());
  }
}

package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Which printed date is the article's, one general position each, on composed snippets (unit tests of the
 * rules, not evidence): the date nearest the headline — under it or just above it, alone, after a label or in a
 * line with the byline — beats a header clock at the top of the page or beside widgets; publication beats
 * update; a wire dateline in the first paragraph counts only when no date line is printed.
 */
class DatePlacementTest {

  private static final String HEADLINE = "الحكومة تقر خطة جديدة لدعم الطاقة المتجددة في البلاد";
  private static final String BODY = "أقرت الحكومة اليوم خطة جديدة لدعم مشاريع الطاقة المتجددة في البلاد بتمويل من البنك الدولي.\n\n"
      + "وقال وزير الطاقة إن الخطة تشمل إنشاء محطات شمسية جديدة في ثلاث محافظات خلال العامين المقبلين.\n\n"
      + "وأضاف أن المشاريع ستوفر آلاف فرص العمل وتخفض فاتورة الطاقة على المواطنين.";
  private static final String CLOCK = "الجمعة 29 مارس 2024";
  private static final LocalDate OWN = LocalDate.of(2023, 5, 12);

  private static LocalDate date(String text) {
    Dateline d = ArticleParser.parse(Normalizer.normalize(text)).dateline();
    return d == null ? null : d.gregorian();
  }

  @Test
  void ownLineUnderTheHeadlineBeatsTheClockAtTheTop() {
    assertEquals(OWN, date(CLOCK + "\nموقع الأخبار\n" + HEADLINE + "\n12 مايو 2023\n\n" + BODY));
    assertEquals(OWN, date(CLOCK + "\n" + HEADLINE + "\n12/05/2023 - 10:30 ص\n\n" + BODY), "even with the clock right above");
  }

  @Test
  void labelledDateUnderTheHeadline() {
    assertEquals(OWN, date(CLOCK + "\n" + HEADLINE + "\nنُشر بتاريخ: 12 مايو 2023\n\n" + BODY));
    assertEquals(OWN, date(CLOCK + "\n" + HEADLINE + "\nتاريخ النشر\n2023-05-12\n\n" + BODY), "the label on a line of its own");
  }

  @Test
  void dateInTheBylineLine() {
    assertEquals(OWN, date(CLOCK + "\n" + HEADLINE + "\nالجمعة 12 مايو 2023 | كتب: سامي علي |\n\n" + BODY));
    assertEquals(OWN, date(CLOCK + "\n" + HEADLINE + "\nكتب: سامي علي\n12 مايو 2023\n\n" + BODY), "the date under the byline");
  }

  @Test
  void dateJustAboveTheHeadlineWhenNothingIsUnder() {
    assertEquals(OWN, date("موقع الأخبار\n12 مايو 2023\n" + HEADLINE + "\n\n" + BODY));
    assertEquals(OWN, date("موقع الأخبار\n12 مايو 2023\nكتب: سامي علي\n" + HEADLINE + "\n\n" + BODY), "above the byline above it");
  }

  @Test
  void dateUnderADeckOrPhotoAmongTheBodysFirstLines() {
    String deck = "خطة طموحة تراهن عليها الحكومة لخفض فاتورة الطاقة وتوفير فرص العمل في المحافظات.";
    assertEquals(OWN, date(CLOCK + "\n" + HEADLINE + "\n\n" + deck + "\n12 مايو 2023\n\n" + BODY));
  }

  @Test
  void relativeStampUnderTheHeadlineMakesTheDateAboveAClock() {
    assertNull(date("موقع الأخبار\n" + CLOCK + "\n" + HEADLINE + "\nمنذ 3 ساعات\n\n" + BODY));
    assertNull(date("موقع الأخبار\n" + CLOCK + "\n" + HEADLINE + "\nنشر منذ يومين\n\n" + BODY));
    assertEquals(LocalDate.of(2024, 3, 29), date("موقع الأخبار\n" + CLOCK + "\n" + HEADLINE + "\n\n" + BODY),
        "without it, a date just above the headline is the article's");
  }

  @Test
  void clockBesideWidgetsIsNeverTheDate() {
    assertNull(date("22° القاهرة\n" + CLOCK + "\n" + HEADLINE + "\n\n" + BODY), "beside the weather");
    assertNull(date("الدولار 30.90\n" + CLOCK + "\n" + HEADLINE + "\n\n" + BODY), "beside a currency rate");
    assertNull(date(CLOCK + "\nالفجر 04:12 الظهر 11:58\n" + HEADLINE + "\n\n" + BODY), "beside prayer times");
    assertNull(date("اليوم " + CLOCK + "\n" + HEADLINE + "\n\n" + BODY), "a line that says it is today's date");
    assertEquals(OWN, date("22° القاهرة\n" + CLOCK + "\n" + HEADLINE + "\n12 مايو 2023\n\n" + BODY));
  }

  @Test
  void publicationBeatsUpdate() {
    assertEquals(OWN, date(HEADLINE + "\nآخر تحديث: 14 مايو 2023\nنشر في: 12 مايو 2023\n\n" + BODY), "on two lines");
    assertEquals(OWN, date(HEADLINE + "\nآخر تحديث: 14 مايو 2023 - نشر في: 12 مايو 2023\n\n" + BODY), "on one line");
    assertEquals(LocalDate.of(2023, 5, 14), date(CLOCK + "\n" + HEADLINE + "\nآخر تحديث: 14 مايو 2023\n\n" + BODY),
        "an update stamp alone is the only date the article prints");
  }

  @Test
  void wireDatelineCountsWhenNothingElseDoes() {
    String wire = "القاهرة في 12 مايو 2023 /أ ش أ/ - " + BODY;
    assertEquals(OWN, date(HEADLINE + "\n\n" + wire));
    assertEquals(OWN, date("22° القاهرة\n" + CLOCK + "\n" + HEADLINE + "\n\n" + wire), "the clock is not the date");
    assertEquals(LocalDate.of(2023, 5, 11), date(HEADLINE + "\n11 مايو 2023\n\n" + wire), "a printed date line comes first");
    assertNull(date(HEADLINE + "\n\nالقاهرة في 12 مايو /أ ش أ/ - " + BODY), "no year, no date");
  }

  @Test
  void htmlPageHeaderClockAndTheArticlesTime() throws BadInputException {
    String body = "<p>" + BODY.replace("\n\n", "</p><p>") + "</p>";
    String html = "<html><body><header><div class='top-date'>" + CLOCK + "</div><div class='weather'>22° القاهرة</div></header>"
        + "<article><h1>" + HEADLINE + "</h1><div class='meta'><time datetime='2023-05-12T10:00:00+03:00'>12 مايو 2023</time></div>"
        + "<div class='content'>" + body + "</div></article></body></html>";
    Article a = new ArticleReader().read(html.getBytes(StandardCharsets.UTF_8), "page.html");
    assertEquals(OWN, a.dateline().gregorian());
    String wire = "<html><body><header><div class='date'>" + CLOCK + "</div></header><article><h1>" + HEADLINE + "</h1>"
        + "<div class='content'><p>القاهرة في 12 مايو 2023 /أ ش أ/ - " + BODY.replace("\n\n", "</p><p>") + "</p></div></article></body></html>";
    Article w = new ArticleReader().read(wire.getBytes(StandardCharsets.UTF_8), "page.html");
    assertEquals(OWN, w.dateline().gregorian(), "a header clock far from the headline, the wire dateline in the body");
  }
}

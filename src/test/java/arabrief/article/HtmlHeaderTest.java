package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Composed pages, one feature each (issue 32's HTML failure kinds): unit tests, not evidence. */
class HtmlHeaderTest {

  private static final String BODY = "<p>أقرت الحكومة اليوم خطة جديدة لدعم مشاريع الطاقة المتجددة في البلاد بتمويل من البنك الدولي.</p>"
      + "<p>وقال وزير الطاقة إن الخطة تشمل إنشاء محطات شمسية جديدة في ثلاث محافظات خلال العامين المقبلين.</p>"
      + "<p>وأضاف أن المشاريع ستوفر آلاف فرص العمل وتخفض فاتورة الكهرباء على المواطنين --(بترا)</p>";

  private static Article read(String html) throws BadInputException {
    return new ArticleReader().read(html.getBytes(StandardCharsets.UTF_8), "page.html");
  }

  @Test
  void headlineTheH1AndOgTitleAgreeOnEvenWithoutAWordOfTheLead() throws BadInputException {
    String title = "شمس الجنوب";
    Article a = read("<html><head><meta property='og:title' content='" + title + " | موقع الأخبار'><title>" + title + " - موقع الأخبار</title></head>"
        + "<body><article><h1>" + title + "</h1><div class='content'>" + BODY + "</div></article></body></html>");
    assertEquals(title, a.headline());
  }

  @Test
  void agencyCreditClosingTheBodyIsTheByline() throws BadInputException {
    Article a = read("<html><body><article><h1>الحكومة تقر خطة جديدة لدعم الطاقة المتجددة</h1><div class='content'>" + BODY
        + "</div></article></body></html>");
    assertEquals("بترا", a.byline().source());
    assertEquals("وأضاف أن المشاريع ستوفر آلاف فرص العمل وتخفض فاتورة الكهرباء على المواطنين",
        a.paragraphs().get(a.paragraphs().size() - 1).source());
  }

  @Test
  void doubledMonthWithSpacesAroundTheSlash() throws BadInputException {
    Article a = read("<html><body><article><h1>الحكومة تقر خطة جديدة لدعم الطاقة المتجددة</h1>"
        + "<div class='date'>الخميس 15 نيسان / أبريل 2021</div><div class='content'>" + BODY + "</div></article></body></html>");
    assertEquals(LocalDate.of(2021, 4, 15), a.dateline().gregorian());
  }

  @Test
  void authorInASpanThatSaysKatabat() throws BadInputException {
    Article a = read("<html><body><article><h1>الحكومة تقر خطة جديدة لدعم الطاقة المتجددة</h1>"
        + "<div class='meta'><span>كتبت سلمى علي</span></div><div class='content'>" + BODY + "</div></article></body></html>");
    assertEquals("سلمى علي", a.byline().author());
  }
}

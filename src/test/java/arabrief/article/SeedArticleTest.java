package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedArticleTest {

  private final Article article = Fixtures.read(Fixtures.seedBytes(), "seed");

  @Test
  void headlineOnceThoughPrintedTwice() {
    String headline = "أرفع اتصال عسكري أميركي - روسي منذ بدء الحرب على أوكرانيا";
    assertEquals(headline, article.headline());
    assertEquals(headline, article.dropped().get(0), "the second copy is recorded as dropped");
  }

  @Test
  void datelineInBothCalendars() {
    Dateline d = article.dateline();
    assertEquals("الجمعة - 12 شوال 1443 هـ - 13 مايو 2022 مـ", d.source());
    assertEquals(LocalDate.of(2022, 5, 13), d.gregorian());
    assertEquals("1443-10-12", d.hijri());
    assertEquals("Friday 13 May 2022 (12 Shawwal 1443 AH)", d.english());
  }

  @Test
  void caption() {
    assertEquals("وزير الدفاع الأميركي لويد أوستن (يسار) ونظيره الروسي سيرغي شويغو (إ.ب.أ)", article.caption());
  }

  @Test
  void eightBodyParagraphsInOrder() {
    List<Paragraph> ps = article.paragraphs();
    assertEquals(8, ps.size());
    assertTrue(ps.get(0).source().startsWith("حض وزير الدفاع الأميركي لويد أوستن"));
    assertTrue(ps.get(1).source().startsWith("وقال المتحدث باسم وزارة الدفاع"));
    assertTrue(ps.get(7).source().startsWith("وأقامت الولايات المتحدة وروسيا خطاً ساخناً"));
    assertTrue(ps.get(7).source().endsWith("وتفادي التورط في حرب لا تريدها واشنطن مع موسكو."));
  }

  @Test
  void furnitureDropped() {
    assertEquals(
        List.of(
            "أرفع اتصال عسكري أميركي - روسي منذ بدء الحرب على أوكرانيا",
            "أميركا أوكرانيا روسيا أخبار أميركا أخبار روسيا حرب أوكرانيا",
            "اختيارات المحرر",
            "فيديو"),
        article.dropped());
  }

  @Test
  void sentenceCounts() {
    // Read by hand: paragraphs 2, 4, 5, 6 and 8 have two sentences; the «...» quote in paragraph 6
    // ends its sentence with «...». and does not split inside.
    List<Integer> counts = article.paragraphs().stream().map(p -> p.sentences().size()).toList();
    assertEquals(List.of(1, 2, 1, 2, 2, 2, 1, 2), counts);
    assertEquals("وأضافت: «تمت مناقشة قضايا الساعة المتعلقة بالأمن الدولي، بما في ذلك الوضع في أوكرانيا».",
        article.paragraphs().get(5).sentences().get(1));
  }

  @Test
  void sentencesGiveTheParagraphBack() {
    for (Paragraph p : article.paragraphs()) {
      assertEquals(p.source(), String.join(" ", p.sentences()));
    }
  }
}

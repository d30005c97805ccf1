package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArabicTermsTest {
  private final ArabicTerms terms = new ArabicTerms();

  @Test
  void normalisesStripsProcliticsAndSuffixes() {
    assertEquals(
        List.of("متحدث", "باسم", "وزار", "اتفاق", "ستوقع", "قاهر", "رياض"),
        terms.terms("وقال المتحدثُ باسم الوزارةِ إنّ الاتفاقيات ستُوقَّع في القاهرة والرياض."));
  }

  @Test
  void stopwordsGoEvenBehindProclitics() {
    assertEquals(List.of(), terms.terms("في من على إلى عن أن إن التي الذي هذا هذه ذلك كان قد لا ما مع"));
    assertEquals(List.of(), terms.terms("وفي ولا وقد بذلك لذلك فإن"));
  }

  @Test
  void spellingVariantsGiveOneTerm() {
    assertEquals(terms.terms("الأميركية"), terms.terms("الاميركيه"));
    assertEquals(List.of("اميرك", "اميرك"), terms.terms("الأميركي الأميركية"));
    // Lucene's light stems: plural and case suffixes go, so the forms of one word meet.
    assertEquals(List.of("معلم", "معلم", "معلم"), terms.terms("المعلمون معلمين المعلمين"));
  }
}

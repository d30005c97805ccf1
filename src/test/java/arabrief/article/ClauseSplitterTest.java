package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class ClauseSplitterTest {

  /** Words as a stand-in for model tokens. */
  private static final ToIntFunction<String> WORDS = ArabicPatterns::wordCount;

  @Test
  void shortSentenceUntouched() {
    assertEquals(List.of("قال الوزير إن الاتفاق قريب."), ClauseSplitter.split("قال الوزير إن الاتفاق قريب.", WORDS, 10));
  }

  @Test
  void semicolonAndColonFirst() {
    String s = "ارتفعت الأسعار في الأسواق المحلية، وفق التجار؛ مما أثار غضب المستهلكين في المدن الكبرى";
    assertEquals(
        List.of("ارتفعت الأسعار في الأسواق المحلية، وفق التجار؛", "مما أثار غضب المستهلكين في المدن الكبرى"),
        ClauseSplitter.split(s, WORDS, 8));
    assertEquals(List.of("وأضاف:", "«تمت مناقشة قضايا الساعة»"), ClauseSplitter.split("وأضاف: «تمت مناقشة قضايا الساعة»", WORDS, 4));
  }

  @Test
  void commasNextAndPiecesAreMergedGreedily() {
    String s = "حض الوزير، في اتصال هاتفي، نظيره الروسي على وقف النار، وذلك في أرفع اتصال";
    assertEquals(
        List.of("حض الوزير، في اتصال هاتفي،", "نظيره الروسي على وقف النار،", "وذلك في أرفع اتصال"),
        ClauseSplitter.split(s, WORDS, 5));
  }

  @Test
  void conjunctionBeforePlainSpace() {
    String s = "يكرر مسؤولو البنتاغون القول إن القادة يرفضون المكالمات ورئيس الأركان يحاول الاتصال";
    assertEquals(
        List.of("يكرر مسؤولو البنتاغون القول إن القادة يرفضون المكالمات", "ورئيس الأركان يحاول الاتصال"),
        ClauseSplitter.split(s, WORDS, 8));
  }

  @Test
  void whitespaceAsLastResortAndLongWordKept() {
    assertEquals(List.of("واحد اثنان ثلاثة", "أربعة خمسة"), ClauseSplitter.split("واحد اثنان ثلاثة أربعة خمسة", WORDS, 3));
    assertEquals(List.of("كلمةطويلةجدا", "قصيرة"), ClauseSplitter.split("كلمةطويلةجدا قصيرة", String::length, 5));
  }

  @Test
  void numbersAreNotClauseBoundaries() {
    assertEquals(List.of("الساعة 10:30 بلغ 3,5", "مليون"), ClauseSplitter.split("الساعة 10:30 بلغ 3,5 مليون", WORDS, 4));
  }

  @Test
  void nothingDropped() {
    String s = "حض وزير الدفاع الأميركي لويد أوستن، في اتصال هاتفي الجمعة، نظيره الروسي سيرغي شويغو على «وقف فوري» "
        + "لإطلاق النار في أوكرانيا؛ وذلك في أرفع اتصال أميركي بالجانب الروسي منذ بدء الحرب في أوكرانيا.";
    for (int max = 1; max < 40; max++) {
      List<String> pieces = ClauseSplitter.split(s, String::length, max);
      assertEquals(s, String.join(" ", pieces), "max " + max);
    }
  }
}

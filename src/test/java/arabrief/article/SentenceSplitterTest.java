package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

  private static List<String> split(String s) {
    return SentenceSplitter.split(s);
  }

  @Test
  void arabicAndLatinTerminals() {
    assertEquals(List.of("هل انتهت الحرب؟", "لا أحد يعرف!", "قال ذلك؛", "ثم غادر.", "Really?"),
        split("هل انتهت الحرب؟ لا أحد يعرف! قال ذلك؛ ثم غادر. Really?"));
  }

  @Test
  void decimalsDoNotSplit() {
    assertEquals(List.of("ارتفع بنسبة 3.5 في المئة.", "وبلغ 3,5 مليار و٣٫٥ مليون."),
        split("ارتفع بنسبة 3.5 في المئة. وبلغ 3,5 مليار و٣٫٥ مليون."));
    assertEquals(List.of("بلغ 85.63.", "ثم تراجع."), split("بلغ 85.63. ثم تراجع."));
  }

  @Test
  void initialsAndAbbreviations() {
    assertEquals(List.of("صورة (إ.ب.أ) ثم وكالة أ.ف.ب نقلت عن د. محمد وم. أحمد من U.S. Army الخبر."),
        split("صورة (إ.ب.أ) ثم وكالة أ.ف.ب نقلت عن د. محمد وم. أحمد من U.S. Army الخبر."));
    assertEquals(List.of("قابل Dr. Smith أمس.", "ثم عاد."), split("قابل Dr. Smith أمس. ثم عاد."));
  }

  @Test
  void eraMarkAfterYearEndsTheSentence() {
    assertEquals(List.of("ولد عام 1950 م.", "وتوفي عام 1443 هـ.", "ودفن في القاهرة."),
        split("ولد عام 1950 م. وتوفي عام 1443 هـ. ودفن في القاهرة."));
  }

  @Test
  void shortQuoteDoesNotSplitInsideButEndsWhenTerminalClosesIt() {
    assertEquals(List.of("قال إن «الوضع خطير. جداً» بحسب المصدر.", "ثم غادر."),
        split("قال إن «الوضع خطير. جداً» بحسب المصدر. ثم غادر."));
    assertEquals(List.of("وأضاف: «نحن مستعدون.»", "ثم غادر."),
        split("وأضاف: «نحن مستعدون.» ثم غادر."));
    // The rule is blunt on purpose: a quoted question mid-sentence is cut too.
    assertEquals(List.of("وقال: «هل نحن مستعدون؟»", "وصمت."), split("وقال: «هل نحن مستعدون؟» وصمت."));
  }

  @Test
  void longQuoteSplitsLikePlainText() {
    String a = "هذه جملة أولى طويلة داخل الاقتباس تتحدث عن تفاصيل الاتفاق بين الطرفين وشروطه كافة.";
    String b = "وهذه جملة ثانية طويلة أيضاً تشرح موقف الحكومة من المفاوضات الجارية منذ أشهر عدة»";
    String text = "وقال: «" + a + " " + b + " ثم انصرف.";
    assertEquals(List.of("وقال: «" + a, b + " ثم انصرف."), split(text));
  }

  @Test
  void closingQuoteAfterTerminalBelongsToTheSentence() {
    assertEquals(List.of("وقال إن الأمر «انتهى».", "وغادر."), split("وقال إن الأمر «انتهى». وغادر."));
  }

  @Test
  void ellipsisIsAPauseNotAnEnd() {
    assertEquals(List.of("قال... ثم صمت… وغادر."), split("قال... ثم صمت… وغادر."));
    assertEquals(List.of("انتهى...؟", "نعم."), split("انتهى...؟ نعم."));
  }

  @Test
  void missingSpaceAfterFullStopAndLineBreaks() {
    assertEquals(List.of("انتهت الحرب.", "وقال الوزير"), split("انتهت الحرب.وقال الوزير"));
    assertEquals(List.of("سطر أول", "سطر ثان"), split("سطر أول\nسطر ثان"));
    assertEquals(List.of("موقع example.com مغلق."), split("موقع example.com مغلق."));
  }

  @Test
  void listNumberIsNotASentence() {
    assertEquals(List.of("1. رفع الأجور.", "2. خفض الضرائب."), split("1. رفع الأجور. 2. خفض الضرائب."));
  }
}

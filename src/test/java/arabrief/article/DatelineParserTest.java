package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatelineParserTest {

  @Test
  void bothCalendars() {
    Dateline d = DatelineParser.parse("الجمعة - 12 شوال 1443 هـ - 13 مايو 2022 مـ");
    assertEquals(new Dateline("الجمعة - 12 شوال 1443 هـ - 13 مايو 2022 مـ",
        "Friday 13 May 2022 (12 Shawwal 1443 AH)", LocalDate.of(2022, 5, 13), "1443-10-12"), d);
  }

  @Test
  void arabicIndicDigitsAndLevantineMonths() {
    Dateline d = DatelineParser.parse("الأربعاء ٢٥ كانون الثاني ٢٠٢٣ - ٣ رجب ١٤٤٤ ه");
    assertEquals(LocalDate.of(2023, 1, 25), d.gregorian());
    assertEquals("1444-07-03", d.hijri());
    assertEquals("Wednesday 25 January 2023 (3 Rajab 1444 AH)", d.english());
  }

  @Test
  void bothMonthNamesAndSpellingVariants() {
    assertEquals(LocalDate.of(2022, 5, 13), DatelineParser.parse("13 مايو (أيار) 2022").gregorian());
    assertEquals(LocalDate.of(2021, 4, 1), DatelineParser.parse("الخميس 1 ابريل 2021").gregorian());
    assertEquals("Monday 1 August 2022", DatelineParser.parse("الإثنين 1 آب 2022").english());
    assertEquals("1444-11-20", DatelineParser.parse("20 ذي القعدة 1444 هـ").hijri());
    assertEquals("Dhu al-Hijjah", DatelineParser.parse("9 ذو الحجة 1444 هـ").english().split(" ", 2)[1].replace(" 1444 AH", ""));
  }

  @Test
  void proseMentioningADateIsNotADateline() {
    assertNull(DatelineParser.parse("وهذه هي المحادثة الأولى بين أوستن وشويغو منذ 18 فبراير (شباط)، أي قبل نحو أسبوع من دخول القوات"));
    assertNull(DatelineParser.parse("اجتمع الطرفان في 13 مايو 2022."));
    assertNull(DatelineParser.parse("الجمعة"));
    assertNull(DatelineParser.parse("31 فبراير 2022 خطأ"));
  }
}

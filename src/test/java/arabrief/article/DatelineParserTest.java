package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void everyArabicMonthConventionAndDigitForm() {
    assertEquals(LocalDate.of(2019, 2, 8), DatelineParser.parse("الجمعة 8 فيفري 2019").gregorian());
    assertEquals(LocalDate.of(2021, 7, 14), DatelineParser.parse("14 جويلية 2021").gregorian());
    assertEquals(LocalDate.of(2021, 8, 3), DatelineParser.parse("3 أوت 2021").gregorian());
    assertEquals(LocalDate.of(2022, 12, 5), DatelineParser.parse("الاثنين 5 دجنبر 2022").gregorian());
    assertEquals(LocalDate.of(2020, 12, 1), DatelineParser.parse("الثلاثاء  ١ / ١٢ / ٢٠٢٠").gregorian());
    assertEquals(LocalDate.of(2020, 3, 17), DatelineParser.parse("17:27 17.03.2020").gregorian());
    assertEquals(LocalDate.of(2020, 12, 25), DatelineParser.parse("2020/12/25 - 1:59 صباحًا").gregorian());
    assertEquals(LocalDate.of(2023, 4, 9), DatelineParser.parse("۹/۴/۲۰۲۳").gregorian());
  }

  @Test
  void englishDatesOnArabicPages() {
    assertEquals(LocalDate.of(2021, 4, 13), DatelineParser.parse("April 13, 2021").gregorian());
    assertEquals(LocalDate.of(2024, 3, 3), DatelineParser.parse("Published 3 Mar 2024").gregorian());
  }

  @Test
  void updateStampsAreKnownAsSuch() {
    assertTrue(DatelineParser.isUpdateStamp("آخر تحديث: 12 مارس/آذار 2024 - 14:30 (بتوقيت مكة المكرمة)"));
    assertEquals(LocalDate.of(2024, 3, 12),
        DatelineParser.parse("آخر تحديث: 12 مارس/آذار 2024 - 14:30 (بتوقيت مكة المكرمة)").gregorian());
    assertFalse(DatelineParser.isUpdateStamp("الأربعاء، 07 أكتوبر 2020 - 12:09 م"));
  }

  @Test
  void monthFirstDoubledMonthsWithSpacesAndFields() {
    assertEquals(LocalDate.of(2016, 2, 15), DatelineParser.parse("فبراير 15, 2016 09:31").gregorian());
    assertEquals(LocalDate.of(2025, 7, 10), DatelineParser.parse("10, يوليو 2025 20:07:46").gregorian());
    assertEquals(LocalDate.of(2021, 4, 15), DatelineParser.parse("الخميس 15 نيسان / أبريل 2021").gregorian());
    assertEquals(LocalDate.of(2021, 4, 15), DatelineParser.parse("نيسان / أبريل 15، 2021").gregorian());
    Dateline fields = DatelineParser.parse("الأحد 17-01-2016 19:05 | كتب: محمد السيد صالح، فادي فرنسيس، سامي علي، هند سعيد |");
    assertEquals(LocalDate.of(2016, 1, 17), fields.gregorian(), "a field of the line is the date");
    assertEquals(LocalDate.of(2025, 4, 17), DatelineParser.parse("2025-04-17T18:39+0000").gregorian());
  }
}

package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The date formats of Arabic news sites, as a table: every format of {@link DateFormats} for a day of every
 * month (one year each, 2001 to 2026), then single strings with their reading — forms the generated formats do
 * not cover, the day-or-month order of numeric dates, and what must not be read as a date at all.
 *
 * <p>Conventions decided here: a numeric date is read day first, as Arabic says dates and as the French and
 * British conventions the region's sites follow do; month first only when the first number cannot be a month.
 * A day and month without a year («12 مارس»), a month and year without a day, a two-digit year and a relative
 * date («منذ 3 ساعات», «أمس») give no date: a year or a day guessed from today would be wrong for every archive
 * page. A Hijri date printed alone is read as Hijri and gives no Gregorian day: sites that follow the sighting of
 * the moon differ from the Umm al-Qura tables by a day, and the hand-read truth records none. A span of days is
 * not a date. An ISO stamp's date is the one printed, not converted to UTC: it is the
 * publisher's own day.
 */
class DateFormatsTest {

  /** One row per month, the day and the year varied so that no two rows agree on either. */
  static List<LocalDate> days() {
    List<LocalDate> out = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      out.add(LocalDate.of(2001 + (m * 7) % 26, m, 1 + (m * 11) % 28));
    }
    return out;
  }

  @Test
  void everyFormatForEveryMonth() {
    List<String> misses = new ArrayList<>();
    int rows = 0;
    for (DateFormats.Format f : DateFormats.ALL) {
      for (LocalDate d : days()) {
        String printed = f.print().apply(d);
        Dateline got = DatelineParser.parse(Normalizer.normalize(printed));
        rows++;
        if (got == null || !d.equals(got.gregorian())) {
          misses.add(f.name() + ": «" + printed + "» → " + (got == null ? "none" : got.gregorian()));
        }
      }
    }
    assertTrue(rows >= 150, "the table has " + rows + " rows");
    assertEquals(List.of(), misses, misses.size() + " of " + rows + " rows misread");
  }

  /** «printed ⇒ yyyy-MM-dd», or «printed ⇒ none». */
  private static final String TABLE = """
      Dec 7, 2026 ⇒ 2026-12-07
      7 December 2026 ⇒ 2026-12-07
      2026-12-07T10:00:00Z ⇒ 2026-12-07
      2026-12-06T23:30:00-05:00 ⇒ 2026-12-06
      Sept. 7, 2026 ⇒ 2026-09-07
      7th December 2026 ⇒ 2026-12-07
      Monday 7 Dec 2026 ⇒ 2026-12-07
      March 12, 2024 at 10:30 am ⇒ 2024-03-12
      Updated: 12 March 2024 ⇒ 2024-03-12
      03/04/2024 ⇒ 2024-04-03
      13/04/2024 ⇒ 2024-04-13
      04/23/2024 ⇒ 2024-04-23
      12/3/2024 - 10:30 ص ⇒ 2024-03-12
      12.03.2024 | 10:30 ⇒ 2024-03-12
      2024.03.12 ⇒ 2024-03-12
      ١٢ آذار/مارس ٢٠٢٤ ⇒ 2024-03-12
      ۱۲ / ۳ / ۲۰۲۴ ⇒ 2024-03-12
      نيسان (أبريل) 15، 2021 ⇒ 2021-04-15
      الخميس 15 نيسان / أبريل 2021 ⇒ 2021-04-15
      12 كانون ثاني 2024 ⇒ 2024-01-12
      الأحد 5 تشرين الأول 2023 ⇒ 2023-10-05
      الأحد 5 تشرين أول 2023 ⇒ 2023-10-05
      الإثنين 1 إبريل 2024 ⇒ 2024-04-01
      نُشِرَ في ١٢ مارس ٢٠٢٤ ⇒ 2024-03-12
      آخر تحديث: 12 مارس 2024 - 14:30 ⇒ 2024-03-12
      محدث 12/03/2024 ⇒ 2024-03-12
      12 مارس 2024 - 10:30 مساءً بتوقيت غرينتش ⇒ 2024-03-12
      الساعة 10:30 صباحًا، الثلاثاء 12 مارس 2024 ⇒ 2024-03-12
      الثلاثاء 2 رمضان 1445 هـ ⇒ none
      1 رمضان 1445 هجري ⇒ none
      الثلاثاء 2 رمضان 1445 هـ الموافق 12 مارس 2024 م ⇒ 2024-03-12
      12-مارس-2024 ⇒ 2024-03-12
      12 مارس، 2024 ⇒ 2024-03-12
      الجمعة 29 مارس 2024 ⇒ 2024-03-29
      منذ 3 ساعات ⇒ none
      منذ ساعتين ⇒ none
      أمس ⇒ none
      قبل يومين ⇒ none
      اليوم ⇒ none
      12 مارس ⇒ none
      الثلاثاء 12 مارس ⇒ none
      مارس 2024 ⇒ none
      تشرين الأول 2023 ⇒ none
      2024 ⇒ none
      عام 2024 ⇒ none
      12/03/24 ⇒ none
      2-1 ⇒ none
      فاز الأهلي 2-1 ⇒ none
      3 - 1 ⇒ none
      0123-456-789 ⇒ none
      +962 6 555 0100 ⇒ none
      هاتف: 02-2345678 ⇒ none
      رقم 12/345/2024 ⇒ none
      12-14 مارس 2024 ⇒ none
      من 12 إلى 14 مارس 2024 ⇒ none
      12 و13 مارس 2024 ⇒ none
      بين 12 مارس و14 مارس 2024 ⇒ none
      2019-2020 ⇒ none
      الموسم 2023/2024 ⇒ none
      10:30 ⇒ none
      31/02/2024 ⇒ none
      32 مارس 2024 ⇒ none
      13/13/2024 ⇒ none
      https://example.com/2024/03/12/story ⇒ none
      www.example.com/2024/03/12 ⇒ none
      © 2024 جميع الحقوق محفوظة ⇒ none
      الدولار 30.90 ⇒ none
      22° القاهرة ⇒ none
      الفجر 04:12 ⇒ none
      اجتمع الطرفان في 13 مايو 2022. ⇒ none
      وقالت الوزارة إن الاجتماع سيعقد في 12 مارس 2024 بحضور عدد كبير من الوزراء والمسؤولين ⇒ none
      """;

  @Test
  void singleStringsAndNonDates() {
    List<String> misses = new ArrayList<>();
    int rows = 0;
    for (String row : TABLE.strip().split("\n")) {
      String[] parts = row.split(" ⇒ ");
      String want = parts[1].strip().equals("none") ? null : parts[1].strip();
      Dateline got = DatelineParser.parse(Normalizer.normalize(parts[0].strip()));
      String read = got == null || got.gregorian() == null ? null : got.gregorian().toString();
      rows++;
      if (!java.util.Objects.equals(want, read)) {
        misses.add("«" + parts[0].strip() + "» → " + read + ", want " + want);
      }
    }
    assertTrue(rows >= 60);
    assertEquals(List.of(), misses, misses.size() + " of " + rows + " rows misread");
  }

  @Test
  void publicationAndUpdateStampsAreKeptApart() {
    assertTrue(DatelineParser.isUpdateStamp("آخر تحديث: 12 مارس 2024 - 14:30"));
    assertTrue(DatelineParser.isUpdateStamp("Updated 12 March 2024"));
    assertTrue(DatelineParser.isUpdateStamp("(محدثة) 12/03/2024"));
    assertFalse(DatelineParser.isUpdateStamp("نشر في: 12 مارس 2024"));
    // a line of both is the publication's, whichever comes first
    assertFalse(DatelineParser.isUpdateStamp("نشر في: 12 مارس 2024 | آخر تحديث: 13 مارس 2024"));
    assertFalse(DatelineParser.isUpdateStamp("آخر تحديث: 14 مارس 2024 - تاريخ النشر: 12 مارس 2024"));
    assertEquals(LocalDate.of(2024, 3, 12),
        DatelineParser.parse("آخر تحديث: 14 مارس 2024 - تاريخ النشر: 12 مارس 2024").gregorian());
  }

  @Test
  void relativeStamps() {
    for (String relative : List.of("منذ 3 ساعات", "منذ ساعتين", "نشر منذ 5 دقائق", "آخر تحديث: منذ يومين", "قبل ٣ أيام", "أمس",
        "2 hours ago", "Yesterday")) {
      assertTrue(DatelineParser.isRelative(relative), relative);
      assertNull(DatelineParser.parse(relative), relative);
    }
    assertFalse(DatelineParser.isRelative("منذ 3 ساعات قصفت الطائرات المدينة"));
    assertFalse(DatelineParser.isRelative("12 مارس 2024"));
  }

  @Test
  void hijriAloneIsReadButGivesNoGregorianDay() {
    Dateline d = DatelineParser.parse("الثلاثاء 2 رمضان 1445 هـ");
    assertNull(d.gregorian());
    assertEquals("1445-09-02", d.hijri());
    assertEquals("Tuesday 2 Ramadan 1445 AH", d.english());
  }

  @Test
  void wireDatelineOpeningTheStory() {
    assertEquals(LocalDate.of(2024, 3, 12),
        DatelineParser.opening("القاهرة في 12 مارس 2024 /أ ش أ/ - أعلنت وزارة الصحة اليوم عن خطة جديدة.").gregorian());
    assertEquals(LocalDate.of(2024, 3, 3),
        DatelineParser.opening("بيروت - 3 آذار 2024 (رويترز) - قال مسؤولون إن الحكومة ستجتمع غدا.").gregorian());
    assertEquals(LocalDate.of(2024, 3, 12),
        DatelineParser.opening("المنصورة في 12 مارس 2024 - شهدت المدينة اليوم افتتاح مستشفى جديد.").gregorian(),
        "a place the gazetteer does not know, followed by the wire's dash");
    assertNull(DatelineParser.opening("القاهرة في 12 مارس /أ ش أ/ - أعلنت وزارة الصحة اليوم عن خطة جديدة."), "no year");
    assertNull(DatelineParser.opening("أعلنت الوزارة في 12 مارس 2024 أن الخطة ستبدأ الشهر المقبل."), "an event's date in prose");
    assertNull(DatelineParser.opening("في 12 مارس 2024، أعلنت الحكومة خطة جديدة للطاقة."), "no place before the date");
    assertNull(DatelineParser.opening("قال وزير الطاقة في مؤتمر صحفي عقده في العاصمة يوم 12 مارس 2024 إن الخطة جاهزة."));
  }
}

package arabrief.article;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How Arabic news sites print an article's date, written from the conventions of the region's calendars and
 * publishing systems (not copied from any page): the month-name traditions (Egypt and the Gulf, the Levant and
 * Iraq, Tunisia and Algeria, Morocco), the doubled names, the digit forms, Hijri beside Gregorian, times and
 * zones, numeric, ISO and English forms, and the labels of publication and update stamps. Each format prints a
 * {@link LocalDate}; {@link DateFormatsTest} reads every format for every month, the metamorphic date checks
 * ({@link DateMetamorphic}) print BBC Arabic articles' dates with them.
 */
final class DateFormats {

  private DateFormats() {}

  /** One way of printing a date; {@code clock} when a page's header clock is printed this way too. */
  record Format(String name, Function<LocalDate, String> print, boolean clock) {}

  // The month tables are written here independently of DatelineParser's, so the test can catch a missing name.
  static final String[] EGYPTIAN = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
  static final String[] LEVANTINE = {"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"};
  /** Tunisia and Algeria: the French names. */
  static final String[] MAGHREBI = {"جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};
  static final String[] MOROCCAN = {"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"};
  /** Spellings without hamza and the older Egyptian ones. */
  static final String[] VARIANT = {"يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيه", "يوليه", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر"};
  static final String[] HIJRI = {"محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"};
  static final String[] WEEKDAYS = {"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"};

  static String weekday(LocalDate d) {
    return WEEKDAYS[d.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue()];
  }

  static String month(String[] table, LocalDate d) {
    return table[d.getMonthValue() - 1];
  }

  /** «12 مارس 2024» in the given month names. */
  static String named(String[] table, LocalDate d) {
    return d.getDayOfMonth() + " " + month(table, d) + " " + d.getYear();
  }

  static String hijri(LocalDate d) {
    HijrahDate h = HijrahDate.from(d);
    return h.get(ChronoField.DAY_OF_MONTH) + " " + HIJRI[h.get(ChronoField.MONTH_OF_YEAR) - 1] + " " + h.get(ChronoField.YEAR) + " هـ";
  }

  static String digits(String s, char zero) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) (zero + c - '0') : c);
    }
    return out.toString();
  }

  static String two(int n) {
    return String.format(Locale.ROOT, "%02d", n);
  }

  static String english(LocalDate d, TextStyle style) {
    return d.getMonth().getDisplayName(style, Locale.ENGLISH);
  }

  /** «1st», «2nd», «3rd», «11th», «22nd». */
  static String ordinal(int n) {
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
    return n + suffix;
  }

  static final List<Format> ALL = new ArrayList<>();

  private static void add(String name, boolean clock, Function<LocalDate, String> print) {
    ALL.add(new Format(name, print, clock));
  }

  static {
    // month names, each tradition
    add("egyptian", true, d -> named(EGYPTIAN, d));
    add("levantine", true, d -> named(LEVANTINE, d));
    add("tunisian-algerian", true, d -> named(MAGHREBI, d));
    add("moroccan", true, d -> named(MOROCCAN, d));
    add("spelling variants", false, d -> named(VARIANT, d));
    // doubled names: Levantine first or Egyptian first, after a slash (spaced or not) or in brackets
    add("doubled slash", false, d -> d.getDayOfMonth() + " " + month(LEVANTINE, d) + "/" + month(EGYPTIAN, d) + " " + d.getYear());
    add("doubled egyptian first", false, d -> d.getDayOfMonth() + " " + month(EGYPTIAN, d) + "/" + month(LEVANTINE, d) + " " + d.getYear());
    add("doubled spaced slash", false, d -> d.getDayOfMonth() + " " + month(LEVANTINE, d) + " / " + month(EGYPTIAN, d) + " " + d.getYear());
    add("doubled brackets", false, d -> d.getDayOfMonth() + " " + month(LEVANTINE, d) + " (" + month(EGYPTIAN, d) + ") " + d.getYear());
    // weekday, commas, suffixes, digit forms
    add("weekday comma", true, d -> weekday(d) + "، " + named(EGYPTIAN, d));
    add("weekday latin comma", true, d -> weekday(d) + ", " + d.getDayOfMonth() + " " + month(EGYPTIAN, d) + ", " + d.getYear());
    add("comma before year", false, d -> d.getDayOfMonth() + " " + month(EGYPTIAN, d) + "، " + d.getYear());
    add("gregorian suffix", false, d -> named(EGYPTIAN, d) + "م");
    add("gregorian suffix spaced", false, d -> weekday(d) + " " + named(LEVANTINE, d) + " م");
    add("arabic-indic digits", true, d -> digits(weekday(d) + " " + named(EGYPTIAN, d), '\u0660'));
    add("persian digits", false, d -> digits(named(LEVANTINE, d), '\u06F0'));
    add("dashes around the month", false, d -> d.getDayOfMonth() + "-" + month(EGYPTIAN, d) + "-" + d.getYear());
    // times and zones
    add("time am", false, d -> weekday(d) + " " + named(EGYPTIAN, d) + " - 10:30 ص");
    add("time evening", false, d -> named(EGYPTIAN, d) + " | 08:15 مساءً");
    add("gmt", false, d -> named(EGYPTIAN, d) + " 10:30 GMT");
    add("mecca time", false, d -> named(LEVANTINE, d) + " - 14:30 (بتوقيت مكة المكرمة)");
    add("time first", false, d -> "10:30 " + two(d.getDayOfMonth()) + "." + two(d.getMonthValue()) + "." + d.getYear());
    // Hijri beside Gregorian (the Gregorian is taken), in both orders
    add("hijri then gregorian", true, d -> weekday(d) + " " + hijri(d) + " - " + named(EGYPTIAN, d) + " م");
    add("gregorian then hijri", true, d -> weekday(d) + " " + named(EGYPTIAN, d) + " الموافق " + hijri(d));
    // month first, as WordPress prints dates
    add("month first", false, d -> month(EGYPTIAN, d) + " " + d.getDayOfMonth() + ", " + d.getYear());
    add("month first arabic comma", false, d -> month(EGYPTIAN, d) + " " + d.getDayOfMonth() + "، " + d.getYear() + " - 9:05 م");
    // numeric: day first with / - . ; year first
    add("numeric slash", true, d -> two(d.getDayOfMonth()) + "/" + two(d.getMonthValue()) + "/" + d.getYear());
    add("numeric dash time", false, d -> weekday(d) + " " + two(d.getDayOfMonth()) + "-" + two(d.getMonthValue()) + "-" + d.getYear() + " 19:05");
    add("numeric dot", false, d -> d.getDayOfMonth() + "." + d.getMonthValue() + "." + d.getYear());
    add("numeric arabic-indic", true, d -> digits(d.getDayOfMonth() + " / " + d.getMonthValue() + " / " + d.getYear(), '\u0660'));
    add("year first slash", false, d -> d.getYear() + "/" + two(d.getMonthValue()) + "/" + two(d.getDayOfMonth()) + " - 1:59 صباحًا");
    add("year first short", false, d -> d.getYear() + "-" + d.getMonthValue() + "-" + d.getDayOfMonth());
    // ISO, as publishing systems print the machine date
    add("iso", false, d -> d.toString());
    add("iso time zone", false, d -> d + "T10:30:00+03:00");
    add("iso zulu", false, d -> d + "T10:00:00Z");
    add("iso space time", false, d -> d + " 00:00:00");
    // English on Arabic pages
    add("english mdy short", false, d -> english(d, TextStyle.SHORT) + " " + d.getDayOfMonth() + ", " + d.getYear());
    add("english dmy", false, d -> d.getDayOfMonth() + " " + english(d, TextStyle.FULL) + " " + d.getYear());
    add("english full", false, d -> d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", "
        + english(d, TextStyle.FULL) + " " + d.getDayOfMonth() + ", " + d.getYear() + " 10:30 AM");
    add("english ordinal", false, d -> english(d, TextStyle.FULL) + " " + ordinal(d.getDayOfMonth()) + ", " + d.getYear());
    // labels of the publication stamp
    add("label nushira fi", false, d -> "نشر في: " + named(EGYPTIAN, d) + " - 10:30 مساءً");
    add("label nushira bitarikh", false, d -> "نُشر بتاريخ " + two(d.getDayOfMonth()) + "/" + two(d.getMonthValue()) + "/" + d.getYear());
    add("label tarikh al-nashr", false, d -> "تاريخ النشر: " + weekday(d) + " " + named(LEVANTINE, d));
    add("label published", false, d -> "Published: " + english(d, TextStyle.SHORT) + " " + d.getDayOfMonth() + ", " + d.getYear());
    // both stamps on one line, in either order: the publication's date
    add("published then updated", false, d -> "نشر في: " + named(EGYPTIAN, d) + " | آخر تحديث: " + named(EGYPTIAN, d.plusDays(1)));
    add("updated then published", false, d -> "آخر تحديث: " + named(EGYPTIAN, d.plusDays(2)) + " - نشر في: " + named(EGYPTIAN, d));
    add("english both stamps", false, d -> "Updated " + english(d.plusDays(1), TextStyle.SHORT) + " " + d.plusDays(1).getDayOfMonth()
        + ", " + d.plusDays(1).getYear() + " · Published " + d.getDayOfMonth() + " " + english(d, TextStyle.FULL) + " " + d.getYear());
    // the date with the byline on one line of fields
    add("date and byline", false, d -> weekday(d) + " " + two(d.getDayOfMonth()) + "-" + two(d.getMonthValue()) + "-" + d.getYear()
        + " 14:45 | كتب: سامي علي |");
  }
}

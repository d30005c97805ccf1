package arabrief.article;

import static arabrief.article.ArabicPatterns.DIGIT;
import static arabrief.article.ArabicPatterns.loose;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a date line such as {@code الجمعة - 12 شوال 1443 هـ - 13 مايو 2022 مـ} and renders it in
 * English by table lookup: dates are too important to leave to the translation model, which
 * regularly shifts Hijri months and Levantine month names.
 */
final class DatelineParser {

  private static final String[] WEEKDAYS_AR = {"الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"};
  private static final String[] WEEKDAYS_EN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

  private static final Map<String, Integer> GREGORIAN_MONTHS = new LinkedHashMap<>();
  private static final Map<String, Integer> HIJRI_MONTHS = new LinkedHashMap<>();
  /** English dates on Arabic pages («April 13, 2021», «13 Apr 2021»). */
  private static final Map<String, Integer> ENGLISH_MONTHS = new LinkedHashMap<>();
  private static final String[] HIJRI_EN = {
    "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhirah",
    "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qa'dah", "Dhu al-Hijjah"
  };

  static {
    // Levantine/Iraqi names first, then the Egyptian/Maghrebi transliterations.
    String[][] levantine = {
      // with or without the article: «كانون الثاني», «كانون ثاني»
      {"كانون الثاني", "كانون ثاني"}, {"شباط"}, {"آذار"}, {"نيسان"}, {"أيار"}, {"حزيران"},
      {"تموز"}, {"آب"}, {"أيلول"}, {"تشرين الأول", "تشرين أول"}, {"تشرين الثاني", "تشرين ثاني"}, {"كانون الأول", "كانون أول"}
    };
    String[][] egyptian = {
      {"يناير"}, {"فبراير"}, {"مارس"}, {"أبريل", "ابريل", "إبريل"}, {"مايو"}, {"يونيو", "يونيه"},
      {"يوليو", "يوليه"}, {"أغسطس"}, {"سبتمبر"}, {"أكتوبر"}, {"نوفمبر"}, {"ديسمبر"}
    };
    // Maghreb: Tunisia and Algeria write the French names (جانفي, فيفري, أوت), Morocco its own
    // forms (يوليوز, غشت, شتنبر, نونبر, دجنبر); ماي and أفريل are shared.
    String[][] maghreb = {
      {"جانفي", "جانفييه"}, {"فيفري", "فبراير"}, {"مارس"}, {"أفريل"}, {"ماي"}, {"جوان"},
      {"جويلية", "جويليه", "يوليوز"}, {"أوت", "غشت"}, {"سبتمبر", "شتنبر"}, {"أكتوبر"}, {"نوفمبر", "نونبر"}, {"ديسمبر", "دجنبر"}
    };
    for (int m = 0; m < 12; m++) {
      for (String[][] table : new String[][][] {levantine, egyptian, maghreb}) {
        for (String name : table[m]) {
          GREGORIAN_MONTHS.putIfAbsent(name, m + 1);
        }
      }
      String en = Month.of(m + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      ENGLISH_MONTHS.put(en, m + 1);
      if (m == 8) {
        ENGLISH_MONTHS.put("Sept", m + 1); // «Sept. 7, 2026», the AP's abbreviation
      }
      ENGLISH_MONTHS.put(en.substring(0, 3), m + 1);
    }
    String[][] hijri = {
      {"محرم"}, {"صفر"}, {"ربيع الأول"}, {"ربيع الآخر", "ربيع الثاني"}, {"جمادى الأولى"},
      {"جمادى الآخرة", "جمادى الثانية"}, {"رجب"}, {"شعبان"}, {"رمضان"}, {"شوال"},
      {"ذو القعدة", "ذي القعدة"}, {"ذو الحجة", "ذي الحجة"}
    };
    for (int m = 0; m < 12; m++) {
      for (String name : hijri[m]) {
        HIJRI_MONTHS.put(name, m + 1);
      }
    }
  }

  private static final Pattern WEEKDAY = Pattern.compile(alternation(WEEKDAYS_AR) + "|" + loose("الإثنين"));
  private static final String MONTH_NAME = alternation(GREGORIAN_MONTHS.keySet().toArray(String[]::new));
  /** Between day, month and year: spaces, a comma, or a slash, dash or dot («12-مارس-2024», «12 مارس، 2024»). */
  private static final String PART = "(?:\\s*[,،/\\-.]\\s*|\\s+)";
  // The day, the month name, the other naming of the same month when a site prints both — in brackets
  // (13 مايو (أيار) 2022) or after a slash or dash (3 مارس/ آذار 2024, 04 آب/اغسطس 2013) — then the year.
  private static final String DOUBLED = "(?:\\s*\\([^)]{2,15}\\)|\\s*[/\\-–]\\s*" + MONTH_NAME + ")?";
  /** A four-digit year, then perhaps «م»/«مـ» (Gregorian) — never the start of a longer number. */
  private static final String YEAR = "(" + DIGIT + "{4})(?!" + DIGIT + ")";
  /** The month first, as WordPress prints Arabic dates by default: «فبراير 15, 2016», «يوليو 10، 2025». */
  private static final Pattern GREGORIAN_MDY =
      Pattern.compile("(?<![\\p{L}])(" + MONTH_NAME + ")" + DOUBLED + "\\s+(" + DIGIT + "{1,2})\\s*[,،]?\\s*" + YEAR);
  private static final Pattern GREGORIAN =
      Pattern.compile("(?<!" + DIGIT + ")(" + DIGIT + "{1,2})" + PART + "(" + MONTH_NAME + ")(?![\\p{L}])" + DOUBLED + PART + YEAR
          + "(?:\\s*(?:مـ|م)(?![\\p{L}]))?");
  /**
   * Two days before one month («12-14 مارس 2024», «12 و13 مارس», «من 12 إلى 14 مارس»): a span of days, not a
   * date. A time before a date («14:30 - 12 مارس») is no span, hence the colon.
   */
  private static final Pattern DAY_RANGE = Pattern.compile("(?<![:" + DIGIT.substring(1, DIGIT.length() - 1) + "])" + DIGIT
      + "{1,2}\\s*(?:[-–]|و|" + loose("إلى") + "|" + loose("حتى") + ")\\s*" + DIGIT + "{1,2}\\s+" + MONTH_NAME);
  /** «من 12 مارس إلى 14 مارس 2024», «بين … و…»: a period, not a date. */
  private static final Pattern SPAN_WORDS = Pattern.compile("(?<![\\p{L}])(?:" + loose("إلى") + "|" + loose("حتى") + "|بين)(?![\\p{L}])");
  private static final Pattern HIJRI =
      Pattern.compile(
          "(" + DIGIT + "{1,2})" + PART + "(" + alternation(HIJRI_MONTHS.keySet().toArray(String[]::new))
              + ")" + PART + "(" + DIGIT + "{4})\\s*(?:هـ|ه|" + loose("هجري") + "|" + loose("هجرية") + ")(?![\\p{L}])");
  private static final Pattern ISO = Pattern.compile("(?<!" + DIGIT + ")(" + DIGIT + "{4})-(" + DIGIT + "{2})-(" + DIGIT + "{2})(?!" + DIGIT + ")");
  // Day, month, year with / . or - (spaces allowed around the separator: «١ / ١٢ / ٢٠٢٠», «17.03.2020»);
  // year first («2020/12/25», «2024-3-5»). Arabic pages write the day before the month, as the language says
  // dates («الثالث من أبريل») and as the French and British conventions the region's sites grew up with do;
  // only when the first number cannot be a month (13 and up) is the order month first.
  private static final String SEP = "\\s*[/.\\-]\\s*";
  private static final Pattern NUMERIC =
      Pattern.compile("(?<!" + DIGIT + "|" + DIGIT + "[/.\\-])(" + DIGIT + "{1,2})" + SEP + "(" + DIGIT + "{1,2})" + SEP + YEAR);
  private static final Pattern YEAR_FIRST =
      Pattern.compile("(?<!" + DIGIT + ")(" + DIGIT + "{4})\\s*[/.\\-]\\s*(" + DIGIT + "{1,2})\\s*[/.\\-]\\s*(" + DIGIT + "{1,2})(?!" + DIGIT + ")");
  private static final String ENGLISH_MONTH = "(?i:(" + String.join("|", ENGLISH_MONTHS.keySet()) + ")\\.?)";
  private static final String ORDINAL = "(?i:st|nd|rd|th)?";
  private static final Pattern ENGLISH_MDY =
      Pattern.compile("(?<![\\p{L}])" + ENGLISH_MONTH + "\\s+(\\d{1,2})" + ORDINAL + ",?\\s+(\\d{4})(?!\\d)");
  private static final Pattern ENGLISH_DMY =
      Pattern.compile("(?<!\\d)(\\d{1,2})" + ORDINAL + "\\s+(?i:of\\s+)?" + ENGLISH_MONTH + ",?\\s+(\\d{4})(?!\\d)");

  /** Words that date lines carry besides the date: "نشر في", "آخر تحديث", "بتوقيت مكة المكرمة". */
  private static final Pattern LABELS =
      Pattern.compile("(?i)(?<![\\p{L}])(?:" + String.join("|", java.util.stream.Stream.of(
              "نشر في", "نشر", "آخر تحديث", "تحديث", "تاريخ النشر", "بتوقيت", "مكة المكرمة", "القدس",
              "غرينتش", "جرينتش", "الساعة", "صباحا", "صباحًا", "مساء", "مساءً", "ص", "م", "GMT", "AM", "PM",
              "محدثة", "محدث", "آخر تعديل", "تاريخ", "منشور", "بتاريخ", "UTC", "Updated", "Published", "at",
              "تم النشر", "النشر", "التحديث", "ميلادي", "ميلادية", "هجري", "هجرية", "Last updated", "Posted", "on")
          .sorted((a, b) -> b.length() - a.length()).map(ArabicPatterns::loose).toList())
          + ")(?![\\p{L}])");

  /** More words than this beside the dates and the line is prose that mentions a date. */
  private static final int MAX_OTHER_WORDS = 6;

  /** An address: «…/2024/03/12/story» is a link's path, not a date line. */
  private static final Pattern LINK = Pattern.compile("(?i:https?://|www\\.)");

  /** Harakat, tanween, shadda, sukun, dagger alef: «نُشِرَ» is «نشر» to every rule here. */
  private static final Pattern DIACRITICS = Pattern.compile("[\\u064B-\\u0652\\u0670]");

  private DatelineParser() {}

  private static final Pattern UPDATE = Pattern.compile("(?i:updated|modified)|" + ArabicPatterns.loose("تحديث") + "|"
      + ArabicPatterns.loose("محدث") + "|" + ArabicPatterns.loose("تعديل"));
  /** A publication label: where a line prints both stamps, the date after it is the article's. */
  private static final Pattern PUBLISHED = Pattern.compile("(?i:published|posted)|" + loose("تاريخ النشر") + "|"
      + loose("تم النشر") + "|" + loose("نشر") + "|" + loose("منشور"));
  /** Where a line of both stamps is cut: before each label. */
  private static final Pattern STAMP_LABEL = Pattern.compile("(?=(?i:published|posted|updated|last updated)"
      + "|(?<![\\p{L}])(?:" + loose("آخر تحديث") + "|" + loose("آخر تعديل") + "|" + loose("تاريخ النشر") + "|" + loose("تم النشر")
      + "|" + loose("نشر") + "|" + loose("تحديث") + "|" + loose("محدث") + "))");

  /** True for a Gregorian month's name as Arabic papers print it («مارس», «آذار»). */
  static boolean isMonth(String word) {
    return MONTH_PATTERN.matcher(word.strip()).matches();
  }

  private static final Pattern MONTH_PATTERN = Pattern.compile(MONTH_NAME);

  /**
   * True for a "last updated" stamp («آخر تحديث …», «(محدثة …)», «Updated …»); a line that also prints the
   * publication date after its label («نشر في … | آخر تحديث …») is the publication's.
   */
  static boolean isUpdateStamp(String line) {
    return saysUpdated(line) && publishedPart(line) == null;
  }

  private static boolean saysUpdated(String line) {
    return UPDATE.matcher(DIACRITICS.matcher(line).replaceAll("")).find();
  }

  /** Fields of a meta line: «الأحد 17-01-2016 19:05 | كتب: أ، ب، ج |». */
  private static final Pattern FIELDS = Pattern.compile("\\s*\\|\\s*");

  /**
   * The dateline in {@code line}, or null when the line is not a date line. A line of fields split by
   * «|» is a date line when one of its fields is (the others may hold a byline or a section). A line that
   * prints a publication and an update stamp gives the publication date, in whichever order they stand.
   */
  static Dateline parse(String line) {
    Dateline whole = parseLine(line);
    if (whole != null && saysUpdated(line)) {
      Dateline published = publishedPart(line);
      return published != null ? published : whole;
    }
    if (whole != null || line.indexOf('|') < 0 || line.length() > 160) {
      return whole;
    }
    for (String field : FIELDS.split(line)) {
      Dateline d = field.isBlank() ? null : parseLine(field.strip());
      if (d != null) {
        return new Dateline(line, d.english(), d.gregorian(), d.hijri());
      }
    }
    return null;
  }

  /** Of a line that prints an "updated" stamp, the date after a publication label, or null. */
  private static Dateline publishedPart(String line) {
    String plain = DIACRITICS.matcher(line).replaceAll("");
    for (String part : STAMP_LABEL.split(plain)) {
      String p = part.replaceAll("^[\\s|\\-–—,،:]+|[\\s|\\-–—,،:]+$", "");
      if (!p.isEmpty() && PUBLISHED.matcher(p).lookingAt() && !saysUpdated(p)) {
        Dateline d = parseLine(p);
        if (d != null) {
          return new Dateline(line, d.english(), d.gregorian(), d.hijri());
        }
      }
    }
    return null;
  }

  private static final Pattern RELATIVE = Pattern.compile("[^\\p{L}\\d]*(?:(?:" + loose("نشر") + "|" + loose("آخر تحديث") + "|" + loose("تحديث")
      + ")\\s*[:：]?\\s*)?(?:(?:" + loose("منذ") + "|" + loose("قبل") + ")\\s+(?:" + DIGIT + "+\\s*)?(?:" + String.join("|",
          java.util.stream.Stream.of("دقيقة", "دقائق", "دقيقتين", "ثانية", "ثوان", "ساعة", "ساعات", "ساعتين", "يوم", "أيام", "يومين",
              "أسبوع", "أسابيع", "أسبوعين", "شهر", "أشهر", "شهرين", "سنة", "سنوات", "عام", "أعوام").map(ArabicPatterns::loose).toList())
      + ")|" + loose("أمس") + "|" + loose("الأمس") + "|" + loose("البارحة") + "|(?i:\\d+\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\\s+ago|yesterday))"
      + "[\\s\\p{P}]*");

  /**
   * True for a relative date stamp on a line of its own («منذ 3 ساعات», «نشر منذ يومين», «أمس», «2 hours ago»): the
   * article's date, printed without the day; it gives no date ({@link #parse} reads none), and it says that a date
   * printed elsewhere near the headline is the page's, not the story's.
   */
  static boolean isRelative(String line) {
    return RELATIVE.matcher(DIACRITICS.matcher(line.strip()).replaceAll("")).matches();
  }

  /** Words that may stand before the date of a wire dateline opening a story: «القاهرة في 12 مارس 2024». */
  private static final int MAX_PLACE_WORDS = 3;
  /** How far into the first paragraph a wire dateline's date may start. */
  private static final int MAX_DATELINE_PREFIX = 40;
  /** After a wire dateline's date: the agency in brackets or slashes, or a dash. */
  private static final Pattern WIRE_MARK = Pattern.compile("\\s*(?:م\\s*)?(?:[(/]|[-–—])");
  /** Between a wire dateline's place and its date: «في», a dash, a comma. */
  private static final Pattern TRAILING_LINK = Pattern.compile("(?:\\s*(?:(?<![\\p{L}])" + loose("في") + "|[-–—،,:]))+\\s*$");

  /**
   * The date of a wire dateline opening a paragraph — a place, perhaps «في» or a dash, the full date, then the
   * agency's mark or a dash («القاهرة في 12 مارس 2024 /أ ش أ/ -», «بيروت - 3 آذار 2024 (رويترز) -») — or null.
   * A date without its year is no date here (see {@link #parse}).
   */
  static Dateline opening(String paragraph) {
    String p = DIACRITICS.matcher(paragraph).replaceAll("");
    for (Pattern format : new Pattern[] {GREGORIAN, GREGORIAN_MDY, NUMERIC}) {
      Matcher m = format.matcher(p);
      if (!m.find() || m.start() > MAX_DATELINE_PREFIX) {
        continue;
      }
      String before = TRAILING_LINK.matcher(p.substring(0, m.start())).replaceAll("").strip();
      int words = ArabicPatterns.wordCount(before);
      if (words < 1 || words > MAX_PLACE_WORDS || before.matches(".*[.!؟?؛:()«»\"].*") || before.matches(".*" + DIGIT + ".*")) {
        continue;
      }
      boolean place = Gazetteer.english(before.replaceAll("[،,]", "، ").replaceAll("\\s+", " ")) != null;
      if (place || WIRE_MARK.matcher(p.substring(m.end())).lookingAt()) {
        Dateline d = parseLine(m.group());
        if (d != null && d.gregorian() != null) {
          return new Dateline(p.substring(0, m.end()), d.english(), d.gregorian(), d.hijri());
        }
      }
    }
    return null;
  }

  private static Dateline parseLine(String printed) {
    String line = DIACRITICS.matcher(printed).replaceAll("");
    if (line.endsWith(".") && !line.matches(".*(?i:[a-z]{3})\\.$") || line.length() > 160) {
      return null;
    }
    if (DAY_RANGE.matcher(line).find() || SPAN_WORDS.matcher(line).find() || LINK.matcher(line).find()) {
      return null;
    }
    String rest = line;
    LocalDate gregorian = null;
    Matcher g = GREGORIAN.matcher(line);
    Matcher gm = GREGORIAN_MDY.matcher(line);
    if (g.find()) {
      gregorian = date(number(g.group(3)), monthOf(GREGORIAN_MONTHS, g.group(2)), number(g.group(1)));
      rest = rest.replace(g.group(), " ");
    } else if (gm.find()) {
      gregorian = date(number(gm.group(3)), monthOf(GREGORIAN_MONTHS, gm.group(1)), number(gm.group(2)));
      rest = rest.replace(gm.group(), " ");
    } else {
      Matcher iso = ISO.matcher(line);
      Matcher num = NUMERIC.matcher(line);
      Matcher yearFirst = YEAR_FIRST.matcher(line);
      Matcher mdy = ENGLISH_MDY.matcher(line);
      Matcher dmy = ENGLISH_DMY.matcher(line);
      if (iso.find()) {
        gregorian = date(number(iso.group(1)), number(iso.group(2)), number(iso.group(3)));
        rest = rest.replace(iso.group(), " ");
      } else if (num.find()) {
        int first = number(num.group(1));
        int second = number(num.group(2));
        // day first; month first only when the first number cannot be a month's and the second can
        gregorian = second > 12 && first <= 12 ? date(number(num.group(3)), first, second) : date(number(num.group(3)), second, first);
        rest = rest.replace(num.group(), " ");
      } else if (yearFirst.find()) {
        gregorian = date(number(yearFirst.group(1)), number(yearFirst.group(2)), number(yearFirst.group(3)));
        rest = rest.replace(yearFirst.group(), " ");
      } else if (mdy.find()) {
        gregorian = date(number(mdy.group(3)), englishMonth(mdy.group(1)), number(mdy.group(2)));
        rest = rest.replace(mdy.group(), " ");
      } else if (dmy.find()) {
        gregorian = date(number(dmy.group(3)), englishMonth(dmy.group(2)), number(dmy.group(1)));
        rest = rest.replace(dmy.group(), " ");
      }
    }
    String hijri = null;
    String hijriEnglish = null;
    Matcher h = HIJRI.matcher(line);
    if (h.find()) {
      int day = number(h.group(1));
      int month = monthOf(HIJRI_MONTHS, h.group(2));
      int year = number(h.group(3));
      if (day >= 1 && day <= 30) {
        hijri = String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
        hijriEnglish = day + " " + HIJRI_EN[month - 1] + " " + year + " AH";
        rest = rest.replace(h.group(), " ");
      }
    }
    if (gregorian == null && hijri == null) {
      return null;
    }
    String weekday = null;
    Matcher w = WEEKDAY.matcher(line);
    if (w.find()) {
      weekday = weekdayEnglish(w.group());
      rest = rest.replace(w.group(), " ");
    }
    rest = LABELS.matcher(rest).replaceAll(" ");
    if (ArabicPatterns.wordCount(rest.replaceAll("[\\p{P}\\p{S}" + "]+|" + DIGIT + "+", " ")) > MAX_OTHER_WORDS) {
      return null;
    }
    return new Dateline(printed, english(weekday, gregorian, hijriEnglish), gregorian, hijri);
  }

  private static String english(String weekday, LocalDate gregorian, String hijriEnglish) {
    StringBuilder out = new StringBuilder();
    if (weekday != null) {
      out.append(weekday).append(' ');
    }
    if (gregorian != null) {
      out.append(gregorian.getDayOfMonth()).append(' ')
          .append(gregorian.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append(' ')
          .append(gregorian.getYear());
      if (hijriEnglish != null) {
        out.append(" (").append(hijriEnglish).append(')');
      }
    } else {
      out.append(hijriEnglish);
    }
    return out.toString();
  }

  private static String weekdayEnglish(String arabic) {
    for (int i = 0; i < WEEKDAYS_AR.length; i++) {
      if (arabic.matches(loose(WEEKDAYS_AR[i]))) {
        return WEEKDAYS_EN[i];
      }
    }
    return WEEKDAYS_EN[0]; // the only other alternative is the spelling الإثنين
  }

  private static LocalDate date(int year, int month, int day) {
    try {
      return LocalDate.of(year, Month.of(month), day);
    } catch (DateTimeException impossible) {
      return null;
    }
  }

  private static int monthOf(Map<String, Integer> months, String printed) {
    for (Map.Entry<String, Integer> e : months.entrySet()) {
      if (printed.matches(loose(e.getKey()))) {
        return e.getValue();
      }
    }
    throw new IllegalStateException("month matched but not in table: " + printed);
  }

  private static int englishMonth(String printed) {
    for (Map.Entry<String, Integer> e : ENGLISH_MONTHS.entrySet()) {
      if (e.getKey().equalsIgnoreCase(printed)) {
        return e.getValue();
      }
    }
    throw new IllegalStateException("month matched but not in table: " + printed);
  }

  private static int number(String digits) {
    return Integer.parseInt(ArabicPatterns.asciiDigits(digits));
  }

  /** Longest names first so that كانون الثاني is not read as a shorter name. */
  private static String alternation(String[] words) {
    return java.util.Arrays.stream(words)
        .sorted((a, b) -> b.length() - a.length())
        .map(ArabicPatterns::loose)
        .collect(java.util.stream.Collectors.joining("|", "(?:", ")"));
  }
}

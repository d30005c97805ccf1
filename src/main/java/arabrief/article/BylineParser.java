package arabrief.article;

import static arabrief.article.ArabicPatterns.loose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporter bylines and wire datelines: "بيروت - محمد شقير -", "دمشق، سوريا (CNN) --" or
 * "القاهرة (رويترز) -" at the start of the first paragraph, or a line of their own such as
 * "كتب: أحمد علي", "لندن: «الشرق الأوسط»", "(أ ف ب)" and "المصدر : الجزيرة + وكالات". They name the
 * place, the author and the source, not the news, and confuse the translator when left in; they are
 * reported in the article's {@link Byline}.
 */
final class BylineParser {

  private static final String DASH = "(?:--|[-–—])";
  private static final String WORD = "[\\p{L}\\p{M}]+";
  private static final String PLACE = WORD + "(?:\\s" + WORD + "){0,2}(?:،\\s*" + WORD + "(?:\\s" + WORD + ")?)?";
  /** A title before a name: «د.», «أ.د.», «د/», «م.», «الدكتور», «الشيخ». */
  private static final String TITLE = "(?:(?:أ\\.\\s*د|د|م|أ)\\.\\s*|د/\\s*|(?:" + String.join("|", java.util.stream.Stream.of(
      "الأستاذ الدكتور", "الدكتور", "الدكتورة", "دكتور", "دكتورة", "الشيخ", "المهندس", "المهندسة", "الأستاذ", "الأستاذة",
      "اللواء", "المستشار", "السفير").map(ArabicPatterns::loose).toList()) + ")\\s+)";
  /**
   * A writer's role printed after the name: «NAME - صحفي», «NAME، مراسل «الشرق» في بيروت», «NAME | كاتب
   * وباحث». The nouns of the trade in Arabic (reporter, correspondent, editor, writer, researcher, analyst,
   * professor), masculine and feminine; what follows them (an outlet, a place) is the role's.
   */
  private static final String ROLE_WORD = "(?:" + String.join("|", java.util.stream.Stream.of(
      "صحفي", "صحفية", "صحافي", "صحافية", "مراسل", "مراسلة", "مراسلنا", "مراسلتنا", "محرر", "محررة", "كاتب", "كاتبة",
      "باحث", "باحثة", "محلل", "محللة", "إعلامي", "إعلامية", "أستاذ", "أستاذة", "رئيس تحرير", "رئيسة تحرير", "مدير تحرير",
      "مديرة تحرير", "مدير مكتب", "مديرة مكتب", "خبير", "خبيرة", "أكاديمي", "أكاديمية", "مترجم", "مترجمة", "مصور", "مصورة")
      .map(ArabicPatterns::loose).toList()) + ")(?![\\p{L}\\p{M}])";
  /** The role after a name, to the line's end: the role's noun and at most eight more words, no sentence's end. */
  private static final String ROLE_AFTER = ROLE_WORD + "(?:\\s+[^\\s.؟?!؛]+){0,8}";
  /** A writer's role printed before the name: «بقلم الكاتب: …», «كتب الزميل …». */
  private static final String ROLE = "(?:(?:الكاتب|الكاتبة|الصحفي|الصحفية|الإعلامي|الإعلامية|الزميل|الزميلة|الباحث|الباحثة)\\s*:?\\s*)";
  /** A name of one to four words; a role's noun («صحفي», «مراسل») starts no name. */
  private static final String NAME = "(?!" + ROLE_WORD + ")" + TITLE + "?" + WORD + "(?:\\s" + WORD + "){0,3}";
  /** Names in Latin letters after «By»: capitalised words, two to four a name, joined by «and», «&» or commas. */
  private static final String LATIN_NAME = "\\p{Lu}[\\p{L}.'-]*(?:\\s\\p{Lu}[\\p{L}.'-]*){1,3}";
  private static final String LATIN_NAMES = LATIN_NAME + "(?:\\s*(?:,|&|\\band\\b)\\s*" + LATIN_NAME + ")*";
  private static final String AGENCY = "\\(([\\p{L}\\p{M}. ]{1,20})\\)";

  private static final Pattern PLACE_NAME = Pattern.compile("^(" + PLACE + ")\\s*" + DASH + "\\s*(" + NAME + ")\\s*" + DASH + "\\s*");
  private static final Pattern PLACE_AGENCY = Pattern.compile("^(" + PLACE + ")\\s*(?:" + DASH + "\\s*)?" + AGENCY + "\\s*(?:" + DASH + "|:)?\\s*");
  /** An agency's sign-off closing the body: «… في العاصمة. (رويترز)», «… (أ ف ب)». */
  private static final Pattern SIGN_OFF = Pattern.compile("\\s*(?:--|[-–—])?\\s*[(\\[]([^()\\[\\]]{2,30})[)\\]]\\s*[.]?$");
  private static final Pattern PLACE_PAPER = Pattern.compile("^(" + PLACE + ")\\s*:\\s*«([^»]{2,30})»\\s*(?:" + DASH + "\\s*)?");
  private static final Pattern PLACE_ONLY = Pattern.compile("^(" + WORD + "(?:\\s" + WORD + ")?)\\s+" + DASH + "\\s+");
  /** A site's tag of up to three words opening the story, its outlet word last or inside: «النهار الجديد نيوز -», «الوادي 24 -». */
  private static final Pattern OUTLET_ONLY = Pattern.compile("^(" + WORD + "(?:\\s" + WORD + "){0,2}(?:\\s" + ArabicPatterns.DIGIT
      + "{1,3})?)\\s+" + DASH + "\\s+");
  private static final Pattern AGENCY_ONLY = Pattern.compile("^" + AGENCY + "\\s*(?:" + DASH + "\\s*)?");
  /** A wire dateline with slashes: «الجزائر / 3 تشرين الثاني / نوفمبر / إرنا -». */
  private static final Pattern SLASHED = Pattern.compile("^(" + PLACE + ")\\s*/[^/]{1,30}(?:/[^/]{1,30})*/\\s*([\\p{L}. ]{2,20}?)\\s*" + DASH + "\\s*");
  /** An outlet, a dash and the place: «أفريقيا برس – المغرب.» */
  /**
   * A wire dateline with the day between place and credit, as agencies print it: «عمان 12 آذار (بترا) -»,
   * «القاهرة في 12 مارس /أ ش أ/», «رام الله 12-3-2024 وفا-» (a bare credit only when it is an agency).
   */
  private static final String DAY = ArabicPatterns.DIGIT + "{1,4}(?:\\s*[-/.]\\s*" + ArabicPatterns.DIGIT + "{1,4}){0,2}(?:\\s+"
      + WORD + "(?:\\s*/\\s*" + WORD + ")?(?![\\p{L}\\p{M}]))?(?:\\s+" + ArabicPatterns.DIGIT + "{4})?";
  private static final Pattern PLACE_DAY_CREDIT = Pattern.compile("^(?<place>" + PLACE + ")\\s*[،,]?\\s*(?<day>" + DAY
      + ")\\s*(?:\\((?<paren>[\\p{L}\\p{M}. ]{1,20})\\)|/\\s*(?<slash>[\\p{L}. ]{1,20}?)\\s*/|(?<![\\p{L}\\p{M}])(?<bare>[\\p{L}. ]{1,20}?)\\s*(?="
      + DASH + "))\\s*(?:" + DASH + "|:)?\\s*");
  /** «بغداد/ واع -», «القاهرة / أ ش أ:»: a place, a slash and an agency, opening the first paragraph. */
  private static final Pattern PLACE_SLASH_AGENCY = Pattern.compile("^(" + PLACE + ")\\s*/\\s*([\\p{L}. ]{2,20}?)\\s*(?:" + DASH + "|:|/)\\s*");
  /** «إسطنبول/ NAME/ الأناضول/»: place, reporter and agency between slashes, as Turkish and Gulf agencies print them. */
  private static final Pattern PLACE_NAME_AGENCY = Pattern.compile("^(" + PLACE + ")\\s*/\\s*(" + NAME + ")\\s*/\\s*([\\p{L}. ]{2,20}?)\\s*(?:/|"
      + DASH + "|:)\\s*");
  /**
   * «دمشق-سانا», «القاهرة - أ ش أ:»: a place, a dash and an agency's name of one to three words, with or
   * without a sign after it; tried longest first, and only a name the agency gazetteer knows counts.
   */
  private static final java.util.List<Pattern> PLACE_DASH_AGENCY = java.util.stream.IntStream.of(3, 2, 1).mapToObj(k -> Pattern.compile("^(" + PLACE
      + ")\\s*" + DASH + "\\s*(" + WORD + "(?:\\.?\\s*" + WORD + "){" + (k - 1) + "}\\.?)(?![\\p{L}\\p{M}])\\s*(?:" + DASH + "|:)?\\s*"))
      .toList();
  private static final Pattern OUTLET_PLACE = Pattern.compile("^(" + WORD + "(?:\\s" + WORD + "){0,2})\\s*" + DASH + "\\s*(" + PLACE + ")\\s*[.:]\\s+");

  /**
   * Verbs and labels of authorship Arabic papers print before a name: writing (كتب، بقلم, and «by», بواسطة, as publishing systems print it), preparing
   * and reporting (إعداد، تقرير، متابعة، تحرير), interviews (حوار، أجرى الحوار، حاوره) and translations
   * (ترجمة، ترجمه). Language knowledge, not any one site's wording.
   */
  private static final String AUTHOR_VERB = alternation("كتب", "كتبت", "كتبه", "كتبته", "بقلم", "بواسطة", "نشر بواسطة",
      "نشرت بواسطة", "حرر بواسطة", "تحرير بواسطة", "أعده", "أعدته", "إعداد", "تقرير",
      "حاوره", "حاورته", "حاورها", "ترجمه", "ترجمها");
  /** Nouns that are also section names («حوار», «متابعة»): an author label only with a colon or dash after them. */
  private static final String AUTHOR_LABEL = alternation("حوار", "أجرى الحوار", "متابعة", "تحرير", "ترجمة",
      "إعداد وترجمة", "تغطية", "رصد", "تحقيق");
  /** Several names: «أ ب، ج د», «أ ب وج د», «أ ب و ج د», «أ ب & ج د». */
  private static final String NAMES = NAME + "(?:\\s*[،,&]\\s*" + NAME + "|\\s+و\\s*" + NAME + ")*";
  /** What separates a label from its name, or a name from its role or place: a colon, a slash or any dash. */
  private static final String SEP = "[:：/\\-–—]";
  private static final Pattern BYLINE_LINE =
      Pattern.compile("^(?:" + AUTHOR_VERB + "(?:\\s*" + SEP + ")?|" + AUTHOR_LABEL + "\\s*" + SEP + ")\\s*" + ROLE + "?(" + NAMES
          + ")(?:\\s*[-–—،,|]\\s*" + ROLE_AFTER + ")?(?:\\s*[-–—]\\s*(" + PLACE + "))?\\s*[|]?$");
  /**
   * An author label on a line of its own, the name on the next line: «كتب:», «بقلم», «By». Nouns that are
   * also section names («تقرير», «حوار») only with their colon.
   */
  private static final Pattern AUTHOR_ALONE = Pattern.compile("^(?:" + alternation("كتب", "كتبت", "بقلم", "بواسطة") + "(?:\\s*" + SEP
      + ")?|(?:" + AUTHOR_VERB + "|" + AUTHOR_LABEL + "|" + loose("الكاتب") + "|" + loose("الكاتبة") + "|" + loose("المؤلف") + ")\\s*"
      + SEP + "|(?i:by|written by|author|authors)\\s*:?)$");
  /** A reporter's name and role on one line: «NAME - صحفي», «NAME، مراسل «الشرق» في بيروت». */
  private static final Pattern NAME_ROLE = Pattern.compile("^(" + NAME + ")\\s*[-–—،,|]\\s*(" + ROLE_AFTER + ")$");
  /** A role on a line of its own under a name: «صحفي», «مراسل الشرق في بيروت», «كاتب وباحث». */
  private static final Pattern ROLE_LINE = Pattern.compile("^" + ROLE_WORD + "(?:\\s+[^\\s.؟?!؛:]+){0,5}$");
  // A paper's name is at most three words; "وزير الصحة: «المستشفى سيخدم سكان الشمال»" is a quote.
  private static final Pattern PAPER_LINE = Pattern.compile("^(" + PLACE + ")\\s*:\\s*«([^»\\s]{2,20}(?:\\s[^»\\s]{1,20}){0,2})»$");
  /** «Author, name», «By name», «Written by name», «الكاتب: name»: a label of authorship and a name. */
  private static final Pattern AUTHOR_LABEL_LINE =
      Pattern.compile("^(?:(?i:author|authors|written by|reported by|by)|" + loose("الكاتب") + "|" + loose("المؤلف") + "|" + loose("المحرر") + ")\\s*[,،:]?\\s+(" + NAMES + "|" + LATIN_NAMES + ")$");
  /** «حسام أبو العلا - القاهرة», «NAME | PLACE»: a name, a dash or bar and a place the gazetteer knows. */
  private static final Pattern NAME_PLACE = Pattern.compile("^(" + NAME + ")\\s*[-–—|]\\s*(" + PLACE + ")$");
  /** «القاهرة - محمود عبد الرحمن»: a place the gazetteer knows, a dash and a name. */
  private static final Pattern PLACE_NAME_LINE = Pattern.compile("^(" + PLACE + ")\\s*" + DASH + "\\s*(" + NAME + ")$");
  /** «بيروت: NAME»: a place the gazetteer knows, a colon and a name. */
  private static final Pattern PLACE_COLON_NAME = Pattern.compile("^(" + PLACE + ")\\s*:\\s*(" + NAME + ")$");
  /** «NAME (جدة)»: a name and, in brackets, the place it filed from. */
  private static final Pattern NAME_BRACKET_PLACE = Pattern.compile("^(" + NAME + ")\\s*\\((" + PLACE + ")\\)$");
  /** «الرياض - واس», «بيروت - «الحياة»», «بغداد/ واع»: a place and the agency or paper that filed from it. */
  private static final Pattern PLACE_CREDIT_LINE =
      Pattern.compile("^(" + PLACE + ")\\s*(?:" + DASH + "|(:)|/)\\s*(?:«([^»\\s]{2,20}(?:\\s[^»\\s]{1,20}){0,2})»|([\\p{L}. ]{1,20}))$");
  /** «مراسلنا في بيروت», «مراسل الجزيرة في غزة»: the paper's correspondent and the place. */
  private static final Pattern CORRESPONDENT = Pattern.compile("^(?:" + loose("من") + "\\s+)?((?:" + loose("مراسلنا") + "|"
      + loose("مراسلتنا") + "|" + loose("مراسل") + "|" + loose("مراسلة") + ")(?:\\s+«?" + WORD + "»?){0,2}?)\\s+" + loose("في")
      + "\\s+(" + PLACE + ")$");
  /** «نقلا عن «الشرق الأوسط»»: a story reprinted from another outlet, credited on a line of its own. */
  private static final Pattern REPRINT_LINE = Pattern.compile("^" + loose("نقلا") + "\\u064B?\\s+" + loose("عن")
      + "\\s*(?:«([^»]{2,30})»|(" + WORD + "(?:\\s" + WORD + "){0,3}))[.]?$");
  private static final Pattern SOURCE_LINE = Pattern.compile("^" + loose("المصدر") + "\\s*[:：\\-–—]\\s*([^.؟!]{2,40})$");
  /** «المصدر:» on a line of its own: the source is printed on the next line. */
  private static final Pattern SOURCE_LABEL = Pattern.compile("^" + loose("المصدر") + "\\s*[:：\\-–—]?$");
  /** A credit with its decoration: «(وفا)», «- سانا -», «رويترز.» */
  private static final Pattern CREDIT_DECORATION = Pattern.compile("^[\\s(\\[\\-–—]+|[\\s)\\].\\-–—]+$");
  /**
   * Words outlets put in their names («… الإخباري», «… برس», «… نيوز», «… 24»): a dateline prefix naming
   * one credits the outlet, not a place.
   */
  private static final Pattern OUTLET_WORD = Pattern.compile("(?<![\\p{L}])(?:" + String.join("|", java.util.stream.Stream.of(
          "الإخباري", "الإخبارية", "الإخبارى", "برس", "نيوز", "نت", "أونلاين", "تايمز", "بوست", "تي في", "وكالة", "بوابة",
          "News", "Press", "TV", "Online", "Post", "Times", "24").map(ArabicPatterns::loose).toList()) + ")(?![\\p{L}])");
  private static final Pattern AGENCY_LINE = Pattern.compile("^" + AGENCY + "$");
  /**
   * A newsroom credited instead of a reporter: «متابعات» (compiled from the wires), «فريق التحرير» and the
   * like — credits of the language's newsrooms, not of any one site.
   */
  private static final Pattern STAFF_CREDIT = Pattern.compile("^(" + String.join("|", java.util.stream.Stream.of(
          "متابعات", "فريق التحرير", "هيئة التحرير", "أسرة التحرير", "قسم الأخبار", "محرر الموقع", "المحرر", "وكالات",
          "غرفة الأخبار").map(ArabicPatterns::loose).toList()) + ")$");
  /** An opinion column's headline names its writer: «د. مجدي أبو الخير يكتب: …», «سلمى علي تكتب: …». */
  private static final Pattern WRITES = Pattern.compile("^(" + NAME + ")\\s+(?:" + loose("يكتب") + "|" + loose("تكتب") + ")\\s*[:：]");

  private static String alternation(String... words) {
    return "(?:" + String.join("|", java.util.Arrays.stream(words).sorted((a, b) -> b.length() - a.length())
        .map(ArabicPatterns::loose).toList()) + ")";
  }

  /** A prefix this long or longer is not a byline but the sentence itself. */
  private static final int MAX_PREFIX = 60;

  private BylineParser() {}

  static boolean isBylineLine(String line) {
    return BYLINE_LINE.matcher(line).matches() || PAPER_LINE.matcher(line).matches();
  }

  /** A byline line, a source line or an agency credit on its own line, read; null when it is none. */
  static Byline ofLine(String line) {
    Matcher m;
    if ((m = BYLINE_LINE.matcher(line)).matches()) {
      return names(m.group(1), m.group(2), line);
    }
    if ((m = PAPER_LINE.matcher(line)).matches()) {
      return new Byline(m.group(2).strip(), place(m.group(1)), null, line);
    }
    // «by» before lower-case English words is a sentence; before Arabic letters or capitalised words, a name
    if ((m = AUTHOR_LABEL_LINE.matcher(line)).matches()
        && (TextDecoder.hasArabicLetter(m.group(1)) || m.group(1).matches(LATIN_NAMES))) {
      return new Byline(null, null, m.group(1).strip(), line);
    }
    if ((m = NAME_PLACE.matcher(line)).matches() && Gazetteer.english(m.group(2).strip()) != null
        && Gazetteer.english(m.group(1).strip()) == null) {
      return new Byline(null, place(m.group(2)), m.group(1).strip(), line);
    }
    if ((m = PLACE_NAME_LINE.matcher(line)).matches() && Gazetteer.english(m.group(1).strip()) != null
        && GivenNames.startsName(m.group(2).strip().split("\\s+"))) {
      return new Byline(null, place(m.group(1)), m.group(2).strip(), line);
    }
    // «اللغة: العربية» is a label and its value: after a colon, the place must be one the gazetteer knows
    if ((m = PLACE_CREDIT_LINE.matcher(line)).matches() && (m.group(3) != null || Gazetteer.isAgency(m.group(4)))
        && (m.group(2) == null || Gazetteer.english(m.group(1).strip()) != null)) {
      return new Byline((m.group(3) != null ? m.group(3) : m.group(4)).strip(), place(m.group(1)), null, line);
    }
    if ((m = NAME_ROLE.matcher(line)).matches() && ArticleParser.isNameLine(m.group(1), java.util.Set.of(), true)) {
      return new Byline(null, rolePlace(m.group(2)), m.group(1).strip(), line);
    }
    if ((m = CORRESPONDENT.matcher(line)).matches()) {
      return new Byline(null, place(m.group(2)), m.group(1).strip(), line);
    }
    if ((m = REPRINT_LINE.matcher(line)).matches()) {
      return new Byline((m.group(1) != null ? m.group(1) : m.group(2)).strip(), null, null, line);
    }
    if ((m = SOURCE_LINE.matcher(line)).matches()) {
      return new Byline(m.group(1).strip(), null, null, line);
    }
    if ((m = AGENCY_LINE.matcher(line)).matches()) {
      return new Byline(m.group(1).strip(), null, null, line);
    }
    if ((m = STAFF_CREDIT.matcher(line)).matches()) {
      return new Byline(m.group(1), null, null, line);
    }
    String bare = CREDIT_DECORATION.matcher(line).replaceAll("");
    if (!bare.isEmpty() && ArabicPatterns.wordCount(bare) <= 4 && Gazetteer.isAgency(bare)) {
      return new Byline(bare, null, null, line);
    }
    return null;
  }

  /**
   * As {@link #ofLine(String)}, and a source label on a line of its own («المصدر:») with the source on
   * the {@code next} line (null at the end of the text).
   */
  static Byline ofLine(String line, String next) {
    if (next != null && SOURCE_LABEL.matcher(line).matches() && ArabicPatterns.wordCount(next) <= 4
        && !ArticleParser.isProse(next) && DatelineParser.parse(next) == null) {
      return new Byline(CREDIT_DECORATION.matcher(next).replaceAll(""), null, null, line + " " + next);
    }
    if (next != null && AUTHOR_ALONE.matcher(line).matches() && !ArticleParser.isProse(next) && DatelineParser.parse(next) == null) {
      // the label and the names under it read as one byline line («كتب:» / «سامي علي وهند سعيد»)
      String joined = line + (line.matches(".*[:：/\\-–—]$") ? " " : ": ") + next;
      Byline b = ofLine(joined);
      if (b != null && b.author() != null) {
        return new Byline(b.source(), b.place(), b.author(), line + " " + next);
      }
    }
    return ofLine(line);
  }

  /**
   * A place the gazetteer knows and a name beside it: «القاهرة - NAME», «بيروت: NAME», «NAME (جدة)»; as
   * {place in English, name as printed}, or null. Whether the words are a name is the caller's to decide from
   * the line's position (a name the list lacks counts only where a byline stands).
   */
  static String[] placeAndName(String line) {
    for (Pattern p : new Pattern[] {PLACE_NAME_LINE, PLACE_COLON_NAME, NAME_BRACKET_PLACE}) {
      Matcher m = p.matcher(line.strip());
      if (m.matches()) {
        int placeGroup = p == NAME_BRACKET_PLACE ? 2 : 1;
        String en = Gazetteer.english(m.group(placeGroup).strip());
        String name = m.group(3 - placeGroup).strip();
        if (en != null && Gazetteer.english(name) == null && !Gazetteer.isAgency(name)) {
          return new String[] {en, name};
        }
      }
    }
    return null;
  }

  /** The writer an opinion column's headline names («… يكتب: …»), or null. */
  static Byline ofHeadline(String headline) {
    Matcher m = WRITES.matcher(headline);
    return m.find() ? new Byline(null, null, m.group(1).strip(), m.group()) : null;
  }

  /** True for a source or author label on a line of its own, whose source or name is on the next line. */
  static boolean isSourceLabel(String line) {
    return SOURCE_LABEL.matcher(line).matches() || AUTHOR_ALONE.matcher(line).matches();
  }

  /** True for a writer's role on a line of its own («صحفي», «مراسل الشرق في بيروت»): the line above it is a name. */
  static boolean isRoleLine(String line) {
    return ROLE_LINE.matcher(line).matches();
  }

  /** The place a role names after «في» («مراسل الشرق في بيروت»), or null. */
  private static String rolePlace(String role) {
    Matcher m = ROLE_PLACE.matcher(role);
    return m.find() ? place(m.group(1)) : null;
  }

  private static final Pattern ROLE_PLACE = Pattern.compile("\\s" + loose("في") + "\\s+(" + PLACE + ")$");

  /**
   * The authors a byline line names, as printed («أ ب، ج د», «أ ب وج د»); a last item after a comma that
   * the gazetteer knows as a place is the place, as is anything after a dash.
   */
  private static Byline names(String names, String afterDash, String line) {
    String authors = names.strip();
    String place = afterDash == null ? null : place(afterDash);
    int comma = Math.max(authors.lastIndexOf('،'), authors.lastIndexOf(','));
    if (place == null && comma > 0 && Gazetteer.english(authors.substring(comma + 1).strip()) != null) {
      place = place(authors.substring(comma + 1));
      authors = authors.substring(0, comma).strip();
    }
    return new Byline(null, place, authors, line);
  }

  /**
   * Where an agency's sign-off starts at the end of the last paragraph, or -1: a bracketed name the
   * agency gazetteer knows, after the paragraph's last sentence.
   */
  static int signOffStart(String paragraph) {
    Matcher m = SIGN_OFF.matcher(paragraph);
    if (!m.find() || m.start() == 0 || !Gazetteer.isAgency(m.group(1))) {
      return -1;
    }
    return m.start();
  }

  /** The byline prefix of a first paragraph, as printed (trimmed), or null. */
  static String prefixOf(String paragraph) {
    Matcher m = prefixMatch(paragraph);
    return m == null ? null : paragraph.substring(0, m.end());
  }

  /** The byline at the start of a first paragraph, read; null when there is none. */
  static Byline ofPrefix(String paragraph) {
    Matcher m = prefixMatch(paragraph);
    if (m == null) {
      return null;
    }
    String printed = paragraph.substring(0, m.end()).strip();
    if (m.pattern() == PLACE_NAME) {
      return new Byline(null, place(m.group(1)), m.group(2).strip(), printed);
    }
    if (m.pattern() == PLACE_AGENCY || m.pattern() == PLACE_PAPER) {
      return new Byline(m.group(2).strip(), place(m.group(1)), null, printed);
    }
    if (m.pattern() == AGENCY_ONLY) {
      return new Byline(m.group(1).strip(), null, null, printed);
    }
    if (m.pattern() == SLASHED || m.pattern() == PLACE_SLASH_AGENCY) {
      return new Byline(m.group(2).strip(), place(m.group(1)), null, printed);
    }
    if (m.pattern() == PLACE_NAME_AGENCY) {
      return new Byline(m.group(3).strip(), place(m.group(1)), m.group(2).strip(), printed);
    }
    if (PLACE_DASH_AGENCY.contains(m.pattern())) {
      return new Byline(m.group(2).strip(), place(m.group(1)), null, printed);
    }
    if (m.pattern() == PLACE_DAY_CREDIT) {
      return new Byline(credit(m).strip(), place(m.group("place").replaceFirst("\\s+" + loose("في") + "$", "")), null, printed);
    }
    if (m.pattern() == OUTLET_PLACE) {
      return new Byline(m.group(1).strip(), place(m.group(2)), null, printed);
    }
    String named = m.group(1).strip();
    return OUTLET_WORD.matcher(named).find() && Gazetteer.english(named) == null
        ? new Byline(named, null, null, printed) : new Byline(null, place(named), null, printed);
  }

  /** The first-paragraph openings, tried in this order: the most specific first. */
  private static final java.util.List<Pattern> PREFIXES = java.util.stream.Stream.of(
      java.util.List.of(PLACE_DAY_CREDIT, PLACE_NAME_AGENCY, SLASHED, PLACE_SLASH_AGENCY), PLACE_DASH_AGENCY,
      java.util.List.of(OUTLET_PLACE, PLACE_NAME, PLACE_AGENCY, PLACE_PAPER, OUTLET_ONLY, PLACE_ONLY, AGENCY_ONLY))
      .flatMap(java.util.List::stream).toList();

  private static Matcher prefixMatch(String paragraph) {
    for (Pattern p : PREFIXES) {
      Matcher m = p.matcher(paragraph);
      if (m.find() && m.end() <= MAX_PREFIX && m.end() < paragraph.length()
          && ArabicPatterns.wordCount(paragraph.substring(m.end())) >= 3
          && (p != SLASHED && p != PLACE_SLASH_AGENCY && !PLACE_DASH_AGENCY.contains(p)
              || Gazetteer.isAgency(m.group(2)))
          && (p != PLACE_NAME_AGENCY || Gazetteer.isAgency(m.group(3)))
          && (p != OUTLET_PLACE && p != OUTLET_ONLY || OUTLET_WORD.matcher(m.group(1)).find())
          && (p != PLACE_DAY_CREDIT || wireCredit(m))
          && (p != PLACE_AGENCY || placeCredit(m))) {
        return m;
      }
    }
    return null;
  }

  /**
   * A {@link #PLACE_AGENCY} match opens a story when its credit is an agency, its place is one the gazetteer
   * knows, or a dash or colon closes it: «فقدت العملة الإيرانية (الريال) نصف قيمتها» is a sentence.
   */
  private static boolean placeCredit(Matcher m) {
    String after = m.group().substring(m.group().lastIndexOf(')') + 1);
    return Gazetteer.isAgency(m.group(2)) || Gazetteer.english(m.group(1).strip()) != null || after.matches(".*(?:--|[-–—:]).*");
  }

  /** The credit of a {@link #PLACE_DAY_CREDIT} match: in brackets, between slashes or bare. */
  private static String credit(Matcher m) {
    return m.group("paren") != null ? m.group("paren") : m.group("slash") != null ? m.group("slash") : m.group("bare");
  }

  /**
   * A {@link #PLACE_DAY_CREDIT} match is a wire dateline when its credit is an agency, or, for a bracketed or
   * slashed credit, when the day is a date (a month's name, or day and month in figures): «قتل 12 شخصا
   * (بينهم أطفال)» is a sentence.
   */
  private static boolean wireCredit(Matcher m) {
    if (Gazetteer.isAgency(credit(m))) {
      return true;
    }
    String day = m.group("day");
    return m.group("bare") == null && (ArabicPatterns.asciiDigits(day).matches(".*\\d\\s*[-/.]\\s*\\d.*")
        || java.util.Arrays.stream(day.split("[\\s/]+")).anyMatch(DatelineParser::isMonth));
  }

  /** The place in English when the gazetteer knows it, else as printed. */
  private static String place(String printed) {
    String p = printed.strip();
    String en = Gazetteer.english(p);
    return en != null ? en : p;
  }
}

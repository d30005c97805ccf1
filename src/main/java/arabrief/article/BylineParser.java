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
  private static final String NAME = WORD + "(?:\\s" + WORD + "){0,3}";
  private static final String AGENCY = "\\(([\\p{L}\\p{M}. ]{1,20})\\)";

  private static final Pattern PLACE_NAME = Pattern.compile("^(" + PLACE + ")\\s*" + DASH + "\\s*(" + NAME + ")\\s*" + DASH + "\\s*");
  private static final Pattern PLACE_AGENCY = Pattern.compile("^(" + PLACE + ")\\s*(?:" + DASH + "\\s*)?" + AGENCY + "\\s*(?:" + DASH + "|:)?\\s*");
  /** An agency's sign-off closing the body: «… في العاصمة. (رويترز)», «… (أ ف ب)». */
  private static final Pattern SIGN_OFF = Pattern.compile("\\s*[(\\[]([^()\\[\\]]{2,30})[)\\]]\\s*[.]?$");
  private static final Pattern PLACE_PAPER = Pattern.compile("^(" + PLACE + ")\\s*:\\s*«([^»]{2,30})»\\s*(?:" + DASH + "\\s*)?");
  private static final Pattern PLACE_ONLY = Pattern.compile("^(" + WORD + "(?:\\s" + WORD + ")?)\\s+" + DASH + "\\s+");
  private static final Pattern AGENCY_ONLY = Pattern.compile("^" + AGENCY + "\\s*(?:" + DASH + "\\s*)?");

  /**
   * Verbs and labels of authorship Arabic papers print before a name: writing (كتب، بقلم), preparing
   * and reporting (إعداد، تقرير، متابعة، تحرير), interviews (حوار، أجرى الحوار، حاوره) and translations
   * (ترجمة، ترجمه). Language knowledge, not any one site's wording.
   */
  private static final String AUTHOR_VERB = alternation("كتب", "كتبت", "كتبه", "كتبته", "بقلم", "إعداد", "تقرير",
      "حاوره", "حاورته", "حاورها", "ترجمه", "ترجمها");
  /** Nouns that are also section names («حوار», «متابعة»): an author label only with a colon or dash after them. */
  private static final String AUTHOR_LABEL = alternation("حوار", "أجرى الحوار", "متابعة", "تحرير", "ترجمة",
      "إعداد وترجمة", "تغطية");
  private static final Pattern BYLINE_LINE =
      Pattern.compile("^(?:" + AUTHOR_VERB + "(?:\\s*[:：-])?|" + AUTHOR_LABEL + "\\s*[:：-])\\s*(" + NAME + ")(?:\\s*[-–،,]\\s*("
          + WORD + "(?:\\s" + WORD + ")?))?$");
  // A paper's name is at most three words; "وزير الصحة: «المستشفى سيخدم سكان الشمال»" is a quote.
  private static final Pattern PAPER_LINE = Pattern.compile("^(" + PLACE + ")\\s*:\\s*«([^»\\s]{2,20}(?:\\s[^»\\s]{1,20}){0,2})»$");
  /** «Author, name», «By name», «الكاتب: name»: a label of authorship and a name. */
  private static final Pattern AUTHOR_LABEL_LINE =
      Pattern.compile("^(?:(?i:author|authors|by)|" + loose("الكاتب") + "|" + loose("المؤلف") + "|" + loose("المحرر") + ")\\s*[,،:]?\\s+(" + NAME + "(?:\\s*و" + NAME + ")?)$");
  /** «حسام أبو العلا - القاهرة»: a name, a dash and a place the gazetteer knows. */
  private static final Pattern NAME_PLACE = Pattern.compile("^(" + NAME + ")\\s*[-–—]\\s*(" + PLACE + ")$");
  private static final Pattern SOURCE_LINE = Pattern.compile("^" + loose("المصدر") + "\\s*[:：]\\s*([^.؟!]{2,40})$");
  private static final Pattern AGENCY_LINE = Pattern.compile("^" + AGENCY + "$");

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
      return new Byline(null, m.group(2) == null ? null : place(m.group(2)), m.group(1), line);
    }
    if ((m = PAPER_LINE.matcher(line)).matches()) {
      return new Byline(m.group(2).strip(), place(m.group(1)), null, line);
    }
    if ((m = AUTHOR_LABEL_LINE.matcher(line)).matches() && TextDecoder.hasArabicLetter(m.group(1))) {
      return new Byline(null, null, m.group(1).strip(), line);
    }
    if ((m = NAME_PLACE.matcher(line)).matches() && Gazetteer.english(m.group(2).strip()) != null) {
      return new Byline(null, place(m.group(2)), m.group(1).strip(), line);
    }
    if ((m = SOURCE_LINE.matcher(line)).matches()) {
      return new Byline(m.group(1).strip(), null, null, line);
    }
    if ((m = AGENCY_LINE.matcher(line)).matches()) {
      return new Byline(m.group(1).strip(), null, null, line);
    }
    return null;
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
    return new Byline(null, place(m.group(1)), null, printed);
  }

  private static Matcher prefixMatch(String paragraph) {
    for (Pattern p : new Pattern[] {PLACE_NAME, PLACE_AGENCY, PLACE_PAPER, PLACE_ONLY, AGENCY_ONLY}) {
      Matcher m = p.matcher(paragraph);
      if (m.find() && m.end() <= MAX_PREFIX && m.end() < paragraph.length()
          && ArabicPatterns.wordCount(paragraph.substring(m.end())) >= 3) {
        return m;
      }
    }
    return null;
  }

  /** The place in English when the gazetteer knows it, else as printed. */
  private static String place(String printed) {
    String p = printed.strip();
    String en = Gazetteer.english(p);
    return en != null ? en : p;
  }
}

package arabrief.article;

import static arabrief.article.ArabicPatterns.loose;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reporter bylines and wire datelines: "بيروت - محمد شقير -" or "القاهرة (رويترز) -" at the start of
 * the first paragraph, or a line of their own such as "كتب: أحمد علي" and "لندن: «الشرق الأوسط»".
 * They name the place and the author, not the news, and confuse the translator when left in.
 */
final class BylineParser {

  private static final String DASH = "[-–—]";
  private static final String WORD = "[\\p{L}\\p{M}]+";
  private static final String PLACE = WORD + "(?:\\s" + WORD + "){0,2}";
  private static final String NAME = WORD + "(?:\\s" + WORD + "){0,3}";
  private static final String AGENCY = "\\([\\p{L}\\p{M}. ]{1,20}\\)";

  private static final Pattern PLACE_NAME = Pattern.compile("^" + PLACE + "\\s*" + DASH + "\\s*" + NAME + "\\s*" + DASH + "\\s*");
  private static final Pattern PLACE_AGENCY = Pattern.compile("^" + PLACE + "\\s*" + AGENCY + "\\s*(?:" + DASH + "|:)?\\s*");
  private static final Pattern PLACE_PAPER = Pattern.compile("^" + PLACE + "\\s*:\\s*«[^»]{2,30}»\\s*(?:" + DASH + "\\s*)?");
  private static final Pattern PLACE_ONLY = Pattern.compile("^" + WORD + "(?:\\s" + WORD + ")?\\s+" + DASH + "\\s+");

  private static final Pattern BYLINE_LINE =
      Pattern.compile("^(?:" + loose("كتب") + "|" + loose("كتبت") + "|" + loose("بقلم") + "|" + loose("إعداد") + "|" + loose("تقرير") + ")(?:\\s*[:：-])?\\s+" + NAME + "$");
  private static final Pattern PAPER_LINE = Pattern.compile("^" + PLACE + "\\s*:\\s*«[^»]{2,30}»$");

  /** A prefix this long or longer is not a byline but the sentence itself. */
  private static final int MAX_PREFIX = 60;

  private BylineParser() {}

  static boolean isBylineLine(String line) {
    return BYLINE_LINE.matcher(line).matches() || PAPER_LINE.matcher(line).matches();
  }

  /** The byline prefix of a first paragraph, as printed (trimmed), or null. */
  static String prefixOf(String paragraph) {
    for (Pattern p : new Pattern[] {PLACE_NAME, PLACE_AGENCY, PLACE_PAPER, PLACE_ONLY}) {
      Matcher m = p.matcher(paragraph);
      if (m.find() && m.end() <= MAX_PREFIX && m.end() < paragraph.length()
          && ArabicPatterns.wordCount(paragraph.substring(m.end())) >= 3) {
        return paragraph.substring(0, m.end());
      }
    }
    return null;
  }
}

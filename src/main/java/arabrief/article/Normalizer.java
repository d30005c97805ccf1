package arabrief.article;

import java.util.regex.Pattern;

/**
 * Cleans decoded text without changing what it says: compatibility forms folded, invisible marks
 * and decorative tatweel removed, whitespace tidied. Diacritics, digits, punctuation and «» stay,
 * because the translator reads them.
 */
final class Normalizer {

  private static final char TATWEEL = '\u0640';

  // Bidi controls, zero-width spaces/joiners, word joiner, soft hyphen, BOM: invisible, and they
  // break word matching and tokenization.
  private static final Pattern INVISIBLE =
      Pattern.compile("[\\u00AD\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF]");
  private static final Pattern OTHER_CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");
  private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|[\\u2028\\u2029\\u0085\\u000B\\u000C]");
  private static final Pattern HORIZONTAL_SPACE = Pattern.compile("[\\t\\p{Zs}]+");
  private static final Pattern MANY_BLANK_LINES = Pattern.compile("\\n{3,}");

  private Normalizer() {}

  static String normalize(String text) {
    String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
    s = INVISIBLE.matcher(s).replaceAll("");
    s = removeTatweel(s);
    s = LINE_BREAKS.matcher(s).replaceAll("\n");
    s = HORIZONTAL_SPACE.matcher(s).replaceAll(" ");
    s = OTHER_CONTROL.matcher(s).replaceAll("");
    s = trimLines(s);
    s = MANY_BLANK_LINES.matcher(s).replaceAll("\n\n");
    return s.strip();
  }

  /**
   * Tatweel inside a word is only elongation (الحـــرب) and goes; after a lone letter it marks an
   * abbreviation (هـ for the Hijri year, مـ for the Gregorian one) and stays, or the letter would
   * read as a stray word.
   */
  static String removeTatweel(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != TATWEEL) {
        out.append(c);
        continue;
      }
      int end = i;
      while (end < s.length() && s.charAt(end) == TATWEEL) {
        end++;
      }
      boolean loneLetterBefore =
          i >= 1
              && Character.isLetter(s.charAt(i - 1))
              && (i == 1 || !Character.isLetter(s.charAt(i - 2)));
      boolean wordEndsAfter = end == s.length() || !Character.isLetter(s.charAt(end));
      if (loneLetterBefore && wordEndsAfter) {
        out.append(TATWEEL);
      }
      i = end - 1;
    }
    return out.toString();
  }

  private static String trimLines(String s) {
    String[] lines = s.split("\n", -1);
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(lines[i].strip());
    }
    return out.toString();
  }
}

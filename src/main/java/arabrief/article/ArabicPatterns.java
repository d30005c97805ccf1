package arabrief.article;

import java.util.regex.Pattern;

/**
 * Regex helpers that tolerate the spelling variants Arabic sites really use (hamza on alef or not,
 * final ya or alef maqsura, ta marbuta or ha, optional tanween), since the normalizer deliberately
 * leaves those letters as printed.
 */
final class ArabicPatterns {

  /** One Arabic digit: ASCII, Arabic-Indic or Extended Arabic-Indic (Persian). */
  static final String DIGIT = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";

  private ArabicPatterns() {}

  /** A regex fragment matching {@code word} in any of its common spellings. */
  static String loose(String word) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      switch (c) {
        case 'ا', 'أ', 'إ', 'آ' -> out.append("[اأإآ]");
        case 'ي', 'ى' -> out.append("[يى]");
        case 'ة', 'ه' -> out.append("[ةه]");
        case ' ' -> out.append("\\s+");
        default -> out.append(Pattern.quote(String.valueOf(c)));
      }
      if (c == 'ا' && i == word.length() - 1) {
        out.append("\\u064B?"); // أيضاً
      }
    }
    return out.toString();
  }

  /** Arabic-Indic and Persian digits to ASCII, so Integer.parseInt can read them. */
  static String asciiDigits(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '\u0660' && c <= '\u0669') {
        out.append((char) ('0' + c - '\u0660'));
      } else if (c >= '\u06F0' && c <= '\u06F9') {
        out.append((char) ('0' + c - '\u06F0'));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  static int wordCount(String s) {
    String t = s.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}

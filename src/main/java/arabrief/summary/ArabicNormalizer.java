package arabrief.summary;

/**
 * Folds Arabic spelling variants that news writers use interchangeably, so one word has one form.
 *
 * <p>Diacritics and tatweel are decoration; hamza-carrying alefs, alef maqsura and ta marbuta are
 * written inconsistently across outlets (and even within one article), so they are folded the way
 * Lucene's ArabicNormalizationFilter does: أ إ آ ٱ → ا, ى → ي, ة → ه.
 */
final class ArabicNormalizer {
  private ArabicNormalizer() {}

  static String normalize(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isDiacritic(c) || c == '\u0640') { // harakat, shadda, sukun, dagger alef; tatweel
        continue;
      }
      switch (c) {
        case '\u0623', '\u0625', '\u0622', '\u0671' -> out.append('\u0627'); // أ إ آ ٱ → ا
        case '\u0649' -> out.append('\u064A'); // ى → ي
        case '\u0629' -> out.append('\u0647'); // ة → ه
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isDiacritic(char c) {
    return (c >= '\u064B' && c <= '\u065F') || c == '\u0670';
  }
}

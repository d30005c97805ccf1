package arabrief.summary;

import java.util.List;

/**
 * A light Arabic stemmer in the spirit of Larkey's Light10: strip one proclitic group and one suffix,
 * never leaving fewer than three letters. Works on text already passed through {@link ArabicNormalizer}
 * (so ة has become ه and the suffix list is written with ه).
 *
 * <p>Light rather than root-based: ranking only needs "الروسية", "الروسي", "روسي" to meet, and root
 * extraction would merge unrelated words that share a root.
 */
final class ArabicStemmer {
  private ArabicStemmer() {}

  // Longest first, so "وال" wins over "و" and "لل" over "ل".
  private static final List<String> ARTICLES = List.of("وال", "بال", "كال", "فال", "لل", "ال");
  private static final List<String> CONJUNCTIONS = List.of("و", "ف", "ب", "ك", "ل");
  private static final List<String> SUFFIXES = List.of("ها", "هم", "ات", "ون", "ين", "ه");
  private static final int MIN_STEM = 3;
  /**
   * A bare one-letter proclitic is also a common first root letter (وزير، بلد، كتاب), so it is stripped
   * only when a four-letter word remains: "وحاول" → "حاول" but "وزير" stays whole (and so does the
   * "وزير" left of "الوزير"). Where the letter is a root letter of a longer word ("وزارة" → "زار") the
   * stem is wrong but the same for every form of the word, which is all ranking needs.
   */
  private static final int MIN_AFTER_LETTER = 4;

  static String stem(String word) {
    return stripSuffix(stripPrefix(word));
  }

  static String stripPrefix(String w) {
    for (String p : ARTICLES) {
      if (w.startsWith(p) && w.length() - p.length() >= MIN_STEM) {
        w = w.substring(p.length());
        break;
      }
    }
    // Also after an article, so "وزارة" and "الوزارة" meet (both "زار"): whatever the stem, a word
    // must get the same one with and without "ال".
    String bare = stripConjunction(w);
    return bare.length() >= MIN_AFTER_LETTER ? bare : w;
  }

  /** The word without a leading one-letter proclitic, however short that leaves it. */
  static String stripConjunction(String w) {
    for (String p : CONJUNCTIONS) {
      if (w.startsWith(p) && w.length() > p.length()) {
        return w.substring(p.length());
      }
    }
    return w;
  }

  static String stripSuffix(String w) {
    for (String s : SUFFIXES) {
      if (w.endsWith(s) && w.length() - s.length() >= MIN_STEM) {
        return w.substring(0, w.length() - s.length());
      }
    }
    return w;
  }
}

package arabrief.summary;

import java.util.List;

/**
 * Strips the proclitics (article groups, one-letter conjunctions and prepositions) off a normalised
 * Arabic word, never leaving fewer than three letters, so {@link ArabicTerms} can spot a stopword
 * behind them ("وفي", "بذلك"). Stemming itself is Lucene's; this was the prefix half of the project's
 * earlier hand-written light stemmer, kept because Lucene's stop filter sees only whole words.
 */
final class Proclitics {
  private Proclitics() {}

  // Longest first, so "وال" wins over "و" and "لل" over "ل".
  private static final List<String> ARTICLES = List.of("وال", "بال", "كال", "فال", "لل", "ال");
  private static final List<String> CONJUNCTIONS = List.of("و", "ف", "ب", "ك", "ل");
  private static final int MIN_STEM = 3;
  /**
   * A bare one-letter proclitic is also a common first root letter (وزير، بلد، كتاب), so it is stripped
   * only when a four-letter word remains: "وحاول" → "حاول" but "وزير" stays whole.
   */
  private static final int MIN_AFTER_LETTER = 4;

  static String stripPrefix(String w) {
    for (String p : ARTICLES) {
      if (w.startsWith(p) && w.length() - p.length() >= MIN_STEM) {
        w = w.substring(p.length());
        break;
      }
    }
    // Also after an article group: "وبالتالي" hides its stopword behind two proclitics.
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
}

package arabrief.summary;

/**
 * A light English suffix stripper: plurals, -ing, -ed, then a tidy-up of the stem's ending.
 *
 * <p>Hand-written because the build has no stemmer (Lucene/Snowball are not dependencies, and no
 * maintained small Java stemmer is worth a new dependency for this). Ranking only needs related forms
 * to collide ("talks", "talked", "talking" → "talk"); it never shows a stem to a reader, so the stems
 * need not be words. Every rule is applied to every word alike, so base forms and inflected forms meet
 * ("hope"/"hoped"/"hoping" → "hop", "stop"/"stopped" → "stop").
 */
final class EnglishStemmer {
  private EnglishStemmer() {}

  static String stem(String word) {
    // Short words are mostly function words or acronyms; stripping them only makes collisions.
    if (word.length() <= 3) {
      return word;
    }
    String w = verbal(plural(word));
    return tidy(w);
  }

  private static String plural(String w) {
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y"; // cities → city
    }
    if (w.endsWith("sses")) {
      return w.substring(0, w.length() - 2); // presses → press
    }
    if (w.endsWith("es")) {
      String base = w.substring(0, w.length() - 2);
      if (base.endsWith("x") || base.endsWith("z") || base.endsWith("ch") || base.endsWith("sh")) {
        return base; // boxes → box, watches → watch
      }
    }
    // "ss", "us", "is" endings are not plurals (press, bus, crisis).
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String verbal(String w) {
    if (w.endsWith("ied") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y"; // carried → carry
    }
    for (String suffix : new String[] {"ing", "ed"}) {
      if (w.endsWith(suffix)) {
        String base = w.substring(0, w.length() - suffix.length());
        // The vowel check keeps "sing", "bring", "shed" whole.
        if (base.length() >= 3 && hasVowel(base)) {
          return base;
        }
      }
    }
    return w;
  }

  /** Drops a final doubled consonant or final e's, so "running"/"run" and "hoped"/"hope" meet. */
  private static String tidy(String w) {
    int n = w.length();
    if (n <= 3) {
      return w;
    }
    char last = w.charAt(n - 1);
    if (last == w.charAt(n - 2) && !isVowel(last) && Character.isLetter(last)) {
      return w.substring(0, n - 1);
    }
    // All final e's, so "agree" and "agreed" (→ "agre") both end as "agr".
    while (n > 3 && w.charAt(n - 1) == 'e') {
      n--;
    }
    return w.substring(0, n);
  }

  private static boolean hasVowel(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isVowel(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }
}

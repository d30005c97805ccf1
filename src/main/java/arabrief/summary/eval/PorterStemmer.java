package arabrief.summary.eval;

import java.util.Map;
import java.util.function.Predicate;

/**
 * The Porter stemmer exactly as NLTK's {@code nltk.stem.porter.PorterStemmer} in its default
 * NLTK_EXTENSIONS mode, which is the stemmer Google's rouge-score applies when {@code use_stemmer=True}.
 *
 * <p>Hand-written because ROUGE figures are only comparable when the stems are identical, and the
 * maintained Java stemmers (Lucene's PorterStemmer, Snowball's english/porter) implement Martin Porter's
 * own variant, which differs from NLTK's extensions ("ies"/"ied" on 4-letter words, y→i only after a
 * consonant, the "alli"/"fulli"/"logi" rules, the irregular forms, the two-letter *o condition). Every
 * step mirrors the NLTK source step by step; {@code PorterStemmerTest} checks it against NLTK's output on
 * the vocabulary of the CNN/DailyMail dev file.
 */
public final class PorterStemmer {
  private PorterStemmer() {}

  private static final Map<String, String> IRREGULAR = Map.ofEntries(
      Map.entry("sky", "sky"), Map.entry("skies", "sky"), Map.entry("dying", "die"),
      Map.entry("lying", "lie"), Map.entry("tying", "tie"), Map.entry("news", "news"),
      Map.entry("innings", "inning"), Map.entry("inning", "inning"), Map.entry("outings", "outing"),
      Map.entry("outing", "outing"), Map.entry("cannings", "canning"), Map.entry("canning", "canning"),
      Map.entry("howe", "howe"), Map.entry("proceed", "proceed"), Map.entry("exceed", "exceed"),
      Map.entry("succeed", "succeed"));

  /** One suffix rule: replace {@code suffix} by {@code replacement} when {@code condition} holds for the stem. */
  private record Rule(String suffix, String replacement, Predicate<String> condition) {}

  /** The stem of a lowercase word. */
  public static String stem(String word) {
    String w = word;
    String irregular = IRREGULAR.get(w);
    if (irregular != null) {
      return irregular;
    }
    if (w.length() <= 2) {
      return w;
    }
    w = step1a(w);
    w = step1b(w);
    w = step1c(w);
    w = step2(w);
    w = step3(w);
    w = step4(w);
    w = step5a(w);
    return step5b(w);
  }

  /** Consonant flags of every letter; a 'y' is a consonant at the start or after a vowel. */
  private static boolean[] consonants(String w) {
    boolean[] c = new boolean[w.length()];
    for (int i = 0; i < w.length(); i++) {
      char ch = w.charAt(i);
      if (isVowelLetter(ch)) {
        c[i] = false;
      } else if (ch == 'y') {
        c[i] = i == 0 || !c[i - 1];
      } else {
        c[i] = true;
      }
    }
    return c;
  }

  private static boolean isVowelLetter(char ch) {
    return ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u';
  }

  private static boolean isConsonant(String w, int i) {
    return consonants(w)[i];
  }

  /** m in [C](VC){m}[V]: the number of vowel-to-consonant transitions. */
  static int measure(String stem) {
    boolean[] c = consonants(stem);
    int m = 0;
    for (int i = 1; i < c.length; i++) {
      if (!c[i - 1] && c[i]) {
        m++;
      }
    }
    return m;
  }

  private static boolean positiveMeasure(String stem) {
    return measure(stem) > 0;
  }

  private static boolean containsVowel(String stem) {
    for (boolean c : consonants(stem)) {
      if (!c) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsDoubleConsonant(String w) {
    int n = w.length();
    return n >= 2 && w.charAt(n - 1) == w.charAt(n - 2) && isConsonant(w, n - 1);
  }

  /** Condition *o (cvc, the last c not w, x or y), plus NLTK's two-letter vc case. */
  private static boolean endsCvc(String w) {
    int n = w.length();
    if (n >= 3) {
      boolean[] c = consonants(w);
      char last = w.charAt(n - 1);
      if (c[n - 3] && !c[n - 2] && c[n - 1] && last != 'w' && last != 'x' && last != 'y') {
        return true;
      }
    }
    return n == 2 && !isConsonant(w, 0) && isConsonant(w, 1);
  }

  /** The first rule whose suffix matches decides: applied if its condition holds, else the word stays. */
  private static String applyRules(String w, Rule... rules) {
    for (Rule r : rules) {
      if (r.suffix.equals("*d") && endsDoubleConsonant(w)) {
        String stem = w.substring(0, w.length() - 2);
        return r.condition == null || r.condition.test(stem) ? stem + r.replacement : w;
      }
      if (w.endsWith(r.suffix)) {
        String stem = w.substring(0, w.length() - r.suffix.length());
        return r.condition == null || r.condition.test(stem) ? stem + r.replacement : w;
      }
    }
    return w;
  }

  private static String step1a(String w) {
    if (w.endsWith("ies") && w.length() == 4) {
      return w.substring(0, 1) + "ie";
    }
    return applyRules(w,
        new Rule("sses", "ss", null), new Rule("ies", "i", null), new Rule("ss", "ss", null),
        new Rule("s", "", null));
  }

  private static String step1b(String w) {
    if (w.endsWith("ied")) {
      return w.substring(0, w.length() - 3) + (w.length() == 4 ? "ie" : "i");
    }
    if (w.endsWith("eed")) {
      String stem = w.substring(0, w.length() - 3);
      return measure(stem) > 0 ? stem + "ee" : w;
    }
    String stem = null;
    for (String suffix : new String[] {"ed", "ing"}) {
      if (w.endsWith(suffix)) {
        String s = w.substring(0, w.length() - suffix.length());
        if (containsVowel(s)) {
          stem = s;
          break;
        }
      }
    }
    if (stem == null) {
      return w;
    }
    String base = stem;
    char last = base.isEmpty() ? '\0' : base.charAt(base.length() - 1);
    return applyRules(base,
        new Rule("at", "ate", null), new Rule("bl", "ble", null), new Rule("iz", "ize", null),
        new Rule("*d", String.valueOf(last), s -> last != 'l' && last != 's' && last != 'z'),
        new Rule("", "e", s -> measure(s) == 1 && endsCvc(s)));
  }

  private static String step1c(String w) {
    return applyRules(w, new Rule("y", "i", s -> s.length() > 1 && isConsonant(s, s.length() - 1)));
  }

  private static String step2(String w) {
    if (w.endsWith("alli") && positiveMeasure(w.substring(0, w.length() - 4))) {
      return step2(w.substring(0, w.length() - 4) + "al");
    }
    Predicate<String> m = PorterStemmer::positiveMeasure;
    String word = w;
    return applyRules(w,
        new Rule("ational", "ate", m), new Rule("tional", "tion", m), new Rule("enci", "ence", m),
        new Rule("anci", "ance", m), new Rule("izer", "ize", m), new Rule("bli", "ble", m),
        new Rule("alli", "al", m), new Rule("entli", "ent", m), new Rule("eli", "e", m),
        new Rule("ousli", "ous", m), new Rule("ization", "ize", m), new Rule("ation", "ate", m),
        new Rule("ator", "ate", m), new Rule("alism", "al", m), new Rule("iveness", "ive", m),
        new Rule("fulness", "ful", m), new Rule("ousness", "ous", m), new Rule("aliti", "al", m),
        new Rule("iviti", "ive", m), new Rule("biliti", "ble", m), new Rule("fulli", "ful", m),
        new Rule("logi", "log", s -> positiveMeasure(word.substring(0, word.length() - 3))));
  }

  private static String step3(String w) {
    Predicate<String> m = PorterStemmer::positiveMeasure;
    return applyRules(w,
        new Rule("icate", "ic", m), new Rule("ative", "", m), new Rule("alize", "al", m),
        new Rule("iciti", "ic", m), new Rule("ical", "ic", m), new Rule("ful", "", m),
        new Rule("ness", "", m));
  }

  private static String step4(String w) {
    Predicate<String> m = s -> measure(s) > 1;
    return applyRules(w,
        new Rule("al", "", m), new Rule("ance", "", m), new Rule("ence", "", m), new Rule("er", "", m),
        new Rule("ic", "", m), new Rule("able", "", m), new Rule("ible", "", m), new Rule("ant", "", m),
        new Rule("ement", "", m), new Rule("ment", "", m), new Rule("ent", "", m),
        new Rule("ion", "", s -> measure(s) > 1 && (s.endsWith("s") || s.endsWith("t"))),
        new Rule("ou", "", m), new Rule("ism", "", m), new Rule("ate", "", m), new Rule("iti", "", m),
        new Rule("ous", "", m), new Rule("ive", "", m), new Rule("ize", "", m));
  }

  private static String step5a(String w) {
    if (w.endsWith("e")) {
      String stem = w.substring(0, w.length() - 1);
      int m = measure(stem);
      if (m > 1 || (m == 1 && !endsCvc(stem))) {
        return stem;
      }
    }
    return w;
  }

  private static String step5b(String w) {
    return applyRules(w, new Rule("ll", "l", s -> measure(w.substring(0, w.length() - 1)) > 1));
  }
}

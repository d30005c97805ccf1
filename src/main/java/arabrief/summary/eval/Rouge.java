package arabrief.summary.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * ROUGE-N, ROUGE-L and ROUGE-Lsum F1 as Google's rouge-score computes them ({@code RougeScorer} with
 * the default tokenizer), so figures here compare with published ones.
 *
 * <p>Hand-written because there is no maintained Java port of rouge-score, and ROUGE-1.5.5 (Perl) is
 * not something a Java build can call. The algorithm, step by step as in rouge_score/tokenize.py and
 * rouge_scorer.py: lowercase; every run of characters outside [a-z0-9] becomes a space; split at
 * whitespace; with stemming, Porter-stem ({@link PorterStemmer}) the tokens longer than 3 characters.
 * N-gram scores use clipped counts; ROUGE-L is the LCS of the whole token lists; ROUGE-Lsum splits
 * both texts at newlines and, for each reference sentence, takes the union of its LCS with every
 * candidate sentence, counting each token at most as often as it occurs on both sides.
 *
 * <p>{@link #arabic()} is the same scorer with an Arabic tokenizer, because rouge-score's default one
 * drops every non-Latin character (an Arabic summary would score 0 against anything): remove diacritics
 * (U+064B–U+065F, U+0670) and tatweel, fold أ إ آ ٱ → ا, ى → ي, ة → ه, then take every run of Arabic
 * letters and digits (ASCII and Arabic-Indic) as one token; no stemming, no lowercasing (Arabic has no
 * case). Latin words, which rouge-score would keep, are dropped so that an Arabic score counts Arabic only.
 */
public final class Rouge {
  /** Precision, recall and F1 of one measure. */
  public record Score(double precision, double recall, double f) {
    static Score of(double p, double r) {
      return new Score(p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
  }

  private static final Pattern NON_ALPHANUM = Pattern.compile("[^a-z0-9]+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern VALID = Pattern.compile("^[a-z0-9]+$");

  private static final Pattern ARABIC_TOKEN = Pattern.compile("[[\\p{IsArabic}&&[\\p{L}\\p{Nd}]][0-9]]+");

  private final boolean stem;
  private final boolean arabic;

  public Rouge(boolean stem) {
    this(stem, false);
  }

  private Rouge(boolean stem, boolean arabic) {
    this.stem = stem;
    this.arabic = arabic;
  }

  /** ROUGE over Arabic text with the tokenizer of the class comment (no stemming). */
  public static Rouge arabic() {
    return new Rouge(false, true);
  }

  /** Mean F1 of a prediction over several references (each scored alone), as multi-reference sets are reported. */
  public static double meanF(List<String> references, java.util.function.Function<String, Score> score) {
    if (references.isEmpty()) {
      throw new IllegalArgumentException("no reference to score against");
    }
    return references.stream().mapToDouble(r -> score.apply(r).f()).average().orElseThrow();
  }

  /** The tokens ROUGE counts: rouge-score's default tokenizer, or the Arabic one for {@link #arabic()}. */
  public List<String> tokenize(String text) {
    if (arabic) {
      return tokenizeArabic(text);
    }
    String t = NON_ALPHANUM.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
    List<String> out = new ArrayList<>();
    for (String token : SPACES.split(t)) {
      String s = stem && token.length() > 3 ? PorterStemmer.stem(token) : token;
      if (VALID.matcher(s).matches()) {
        out.add(s);
      }
    }
    return out;
  }

  private static List<String> tokenizeArabic(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640') {
        continue; // harakat, shadda, sukun, superscript alef; tatweel
      }
      folded.append(switch (c) {
        case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627'; // أ إ آ ٱ → ا
        case '\u0649' -> '\u064A'; // ى → ي
        case '\u0629' -> '\u0647'; // ة → ه
        default -> c;
      });
    }
    List<String> out = new ArrayList<>();
    java.util.regex.Matcher m = ARABIC_TOKEN.matcher(folded);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** ROUGE-n of a prediction against a target. */
  public Score rougeN(String target, String prediction, int n) {
    return ngramScore(ngrams(tokenize(target), n), ngrams(tokenize(prediction), n));
  }

  /** ROUGE-L: the LCS of the two whole token sequences. */
  public Score rougeL(String target, String prediction) {
    List<String> t = tokenize(target);
    List<String> p = tokenize(prediction);
    if (t.isEmpty() || p.isEmpty()) {
      return new Score(0, 0, 0);
    }
    int lcs = lcsTable(t, p)[t.size()][p.size()];
    return Score.of(lcs / (double) p.size(), lcs / (double) t.size());
  }

  /** ROUGE-Lsum: summary-level union LCS over newline-separated sentences. */
  public Score rougeLsum(String target, String prediction) {
    List<List<String>> ref = sentences(target);
    List<List<String>> can = sentences(prediction);
    if (ref.isEmpty() || can.isEmpty()) {
      return new Score(0, 0, 0);
    }
    int m = ref.stream().mapToInt(List::size).sum();
    int n = can.stream().mapToInt(List::size).sum();
    if (m == 0 || n == 0) {
      return new Score(0, 0, 0);
    }
    Map<String, Integer> countRef = counts(ref);
    Map<String, Integer> countCan = counts(can);
    int hits = 0;
    for (List<String> r : ref) {
      TreeSet<Integer> union = new TreeSet<>();
      for (List<String> c : can) {
        union.addAll(lcsIndices(r, c));
      }
      for (int i : union) {
        String token = r.get(i);
        if (countCan.getOrDefault(token, 0) > 0 && countRef.getOrDefault(token, 0) > 0) {
          hits++;
          countCan.merge(token, -1, Integer::sum);
          countRef.merge(token, -1, Integer::sum);
        }
      }
    }
    return Score.of(hits / (double) n, hits / (double) m);
  }

  private List<List<String>> sentences(String text) {
    List<List<String>> out = new ArrayList<>();
    for (String s : text.split("\n", -1)) {
      if (!s.isEmpty()) {
        out.add(tokenize(s));
      }
    }
    return out;
  }

  private static Map<String, Integer> counts(List<List<String>> sentences) {
    Map<String, Integer> counts = new HashMap<>();
    sentences.forEach(s -> s.forEach(t -> counts.merge(t, 1, Integer::sum)));
    return counts;
  }

  private static Map<List<String>, Integer> ngrams(List<String> tokens, int n) {
    Map<List<String>, Integer> out = new HashMap<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      out.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
    }
    return out;
  }

  private static Score ngramScore(Map<List<String>, Integer> target, Map<List<String>, Integer> prediction) {
    int overlap = 0;
    for (Map.Entry<List<String>, Integer> e : target.entrySet()) {
      overlap += Math.min(e.getValue(), prediction.getOrDefault(e.getKey(), 0));
    }
    int targetCount = target.values().stream().mapToInt(Integer::intValue).sum();
    int predictionCount = prediction.values().stream().mapToInt(Integer::intValue).sum();
    return Score.of(overlap / (double) Math.max(predictionCount, 1), overlap / (double) Math.max(targetCount, 1));
  }

  private static int[][] lcsTable(List<String> ref, List<String> can) {
    int[][] t = new int[ref.size() + 1][can.size() + 1];
    for (int i = 1; i <= ref.size(); i++) {
      for (int j = 1; j <= can.size(); j++) {
        t[i][j] = ref.get(i - 1).equals(can.get(j - 1))
            ? t[i - 1][j - 1] + 1
            : Math.max(t[i - 1][j], t[i][j - 1]);
      }
    }
    return t;
  }

  /** Positions in ref of one LCS, read back exactly as rouge-score's _backtrack_norec does (ties matter). */
  private static List<Integer> lcsIndices(List<String> ref, List<String> can) {
    int[][] t = lcsTable(ref, can);
    List<Integer> out = new ArrayList<>();
    int i = ref.size();
    int j = can.size();
    while (i > 0 && j > 0) {
      if (ref.get(i - 1).equals(can.get(j - 1))) {
        out.add(i - 1);
        i--;
        j--;
      } else if (t[i][j - 1] > t[i - 1][j]) {
        j--;
      } else {
        i--;
      }
    }
    return out;
  }
}

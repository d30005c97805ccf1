package arabrief.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Picks the few sentences of a news article that best brief it, by extractive ranking.
 *
 * <p>Score of sentence i (0-based position, n sentences, c_i content terms):
 * <pre>
 *   score_i = n · centrality_i                  PacSum directed centrality (default) or LexRank
 *           ⊗ (1 + a · exp(−i / τ))             lead prior: news puts the story first
 *           ⊗ (b if i is in the first paragraph)
 *           ⊗ min(1, c_i / k)                   short-sentence penalty
 * </pre>
 * with a, τ, b, k from {@link Settings} (defaults 1.0, 3, 1.2, 5): sentence 0 counts twice as much as
 * a tail sentence of equal centrality, sentence 3 about 1.37 times. ⊗ multiplies a positive centrality
 * and divides a negative one (PacSum's centrality is negative for a sentence that mostly echoes earlier
 * ones), so the prior always favours the earlier of two sentences. Candidates are then taken best
 * first (ties to the earlier sentence) and skipped when they repeat a chosen sentence verbatim or their
 * cosine to one exceeds {@link Settings#redundancy()} (MMR with a hard cut; default 0.35, low enough
 * that a quote restating the lead is skipped), or when they would overflow the word budget. When skips
 * exhaust the candidates the result is shorter than asked: a brief with a repeated fact is worse than
 * a short one.
 *
 * <p>Measured on 310 CNN/DailyMail test articles (scripts/eval_summary.sh, README "Summary quality"):
 * PacSum with this prior scores above lead-3 on ROUGE-1/2/Lsum, LexRank with it below.
 */
public final class Summarizer {
  public static final int DEFAULT_COUNT = 3;

  private final TermExtractor extractor;
  private final Settings settings;

  public Summarizer(TermExtractor extractor, Settings settings) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public Summarizer(TermExtractor extractor) {
    this(extractor, Settings.DEFAULTS);
  }

  public static Summarizer english() {
    return new Summarizer(new EnglishTerms());
  }

  public static Summarizer arabic() {
    return new Summarizer(new ArabicTerms(), Settings.ARABIC);
  }

  /** {@link #select(List, List, int)} with the default count and no paragraph information. */
  public List<Integer> select(List<String> sentences) {
    return select(sentences, null, DEFAULT_COUNT);
  }

  /** {@link #select(List, List, int)} without paragraph information. */
  public List<Integer> select(List<String> sentences, int count) {
    return select(sentences, null, count);
  }

  /**
   * Indices of the chosen sentences, ascending (article order).
   *
   * @param sentences the document's sentences in order
   * @param paragraphs paragraph index of each sentence, or null when unknown
   * @param count how many to choose: 0 gives none, count ≥ sentences.size() gives all of them
   */
  public List<Integer> select(List<String> sentences, List<Integer> paragraphs, int count) {
    return select(sentences, paragraphs, count, 0);
  }

  /**
   * Indices of the chosen sentences, ascending (article order), within a length budget.
   *
   * @param count at most this many sentences ({@link Integer#MAX_VALUE}: no limit but the budget)
   * @param words at most this many words (whitespace-separated) in all, 0 for no budget; the best
   *     sentence is taken even when it alone is longer, so a non-zero budget never gives an empty summary
   */
  public List<Integer> select(List<String> sentences, List<Integer> paragraphs, int count, int words) {
    Objects.requireNonNull(sentences, "sentences");
    if (count < 0) {
      throw new IllegalArgumentException("sentence count must be 0 or more, got " + count);
    }
    if (words < 0) {
      throw new IllegalArgumentException("word budget must be 0 (none) or more, got " + words);
    }
    if (paragraphs != null && paragraphs.size() != sentences.size()) {
      throw new IllegalArgumentException("paragraphs has " + paragraphs.size() + " entries but there are "
          + sentences.size() + " sentences; give one paragraph index per sentence, or null");
    }
    int n = sentences.size();
    if (count == 0 || n == 0) {
      return List.of();
    }
    if (count >= n && words == 0) {
      return IntStream.range(0, n).boxed().toList();
    }
    List<List<String>> terms = sentences.stream().map(extractor::terms).toList();
    TfIdf tfidf = new TfIdf(terms);
    double[] score = score(tfidf, terms, paragraphs);

    List<Integer> byScore = IntStream.range(0, n).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> -score[i]).thenComparing(i -> i))
        .toList();
    List<Integer> chosen = new ArrayList<>();
    Set<String> chosenTexts = new HashSet<>();
    int used = 0;
    for (int i : byScore) {
      if (chosen.size() == count) {
        break;
      }
      if (terms.get(i).isEmpty() || !chosenTexts.add(canonical(sentences.get(i)))) {
        // No content terms, or a verbatim repeat. A negative PacSum score (a sentence that mostly echoes
        // earlier ones) only ranks last: skipping it too measured 0.1 ROUGE-1 better, by shorter summaries,
        // but then "--summary-sentences 5" could give two; a word budget is the honest way to ask for less.
        continue;
      }
      if (chosen.stream().anyMatch(j -> tfidf.cosine(i, j) > settings.redundancy())) {
        continue;
      }
      int length = wordCount(sentences.get(i));
      if (words > 0 && !chosen.isEmpty() && used + length > words) {
        continue; // a shorter, lower-ranked sentence may still fit
      }
      used += length;
      chosen.add(i);
    }
    chosen.sort(null);
    return List.copyOf(chosen);
  }

  /** The score of every sentence as in the class comment; package-private for tests and tuning. */
  double[] scores(List<String> sentences, List<Integer> paragraphs) {
    List<List<String>> terms = sentences.stream().map(extractor::terms).toList();
    return score(new TfIdf(terms), terms, paragraphs);
  }

  private double[] score(TfIdf tfidf, List<List<String>> terms, List<Integer> paragraphs) {
    int n = terms.size();
    double[][] sim = tfidf.similarities();
    double[] centrality = switch (settings.centrality()) {
      case PACSUM -> PacSum.rank(sim, PacSum.BACKWARD, PacSum.FORWARD, settings.edgeBeta());
      case LEXRANK -> LexRank.rank(sim, settings.damping(), settings.edgeThreshold());
    };
    Integer firstParagraph =
        paragraphs == null ? null : paragraphs.stream().min(Integer::compare).orElse(null);
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      double lead = 1 + settings.leadBoost() * Math.exp(-i / settings.leadDecay());
      if (firstParagraph != null && firstParagraph.equals(paragraphs.get(i))) {
        lead *= settings.firstParagraphBoost();
      }
      double length = Math.min(1.0, terms.get(i).size() / (double) settings.minContentWords());
      double prior = lead * length;
      score[i] = n * (centrality[i] >= 0 ? centrality[i] * prior : centrality[i] / prior);
    }
    return score;
  }

  /** Words as a reader counts them: whitespace-separated pieces. */
  public static int wordCount(String sentence) {
    String t = sentence.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  /** Whitespace-insensitive form used to spot verbatim repeats. */
  private static String canonical(String sentence) {
    return sentence.strip().replaceAll("\\s+", " ");
  }

  /**
   * Splits English prose (paragraphs separated by blank lines) into sentences, chooses {@code count}
   * of them, and returns those sentences verbatim in article order.
   */
  public static List<String> summarizeEnglish(String text, int count) {
    return summarizeEnglish(text, count, 0);
  }

  /** {@link #summarizeEnglish(String, int)} within a word budget (0: none), as in {@link #select(List, List, int, int)}. */
  public static List<String> summarizeEnglish(String text, int count, int words) {
    List<String> sentences = new ArrayList<>();
    List<Integer> paragraphs = new ArrayList<>();
    List<List<String>> split = EnglishSentences.splitParagraphs(text);
    for (int p = 0; p < split.size(); p++) {
      for (String s : split.get(p)) {
        sentences.add(s);
        paragraphs.add(p);
      }
    }
    return english().select(sentences, paragraphs, count, words).stream().map(sentences::get).toList();
  }
}

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
 *   score_i = n · lexrank_i                     centrality; n· makes the average 1
 *           · (1 + a · exp(−i / τ))             lead prior: news puts the story first
 *           · (b if i is in the first paragraph)
 *           · min(1, c_i / k)                   short-sentence penalty
 * </pre>
 * with a, τ, b, k from {@link Settings} (defaults 1.0, 3, 1.2, 5): sentence 0 counts twice as much as
 * a tail sentence of equal centrality, sentence 3 about 1.37 times. Candidates are then taken best
 * first (ties to the earlier sentence) and skipped when they repeat a chosen sentence verbatim or their
 * cosine to one exceeds {@link Settings#redundancy()} (MMR with a hard cut; default 0.35, low enough
 * that a quote restating the lead is skipped). When skips exhaust the
 * candidates the result is shorter than asked: a brief with a repeated fact is worse than a short one.
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
    return new Summarizer(new ArabicTerms());
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
    Objects.requireNonNull(sentences, "sentences");
    if (count < 0) {
      throw new IllegalArgumentException("sentence count must be 0 or more, got " + count);
    }
    if (paragraphs != null && paragraphs.size() != sentences.size()) {
      throw new IllegalArgumentException("paragraphs has " + paragraphs.size() + " entries but there are "
          + sentences.size() + " sentences; give one paragraph index per sentence, or null");
    }
    int n = sentences.size();
    if (count == 0 || n == 0) {
      return List.of();
    }
    if (count >= n) {
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
    for (int i : byScore) {
      if (chosen.size() == count) {
        break;
      }
      if (score[i] <= 0 || !chosenTexts.add(canonical(sentences.get(i)))) {
        continue; // nothing to rank on (no content terms), or a verbatim repeat
      }
      if (chosen.stream().anyMatch(j -> tfidf.cosine(i, j) > settings.redundancy())) {
        continue;
      }
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
    double[] centrality = LexRank.rank(tfidf.similarities(), settings.damping(), settings.edgeThreshold());
    Integer firstParagraph =
        paragraphs == null ? null : paragraphs.stream().min(Integer::compare).orElse(null);
    double[] score = new double[n];
    for (int i = 0; i < n; i++) {
      double lead = 1 + settings.leadBoost() * Math.exp(-i / settings.leadDecay());
      if (firstParagraph != null && firstParagraph.equals(paragraphs.get(i))) {
        lead *= settings.firstParagraphBoost();
      }
      double length = Math.min(1.0, terms.get(i).size() / (double) settings.minContentWords());
      score[i] = n * centrality[i] * lead * length;
    }
    return score;
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
    List<String> sentences = new ArrayList<>();
    List<Integer> paragraphs = new ArrayList<>();
    List<List<String>> split = EnglishSentences.splitParagraphs(text);
    for (int p = 0; p < split.size(); p++) {
      for (String s : split.get(p)) {
        sentences.add(s);
        paragraphs.add(p);
      }
    }
    return english().select(sentences, paragraphs, count).stream().map(sentences::get).toList();
  }
}

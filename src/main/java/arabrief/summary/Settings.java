package arabrief.summary;

/**
 * The knobs of {@link Summarizer}'s ranking; {@link #DEFAULTS} is tuned for wire-style news.
 *
 * @param damping LexRank damping factor d (probability of following an edge rather than jumping)
 * @param edgeThreshold 0 for continuous LexRank; otherwise cosine above which two sentences are linked
 * @param leadBoost a in the lead prior 1 + a·exp(−i/τ): how much more sentence 0 counts than the tail
 * @param leadDecay τ in the lead prior, in sentences: the boost falls to 1/e of itself after τ sentences
 * @param firstParagraphBoost extra factor for sentences of the first paragraph (when paragraphs are known)
 * @param minContentWords sentences with fewer content terms are scaled down by terms/minContentWords
 * @param redundancy a candidate whose cosine to an already chosen sentence exceeds this is skipped
 */
public record Settings(
    double damping,
    double edgeThreshold,
    double leadBoost,
    double leadDecay,
    double firstParagraphBoost,
    int minContentWords,
    double redundancy) {

  public static final Settings DEFAULTS = new Settings(0.85, 0.0, 1.0, 3.0, 1.2, 5, 0.35);

  public Settings {
    if (damping <= 0 || damping >= 1) {
      throw new IllegalArgumentException("damping must be in (0, 1), got " + damping);
    }
    if (edgeThreshold < 0 || edgeThreshold >= 1) {
      throw new IllegalArgumentException("edgeThreshold must be in [0, 1), got " + edgeThreshold);
    }
    if (leadBoost < 0 || leadDecay <= 0 || firstParagraphBoost <= 0) {
      throw new IllegalArgumentException("lead prior needs leadBoost >= 0, leadDecay > 0,"
          + " firstParagraphBoost > 0; got " + leadBoost + ", " + leadDecay + ", " + firstParagraphBoost);
    }
    if (minContentWords < 1) {
      throw new IllegalArgumentException("minContentWords must be at least 1, got " + minContentWords);
    }
    if (redundancy <= 0 || redundancy > 1) {
      throw new IllegalArgumentException("redundancy must be in (0, 1], got " + redundancy);
    }
  }

  /** The same settings with threshold LexRank (edges where cosine exceeds {@code threshold}). */
  public Settings withEdgeThreshold(double threshold) {
    return new Settings(damping, threshold, leadBoost, leadDecay, firstParagraphBoost, minContentWords,
        redundancy);
  }

  /** The same settings without any lead prior: pure centrality, for comparison and tests. */
  public Settings withoutLeadPrior() {
    return new Settings(damping, edgeThreshold, 0.0, leadDecay, 1.0, minContentWords, redundancy);
  }
}

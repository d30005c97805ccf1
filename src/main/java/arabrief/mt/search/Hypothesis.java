package arabrief.mt.search;

/**
 * A finished output: the generated ids (decoder start token first, EOS last when it was produced) and its
 * score — transformers' {@code sequences_scores} for beam search; for greedy search the sum of the chosen
 * tokens' log-probabilities divided by (generated length ^ length_penalty).
 */
public record Hypothesis(long[] ids, float score) {
  /** Generated tokens, EOS included, decoder start token excluded. */
  public int generatedLength() {
    return ids.length - 1;
  }
}

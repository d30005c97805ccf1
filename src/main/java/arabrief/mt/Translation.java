package arabrief.mt;

/**
 * One source segment and its translation: the decoded text, the score transformers would report (see
 * {@link arabrief.mt.search.Hypothesis}), and the token counts behind them.
 */
public record Translation(String source, String text, double score, int sourceTokens, int generatedTokens) {
  static Translation empty(String source) {
    return new Translation(source, "", 0.0, 0, 0);
  }
}

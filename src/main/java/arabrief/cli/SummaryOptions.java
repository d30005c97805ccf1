package arabrief.cli;

import arabrief.summary.Summarizer;
import picocli.CommandLine.Option;

/** The summary length options every summarizing command takes: a sentence count and a word budget. */
public final class SummaryOptions {
  @Option(
      names = "--summary-sentences",
      paramLabel = "N",
      description = "Sentences in the summary (0 for none). Default: " + Summarizer.DEFAULT_COUNT
          + ", or no limit but the budget when --summary-words is given.")
  Integer sentences;

  @Option(
      names = "--summary-words",
      paramLabel = "N",
      description = "Word budget: whole sentences of at most N words in all (the best one even if longer)."
          + " Default: none.")
  Integer words;

  /** The sentence count, validated; a word budget alone leaves it open. */
  int sentences() {
    if (sentences == null) {
      return words() > 0 ? Integer.MAX_VALUE : Summarizer.DEFAULT_COUNT;
    }
    if (sentences < 0) {
      throw new UserException(ExitCodes.USAGE, "--summary-sentences must be 0 or more, got " + sentences);
    }
    return sentences;
  }

  /** The word budget, validated; 0 for none. */
  int words() {
    if (words == null) {
      return 0;
    }
    if (words < 1) {
      throw new UserException(ExitCodes.USAGE, "--summary-words must be 1 or more, got " + words);
    }
    return words;
  }
}

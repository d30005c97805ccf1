package arabrief.summary;

import java.util.List;

/**
 * Turns one sentence into the content terms the ranking compares: normalised, stemmed, stopwords gone.
 *
 * <p>One implementation per language, so {@link Summarizer} never knows which script it is ranking.
 * The number of terms doubles as the sentence's "content word" count for the short-sentence penalty.
 */
public interface TermExtractor {
  /** The sentence's terms in reading order, repeats kept (term frequency matters). */
  List<String> terms(String sentence);
}

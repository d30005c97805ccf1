package arabrief.summary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicStemmer;

/**
 * Arabic terms: normalise spelling, split on anything but letters and digits, drop stopwords
 * (also when hidden behind a proclitic, as in "وفي", "وقد"), then light-stem with Lucene's
 * {@link org.apache.lucene.analysis.ar.ArabicStemmer} (Larkey's light stemming: one proclitic group, then
 * suffixes). Lucene's stemmer replaced a hand-written Light10-style one: it scored a little higher on the
 * even half of the BBC Arabic dev set (scripts/eval_summary.md), and a kept library is preferred.
 */
public final class ArabicTerms implements TermExtractor {
  /** The project's list (reporting verbs, news function words), normalised like the text. */
  static final Set<String> STOPWORDS = Stopwords.load("stopwords-ar.txt", ArabicNormalizer::normalize);
  /**
   * Lucene's Arabic stop set (ArabicAnalyzer's default), normalised like the text and matched as whole
   * words. Adding it was chosen on the even half of the BBC Arabic dev set (scripts/eval_summary.md).
   */
  private static final Set<String> LUCENE_STOPWORDS = luceneStopwords();
  /** Stateless: stem(char[], int) only rewrites the buffer it is given. */
  private static final ArabicStemmer STEMMER = new ArabicStemmer();

  private static Set<String> luceneStopwords() {
    Set<String> words = new HashSet<>();
    for (Object w : ArabicAnalyzer.getDefaultStopSet()) {
      words.add(ArabicNormalizer.normalize(new String((char[]) w)));
    }
    return Set.copyOf(words);
  }

  @Override
  public List<String> terms(String sentence) {
    List<String> out = new ArrayList<>();
    for (String token : Tokens.split(ArabicNormalizer.normalize(sentence))) {
      if (isStopword(token)) {
        continue;
      }
      out.add(stem(token));
    }
    return out;
  }

  private static boolean isStopword(String token) {
    return STOPWORDS.contains(token)
        || LUCENE_STOPWORDS.contains(token)
        || STOPWORDS.contains(Proclitics.stripConjunction(token))
        // Short words with a proclitic that the stemmer leaves alone, e.g. "بذلك", "لذلك".
        || STOPWORDS.contains(Proclitics.stripPrefix(token));
  }

  /** Lucene's light stem of a normalised token. */
  static String stem(String token) {
    char[] c = token.toCharArray();
    return new String(c, 0, STEMMER.stem(c, c.length));
  }
}

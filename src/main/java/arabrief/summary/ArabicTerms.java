package arabrief.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Arabic terms: normalise spelling, split on anything but letters and digits, drop stopwords
 * (also when hidden behind a proclitic, as in "وفي", "وقد"), then light-stem.
 */
public final class ArabicTerms implements TermExtractor {
  static final Set<String> STOPWORDS = Stopwords.load("stopwords-ar.txt", ArabicNormalizer::normalize);

  @Override
  public List<String> terms(String sentence) {
    List<String> out = new ArrayList<>();
    for (String token : Tokens.split(ArabicNormalizer.normalize(sentence))) {
      if (isStopword(token)) {
        continue;
      }
      out.add(ArabicStemmer.stem(token));
    }
    return out;
  }

  private static boolean isStopword(String token) {
    return STOPWORDS.contains(token)
        || STOPWORDS.contains(ArabicStemmer.stripConjunction(token))
        // Short words with a proclitic that the stemmer leaves alone, e.g. "بذلك", "لذلك".
        || STOPWORDS.contains(ArabicStemmer.stripPrefix(token));
  }
}

package arabrief.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * English terms: lowercase, split into letter/digit runs, drop stopwords, light stem. "Russia's"
 * gives "russia" and "s", and the lone "s" is a stopword.
 */
public final class EnglishTerms implements TermExtractor {
  static final Set<String> STOPWORDS = Stopwords.load("stopwords-en.txt", s -> s.toLowerCase(Locale.ROOT));

  @Override
  public List<String> terms(String sentence) {
    List<String> out = new ArrayList<>();
    for (String token : Tokens.split(sentence.toLowerCase(Locale.ROOT))) {
      if (STOPWORDS.contains(token)) {
        continue;
      }
      out.add(EnglishStemmer.stem(token));
    }
    return out;
  }

  /** Whether a word (any case) is an English function word; the sentence splitter asks this too. */
  static boolean isStopword(String word) {
    return STOPWORDS.contains(word.toLowerCase(Locale.ROOT));
  }
}

package arabrief.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into runs of letters/digits, the first step of both term extractors. */
final class Tokens {
  private Tokens() {}

  // A decimal or grouped number stays whole ("3.5", "1,200") so it is one term, not two; anything
  // else that is not a letter or digit separates words, including apostrophes, hyphens and Arabic
  // punctuation (، ؛ « »).
  private static final Pattern WORD = Pattern.compile("\\p{Nd}+(?:[.,]\\p{Nd}+)*|[\\p{L}\\p{Nd}]+");

  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}

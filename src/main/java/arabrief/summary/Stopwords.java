package arabrief.summary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Loads a stopword list shipped as a classpath resource: one word a line, '#' starts a comment. */
final class Stopwords {
  private Stopwords() {}

  /**
   * Each word goes through {@code normalize} on the way in, so the lists can be written in ordinary
   * spelling (with hamza, ta marbuta) and still match tokens that were normalised the same way.
   */
  static Set<String> load(String resource, UnaryOperator<String> normalize) {
    InputStream in = Stopwords.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("stopword list " + resource + " is missing from the classpath;"
          + " it belongs in src/main/resources/arabrief/summary/");
    }
    Set<String> words = new HashSet<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        int hash = line.indexOf('#');
        String word = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (!word.isEmpty()) {
          words.add(normalize.apply(word));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stopword list " + resource, e);
    }
    return Set.copyOf(words);
  }
}

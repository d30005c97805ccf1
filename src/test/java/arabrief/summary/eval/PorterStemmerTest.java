package arabrief.summary.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PorterStemmerTest {
  @Test
  void paperExamples() {
    String[][] cases = {
      {"caresses", "caress"}, {"ponies", "poni"}, {"cats", "cat"}, {"agreed", "agre"},
      {"plastered", "plaster"}, {"motoring", "motor"}, {"hopping", "hop"}, {"falling", "fall"},
      {"filing", "file"}, {"relational", "relat"}, {"generalization", "gener"}, {"happy", "happi"},
      {"controlling", "control"}, {"skies", "sky"}, {"dying", "die"}, {"ties", "tie"}, {"enjoy", "enjoy"}
    };
    for (String[] c : cases) {
      assertEquals(c[1], PorterStemmer.stem(c[0]), c[0]);
    }
  }

  /** porter_nltk.tsv: NLTK's stems of the CNN/DailyMail dev vocabulary (scripts/make_rouge_fixtures.py). */
  @Test
  void agreesWithNltkOnNewsVocabulary() throws IOException {
    List<String> wrong = new ArrayList<>();
    int n = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(getClass().getResourceAsStream("porter_nltk.tsv")), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; n++) {
        String[] f = line.split("\t");
        String got = PorterStemmer.stem(f[0]);
        if (!got.equals(f[1])) {
          wrong.add(f[0] + " → " + got + " (nltk " + f[1] + ")");
        }
      }
    }
    assertTrue(n > 10_000, "fixture has " + n + " words");
    assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " of " + n + " differ");
  }
}

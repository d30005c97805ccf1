package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A fast sample of the byline feature evaluation ({@link BylineEval}; {@code scripts/eval_bylines.sh} runs every
 * article): every twentieth of the first 600 BBC Arabic articles, with a byline inserted in every form, names
 * drawn from a list disjoint from {@code given-names.txt}. Floors against regressions (the full run's figures are
 * in docs/structure.md): no clean article gets a byline; in every form the byline is found and the rest of the
 * reading is unchanged in at least 90% of the sample, and in at least 97% over all forms.
 */
class BylineEvalTest {

  private static List<Metamorphic.Clean> sample() {
    List<Metamorphic.Clean> out = new ArrayList<>();
    if (Metamorphic.bbc().isPresent()) {
      List<Metamorphic.Clean> bbc = Metamorphic.bbcArticles();
      for (int i = 0; i < Math.min(600, bbc.size()); i += 20) {
        out.add(bbc.get(i));
      }
    }
    return out;
  }

  @Test
  void insertedBylinesAreFoundAndChangeNothingElse() {
    List<Metamorphic.Clean> sample = sample();
    Assumptions.assumeTrue(sample.size() >= 30, "../shared is not beside the repository");
    assertEquals(List.of(), sample.stream().filter(BylineEval::falseByline).map(Metamorphic.Clean::name).toList(),
        "clean articles read with a byline");
    int cases = 0;
    int both = 0;
    List<String> weak = new ArrayList<>();
    for (var e : BylineEval.run(sample, false).entrySet()) {
      BylineEval.Tally t = e.getValue();
      cases += t.cases();
      both += t.both();
      if (t.both() < 0.9 * t.cases()) {
        weak.add(String.format(Locale.ROOT, "%s: %d/%d; %s", e.getKey().name(), t.both(), t.cases(),
            String.join(" | ", t.misses().subList(0, Math.min(3, t.misses().size())))));
      }
    }
    assertEquals(List.of(), weak, "forms below 90%");
    assertTrue(both >= 0.97 * cases, both + "/" + cases + " over all forms");
  }
}

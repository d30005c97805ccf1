package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.summary.eval.HardWrap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A fast sample of the reflow's metamorphic run ({@code scripts/eval_reflow.sh} does all of it): clean texts —
 * every {@value #BBC_STEP}th BBC Arabic article of ../shared/summ-ar when it is beside the repository, and every
 * real page's text — hard-wrapped at 60 to 100 columns in each style must parse as the clean text, and no clean
 * text may be changed by the reflow. The floors sit a little under what the full run measures (docs/structure.md):
 * with a blank line after every wrapped line a full line ending a sentence may end a paragraph or not, and a
 * headline that fills its line reads as the first line of a paragraph, so that style is held to less.
 */
class ReflowMetamorphicTest {

  static final int BBC_STEP = 24;

  private static List<ReflowCases.Clean> sample() {
    Path shared = ReflowCases.shared();
    List<ReflowCases.Clean> texts = new ArrayList<>();
    if (shared != null) {
      List<ReflowCases.Clean> bbc = ReflowCases.bbc(shared);
      for (int i = 0; i < bbc.size(); i += BBC_STEP) {
        texts.add(bbc.get(i));
      }
    }
    texts.addAll(ReflowCases.pages(shared));
    return texts;
  }

  @Test
  void wrappedTextsParseAsTheCleanOnes() {
    List<ReflowCases.Clean> texts = sample();
    List<String> misses = new ArrayList<>();
    int[][] passed = new int[ReflowCases.SPECS.size()][3]; // headline, paragraphs, sentences
    for (ReflowCases.Clean c : texts) {
      ReflowCases.Check check = ReflowCases.check(c);
      assertEquals(List.of(), check.changedForms(), c.id() + ": unwrapped forms changed by the reflow");
      for (int s = 0; s < ReflowCases.SPECS.size(); s++) {
        ReflowCases.Outcome o = check.outcomes().get(s);
        passed[s][0] += o.headline() ? 1 : 0;
        passed[s][1] += o.paragraphs() ? 1 : 0;
        passed[s][2] += o.sentences() ? 1 : 0;
        if (!o.passed()) {
          misses.add(c.id() + " " + ReflowCases.SPECS.get(s) + ": " + o);
        }
      }
    }
    int n = texts.size();
    assertTrue(n >= 40, n + " clean texts");
    for (int s = 0; s < ReflowCases.SPECS.size(); s++) {
      HardWrap.Spec spec = ReflowCases.SPECS.get(s);
      boolean linesApart = spec.style() == HardWrap.Style.LINES;
      double[] floors = linesApart ? new double[] {0.9, 0.75, 0.85} : new double[] {0.97, 0.95, 0.95};
      String[] what = {"headline", "paragraphs", "sentences"};
      for (int k = 0; k < 3; k++) {
        double rate = passed[s][k] / (double) n;
        assertTrue(rate >= floors[k], String.format(Locale.ROOT, "%s: same %s for %.1f%% of %d texts; misses: %s",
            spec, what[k], 100 * rate, n, misses));
      }
    }
  }
}

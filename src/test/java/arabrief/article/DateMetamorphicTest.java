package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A sample of the metamorphic date checks ({@link DateMetamorphic}; {@code scripts/eval_date_metamorphic.sh} runs
 * all 1,328 articles): every tenth of the first 600 BBC Arabic articles with a header clock among widgets on top,
 * with their date printed under the headline (every format of the table in turn), and with both. Floors against
 * regressions; the full run's figures are in docs/structure.md.
 */
class DateMetamorphicTest {

  /** Every tenth of the first 600 BBC Arabic articles. */
  static List<Metamorphic.Clean> sample() {
    List<Metamorphic.Clean> bbc = Metamorphic.bbcArticles();
    List<Metamorphic.Clean> sample = new ArrayList<>();
    for (int i = 0; i < Math.min(600, bbc.size()); i += 10) {
      sample.add(bbc.get(i));
    }
    return sample;
  }

  @Test
  void clockIgnoredAndPrintedDateRead() {
    Assumptions.assumeTrue(Metamorphic.bbc().isPresent(), "../shared is not beside the repository");
    Map<String, int[]> counts = DateMetamorphic.run(sample(), false, false);
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] n = e.getValue();
      assertTrue(n[0] >= n[1] * 95 / 100, e.getKey() + ": " + n[0] + " of " + n[1] + " read right");
    }
  }
}

package arabrief.mt.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunked selection returns exactly torch's topk over [sources, K * vocab] when values are distinct. */
class SourceTopKTest {
  @Test
  void chunkedSelectionEqualsFullTopK() {
    Random rnd = new Random(11);
    try (NDManager m = NDManager.newBaseManager()) {
      for (int vocab : new int[] {158, 360, 1000, 4096}) {
        for (int k : new int[] {1, 2, 4, 5}) {
          int sources = 3;
          int n = 2 * k;
          float[] values = new float[sources * k * vocab];
          for (int i = 0; i < values.length; i++) {
            values[i] = (float) (rnd.nextGaussian() * 3 - 8);
          }
          // the best candidates of a source crowd into one beam's one chunk, or spread over beams
          values[5] = 4f;
          values[6] = 3.5f;
          values[7] = 3f;
          float[] running = new float[sources * k];
          for (int r = 0; r < running.length; r++) {
            running[r] = r % k == 0 ? 0f : (r % k == 1 ? -1.0e9f : (float) -rnd.nextDouble() * 4);
          }
          NDArray logp = m.create(values, new Shape((long) sources * k, vocab));
          SourceTopK.Result chunked = SourceTopK.select(logp, running, sources, k, n, m);
          SourceTopK.Result full = SourceTopK.plain(logp, running, sources, k, n, m);
          String what = "vocab " + vocab + ", k " + k;
          assertEquals(sources * n, chunked.indices().length, what);
          assertArrayEquals(full.indices(), chunked.indices(), what);
          assertArrayEquals(full.scores(), chunked.scores(), 0f, what);
        }
      }
    }
  }

  @Test
  void chunkSizeBalancesTheTwoRankings() {
    assertEquals(178, SourceTopK.chunkSize(62834, 4, 8), "opus-mt-ar-en: 353 chunks of 178 per beam");
    assertEquals(2, SourceTopK.chunkSize(158, 4, 8));
    assertEquals(0, SourceTopK.chunkSize(62851, 4, 8), "a prime vocabulary falls back to torch's topk");
  }
}

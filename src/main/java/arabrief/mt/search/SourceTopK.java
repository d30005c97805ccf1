package arabrief.mt.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The beam search's selection: for each source, the best {@code n} of (log-probability + running score of
 * the beam) over its K beams' whole vocabularies, i.e. transformers' {@code topk} over {@code [sources,
 * K * vocab]}.
 *
 * <p>torch's topk copies every row into a buffer of (value, index) pairs and partially sorts it: for 15
 * sources of 4 × 62834 candidates that is 7 ms a step, half of what follows the decoder. Here each
 * row is cut into chunks of C columns and only chunk maxima are ranked: the best n candidates of a
 * source lie in at most n chunks, and any chunk holding one of them has a maximum at least the n-th best
 * value, so it is among the n best chunks (at most n − 1 chunks hold anything larger). The exact top n is
 * then taken from those n · C values. The values are the same float32 sums transformers ranks; only the
 * order among exactly equal values (which torch leaves unspecified too) may differ. One read of the
 * log-probabilities instead of a sort, then a few small arrays: under 1 ms for the same shape.
 */
final class SourceTopK {
  /** Scores (best first) and candidate indices {@code beam * vocab + column}, {@code n} per source. */
  record Result(float[] scores, long[] indices) {}

  private SourceTopK() {}

  /**
   * @param logp {@code [sources * k, vocab]} log-probabilities, rows grouped by source (beam-major)
   * @param running each row's running score
   */
  static Result select(NDArray logp, float[] running, int sources, int k, int n, NDManager m) {
    long vocab = logp.getShape().get(1);
    int chunk = chunkSize(vocab, k, n);
    if (chunk == 0) {
      return plain(logp, running, sources, k, n, m);
    }
    long perRow = vocab / chunk;
    long perSource = k * perRow;
    NDArray runningCol = m.create(running, new Shape((long) sources * k, 1));
    // best chunk of each source, by chunk maximum + running score
    NDArray chunkMax = logp.reshape((long) sources * k, perRow, chunk).max(new int[] {2}).addi(runningCol);
    long[] bestChunks = chunkMax.reshape(sources, perSource).topK(n, 1, true, false).get(1).toLongArray();
    long[] flatChunks = new long[sources * n];
    float[] chunkRunning = new float[sources * n];
    for (int s = 0; s < sources; s++) {
      for (int j = 0; j < n; j++) {
        long c = bestChunks[s * n + j];
        flatChunks[s * n + j] = s * perSource + c;
        chunkRunning[s * n + j] = running[s * k + (int) (c / perRow)];
      }
    }
    NDArray candidates =
        logp.reshape((long) sources * perSource, chunk)
            .get(m.create(flatChunks))
            .addi(m.create(chunkRunning, new Shape((long) sources * n, 1)))
            .reshape(sources, (long) n * chunk);
    NDList top = candidates.topK(n, 1, true, true);
    float[] scores = top.get(0).toFloatArray();
    long[] positions = top.get(1).toLongArray();
    long[] indices = new long[sources * n];
    for (int s = 0; s < sources; s++) {
      for (int j = 0; j < n; j++) {
        long p = positions[s * n + j];
        long c = bestChunks[s * n + (int) (p / chunk)]; // chunk number within the source, beam-major
        long beam = c / perRow;
        long column = (c % perRow) * chunk + p % chunk;
        indices[s * n + j] = beam * vocab + column;
      }
    }
    return new Result(scores, indices);
  }

  /** torch's topk over {@code [sources, k * vocab]}, as transformers does it. */
  static Result plain(NDArray logp, float[] running, int sources, int k, int n, NDManager m) {
    long vocab = logp.getShape().get(1);
    NDArray total =
        logp.add(m.create(running, new Shape((long) sources * k, 1))).reshape(sources, k * vocab);
    NDList top = total.topK(n, 1, true, true);
    return new Result(top.get(0).toFloatArray(), top.get(1).toLongArray());
  }

  /**
   * The divisor C of {@code vocab} that minimizes the small work left (ranking k·vocab/C chunk maxima,
   * then n·C candidates), or 0 when the vocabulary has no divisor between 2 and vocab / 2.
   */
  static int chunkSize(long vocab, int k, int n) {
    int best = 0;
    double bestCost = Double.MAX_VALUE;
    // divisors come in pairs (c, vocab / c): looking up to the square root finds them all, so choosing
    // costs a few hundred steps a decoding step rather than one per column
    for (long c = 2; c * c <= vocab; c++) {
      if (vocab % c != 0) {
        continue;
      }
      for (long divisor : new long[] {c, vocab / c}) {
        double cost = (double) k * vocab / divisor + (double) n * divisor;
        if (divisor <= vocab / 2 && cost < bestCost) {
          bestCost = cost;
          best = (int) divisor;
        }
      }
    }
    return best;
  }
}

package arabrief.summary;

import java.util.Arrays;

/**
 * LexRank centrality (Erkan & Radev 2004): PageRank over the sentence-similarity graph.
 *
 * <p>Edges are the cosine similarities (continuous LexRank) or, with a threshold, 1 where the
 * similarity exceeds it and 0 elsewhere. Self-loops are left out: a sentence resembling itself says
 * nothing about how central it is. Each row is normalised into transition probabilities; a sentence
 * with no edges jumps uniformly (the usual dangling-node fix), so the matrix stays stochastic.
 *
 * <pre>p ← (1 − d)/n + d · Mᵀ p</pre>
 * iterated from the uniform vector until the L1 change is below {@code 1e-10} (or 1000 rounds).
 */
final class LexRank {
  private static final double TOLERANCE = 1e-10;
  private static final int MAX_ROUNDS = 1000;

  private LexRank() {}

  /**
   * @param threshold 0 for continuous weights; otherwise the cosine above which an edge exists
   * @return the stationary distribution, summing to 1
   */
  static double[] rank(double[][] sim, double damping, double threshold) {
    int n = sim.length;
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      double rowSum = 0;
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double w = threshold > 0 ? (sim[i][j] > threshold ? 1 : 0) : sim[i][j];
          m[i][j] = w;
          rowSum += w;
        }
      }
      for (int j = 0; j < n; j++) {
        m[i][j] = rowSum > 0 ? m[i][j] / rowSum : 1.0 / n;
      }
    }
    double[] p = new double[n];
    Arrays.fill(p, 1.0 / n);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      double[] next = new double[n];
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += m[i][j] * p[i];
        }
        next[j] = (1 - damping) / n + damping * s;
      }
      double change = 0;
      for (int j = 0; j < n; j++) {
        change += Math.abs(next[j] - p[j]);
      }
      p = next;
      if (change < TOLERANCE) {
        break;
      }
    }
    return p;
  }
}

package arabrief.summary;

/**
 * PacSum's directed centrality (Zheng &amp; Lapata 2019, "Sentence Centrality Revisited for Unsupervised
 * Summarization"): in news a sentence that later sentences elaborate on is central, one that merely
 * echoes what came before is not. With edge weights e_ij = max(0, sim_ij − (min + β·(max − min))), the
 * minimum and maximum taken over the document's off-diagonal similarities,
 * <pre>centrality_i = λ1 · Σ_{j&lt;i} e_ij + λ2 · Σ_{j&gt;i} e_ij</pre>
 * with λ1 weighting links to earlier sentences (the paper's best settings make it negative) and λ2 links
 * to later ones.
 */
final class PacSum {
  /** λ1 and λ2 as published (the paper's setting for TF-IDF and BERT alike); not tuned here. */
  static final double BACKWARD = -2.0;
  static final double FORWARD = 1.0;

  private PacSum() {}

  static double[] rank(double[][] sim, double backward, double forward, double beta) {
    int n = sim.length;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          min = Math.min(min, sim[i][j]);
          max = Math.max(max, sim[i][j]);
        }
      }
    }
    double[] c = new double[n];
    if (n < 2) {
      return c;
    }
    double cut = min + beta * (max - min);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double e = Math.max(0, sim[i][j] - cut);
          c[i] += (j < i ? backward : forward) * e;
        }
      }
    }
    return c;
  }
}

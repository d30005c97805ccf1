import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * What libtorch's fp32 matrix products reach on this machine, through DJL: a 1024³ product (near the
 * arithmetic peak), the decoder's per-step products at beam 4 × 15 sentences (60 rows) and the encoder's
 * FFN at the seed article's 683 token slots. Best of 30 tries each (operands stay in cache, so these are
 * lower bounds on time; the LM head's 128 MB table does not fit a cache anyway). Used to tell how far a
 * decoder step is above the time its products need.
 *
 * <p>java -cp "target/classes:target/lib/*" scripts/bench/MatmulPeak.java [threads]
 */
public class MatmulPeak {
  public static void main(String[] a) {
    String threads = a.length > 0 ? a[0] : String.valueOf(Runtime.getRuntime().availableProcessors());
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", threads);
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    int[][] shapes = {
      {1024, 1024, 1024},
      {60, 512, 62834}, // LM head, stored transposed
      {60, 512, 1536}, // stacked self-attention q/k/v
      {60, 512, 512}, // attention output, cross-attention query
      {60, 512, 2048}, // FFN in
      {60, 2048, 512}, // FFN out
      {683, 512, 2048}, // encoder FFN, the seed article
    };
    try (NDManager m = NDManager.newBaseManager()) {
      System.out.println("threads " + threads);
      System.out.println("m x k x n  best_ms  GFLOPS");
      for (int[] s : shapes) {
        try (NDManager scope = m.newSubManager()) {
          NDArray x = scope.randomNormal(new Shape(s[0], s[1]));
          NDArray w = scope.randomNormal(new Shape(s[1], s[2]));
          double best = Double.MAX_VALUE;
          for (int r = 0; r < 30; r++) {
            long t = System.nanoTime();
            try (NDArray y = x.matMul(w)) {
              y.getFloat(0, 0);
            }
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
          }
          System.out.printf("%dx%dx%d  %.2f  %.1f%n", s[0], s[1], s[2], best, 2.0 * s[0] * s[1] * s[2] / best / 1e6);
        }
      }
    }
  }
}

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The bound for one-line greedy decoding: a decoder step of opus-mt-ar-en reads every decoder weight and
 * the LM head once, about 217 MB of float32, so tokens/s cannot exceed (read bandwidth / 217 MB). This
 * reads a 217 MB array through libtorch (a sum, on the engine's threads) and prints the best of 10. For
 * nllb-200-distilled-600M a step reads 1754 MB (12 decoder layers of 14.7M weights and the 256206 x 1024 head):
 * pass 1754 as the second argument.
 *
 * <p>java -cp "target/classes:target/lib/*" scripts/bench/ReadBandwidth.java [threads] [MB per token]
 */
public class ReadBandwidth {
  public static void main(String[] a) {
    String threads = a.length > 0 ? a[0] : String.valueOf(Runtime.getRuntime().availableProcessors());
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", threads);
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    long mb = a.length > 1 ? Long.parseLong(a[1]) : 217;
    long floats = mb * 1000 * 1000 / 4;
    try (NDManager m = NDManager.newBaseManager(); NDArray w = m.ones(new Shape(floats))) {
      double best = Double.MAX_VALUE;
      for (int i = 0; i < 10; i++) {
        long t = System.nanoTime();
        try (NDArray s = w.sum()) {
          s.getFloat();
        }
        best = Math.min(best, (System.nanoTime() - t) / 1e9);
      }
      System.out.printf("read %d MB in %.1f ms: %.1f GB/s, bound %.1f tokens/s for one-line greedy%n",
          mb, best * 1e3, mb / 1000.0 / best, 1 / best);
    }
  }
}

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Times the LM-head product of opus-mt-ar-en's shape ([rows, 512] against a [62834, 512] table) both ways
 * round for 1..64 rows: torch's linear (x·W^T, MKL's "t_n" kernel, what transformers runs) and (W·x^T)^T
 * with the transposing copy. Best of 8 alternating tries each, with a 128 MB buffer touched before every
 * try so that the table comes from memory as it does in a decoder step. MarianModel.project picks the
 * faster side by row count from this table.
 *
 * <p>java -cp "target/classes:target/lib/*" scripts/bench/LmHeadShapes.java [threads]
 */
public class LmHeadShapes {
  public static void main(String[] a) {
    String threads = a.length > 0 ? a[0] : String.valueOf(Runtime.getRuntime().availableProcessors());
    System.setProperty("ai.djl.offline", "true");
    System.setProperty("ai.djl.pytorch.num_threads", threads);
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray table = m.randomNormal(new Shape(62834, 512)).muli(0.02f);
      NDArray flush = m.ones(new Shape(32 << 20));
      System.out.println("rows  linear_ms  wide_ms  linear/wide");
      for (int rows = 1; rows <= 64; rows++) {
        NDArray h = m.randomNormal(new Shape(rows, 512));
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int rep = 0; rep < 8; rep++) {
          for (int way = 0; way < 2; way++) {
            flush.addi(1f);
            long t = System.nanoTime();
            NDArray out =
                way == 0
                    ? h.getNDArrayInternal().linear(h, table, null).singletonOrThrow()
                    : table.matMul(h.transpose()).transpose().duplicate();
            best[way] = Math.min(best[way], (System.nanoTime() - t) / 1e6);
            out.close();
          }
        }
        System.out.printf("%4d  %9.2f  %7.2f  %11.2f%n", rows, best[0], best[1], best[0] / best[1]);
        h.close();
      }
    }
  }
}

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Times the LM-head product of opus-mt-ar-en's shape (h [rows, 512] against the [62834, 512] table) three
 * ways for 1..64 rows, through DJL's libtorch:
 *   linear  torch's linear, h·W^T (MKL's "t_n" kernel; what transformers runs)
 *   nn      h·Wt with the table stored transposed, [512, 62834] row-major (what TransformerModel.project does)
 *   wide    (W·h^T)^T plus the copy that makes it row-major
 * Best of 8 alternating tries each, with a 128 MB buffer touched before every try so that the table comes
 * from memory, as it does in a decoder step.
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
      NDArray tableT = table.transpose().reshape(-1).reshape(512, 62834);
      NDArray flush = m.ones(new Shape(32 << 20));
      System.out.println("rows  linear_ms  nn_ms  wide_ms");
      for (int rows = 1; rows <= 64; rows++) {
        NDArray h = m.randomNormal(new Shape(rows, 512));
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        for (int rep = 0; rep < 8; rep++) {
          for (int way = 0; way < 3; way++) {
            flush.addi(1f);
            long t = System.nanoTime();
            NDArray out;
            if (way == 0) {
              out = h.getNDArrayInternal().linear(h, table, null).singletonOrThrow();
            } else if (way == 1) {
              out = h.matMul(tableT);
            } else {
              out = table.matMul(h.transpose()).transpose().reshape(-1);
            }
            best[way] = Math.min(best[way], (System.nanoTime() - t) / 1e6);
            out.close();
          }
        }
        System.out.printf("%4d  %9.2f  %5.2f  %7.2f%n", rows, best[0], best[1], best[2]);
        h.close();
      }
    }
  }
}

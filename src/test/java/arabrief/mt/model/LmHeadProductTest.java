package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The LM head is kept transposed; its product must still be x·W^T for every row count decoding meets. */
class LmHeadProductTest {
  @Test
  void everyRowCountGivesTheProductInRowMajorOrder() {
    Random rnd = new Random(7);
    int vocab = 301;
    int d = 24;
    float[] table = new float[vocab * d];
    for (int i = 0; i < table.length; i++) {
      table[i] = (float) rnd.nextGaussian();
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray head = m.create(table, new Shape(vocab, d));
      NDArray headT = TransformerModel.transposedCopy(head);
      assertTrue(headT.getShape().equals(new Shape(d, vocab)));
      for (int rows = 1; rows <= 64; rows++) {
        float[] x = new float[rows * d];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) rnd.nextGaussian();
        }
        float[] expected = new float[rows * vocab];
        for (int r = 0; r < rows; r++) {
          for (int v = 0; v < vocab; v++) {
            double sum = 0;
            for (int k = 0; k < d; k++) {
              sum += (double) x[r * d + k] * table[v * d + k];
            }
            expected[r * vocab + v] = (float) sum;
          }
        }
        try (NDArray h = m.create(x, new Shape(rows, d)); NDArray out = TransformerModel.project(h, headT)) {
          assertTrue(out.getShape().equals(new Shape(rows, vocab)), "shape for " + rows + " rows: " + out.getShape());
          assertArrayEquals(expected, out.toFloatArray(), 1e-4f, rows + " rows");
        }
      }
    }
  }
}

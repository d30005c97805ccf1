package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.IValue;
import arabrief.mt.model.Layers.Linear;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The LM head is packed on a thread of its own at load, from its transposed table ({@link Kernels#packTransposed})
 * or from the stored table ({@link Kernels#packRows}), instead of from a float32 copy of the untransposed weight
 * ({@code add*}): in libtorch 2.7.1, the weights it makes must be the same, so the products must be equal to the
 * bit in every reduced precision; so must the weight packed window by window ({@link Kernels#packWindows}), which a
 * large stored table is.
 */
class HeadPackTest {
  @Test
  void packingFromTheTransposedTableGivesTheSameProducts() {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      m.getEngine().setRandomSeed(7);
      Kernels k = Kernels.load(m);
      // a head-like shape (many outputs), a square one, and one oneDNN refuses (300 outputs: see make_kernels.py)
      for (long[] shape : new long[][] {{5000, 64}, {128, 128}, {300, 32}}) {
        // rows of different magnitude, so the per-channel scales differ
        NDArray w = m.randomNormal(new Shape(shape[0], shape[1])).mul(m.randomUniform(0.05f, 3f, new Shape(shape[0], 1)));
        NDArray wt = w.transpose().duplicate(); // contiguous [in, out], as the head is stored
        for (int rows : new int[] {1, 7}) {
          NDArray x = m.randomNormal(new Shape(rows, shape[1]));
          for (Precision p : new Precision[] {Precision.INT8, Precision.BFLOAT16, Precision.FLOAT32_ONEDNN}) {
            Linear viaAdd = new Linear(w, null).to(p, k, false);
            IValue packed = k.packTransposed(p, wt);
            int index = k.put(p, packed);
            packed.close();
            String what = p + " " + shape[0] + "x" + shape[1] + ", " + rows + " rows";
            if (viaAdd.precision() == Precision.FLOAT32) {
              assertEquals(-1, index, what + ": oneDNN refused the weight one way, not the other");
              continue;
            }
            assertTrue(index >= 0, what);
            Linear viaPack = new Linear(null, null, p, k, index);
            assertArrayEquals(viaAdd.apply(x).toFloatArray(), viaPack.apply(x).toFloatArray(), what);
            // and from the table as stored ([out, in], a mapped file's), as the head packs when it can
            IValue rowsPacked = k.packRows(p, w);
            Linear viaRows = new Linear(null, null, p, k, k.put(p, rowsPacked));
            rowsPacked.close();
            assertArrayEquals(viaAdd.apply(x).toFloatArray(), viaRows.apply(x).toFloatArray(), what + ", from rows");
            // and window by window (int8, bfloat16), as a large stored table packs: windows of one row, of a few
            // (the last one short) and of more rows than the table has
            if (p == Precision.FLOAT32_ONEDNN) {
              continue;
            }
            for (long window : new long[] {1, 7, 100_000}) {
              IValue windowed = k.packWindows(p, shape[0], shape[1], window,
                  (first, count) -> w.get(first + ":" + (first + count)).duplicate());
              Linear viaWindows = new Linear(null, null, p, k, k.put(p, windowed));
              windowed.close();
              assertArrayEquals(viaAdd.apply(x).toFloatArray(), viaWindows.apply(x).toFloatArray(),
                  what + ", windows of " + window + " rows");
            }
          }
        }
      }
    }
  }

  @Test
  void theHeadPacksOnAnotherThreadWhileLayersAreAdded() throws Exception {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      Kernels k = Kernels.load(m);
      NDArray wt = m.randomNormal(new Shape(64, 3000));
      NDArray layer = m.randomNormal(new Shape(256, 64));
      CompletableFuture<IValue> head = CompletableFuture.supplyAsync(() -> k.packTransposed(Precision.INT8, wt));
      int[] layers = new int[20];
      for (int i = 0; i < layers.length; i++) {
        layers[i] = k.addInt8(layer, null);
      }
      IValue packed = head.get();
      int index = k.put(Precision.INT8, packed);
      packed.close();
      // the layers' indices run on, the head's comes after them, and every weight still computes
      for (int i = 0; i < layers.length; i++) {
        assertEquals(i, layers[i]);
      }
      assertEquals(layers.length, index);
      NDArray x = m.randomNormal(new Shape(2, 64));
      assertArrayEquals(new long[] {2, 3000}, k.linearInt8(x, index).getShape().getShape());
      assertArrayEquals(new long[] {2, 256}, k.linearInt8(x, layers[19]).getShape().getShape());
    }
  }
}

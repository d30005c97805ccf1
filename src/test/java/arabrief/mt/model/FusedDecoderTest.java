package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import arabrief.mt.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The fused decoder step (one TorchScript call) computes what the DJL path it replaces computes: on every
 * fixture, conformance and family model (every activation, tied and untied tables, unequal layer counts, pre- and
 * post-norm, embedding and final norms, each kind of positions), in float32 (with
 * either float32 kernel) and int8, through a padded batch, a beam-style regrouping of rows (K rows per source) and a source leaving the
 * batch, every step's logits agree to float32 rounding and pick the same best token per row. (They are not
 * always bit-identical: the same aten operations on the same tensors, but from the first regrouping on the last
 * bits can differ, as between any two float32 orders of addition. Token parity with transformers is what the
 * exact mode promises, and ConformanceTest and GenerationParityTest check it through the fused step.) Which
 * model runs which precision is a covering design, see {@link #variants}.
 */
class FusedDecoderTest {
  static List<Path> models() throws IOException {
    List<Path> out = new ArrayList<>();
    for (String group : new String[] {"models", "conformance", "families"}) {
      try (Stream<Path> s = Files.list(Fixtures.root().resolve(group))) {
        s.filter(p -> Files.isRegularFile(p.resolve("config.json"))).sorted().forEach(out::add);
      }
    }
    return out;
  }

  /**
   * The precisions (and float32 kernels) of {@link #run}. float32/split: the exact mode's head in MKL's float32
   * below 4 rows and oneDNN's from there, as the calibration picks on CPUs where MKL wins at one row (the
   * schedule has 3, 6, 4 and 2 rows).
   */
  static final List<String> VARIANTS = List.of("float32/mkl", "float32/onednn", "float32/split", "int8");

  /**
   * Models that run every variant: each stands for a path through the step that the others do not take.
   * tiny-opus is shaped like opus-mt (post-norm, tied and scaled table, swish); c04 has an untied head over a
   * target vocabulary of its own (140 of 300 rows); c12 eight heads of 4 dimensions and one decoder layer;
   * m2m100 pre-norm, sinusoidal positions and final norms; mbart50 learned positions and an embedding norm.
   * m2m100 and mbart50 (d_model 48, ffn 96) are also shapes whose oneDNN products libtorch gets wrong, so under
   * oneDNN some of their weights keep MKL's kernel (the load's probe): one step mixing both kernels.
   */
  static final List<String> EVERY_VARIANT = List.of("tiny-opus", "c04-separate-vocab-untied", "c12-tiny-heads-limit",
      "m2m100", "mbart50");

  /**
   * A covering design instead of the full product of {@link #models} and {@link #VARIANTS}: two loads per pair
   * are this test's whole cost, and the 96 pairs took 110 s on a 2-vCPU Zen 3. A variant changes only which
   * kernel each linear product (and the head, by row count) calls; the model decides everything around them:
   * the activation, norms, positions, layer counts and head layout. So each model other than
   * {@link #EVERY_VARIANT} runs one variant, in turn in sorted order, and those five run all four: every model
   * (so every activation and checkpoint layout) is compared fused against the DJL path, every variant on nine or
   * ten models of every group and at least five activations, and each distinct head and architecture under
   * every variant: 39 pairs.
   */
  static Map<Path, List<String>> variants(List<Path> models) {
    Map<Path, List<String>> out = new LinkedHashMap<>();
    int turn = 0;
    for (Path dir : models) {
      out.put(dir, EVERY_VARIANT.contains(dir.getFileName().toString()) ? VARIANTS
          : List.of(VARIANTS.get(turn++ % VARIANTS.size())));
    }
    return out;
  }

  @Test
  void fusedStepEqualsTheDjlPathBitForBit() throws IOException {
    Map<String, Integer> fusedModels = new TreeMap<>();
    for (Map.Entry<Path, List<String>> e : variants(models()).entrySet()) {
      Path dir = e.getKey();
      for (String variant : e.getValue()) {
        ComputeType type = ComputeType.parse(variant.split("/")[0]);
        String kernel = variant.contains("/") ? variant.split("/")[1] : "mkl";
        List<float[]> plain = run(dir, type, kernel, false);
        List<float[]> fused = run(dir, type, kernel, true);
        if (fused == null) {
          continue; // an activation the module does not compute the same way: that model keeps the DJL path
        }
        fusedModels.merge(variant, 1, Integer::sum);
        assertEquals(plain.size(), fused.size());
        for (int i = 0; i < plain.size(); i++) {
          float[] a = plain.get(i);
          float[] b = fused.get(i);
          float scale = 0;
          for (float v : a) {
            scale = Math.max(scale, Math.abs(v));
          }
          String what = dir.getFileName() + " " + variant + " step " + i;
          assertArrayEquals(a, b, 1e-5f * Math.max(1f, scale), what);
          assertArrayEquals(argmaxRows(a, ROWS[i]), argmaxRows(b, ROWS[i]), what + " best tokens");
        }
      }
    }
    for (String variant : VARIANTS) {
      assertTrue(fusedModels.getOrDefault(variant, 0) >= 8, "fused models checked per variant: " + fusedModels);
    }
  }

  /** Rows at each step of the schedule in {@link #run}. */
  private static final int[] ROWS = {3, 6, 6, 4, 4, 2};

  private static int[] argmaxRows(float[] logits, int rows) {
    int cols = logits.length / rows;
    int[] out = new int[rows];
    for (int r = 0; r < rows; r++) {
      for (int c = 1; c < cols; c++) {
        if (logits[r * cols + c] > logits[r * cols + out[r]]) {
          out[r] = c;
        }
      }
    }
    return out;
  }

  @Test
  void theDefaultLoadIsFused() throws IOException {
    try (NDManager root = NDManager.newBaseManager();
        TransformerModel m = TransformerModel.load(Fixtures.model("tiny-opus"), root)) {
      assertTrue(m.fused());
    }
    String old = System.getProperty("arabrief.fused");
    System.setProperty("arabrief.fused", "false");
    try (NDManager root = NDManager.newBaseManager();
        TransformerModel m = TransformerModel.load(Fixtures.model("tiny-opus"), root)) {
      assertFalse(m.fused());
    } finally {
      restore(old);
    }
  }

  /** The logits of a fixed decoding schedule, or null when {@code fused} was asked but the model is not fused. */
  private static List<float[]> run(Path dir, ComputeType type, String kernel, boolean fused) throws IOException {
    String old = System.getProperty("arabrief.fused");
    System.setProperty("arabrief.fused", Boolean.toString(fused));
    System.setProperty("arabrief.float32.kernel", kernel);
    ComputePlan split = new ComputePlan(ComputeType.FLOAT32, Precision.FLOAT32, Precision.FLOAT32, Precision.FLOAT32,
        Precision.FLOAT32_ONEDNN, 4);
    try (NDManager root = NDManager.newBaseManager();
        TransformerModel m = kernel.equals("split") ? TransformerModel.load(dir, root, split) : TransformerModel.load(dir, root, type)) {
      if (m.fused() != fused) {
        return null;
      }
      int vocab = m.config().vocabSize();
      Random rnd = new Random(3);
      long[][] ids = new long[3][];
      int[] lengths = {7, 3, 5};
      for (int i = 0; i < ids.length; i++) {
        ids[i] = new long[lengths[i]];
        for (int j = 0; j < lengths[i] - 1; j++) {
          ids[i][j] = 1 + rnd.nextInt(Math.max(1, vocab - 2));
        }
        ids[i][lengths[i] - 1] = m.config().eosTokenId();
      }
      List<float[]> out = new ArrayList<>();
      long start = m.config().decoderStartTokenId();
      try (NDManager scope = root.newSubManager(); DecoderState state = m.encode(ids, scope)) {
        long[] tokens = {start, start, start};
        for (int step = 0; step < 6; step++) {
          if (step == 1) {
            state.select(new long[] {0, 0, 1, 1, 2, 2}); // two rows per source: grouped cross-attention
            tokens = new long[] {5, 6, 7, 8, 9, 10};
          } else if (step == 3) {
            state.select(new long[] {1, 0, 3, 3}); // reordered within sources, the third source gone
            tokens = new long[] {11, 12, 13, 14};
          } else if (step == 5) {
            state.select(new long[] {2, 0}); // one row per source again
            tokens = new long[] {15, 16};
          }
          for (int i = 0; i < tokens.length; i++) {
            tokens[i] = tokens[i] % m.config().targetVocabSize();
          }
          try (NDManager s = scope.newSubManager()) {
            NDArray logits = m.step(state, tokens, s);
            out.add(logits.toFloatArray());
          }
        }
      }
      return out;
    } finally {
      restore(old);
      System.clearProperty("arabrief.float32.kernel");
    }
  }

  private static void restore(String old) {
    if (old == null) {
      System.clearProperty("arabrief.fused");
    } else {
      System.setProperty("arabrief.fused", old);
    }
  }
}

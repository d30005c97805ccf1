package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * When every row count's LM head runs from a packed copy, the float32 table is dropped and the embeddings and a
 * shortlist read a fresh mapping of the stored table instead ({@code TransformerModel.convert}). They must read the
 * same numbers: with the decoder's layers in the same kernel and a shortlist (whose product reads the table's
 * columns, not the packed head), a remapped model's logits equal those of a model that kept the copy, bit for
 * bit, on tied and untied layouts alike.
 */
class TableMappingTest {
  /** MKL's float32 layers; the LM head in oneDNN's float32 (packed) at every row count. */
  private static final ComputePlan PACKED_HEAD =
      new ComputePlan(ComputeType.FLOAT32, Precision.FLOAT32, Precision.FLOAT32, Precision.FLOAT32_ONEDNN);

  /**
   * Safetensors models that run every variant (fused or not × plan known or made after the load): each maps its
   * table from a different place. tiny-opus the shared, tied table (as opus-mt); c02 an untied head stored beside
   * the shared table; c04 a head over a target vocabulary of its own; c09 a table stored only as
   * {@code encoder.embed_tokens}, c14 only as {@code lm_head}; nllb a table in one shard of six (the M2M100 names).
   */
  static final List<String> EVERY_VARIANT = List.of("tiny-opus", "c02-untied-shared", "c04-separate-vocab-untied",
      "c09-only-encoder-table", "c14-only-lm-head", "nllb");

  /**
   * A covering design instead of every model × every variant (192 loads, 86 s on a 2-vCPU Zen 3): the variants
   * are two switches of the load path (fused or not; the table never copied, or copied then freed), the models
   * where the table is mapped from. So {@link #EVERY_VARIANT} runs all four and each other model one, in turn; a
   * pickle checkpoint (never remapped) still loads once each way. The model that keeps its copy is loaded once
   * per model and fused setting, and its logits compared with each remapped load's.
   */
  @Test
  void aRemappedTableGivesTheSameEmbeddingsAndShortlist() throws IOException {
    Map<String, Integer> remapped = new TreeMap<>();
    int turn = 0;
    for (Path dir : FusedDecoderTest.models()) {
      List<Integer> variants = EVERY_VARIANT.contains(dir.getFileName().toString()) ? List.of(0, 1, 2, 3)
          : List.of(turn++ % 4);
      Map<Boolean, List<float[]>> keptLogits = new HashMap<>();
      for (int variant : variants) {
        boolean fused = variant % 2 == 0;
        boolean known = variant < 2;
        String what = dir.getFileName() + (fused ? " fused" : " DJL path") + (known ? ", plan known" : ", plan after");
        String old = System.getProperty("arabrief.fused");
        System.setProperty("arabrief.fused", Boolean.toString(fused));
        try (NDManager root = NDManager.newBaseManager()) {
          List<float[]> a = keptLogits.get(fused);
          if (a == null) {
            try (TransformerModel kept = TransformerModel.load(dir, root, ComputePlan.EXACT)) {
              assertNotNull(kept.lmHeadT(), dir + ": the exact MKL head keeps its transposed table");
              a = run(kept, root);
            }
            keptLogits.put(fused, a);
          }
          try (TransformerModel mapped = known ? TransformerModel.load(dir, root, PACKED_HEAD)
              : TransformerModel.loadThenPlan(dir, root, PACKED_HEAD)) {
            if (mapped.lmHeadT() != null) {
              continue; // oneDNN refused this head's shape, or a pickle checkpoint: the table's copy stays
            }
            remapped.merge((fused ? "fused" : "DJL path") + (known ? ", plan known" : ", plan after"), 1, Integer::sum);
            List<float[]> b = run(mapped, root);
            for (int i = 0; i < a.size(); i++) {
              assertArrayEquals(a.get(i), b.get(i), what + " step " + i);
            }
          }
        } finally {
          if (old == null) {
            System.clearProperty("arabrief.fused");
          } else {
            System.setProperty("arabrief.fused", old);
          }
        }
      }
    }
    assertEquals(4, remapped.size(), "every variant remapped: " + remapped);
    // at least the six models above under each (a safetensors head oneDNN takes is always remapped)
    remapped.forEach((variant, n) -> assertTrue(n >= EVERY_VARIANT.size(), "model loads remapped: " + remapped));
  }

  /** Three steps over a two-source batch with a shortlist of every third token (and the EOS). */
  private static List<float[]> run(TransformerModel m, NDManager root) {
    return run(m, root, true);
  }

  /** As above; through the whole head (its packed product) when {@code shortlisted} is false. */
  private static List<float[]> run(TransformerModel m, NDManager root, boolean shortlisted) {
    int vocab = m.config().targetVocabSize();
    List<Long> keep = new ArrayList<>();
    for (long t = 0; t < vocab; t += 3) {
      keep.add(t);
    }
    long eos = m.config().eosTokenId();
    if (eos % 3 != 0) {
      keep.add(eos);
    }
    if (shortlisted) {
      m.setShortlist(keep.stream().mapToLong(Long::longValue).sorted().toArray());
    }
    int srcVocab = m.config().vocabSize();
    long[][] ids = {{3 % srcVocab, 9 % srcVocab, 4 % srcVocab, eos % srcVocab}, {7 % srcVocab, eos % srcVocab}};
    long start = m.config().decoderStartTokenId();
    List<float[]> out = new ArrayList<>();
    try (NDManager scope = root.newSubManager(); DecoderState state = m.encode(ids, scope)) {
      long[][] tokens = {{start, start}, {5 % vocab, 8 % vocab}, {11 % vocab, 2 % vocab}};
      for (long[] t : tokens) {
        try (NDManager s = scope.newSubManager()) {
          NDArray logits = m.step(state, t, s);
          out.add(logits.toFloatArray());
        }
      }
    } finally {
      m.setShortlist(null);
    }
    return out;
  }

  /**
   * A mapped table's int8 or bfloat16 head packs window by window ({@code Kernels.packWindows}): packed in windows
   * of three rows (the fixtures' tables in dozens to thousands of windows), a model's logits through the whole
   * head equal those of the same model packed in one window, bit for bit (the fused step; the DJL path runs the
   * same packed head, and FusedDecoderTest holds the two paths equal).
   */
  @Test
  void aHeadPackedWindowByWindowGivesTheSameLogits() throws IOException {
    int compared = 0;
    long defaultWindow = TransformerModel.windowBytes;
    for (Path dir : FusedDecoderTest.models()) {
      for (Precision p : new Precision[] {Precision.INT8, Precision.BFLOAT16}) {
        ComputePlan plan = new ComputePlan(ComputeType.FLOAT32, Precision.FLOAT32, Precision.FLOAT32, p);
        try (NDManager root = NDManager.newBaseManager()) {
          List<float[]> whole;
          try (TransformerModel m = TransformerModel.load(dir, root, plan)) {
            whole = run(m, root, false);
          }
          List<float[]> windowed;
          TransformerModel.windowBytes = 3L * 4 * ModelConfig.read(dir).dModel();
          try (TransformerModel m = TransformerModel.load(dir, root, plan)) {
            windowed = run(m, root, false);
          } finally {
            TransformerModel.windowBytes = defaultWindow;
          }
          for (int i = 0; i < whole.size(); i++) {
            assertArrayEquals(whole.get(i), windowed.get(i), dir.getFileName() + " " + p + " step " + i);
          }
          compared++;
        }
      }
    }
    assertTrue(compared >= 40, "models compared: " + compared);
  }

  /**
   * A head too large to be timed whole is loaded without its transposed copy, which {@code convert} makes only when
   * the plan runs MKL's float32 head at some row count: the embeddings then read the copy instead of the mapping.
   * Exact (MKL everywhere) and a head split at 2 rows (the steps here have two), the logits equal those of a model
   * loaded with the copy, bit for bit, through the whole head and through a shortlist.
   */
  @Test
  void aTableTransposedOnlyWhenThePlanNeedsItGivesTheSameLogits() throws IOException {
    ComputePlan split = new ComputePlan(ComputeType.FLOAT32, Precision.FLOAT32, Precision.FLOAT32,
        Precision.FLOAT32_ONEDNN, Precision.FLOAT32, 2);
    int compared = 0;
    for (Path dir : FusedDecoderTest.models()) {
      for (ComputePlan plan : new ComputePlan[] {ComputePlan.EXACT, split}) {
        try (NDManager root = NDManager.newBaseManager();
            TransformerModel copied = TransformerModel.loadThenPlan(dir, root, plan);
            TransformerModel mapped = TransformerModel.loadMappedThenPlan(dir, root, plan)) {
          assertNotNull(mapped.lmHeadT(), dir + ": MKL's float32 head needs the transposed table");
          for (boolean shortlisted : new boolean[] {false, true}) {
            List<float[]> a = run(copied, root, shortlisted);
            List<float[]> b = run(mapped, root, shortlisted);
            for (int i = 0; i < a.size(); i++) {
              assertArrayEquals(a.get(i), b.get(i), dir.getFileName() + " " + plan + (shortlisted ? " shortlist" : "")
                  + " step " + i);
            }
          }
          compared++;
        }
      }
    }
    assertTrue(compared >= 40, "models compared: " + compared);
  }

  @Test
  void theExactMklModeKeepsItsCopy() throws IOException {
    try (NDManager root = NDManager.newBaseManager();
        TransformerModel m = TransformerModel.load(arabrief.mt.Fixtures.model("tiny-opus"), root, ComputePlan.EXACT)) {
      assertNotNull(m.lmHeadT());
    }
    try (NDManager root = NDManager.newBaseManager();
        TransformerModel m = TransformerModel.load(arabrief.mt.Fixtures.model("tiny-opus"), root,
            ComputePlan.uniform(ComputeType.INT8, Precision.INT8))) {
      assertNull(m.lmHeadT(), "an int8 head at every row count needs no float32 table");
    }
  }
}

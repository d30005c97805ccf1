package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.jni.IValue;
import arabrief.mt.model.Layers.Linear;
import arabrief.mt.model.Layers.Norm;
import java.util.ArrayList;
import java.util.List;

/**
 * The decoder step as one native call: {@code decoder_step} of the kernels module ({@code scripts/make_kernels.py})
 * runs every layer, the cache update, the LM head and its bias in TorchScript, where {@link TransformerModel#step}
 * makes about 40 DJL calls per layer (each a JNI crossing, a Java object and a manager registration). The
 * module repeats the DJL path op for op (the same aten operations, in the same order, on the same tensors:
 * float32 weights are shared, not copied), so the exact mode's numbers do not change; the parity tests run
 * through it.
 *
 * <p>The caches travel as TorchScript lists: the step returns the new self-attention lists and {@link
 * DecoderState} hands them back at the next step, so they never become Java arrays.
 */
final class FusedDecoder {
  /**
   * Whether models loaded from now on use the fused step: yes unless the system property {@code arabrief.fused}
   * is {@code false} (the DJL path, for side-by-side timing and the equality test); read at each load.
   */
  static boolean enabled() {
    return !"false".equals(System.getProperty("arabrief.fused"));
  }

  private final Kernels kernels;
  /** The LM head's linear id in the module, or -1 for the float32 transposed product; from {@code batchedRows} on, {@code batchedId}. */
  private final int headId;
  private final int batchedId;
  private final int batchedRows;

  private FusedDecoder(Kernels kernels, int headId, int batchedId, int batchedRows) {
    this.kernels = kernels;
    this.headId = headId;
    this.batchedId = batchedId;
    this.batchedRows = batchedRows;
  }

  /**
   * The decoder's layers as they are now (any precision) handed to the module; the activation by its code; the
   * family's switches: pre-norm layers, the embedding norm and the final norm (each null when absent).
   */
  static FusedDecoder build(Kernels k, NDArray table, NDArray positions, float embedScale, int heads, long dim,
      boolean prescaled, Activation act, boolean preNorm, Norm embedNorm, Norm finalNorm, List<Linear[]> linears,
      List<Norm[]> norms, Linear head, Linear headBatched, int batchedRows) {
    for (int i = 0; i < linears.size(); i++) {
      Linear[] ls = linears.get(i);
      long[] ids = new long[ls.length];
      for (int j = 0; j < ls.length; j++) {
        ids[j] = register(k, ls[j]);
      }
      List<PtNDArray> ns = new ArrayList<>();
      for (Norm n : norms.get(i)) {
        ns.add((PtNDArray) n.weight());
        ns.add((PtNDArray) n.bias());
      }
      try (IValue idv = IValue.listFrom(ids);
          IValue nv = IValue.listFrom(ns.toArray(new PtNDArray[0]));
          IValue r = k.run("add_decoder_layer", idv, nv)) {
        // registered
      }
    }
    try (IValue t = IValue.from((PtNDArray) table);
        IValue p = IValue.from((PtNDArray) positions);
        IValue es = IValue.from((double) embedScale);
        IValue h = IValue.from((long) heads);
        IValue d = IValue.from(dim);
        IValue sc = IValue.from((double) Layers.Attention.scale(heads, dim));
        IValue pre = IValue.from(prescaled);
        IValue a = IValue.from((long) act.ordinal());
        IValue rr = IValue.from(k.reduceRange());
        IValue pn = IValue.from(preNorm);
        IValue en = IValue.listFrom(normTensors(k, embedNorm));
        IValue fn = IValue.listFrom(normTensors(k, finalNorm));
        IValue r = k.run("configure", t, p, es, h, d, sc, pre, a, rr, pn, en, fn)) {
      // configured
    }
    int id = head == null ? -1 : register(k, head);
    int batchedId = headBatched == head ? id : headBatched == null ? -1 : register(k, headBatched);
    return new FusedDecoder(k, id, batchedId, batchedRows);
  }

  /** A norm's [weight, bias] for the module, or two "none" tensors when the family has no such norm. */
  private static PtNDArray[] normTensors(Kernels k, Norm n) {
    NDArray none = k.none();
    return new PtNDArray[] {(PtNDArray) (n == null ? none : n.weight()), (PtNDArray) (n == null ? none : n.bias())};
  }

  /** Whether the module computes {@code a} with the same operations as {@link Activation} (all but the tanh GELU). */
  static boolean supports(Activation a) {
    return true;
  }

  private static int register(Kernels k, Linear l) {
    long kind = switch (l.precision()) {
      case FLOAT32 -> 0;
      case INT8 -> 1;
      case BFLOAT16 -> 2;
      case FLOAT32_ONEDNN -> 3;
    };
    NDArray w = l.precision() == Precision.FLOAT32 ? l.weight() : k.none();
    NDArray b = l.bias() == null || l.precision() == Precision.INT8 ? k.none() : l.bias();
    try (IValue kv = IValue.from(kind);
        IValue ref = IValue.from((long) l.index());
        IValue wv = IValue.from((PtNDArray) w);
        IValue bv = IValue.from((PtNDArray) b);
        IValue r = k.run("add_linear", kv, ref, wv, bv)) {
      return (int) r.toLong();
    }
  }

  /**
   * One step for {@code tokens}, whose position-table rows are {@code positions}: the logits [rows, columns of
   * {@code headT}] owned by {@code owner}, the state's caches extended. {@code headT} (float32, transposed) is
   * the LM head used when the model's head is float32 or a shortlist is set ({@code useHeadT}); {@code bias}
   * is added to the logits (null for none).
   */
  NDArray step(DecoderState state, long[] tokens, long[] positions, NDArray headT, boolean useHeadT, NDArray bias,
      NDManager owner) {
    NDArray none = kernels.none();
    NDArray mask = state.sourceMask();
    try (NDArray ids = owner.create(tokens, new Shape(tokens.length, 1));
        NDArray rows = owner.create(positions, new Shape(positions.length, 1))) {
      IValue[] cross = state.fusedCross();
      IValue[] self = state.fusedSelf();
      try (IValue tv = IValue.from((PtNDArray) ids);
          IValue pos = IValue.from((PtNDArray) rows);
          IValue m = IValue.from((PtNDArray) (mask == null ? none : mask));
          IValue g = IValue.from((long) state.group());
          IValue h = IValue.from((PtNDArray) (useHeadT ? headT : none));
          IValue hid = IValue.from((long) (useHeadT ? -1 : tokens.length >= batchedRows ? batchedId : headId));
          IValue b = IValue.from((PtNDArray) (bias == null ? none : bias));
          IValue out = kernels.run("decoder_step", tv, pos, self[0], self[1], cross[0], cross[1], m, g, h, hid, b)) {
        IValue[] parts = out.toIValueTuple();
        try (IValue logits = parts[0]) {
          state.replaceFusedSelf(parts[1], parts[2]);
          return logits.toTensor((PtNDManager) owner);
        }
      }
    }
  }

  /** Each list's tensors' rows {@code index} (one call for every layer). */
  IValue take(IValue list, NDArray index) {
    try (IValue i = IValue.from((PtNDArray) index)) {
      return kernels.run("take", list, i);
    }
  }
}

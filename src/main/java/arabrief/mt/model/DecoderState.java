package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;
import java.util.Arrays;

/**
 * What the decoder remembers between steps: the self-attention keys/values of every row so far, and the
 * cross-attention keys/values and padding mask of every source (computed once per source).
 *
 * <p>Rows can be selected and reordered ({@link #select}) as a search moves hypotheses around or drops
 * finished ones. When the rows come in equal consecutive groups that each decode one source (a beam
 * search: K rows per source), the source-side arrays are kept once per source, not once per row, and
 * the step attends a group's K queries to its source together ({@link #group}): K times less memory
 * read per cross-attention, and a matrix product instead of K vector products. transformers (and the
 * parity it defines) repeats the encoder output K times; the numbers each row sees are the same.
 */
public final class DecoderState implements AutoCloseable {
  /** Per slot: the additive padding mask [slots, 1, 1, S] and each layer's keys/values [slots, H, S, D/H]. */
  private NDArray sourceMask;
  private final NDArray[] crossK;
  private final NDArray[] crossV;
  private final NDArray[] selfK;
  private final NDArray[] selfV;
  private int length;
  /** The source (encoder batch row) whose arrays each slot holds. */
  private long[] slotSource;
  /** Rows per slot: row r decodes the source of slot r / group. */
  private int group = 1;

  /** Whether any source is shorter than the longest (else the mask is all zeros and is not applied). */
  private final boolean padded;

  /**
   * With the fused step ({@link FusedDecoder}, else null): every layer's self-attention keys and values as
   * TorchScript lists (empty before the first step), and the cross-attention arrays as lists, made on first
   * use and again after {@link #select} changes them.
   */
  private FusedDecoder fused;
  private IValue fusedSelfK;
  private IValue fusedSelfV;
  private IValue fusedCrossK;
  private IValue fusedCrossV;

  DecoderState(NDArray sourceMask, boolean padded, NDArray[] crossK, NDArray[] crossV, int layers) {
    this.sourceMask = sourceMask;
    this.padded = padded;
    this.slotSource = new long[(int) sourceMask.getShape().get(0)];
    for (int i = 0; i < slotSource.length; i++) {
      slotSource[i] = i;
    }
    this.crossK = crossK;
    this.crossV = crossV;
    this.selfK = new NDArray[layers];
    this.selfV = new NDArray[layers];
  }

  /** Steps this state through {@code f}: the self-attention cache then lives in TorchScript lists. */
  void useFused(FusedDecoder f) {
    fused = f;
    fusedSelfK = IValue.listFrom(new PtNDArray[0]);
    fusedSelfV = IValue.listFrom(new PtNDArray[0]);
  }

  /** The self-attention key and value lists for the fused step. */
  IValue[] fusedSelf() {
    return new IValue[] {fusedSelfK, fusedSelfV};
  }

  /** The step's new self-attention lists replace the old ones (which are released). */
  void replaceFusedSelf(IValue k, IValue v) {
    fusedSelfK.close();
    fusedSelfV.close();
    fusedSelfK = k;
    fusedSelfV = v;
  }

  /** The cross-attention key and value lists for the fused step. */
  IValue[] fusedCross() {
    if (fusedCrossK == null) {
      fusedCrossK = IValue.listFrom(asPt(crossK));
      fusedCrossV = IValue.listFrom(asPt(crossV));
    }
    return new IValue[] {fusedCrossK, fusedCrossV};
  }

  private static PtNDArray[] asPt(NDArray[] a) {
    PtNDArray[] out = new PtNDArray[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (PtNDArray) a[i];
    }
    return out;
  }

  private void dropFusedCross() {
    if (fusedCrossK != null) {
      fusedCrossK.close();
      fusedCrossV.close();
      fusedCrossK = null;
      fusedCrossV = null;
    }
  }

  /** Tokens decoded so far (the next position). */
  public int length() {
    return length;
  }

  void advance() {
    length++;
  }

  /** How many consecutive rows share one source's cross-attention arrays. */
  int group() {
    return group;
  }

  /** The additive padding mask of the sources, or null when no source has padding. */
  NDArray sourceMask() {
    return padded ? sourceMask : null;
  }

  NDArray crossKeys(int layer) {
    return crossK[layer];
  }

  NDArray crossValues(int layer) {
    return crossV[layer];
  }

  NDArray selfValues(int layer) {
    return selfV[layer];
  }

  /** Appends this step's keys and values for {@code layer}; returns all keys so far. */
  NDArray appendSelf(int layer, NDArray k, NDArray v) {
    selfK[layer] = extend(selfK[layer], k);
    selfV[layer] = extend(selfV[layer], v);
    return selfK[layer];
  }

  /** {@code cache} with {@code step} appended on the time axis, owned by this state; the old cache is freed. */
  private NDArray extend(NDArray cache, NDArray step) {
    NDArray fresh = cache == null ? step : NDArrays.concat(new NDList(cache, step), 2);
    NDScope.unregister(fresh);
    fresh.attach(sourceMask.getManager());
    if (cache != null) {
      cache.close();
    }
    return fresh;
  }

  /**
   * Keeps only the rows {@code index} (row numbers, repeats allowed), in that order. Source-side arrays are
   * copied only when the set or order of sources changes (a source finished, or a first expansion that is
   * not grouped); a beam search reshuffling hypotheses within their sources copies only the self-attention
   * cache.
   */
  public void select(long[] index) {
    long[] rowSource = new long[index.length];
    for (int r = 0; r < index.length; r++) {
      rowSource[r] = slotSource[(int) (index[r] / group)];
    }
    int newGroup = groupSize(rowSource);
    int slots = index.length / newGroup;
    long[] newSlotSource = new long[slots];
    long[] oldSlot = new long[slots];
    for (int b = 0; b < slots; b++) {
      newSlotSource[b] = rowSource[b * newGroup];
      oldSlot[b] = index[b * newGroup] / group;
    }
    NDManager owner = sourceMask.getManager();
    if (!Arrays.equals(newSlotSource, slotSource)) {
      try (NDArray idx = owner.create(oldSlot)) {
        sourceMask = take(sourceMask, idx);
        dropFusedCross();
        for (int i = 0; i < crossK.length; i++) {
          crossK[i] = take(crossK[i], idx);
          crossV[i] = take(crossV[i], idx);
        }
      }
    }
    slotSource = newSlotSource;
    group = newGroup;
    if (fused != null && length > 0) {
      try (NDArray idx = owner.create(index)) {
        IValue k = fused.take(fusedSelfK, idx);
        IValue v = fused.take(fusedSelfV, idx);
        replaceFusedSelf(k, v);
      }
    }
    if (selfK[0] != null) {
      try (NDArray idx = owner.create(index)) {
        for (int i = 0; i < selfK.length; i++) {
          selfK[i] = take(selfK[i], idx);
          selfV[i] = take(selfV[i], idx);
        }
      }
    }
  }

  /**
   * The length of the runs of equal sources when all runs have that length and neighbouring runs differ
   * (K for a beam search's rows), otherwise 1.
   */
  static int groupSize(long[] rowSource) {
    int g = 1;
    while (g < rowSource.length && rowSource[g] == rowSource[0]) {
      g++;
    }
    if (g == 1 || rowSource.length % g != 0) {
      return 1;
    }
    for (int start = 0; start < rowSource.length; start += g) {
      for (int j = 1; j < g; j++) {
        if (rowSource[start + j] != rowSource[start]) {
          return 1;
        }
      }
      if (start > 0 && rowSource[start] == rowSource[start - 1]) {
        return 1;
      }
    }
    return g;
  }

  private static NDArray take(NDArray a, NDArray idx) {
    NDArray out = a.get(idx);
    NDScope.unregister(out);
    out.attach(a.getManager());
    a.close();
    return out;
  }

  @Override
  public void close() {
    dropFusedCross();
    if (fused != null) {
      fusedSelfK.close();
      fusedSelfV.close();
    }
    sourceMask.close();
    for (int i = 0; i < crossK.length; i++) {
      crossK[i].close();
      crossV[i].close();
      if (selfK[i] != null) {
        selfK[i].close();
        selfV[i].close();
      }
    }
  }
}

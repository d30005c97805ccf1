package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;

/**
 * What the decoder remembers between steps for each row of a batch: the source's cross-attention
 * keys/values and padding mask (computed once per source) and the self-attention keys/values so far.
 * Rows can be selected and reordered ({@link #select}) as a beam search moves hypotheses around or
 * drops finished ones.
 */
public final class DecoderState implements AutoCloseable {
  private NDArray sourceMask;
  private final NDArray[] crossK;
  private final NDArray[] crossV;
  private final NDArray[] selfK;
  private final NDArray[] selfV;
  private int length;
  /** The source each row decodes; rows of one source share its cross-attention keys and values. */
  private long[] sourceOfRow;

  DecoderState(NDArray sourceMask, NDArray[] crossK, NDArray[] crossV, int layers) {
    this.sourceMask = sourceMask;
    this.sourceOfRow = new long[(int) sourceMask.getShape().get(0)];
    for (int i = 0; i < sourceOfRow.length; i++) {
      sourceOfRow[i] = i;
    }
    this.crossK = crossK;
    this.crossV = crossV;
    this.selfK = new NDArray[layers];
    this.selfV = new NDArray[layers];
  }

  /** Tokens decoded so far (the next position). */
  public int length() {
    return length;
  }

  void advance() {
    length++;
  }

  NDArray sourceMask() {
    return sourceMask;
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
   * Keeps only the rows {@code index} (int64 row numbers, repeats allowed), in that order. When every row
   * keeps decoding the same source (a beam search reshuffling hypotheses within their sources), the
   * source-side arrays are identical before and after and are not copied.
   */
  public void select(long[] index) {
    long[] sources = new long[index.length];
    for (int i = 0; i < index.length; i++) {
      sources[i] = sourceOfRow[(int) index[i]];
    }
    boolean sameSources = java.util.Arrays.equals(sources, sourceOfRow);
    sourceOfRow = sources;
    NDArray idx = sourceMask.getManager().create(index);
    try {
      if (!sameSources) {
        sourceMask = take(sourceMask, idx);
      }
      for (int i = 0; i < crossK.length; i++) {
        if (!sameSources) {
          crossK[i] = take(crossK[i], idx);
          crossV[i] = take(crossV[i], idx);
        }
        if (selfK[i] != null) {
          selfK[i] = take(selfK[i], idx);
          selfV[i] = take(selfV[i], idx);
        }
      }
    } finally {
      idx.close();
    }
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

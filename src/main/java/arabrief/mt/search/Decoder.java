package arabrief.mt.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * What a search sees of a network: one decoder step for every live row, and a way to keep and reorder
 * rows. The search never sees layers or caches (CTranslate2's split between decoding and models).
 */
public interface Decoder {
  /** Feeds one token per live row; returns float32 logits {@code [rows, vocab]} owned by {@code owner}. */
  NDArray step(long[] tokens, NDManager owner);

  /** Keeps only the rows {@code rows} (indices into the current rows, repeats allowed), in that order. */
  void select(long[] rows);
}

package arabrief.mt.model;

/**
 * The precision of each group of the model's matrix products: the encoder's linear layers (and the
 * cross-attention keys/values computed from its output), the decoder's linear layers, and the LM head.
 *
 * @param type what was asked for (auto resolves into the three groups' precisions)
 * @param headBatched the LM head's precision from {@code headBatchedRows} rows on (a kernel that wins at one row
 *     can lose at 64: libtorch 2.7.1's int8 head is 3x faster than float32 at one row and 3x slower at 64 on
 *     the AMD machine measured); {@code head} below that
 */
public record ComputePlan(ComputeType type, Precision encoder, Precision decoder, Precision head, Precision headBatched,
    int headBatchedRows) {
  public ComputePlan(ComputeType type, Precision encoder, Precision decoder, Precision head) {
    this(type, encoder, decoder, head, head, Integer.MAX_VALUE);
  }

  public static final ComputePlan EXACT =
      new ComputePlan(ComputeType.FLOAT32, Precision.FLOAT32, Precision.FLOAT32, Precision.FLOAT32);

  static ComputePlan uniform(ComputeType type, Precision p) {
    return new ComputePlan(type, p, p, p);
  }

  public boolean isExact() {
    return encoder.exact && decoder.exact && head.exact && headBatched.exact;
  }

  public String encoderLabel() {
    return encoder.label;
  }

  public String decoderLabel() {
    return decoder.label;
  }

  public String headLabel() {
    // MKL's and oneDNN's float32 are both "float32" to users: the exact mode's output does not name kernels
    return switched() && !head.label.equals(headBatched.label)
        ? head.label + ", " + headBatched.label + " from " + headBatchedRows + " rows"
        : head.label;
  }

  /** Whether the LM head changes precision with the row count. */
  public boolean switched() {
    return headBatched != head && headBatchedRows < Integer.MAX_VALUE;
  }

  @Override
  public String toString() {
    return type + " (encoder " + name(encoder) + ", decoder " + name(decoder) + ", LM head " + name(head)
        + (switched() ? ", " + name(headBatched) + " from " + headBatchedRows + " rows" : "") + ")";
  }

  private static String name(Precision p) {
    return p == Precision.FLOAT32_ONEDNN ? "float32 oneDNN" : p.label;
  }
}

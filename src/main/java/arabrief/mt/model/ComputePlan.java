package arabrief.mt.model;

/**
 * The precision of each group of the model's matrix products: the encoder's linear layers (and the
 * cross-attention keys/values computed from its output), the decoder's linear layers, and the LM head.
 *
 * @param type what was asked for (auto resolves into the three groups' precisions)
 */
public record ComputePlan(ComputeType type, Precision encoder, Precision decoder, Precision head) {
  public static final ComputePlan EXACT =
      new ComputePlan(ComputeType.FLOAT32, Precision.FLOAT32, Precision.FLOAT32, Precision.FLOAT32);

  static ComputePlan uniform(ComputeType type, Precision p) {
    return new ComputePlan(type, p, p, p);
  }

  public boolean isExact() {
    return encoder.exact && decoder.exact && head.exact;
  }

  public String encoderLabel() {
    return encoder.label;
  }

  public String decoderLabel() {
    return decoder.label;
  }

  public String headLabel() {
    return head.label;
  }

  @Override
  public String toString() {
    return type + " (encoder " + name(encoder) + ", decoder " + name(decoder) + ", LM head " + name(head) + ")";
  }

  private static String name(Precision p) {
    return p == Precision.FLOAT32_ONEDNN ? "float32 oneDNN" : p.label;
  }
}

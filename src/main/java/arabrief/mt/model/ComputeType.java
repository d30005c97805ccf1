package arabrief.mt.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What arithmetic the model's matrix products use, by CTranslate2's names. {@code float32} is the exact mode
 * (token-identical to transformers); {@code int8} (per-channel int8 weights, activations quantized on the fly)
 * and {@code bfloat16} apply to the linear layers and the LM head (attention, norms and the rest stay
 * float32); {@code auto} picks per operation, by timing them on this CPU when the model loads.
 */
public enum ComputeType {
  FLOAT32("float32"),
  INT8("int8"),
  BFLOAT16("bfloat16"),
  AUTO("auto");

  private final String label;

  ComputeType(String label) {
    this.label = label;
  }

  /** The name users type and outputs report. */
  public String label() {
    return label;
  }

  /** The compute type named {@code s} (case-insensitive), or an IllegalArgumentException listing the names. */
  public static ComputeType parse(String s) {
    for (ComputeType t : values()) {
      if (t.label.equals(s.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "unknown compute type '" + s + "': expected one of "
            + Arrays.stream(values()).map(ComputeType::label).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return label;
  }
}

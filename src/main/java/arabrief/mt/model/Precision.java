package arabrief.mt.model;

/** The arithmetic of one operation's matrix product (see {@link ComputeType} for what a user picks). */
public enum Precision {
  FLOAT32("float32"),
  INT8("int8"),
  BFLOAT16("bfloat16");

  final String label;

  Precision(String label) {
    this.label = label;
  }
}

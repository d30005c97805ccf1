package arabrief.mt.model;

/**
 * The arithmetic of one operation's matrix product (see {@link ComputeType} for what a user picks). Two kernels
 * compute float32: MKL's sgemm (DJL's linear and matmul) and oneDNN's matmul on weights packed once
 * ({@code mkldnn::_linear_pointwise}); both are float32 products and sums, in different orders, and which is
 * faster depends on the CPU (oneDNN 2.5-4x on the AMD Zen 5 measured, where MKL takes a slower path), so the
 * exact mode times both when a model loads ({@link Calibration}) and reports either as "float32".
 */
public enum Precision {
  FLOAT32("float32", true),
  FLOAT32_ONEDNN("float32", true),
  INT8("int8", false),
  BFLOAT16("bfloat16", false);

  final String label;
  /** Float32 arithmetic: the exact mode may use it. */
  final boolean exact;

  Precision(String label, boolean exact) {
    this.label = label;
    this.exact = exact;
  }
}

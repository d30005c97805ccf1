package arabrief.mt.model;

import java.nio.file.Path;

final class Calibration {
  private Calibration() {}

  static ComputePlan plan(MarianModel model, Path modelDir, Path home) {
    return ComputePlan.uniform(ComputeType.AUTO, Precision.INT8);
  }
}

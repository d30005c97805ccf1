package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the LM head changes kernel with the row count, from calibration timings (ms at 1, 4, 16 and 64 rows). */
class HeadSplitTest {
  private static final int[] ROWS = Calibration.DECODER_ROWS;

  private static Map<Precision, double[]> timings(Object... pairs) {
    Map<Precision, double[]> m = new EnumMap<>(Precision.class);
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((Precision) pairs[i], (double[]) pairs[i + 1]);
    }
    return m;
  }

  @Test
  void exactModeKeepsMklAtOneRowAndOneDnnFromTwo() {
    // measured on an Intel Xeon with AMX (2026-12-04): MKL's sgemv is the faster at one row only
    Map<Precision, double[]> t = timings(
        Precision.FLOAT32, new double[] {4.05, 8.59, 12.35, 19.32},
        Precision.FLOAT32_ONEDNN, new double[] {4.84, 4.83, 7.21, 15.76});
    assertEquals(new Calibration.HeadSplit(Precision.FLOAT32, Precision.FLOAT32_ONEDNN, 2),
        Calibration.headSplit(t, Precision.FLOAT32_ONEDNN, ROWS));
  }

  @Test
  void autoTakesInt8ForFewRowsAndBfloat16WhereInt8Falls() {
    // same machine, --compute-type auto: fbgemm's int8 head is the fastest up to 16 rows and slow at 64
    Map<Precision, double[]> t = timings(
        Precision.FLOAT32, new double[] {4.08, 9.00, 12.76, 19.40},
        Precision.FLOAT32_ONEDNN, new double[] {5.34, 5.79, 8.08, 20.80},
        Precision.INT8, new double[] {1.54, 1.89, 2.21, 11.49},
        Precision.BFLOAT16, new double[] {5.15, 4.47, 4.80, 6.51});
    assertEquals(new Calibration.HeadSplit(Precision.INT8, Precision.BFLOAT16, 32),
        Calibration.headSplit(t, Precision.INT8, ROWS));
  }

  @Test
  void noSplitWithoutAClearWinnerAtBothEnds() {
    // oneDNN only 5% slower at one row: within the margin, so the picked kernel serves every row count
    Map<Precision, double[]> close = timings(
        Precision.FLOAT32, new double[] {4.6, 8.6, 12.3, 19.3},
        Precision.FLOAT32_ONEDNN, new double[] {4.84, 4.83, 7.21, 15.76});
    assertEquals(new Calibration.HeadSplit(Precision.FLOAT32_ONEDNN, Precision.FLOAT32_ONEDNN, Integer.MAX_VALUE),
        Calibration.headSplit(close, Precision.FLOAT32_ONEDNN, ROWS));
    // one kernel the fastest everywhere
    Map<Precision, double[]> one = timings(
        Precision.FLOAT32, new double[] {4.0, 8.0, 12.0, 19.0},
        Precision.FLOAT32_ONEDNN, new double[] {5.0, 9.0, 13.0, 20.0});
    assertEquals(new Calibration.HeadSplit(Precision.FLOAT32, Precision.FLOAT32, Integer.MAX_VALUE),
        Calibration.headSplit(one, Precision.FLOAT32, ROWS));
  }

  @Test
  void aReducedPrecisionMustBeClearlyFasterThanExactAtItsEnd() {
    // int8 5% faster than float32 at one row is not worth changing texts for; bfloat16 is at 64 rows
    Map<Precision, double[]> t = timings(
        Precision.FLOAT32, new double[] {4.0, 8.0, 12.0, 19.0},
        Precision.INT8, new double[] {3.8, 7.9, 12.5, 25.0},
        Precision.BFLOAT16, new double[] {6.0, 9.0, 10.0, 9.5});
    assertEquals(new Calibration.HeadSplit(Precision.FLOAT32, Precision.BFLOAT16, 8),
        Calibration.headSplit(t, Precision.FLOAT32, ROWS));
  }
}

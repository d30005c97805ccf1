package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** When rows may share a source's cross-attention arrays: equal consecutive runs, one source per run. */
class DecoderStateTest {
  @Test
  void beamRowsGroupBySource() {
    assertEquals(4, DecoderState.groupSize(new long[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}));
    assertEquals(4, DecoderState.groupSize(new long[] {7, 7, 7, 7}), "one source left");
    assertEquals(2, DecoderState.groupSize(new long[] {3, 3, 0, 0}), "sources in any order");
  }

  @Test
  void anythingElseIsOneRowPerSlot() {
    assertEquals(1, DecoderState.groupSize(new long[] {0, 1, 2}), "greedy rows");
    assertEquals(1, DecoderState.groupSize(new long[] {0, 0, 1, 1, 1}), "unequal runs");
    assertEquals(1, DecoderState.groupSize(new long[] {0, 0, 1, 1, 1, 1}), "a run twice as long");
    assertEquals(1, DecoderState.groupSize(new long[] {0, 0, 1, 0}), "a source split over two runs");
    assertEquals(1, DecoderState.groupSize(new long[] {5}));
  }
}

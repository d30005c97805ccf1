package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a batch of sources is cut into encoder calls by length. */
class LengthGroupsTest {
  /** The seed article's 15 lines, in source tokens. */
  private static final int[] SEED = {46, 14, 111, 2, 26, 71, 34, 4, 12, 82, 37, 48, 55, 67, 14};

  @Test
  void everyRowLandsInExactlyOneGroupSortedByLength() {
    List<int[]> groups = TransformerModel.lengthGroups(SEED, TransformerModel.GROUP_OVERHEAD_TOKENS);
    int[] seen = groups.stream().flatMapToInt(Arrays::stream).sorted().toArray();
    int[] all = new int[SEED.length];
    Arrays.setAll(all, i -> i);
    assertArrayEquals(all, seen);
    int previous = 0;
    for (int[] g : groups) {
      for (int r : g) {
        assertTrue(SEED[r] >= previous, "groups run from short to long");
        previous = SEED[r];
      }
    }
  }

  @Test
  void paddingShrinksForTheSeedArticle() {
    List<int[]> groups = TransformerModel.lengthGroups(SEED, TransformerModel.GROUP_OVERHEAD_TOKENS);
    int slots = 0;
    for (int[] g : groups) {
      slots += g.length * Arrays.stream(g).map(r -> SEED[r]).max().orElseThrow();
    }
    int real = Arrays.stream(SEED).sum();
    assertTrue(slots < 1.3 * real, "slots " + slots + " for " + real + " tokens (one call: 1665)");
    assertTrue(groups.size() < SEED.length, "not one call per row: " + groups.size());
  }

  @Test
  void equalLengthsOrOneRowStayOneCall() {
    assertEquals(1, TransformerModel.lengthGroups(new int[] {9, 9, 9, 9}, TransformerModel.GROUP_OVERHEAD_TOKENS).size());
    assertEquals(1, TransformerModel.lengthGroups(new int[] {30}, TransformerModel.GROUP_OVERHEAD_TOKENS).size());
    assertEquals(1, TransformerModel.lengthGroups(new int[] {10, 11, 12}, TransformerModel.GROUP_OVERHEAD_TOKENS).size(),
        "a little padding is cheaper than another call");
  }
}

package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LexRankTest {
  // A star: sentence 0 resembles each of 1..3, which do not resemble each other.
  private static final double[][] STAR = {
      {1, 0.6, 0.5, 0.4},
      {0.6, 1, 0, 0},
      {0.5, 0, 1, 0},
      {0.4, 0, 0, 1}};

  @Test
  void hubOfTheGraphRanksFirstAndScoresSumToOne() {
    double[] p = LexRank.rank(STAR, 0.85, 0);
    assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
    for (int i = 1; i < 4; i++) {
      assertTrue(p[0] > p[i], Arrays.toString(p));
    }
    // Continuous weights: the spoke more like the hub gets more of its mass.
    assertTrue(p[1] > p[2] && p[2] > p[3], Arrays.toString(p));
  }

  @Test
  void thresholdGraphIgnoresWeightsBelowIt() {
    double[] p = LexRank.rank(STAR, 0.85, 0.45);
    // Edges 0-1 and 0-2 survive; 3 is isolated and jumps uniformly.
    assertTrue(p[0] > p[1], Arrays.toString(p));
    assertEquals(p[1], p[2], 1e-9);
    assertTrue(p[3] < p[1], Arrays.toString(p));
    assertEquals(1.0, Arrays.stream(p).sum(), 1e-9);
  }

  @Test
  void noEdgesGiveUniformScores() {
    double[] p = LexRank.rank(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, 0.85, 0);
    for (double x : p) {
      assertEquals(1.0 / 3, x, 1e-12);
    }
  }
}

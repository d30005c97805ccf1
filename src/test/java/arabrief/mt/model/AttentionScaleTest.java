package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.model.Layers.Attention;
import org.junit.jupiter.api.Test;

/** The attention scaling moves into the query weights only when that changes no bit. */
class AttentionScaleTest {
  @Test
  void powersOfTwoFoldOthersDoNot() {
    assertEquals(0.125f, Attention.scale(8, 512), "opus-mt: head_dim 64");
    assertTrue(Attention.exactScale(Attention.scale(8, 512)));
    assertTrue(Attention.exactScale(Attention.scale(4, 64)), "the fixtures: head_dim 16");
    assertTrue(Attention.exactScale(Attention.scale(16, 1024)), "tc-big: head_dim 64");
    assertFalse(Attention.exactScale(Attention.scale(8, 256)), "head_dim 32: 1/sqrt(32) is not a power of two");
    assertFalse(Attention.exactScale(Attention.scale(3, 72)));
  }
}

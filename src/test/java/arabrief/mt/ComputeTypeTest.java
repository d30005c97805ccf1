package arabrief.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.model.ComputePlan;
import arabrief.mt.model.ComputeType;
import arabrief.mt.model.Precision;
import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast compute types run the trained fixture and stay close to the exact mode: they are not exact, so the
 * test asks for most (not all) texts to be identical (scripts/bench/ComputeTypeQuality.java prints every trained
 * model's figures: on tiny-opus int8 and bfloat16 each keep 28 of 30 greedy and beam-4 texts).
 */
class ComputeTypeTest {
  @Test
  void namesAreCTranslate2sAndAnUnknownOneListsThem() {
    assertEquals(ComputeType.INT8, ComputeType.parse("INT8"));
    assertEquals(ComputeType.BFLOAT16, ComputeType.parse("bfloat16"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeType.parse("fp16"));
    assertTrue(e.getMessage().contains("float32, int8, bfloat16, auto"), e.getMessage());
  }

  @Test
  void int8AndBfloat16TranslateMostTextsAsTheExactModeDoes() throws Exception {
    Path dir = Fixtures.model("tiny-opus");
    List<String> texts = texts();
    List<String> exact;
    try (Translator t = Translator.load(dir)) {
      assertTrue(t.computePlan().isExact());
      exact = translate(t, texts);
    }
    for (ComputeType c : new ComputeType[] {ComputeType.INT8, ComputeType.BFLOAT16}) {
      try (Translator t = Translator.load(dir, c, null)) {
        ComputePlan p = t.computePlan();
        Precision want = c == ComputeType.INT8 ? Precision.INT8 : Precision.BFLOAT16;
        assertEquals(new ComputePlan(c, want, want, want), p);
        List<String> got = translate(t, texts);
        int same = 0;
        for (int i = 0; i < got.size(); i++) {
          assertNotEquals("", got.get(i), c + ": text " + i + " translated to nothing");
          same += got.get(i).equals(exact.get(i)) ? 1 : 0;
        }
        assertTrue(same >= 0.8 * got.size(), c + ": " + same + " of " + got.size() + " identical");
        int before = t.liveArrays();
        translate(t, texts.subList(0, 2));
        assertEquals(before, t.liveArrays(), c + ": native arrays left behind by a call");
      }
    }
  }

  private static List<String> translate(Translator t, List<String> texts) {
    List<String> out = new ArrayList<>();
    // greedy on every text, beam 4 on the first few (beam search is the slower one)
    for (int beams : new int[] {1, 4}) {
      GenerationSettings s = t.defaults().withNumBeams(beams).withMaxNewTokens(32);
      t.translate(beams == 1 ? texts : texts.subList(0, Math.min(5, texts.size())), s, 16).forEach(tr -> out.add(tr.text()));
    }
    return out;
  }

  private static List<String> texts() {
    LinkedHashSet<String> texts = new LinkedHashSet<>();
    for (JsonNode g : Fixtures.reference("tiny-opus").path("generation")) {
      for (JsonNode c : g.path("cases")) {
        if (!c.path("text").asText("").isBlank()) {
          texts.add(c.path("text").asText());
        }
      }
    }
    return new ArrayList<>(texts);
  }
}

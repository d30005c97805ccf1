package arabrief.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every array a translation creates is closed when it returns: native memory does not grow with work. */
class NativeMemoryTest {
  @Test
  void noArrayOutlivesATranslationCall() throws Exception {
    try (Translator t = Translator.load(Fixtures.model("tiny-opus"))) {
      int weights = t.liveArrays();
      org.junit.jupiter.api.Assertions.assertTrue(weights > 40, "the weights are counted: " + weights);
      List<String> lines = new ArrayList<>();
      for (String w : "روسيا أوكرانيا واشنطن موسكو البنتاغون الجنرال بايدن بوتين".split(" ")) {
        lines.add(w);
        lines.add(w + " " + lines.size());
      }
      for (int beams : new int[] {1, 3}) {
        GenerationSettings s = GenerationSettings.read(t.modelDir(),
            JsonNodeFactory.instance.objectNode().put("num_beams", beams).put("max_new_tokens", 12));
        for (int round = 0; round < 3; round++) {
          t.translate(lines, s, 5);
          assertEquals(weights, t.liveArrays(), "arrays alive after round " + round + " with " + beams + " beams");
        }
      }
    }
  }
}

package arabrief.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.search.GenerationSettings;
import arabrief.mt.search.Hypothesis;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated ids, decoded text and scores equal transformers' generate() for greedy and beam search,
 * batched and one by one, on every fixture model.
 */
class GenerationParityTest {
  private static final List<Translator> OPEN = new ArrayList<>();

  @AfterAll
  static void closeAll() {
    OPEN.forEach(Translator::close);
  }

  @TestFactory
  Stream<DynamicNode> generationMatchesTransformers() throws Exception {
    List<DynamicNode> nodes = new ArrayList<>();
    for (String name : Fixtures.MODELS) {
      Translator t = Translator.load(Fixtures.model(name));
      OPEN.add(t);
      JsonNode ref = Fixtures.reference(name);
      List<DynamicNode> groups = new ArrayList<>();
      for (JsonNode group : ref.path("generation")) {
        groups.add(DynamicTest.dynamicTest(group.get("name").asText(), () -> check(t, group)));
      }
      assertTrue(groups.size() >= 4, name + " has too few generation groups");
      nodes.add(DynamicContainer.dynamicContainer(name, groups));
    }
    return nodes.stream();
  }

  private static void check(Translator t, JsonNode group) throws Exception {
    GenerationSettings s = GenerationSettings.read(t.modelDir(), group.get("settings"));
    JsonNode cases = group.get("cases");
    long[][] inputs = new long[cases.size()][];
    for (int i = 0; i < inputs.length; i++) {
      JsonNode c = cases.get(i);
      inputs[i] = Fixtures.longs(c.get("input_ids"));
      assertArrayEquals(inputs[i], t.tokenizer().encode(c.get("text").asText()), "input ids of " + c.get("text"));
    }
    List<Hypothesis> out = new ArrayList<>();
    if (group.path("batched").asBoolean()) {
      out.addAll(t.generate(inputs, s));
    } else {
      for (long[] in : inputs) {
        out.addAll(t.generate(new long[][] {in}, s));
      }
    }
    for (int i = 0; i < inputs.length; i++) {
      JsonNode c = cases.get(i);
      String what = group.get("name").asText() + " case " + i + " (" + c.get("text").asText() + ")";
      assertArrayEquals(Fixtures.longs(c.get("output_ids")), out.get(i).ids(),
          what + ": got " + Arrays.toString(out.get(i).ids()));
      assertEquals(c.get("text_out").asText(), t.tokenizer().decode(out.get(i).ids()), what);
      assertEquals(c.get("score").asDouble(), out.get(i).score(), 1e-4, what + " score");
    }
  }
}

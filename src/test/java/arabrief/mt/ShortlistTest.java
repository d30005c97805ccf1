package arabrief.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.search.GenerationSettings;
import arabrief.mt.search.Hypothesis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** A vocabulary shortlist maps its logit columns back to the right token ids. */
class ShortlistTest {
  @Test
  void greedyWithAShortlistHoldingEveryChosenTokenGivesTheSameIds() throws Exception {
    for (String name : Fixtures.MODELS) {
      JsonNode group = null;
      for (JsonNode g : Fixtures.reference(name).path("generation")) {
        if (g.get("name").asText().equals("greedy-batched")) {
          group = g;
        }
      }
      try (Translator t = Translator.load(Fixtures.model(name))) {
        GenerationSettings greedy = GenerationSettings.read(t.modelDir(), group.get("settings"));
        long[][] inputs = new long[group.get("cases").size()][];
        TreeSet<Long> used = new TreeSet<>();
        for (int i = 0; i < inputs.length; i++) {
          JsonNode c = group.get("cases").get(i);
          inputs[i] = Fixtures.longs(c.get("input_ids"));
          long[] out = Fixtures.longs(c.get("output_ids"));
          for (int j = 1; j < out.length; j++) {
            used.add(out[j]);
          }
        }
        for (long e : greedy.eosTokenIds()) {
          used.add(e);
        }
        t.withShortlist(used.stream().mapToLong(Long::longValue).toArray());
        List<Hypothesis> out = t.generate(inputs, greedy);
        for (int i = 0; i < inputs.length; i++) {
          assertArrayEquals(Fixtures.longs(group.get("cases").get(i).get("output_ids")), out.get(i).ids(),
              name + " case " + i);
        }
        // fewer columns renormalize over less mass: log-probabilities can only rise
        for (int i = 0; i < inputs.length; i++) {
          assertTrue(out.get(i).score() >= group.get("cases").get(i).get("score").asDouble() - 1e-5, name + " " + i);
        }
        t.withShortlist(0);
        assertArrayEquals(Fixtures.longs(group.get("cases").get(0).get("output_ids")),
            t.generate(new long[][] {inputs[0]}, greedy).get(0).ids(), "back to the whole vocabulary");
      }
    }
  }

  /**
   * Every family: a shortlist holding the tokens transformers chose gives its ids, and a frequency shortlist (from
   * the SentencePiece scores or the vocabulary's order) keeps what generation must be able to write: EOS and the
   * forced English code.
   */
  @Test
  void everyFamilyTranslatesWithAShortlist() throws Exception {
    for (String name : List.of("m2m100", "nllb", "nllb-legacy", "mbart50", "tc-big")) {
      java.nio.file.Path dir = Fixtures.root().resolve("families").resolve(name);
      JsonNode ref = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
          Fixtures.root().resolve("families").resolve(name + ".json").toFile());
      JsonNode group = null;
      for (JsonNode g : ref.path("generation")) {
        if (g.get("name").asText().equals("greedy-batched")) {
          group = g;
        }
      }
      try (Translator t = Translator.load(dir)) {
        GenerationSettings greedy = t.settings(group.get("settings"));
        long[][] inputs = new long[group.get("cases").size()][];
        TreeSet<Long> used = new TreeSet<>();
        for (int i = 0; i < inputs.length; i++) {
          inputs[i] = Fixtures.longs(group.get("cases").get(i).get("input_ids"));
          long[] out = Fixtures.longs(group.get("cases").get(i).get("output_ids"));
          for (int j = 1; j < out.length; j++) {
            used.add(out[j]);
          }
        }
        t.withShortlist(used.stream().mapToLong(Long::longValue).toArray());
        List<Hypothesis> out = t.generate(inputs, greedy);
        for (int i = 0; i < inputs.length; i++) {
          assertArrayEquals(Fixtures.longs(group.get("cases").get(i).get("output_ids")), out.get(i).ids(),
              name + " case " + i);
        }
        t.withShortlist(50);
        assertEquals(50, t.shortlist(), name);
        List<Translation> few = t.translate(List.of("روسيا", "وزير الدفاع"), greedy, 2);
        assertTrue(few.get(0).generatedTokens() > 0 && few.get(1).generatedTokens() > 0, name);
      }
    }
  }

  @Test
  void frequencyShortlistKeepsEosAndHasTheAskedSize() throws Exception {
    try (Translator t = Translator.load(Fixtures.model("tiny-opus"))) {
      GenerationSettings g = GenerationSettings.read(t.modelDir(), JsonNodeFactory.instance.objectNode()
          .put("num_beams", 4).put("max_new_tokens", 20));
      t.withShortlist(60);
      List<Translation> out = t.translate(List.of("روسيا", "وزير الدفاع"), g, 2);
      assertEquals(2, out.size());
      assertTrue(out.get(0).generatedTokens() > 0);
    }
  }
}

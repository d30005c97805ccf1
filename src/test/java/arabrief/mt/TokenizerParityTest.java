package arabrief.mt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.tokenize.MarianTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Token ids and decoded text equal transformers' MarianTokenizer on every reference text. */
class TokenizerParityTest {
  @TestFactory
  Stream<DynamicTest> idsAndDecodingMatchTransformers() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : Fixtures.MODELS) {
      JsonNode ref = Fixtures.reference(name);
      tests.add(DynamicTest.dynamicTest(name, () -> {
        try (MarianTokenizer tok = MarianTokenizer.load(Fixtures.model(name))) {
          int n = 0;
          for (JsonNode c : ref.path("tokenizer")) {
            String text = c.get("text").asText();
            if (c.has("ids")) {
              assertArrayEquals(Fixtures.longs(c.get("ids")), tok.encode(text), name + " ids of: " + text);
              n++;
            }
            if (c.has("decoded") && c.has("ids")) {
              assertEquals(c.get("decoded").asText(), tok.decode(Fixtures.longs(c.get("ids"))), name + " decode of: " + text);
            }
          }
          assertTrue(n >= 10, name + ": the reference should hold at least 10 tokenizer cases, has " + n);
          int d = 0;
          for (JsonNode c : ref.path("decode")) {
            long[] ids = Fixtures.longs(c.get("ids"));
            assertEquals(c.get("decoded").asText(), tok.decode(ids, c.path("skip_special_tokens").asBoolean(true)), name + " decode of " + c.get("ids"));
            d++;
          }
          assertTrue(d >= 5, name + ": the reference should hold target-side decode cases, has " + d);
        }
      }));
    }
    return tests.stream();
  }
}

package arabrief.mt;

import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.search.GenerationSettings;
import arabrief.mt.search.Hypothesis;
import arabrief.mt.tokenize.ModelTokenizer;
import arabrief.mt.tokenize.Tokenizers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The family suite (scripts/make_families.py): small trained checkpoints of M2M100, NLLB-200 (current and legacy
 * tokenizer behaviour, a dialect code, shards), mBART-50 and a Marian shaped like opus-mt-tc-big, each checked
 * against transformers' own outputs: tokenizer ids for every source language code, then generated ids, texts and
 * scores for greedy and beam search with the model's defaults and with overrides, batched and one by one, and the
 * decoding of ids with language codes in them. Every line is compared; a group fails listing the lines that differ.
 */
class FamilyConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Translator> OPEN = new ArrayList<>();
  private static int lines;
  private static int matched;

  @AfterAll
  static void closeAll() {
    OPEN.forEach(Translator::close);
    System.out.println("family conformance: " + matched + "/" + lines + " lines equal transformers'");
  }

  static Path root() {
    return Fixtures.root().resolve("families");
  }

  @TestFactory
  Stream<DynamicNode> everyFamilyMatchesTransformers() throws IOException {
    List<Path> refs;
    try (Stream<Path> s = Files.list(root())) {
      refs = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(refs.size() >= 5, "the suite should hold M2M100, NLLB (two), mBART-50 and tc-big, has " + refs.size());
    List<DynamicNode> nodes = new ArrayList<>();
    for (String kernel : new String[] {"mkl", "onednn"}) {
      for (Path refFile : refs) {
        String name = refFile.getFileName().toString().replace(".json", "");
        JsonNode ref = JSON.readTree(refFile.toFile());
        Path dir = root().resolve(name);
        List<DynamicNode> tests = new ArrayList<>();
        if (kernel.equals("mkl")) {
          tests.add(DynamicTest.dynamicTest("tokenizer", () -> checkTokenizer(dir, ref)));
          tests.add(DynamicTest.dynamicTest("decode", () -> checkDecode(dir, ref)));
        }
        Translator[] t = new Translator[1];
        for (JsonNode group : ref.path("generation")) {
          // the second float32 kernel (oneDNN's, which the exact mode picks on some CPUs) on the batched groups:
          // its products differ from MKL's in the order of additions, which one pass over every setting shows
          if (kernel.equals("onednn") && !group.path("batched").asBoolean()) {
            continue;
          }
          tests.add(DynamicTest.dynamicTest(group.get("name").asText(), () -> {
            if (t[0] == null) {
              try {
                t[0] = load(kernel, dir);
              } catch (IOException | RuntimeException e) {
                count(group.get("cases").size(), 0);
                throw e;
              }
              OPEN.add(t[0]);
            }
            checkGeneration(t[0], group);
          }));
        }
        nodes.add(DynamicContainer.dynamicContainer(name + " (float32 " + kernel + ")", tests));
      }
    }
    return nodes.stream();
  }

  private static Translator load(String kernel, Path dir) throws IOException {
    System.setProperty("arabrief.float32.kernel", kernel);
    try {
      return Translator.load(dir);
    } finally {
      System.clearProperty("arabrief.float32.kernel");
    }
  }

  private static String code(JsonNode n) {
    return n.path("source_lang").isTextual() ? n.get("source_lang").asText() : null;
  }

  private static void checkTokenizer(Path dir, JsonNode ref) throws IOException {
    List<String> wrong = new ArrayList<>();
    int n = 0;
    try (ModelTokenizer tok = Tokenizers.load(dir)) {
      for (JsonNode c : ref.path("tokenizer")) {
        if (code(c) != null) {
          tok.setSourceLanguage(code(c));
        }
        long[] want = Fixtures.longs(c.get("ids"));
        long[] got = tok.encode(c.get("text").asText());
        n++;
        if (!Arrays.equals(want, got)) {
          wrong.add(code(c) + " '" + c.get("text").asText() + "': " + Arrays.toString(got) + " instead of "
              + Arrays.toString(want));
        }
      }
    }
    assertTrue(n > 20, "too few tokenizer cases: " + n);
    assertTrue(wrong.isEmpty(), wrong.size() + " of " + n + " tokenizer ids differ:\n" + String.join("\n", wrong));
  }

  private static void checkDecode(Path dir, JsonNode ref) throws IOException {
    List<String> wrong = new ArrayList<>();
    try (ModelTokenizer tok = Tokenizers.load(dir)) {
      for (JsonNode c : ref.path("decode")) {
        if (!c.get("skip_special_tokens").asBoolean()) {
          continue; // arabrief decodes its output skipping special tokens, as a translation shows it
        }
        String got = tok.decode(Fixtures.longs(c.get("ids")));
        if (!got.equals(c.get("decoded").asText())) {
          wrong.add(c.get("ids") + ": '" + got + "' instead of '" + c.get("decoded").asText() + "'");
        }
      }
    }
    assertTrue(wrong.isEmpty(), "decoded texts differ:\n" + String.join("\n", wrong));
  }

  private static void checkGeneration(Translator t, JsonNode group) throws IOException {
    JsonNode cases = group.get("cases");
    long[][] inputs = new long[cases.size()][];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = Fixtures.longs(cases.get(i).get("input_ids"));
    }
    List<String> wrong = new ArrayList<>();
    List<Hypothesis> out = new ArrayList<>();
    try {
      if (code(group) != null) {
        t.withSourceLanguage(code(group));
      }
      // the source ids arabrief makes are the ones transformers generated from
      for (int i = 0; i < inputs.length; i++) {
        long[] mine = t.tokenizer().encode(cases.get(i).get("text").asText());
        if (!Arrays.equals(mine, inputs[i])) {
          wrong.add(i + ": source ids " + Arrays.toString(mine) + " instead of " + Arrays.toString(inputs[i]));
        }
      }
      GenerationSettings s = t.settings(group.get("settings"));
      if (group.path("batched").asBoolean()) {
        out.addAll(t.generate(inputs, s));
      } else {
        for (long[] in : inputs) {
          out.addAll(t.generate(new long[][] {in}, s));
        }
      }
    } catch (RuntimeException | IOException e) {
      count(cases.size(), 0);
      throw e;
    }
    int ok = ReferenceLines.compare(t, cases, out, wrong);
    count(inputs.length, ok);
    assertTrue(wrong.isEmpty(), group.get("name").asText() + ": " + wrong.size() + " of " + inputs.length
        + " lines differ from transformers:\n" + String.join("\n", wrong));
  }

  private static synchronized void count(int n, int ok) {
    lines += n;
    matched += ok;
  }
}

package arabrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multilingual families from the command line: {@code --source-lang} (a dialect changes the translation, an
 * unknown code is exit 2 naming the known ones), {@code tokenize} for every family, and models that cannot be run
 * (an unsupported family, a missing shard, a tokenizer of another vocabulary) as one line and exit 3.
 */
class FamiliesCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path family(String name) {
    return Fixtures.root().resolve("families").resolve(name);
  }

  private static JsonNode reference(String name) throws IOException {
    return JSON.readTree(Fixtures.root().resolve("families").resolve(name + ".json").toFile());
  }

  /** A copy of a family fixture that a test may break. */
  private static Path copy(String name, Path tmp) throws IOException {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(family(name))) {
      for (Path f : s.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  private static void assertOneLine(CliTest.Run r, int code, String... mentions) {
    assertEquals(code, r.code(), r.err());
    List<String> lines = r.err().lines().filter(l -> l.startsWith("arabrief:")).toList();
    assertEquals(1, lines.size(), r.err());
    // the engine's own log lines go to a file in the real CLI; here they may share stderr, a stack trace may not
    assertTrue(r.err().lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), r.err());
    for (String m : mentions) {
      assertTrue(lines.get(0).contains(m), m + " in: " + lines.get(0));
    }
  }

  @Test
  void dialectCodeGivesTransformersDialectTranslation() throws IOException {
    JsonNode ref = reference("nllb");
    JsonNode msa = null;
    JsonNode egy = null;
    for (JsonNode g : ref.get("generation")) {
      if (g.get("name").asText().equals("greedy-single")) {
        msa = g;
      } else if (g.get("name").asText().equals("greedy-single-arz_Arab")) {
        egy = g;
      }
    }
    StringBuilder in = new StringBuilder();
    List<String> wantMsa = new ArrayList<>();
    List<String> wantEgy = new ArrayList<>();
    for (int i = 0; i < msa.get("cases").size(); i++) {
      in.append(msa.get("cases").get(i).get("text").asText()).append('\n');
      wantMsa.add(msa.get("cases").get(i).get("text_out").asText());
      wantEgy.add(egy.get("cases").get(i).get("text_out").asText());
    }
    assertNotEquals(wantMsa, wantEgy, "the fixture's dialect must change some outputs");
    String model = family("nllb").toString();
    CliTest.Run a = CliTest.run(in.toString(), "translate", "--lines", "--model", model, "--beams", "1",
        "--max-new-tokens", "40");
    CliTest.Run b = CliTest.run(in.toString(), "translate", "--lines", "--model", model, "--beams", "1",
        "--max-new-tokens", "40", "--source-lang", "arz_Arab");
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    assertEquals(wantMsa, a.out().lines().toList());
    assertEquals(wantEgy, b.out().lines().toList());
  }

  @Test
  void unknownSourceLanguageIsExitTwoListingTheKnownOnes() {
    CliTest.Run r = CliTest.run("روسيا\n", "translate", "--lines", "--model", family("nllb").toString(),
        "--source-lang", "xx_Arab");
    assertOneLine(r, ExitCodes.USAGE, "--source-lang", "xx_Arab", "arb_Arab", "arz_Arab", "apc_Arab");
    CliTest.Run m = CliTest.run("روسيا\n", "translate", "--lines", "--model", family("tc-big").toString(),
        "--source-lang", "ar");
    assertOneLine(m, ExitCodes.USAGE, "--source-lang", "no source language code");
    CliTest.Run t = CliTest.run("روسيا\n", "tokenize", "--model", family("mbart50").toString(), "--source-lang", "ar");
    assertOneLine(t, ExitCodes.USAGE, "ar_AR");
  }

  @Test
  void tokenizeGivesTransformersIdsForEveryFamily() throws IOException {
    for (String name : List.of("m2m100", "nllb", "nllb-legacy", "mbart50", "tc-big")) {
      JsonNode ref = reference(name);
      String lang = ref.path("default_source_lang").isTextual() ? ref.get("default_source_lang").asText() : null;
      StringBuilder in = new StringBuilder();
      List<String> want = new ArrayList<>();
      for (JsonNode c : ref.get("tokenizer")) {
        String text = c.get("text").asText();
        boolean sameLang = lang == null ? c.path("source_lang").isNull() : lang.equals(c.path("source_lang").asText());
        if (!sameLang || text.contains("\n") || text.contains("\r")) {
          continue;
        }
        in.append(text).append('\n');
        StringBuilder ids = new StringBuilder();
        for (JsonNode id : c.get("ids")) {
          ids.append(ids.length() == 0 ? "" : " ").append(id.asLong());
        }
        want.add(ids.toString());
      }
      CliTest.Run r = CliTest.run(in.toString(), "tokenize", "--model", family(name).toString());
      assertEquals(0, r.code(), name + ": " + r.err());
      assertEquals(want, r.out().lines().toList(), name);
    }
  }

  @Test
  void unsupportedFamilyIsOneLineAndExitThree(@TempDir Path tmp) throws IOException {
    Path dir = copy("m2m100", tmp);
    ObjectNode config = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
    config.put("model_type", "t5");
    JSON.writeValue(dir.resolve("config.json").toFile(), config);
    assertOneLine(CliTest.run("روسيا\n", "translate", "--lines", "--model", dir.toString()), ExitCodes.MODEL,
        "model_type is 't5'", "marian, m2m_100, mbart");
  }

  @Test
  void missingShardIsOneLineAndExitThree(@TempDir Path tmp) throws IOException {
    Path dir = copy("nllb", tmp);
    String shard;
    try (Stream<Path> s = Files.list(dir)) {
      shard = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("model-0000\\d-of-0000\\d.safetensors"))
          .sorted().reduce((a, b) -> b).orElseThrow();
    }
    Files.delete(dir.resolve(shard));
    assertOneLine(CliTest.run("روسيا\n", "translate", "--lines", "--model", dir.toString()), ExitCodes.MODEL,
        shard, "missing");
  }

  @Test
  void tokenizerOfAnotherVocabularyIsOneLineAndExitThree(@TempDir Path tmp) throws IOException {
    // M2M100's weights with NLLB's larger tokenizer.json in place of M2M100's own tokenizer files
    Path dir = copy("m2m100", tmp);
    for (String f : List.of("vocab.json", "sentencepiece.bpe.model", "added_tokens.json", "tokenizer_config.json")) {
      Files.deleteIfExists(dir.resolve(f));
    }
    for (String f : List.of("tokenizer.json", "tokenizer_config.json")) {
      Files.copy(family("nllb").resolve(f), dir.resolve(f));
    }
    int vocab = JSON.readTree(dir.resolve("config.json").toFile()).get("vocab_size").asInt();
    assertOneLine(CliTest.run("روسيا\n", "translate", "--lines", "--model", dir.toString()), ExitCodes.MODEL,
        "vocab_size is " + vocab, "tokenizer");
  }
}

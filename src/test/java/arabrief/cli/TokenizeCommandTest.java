package arabrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.Fixtures;
import arabrief.mt.tokenize.SentencePieceModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arabrief tokenize} prints, line for line, the ids (or pieces) transformers' MarianTokenizer gives on
 * the real opus-mt tokenizers (references by scripts/make_tokenize_reference.py), and on a fixture model.
 */
class TokenizeCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** shared/real-opus beside the repository (as on developers' machines and in CI), if it is there. */
  private static Path realOpus() {
    for (Path p : List.of(Path.of("..", "shared", "real-opus"), Path.of("/work/shared/real-opus"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  @Test
  void idsAndPiecesEqualTransformersOnRealOpusTokenizers(@TempDir Path tmp) throws IOException {
    Path real = realOpus();
    Assumptions.assumeTrue(real != null, "shared/real-opus is not beside the repository");
    JsonNode ref = JSON.readTree(Fixtures.root().resolve("tokenize").resolve("real-opus.json").toFile());
    int models = 0;
    for (var it = ref.get("models").fields(); it.hasNext(); ) {
      var m = it.next();
      Path dir = real.resolve(m.getKey());
      if (m.getValue().path("vocab_built").asBoolean()) {
        dir = withBuiltVocab(dir, tmp.resolve(m.getKey()));
      }
      JsonNode cases = m.getValue().get("cases");
      StringBuilder input = new StringBuilder();
      for (JsonNode c : cases) {
        input.append(c.get("text").asText()).append('\n');
      }
      CliTest.Run ids = CliTest.run(input.toString(), "tokenize", "--model", dir.toString());
      CliTest.Run pieces = CliTest.run(input.toString(), "tokenize", "--model", dir.toString(), "--pieces");
      assertEquals(0, ids.code(), ids.err());
      assertEquals(0, pieces.code(), pieces.err());
      List<String> idLines = ids.out().lines().toList();
      List<String> pieceLines = pieces.out().lines().toList();
      assertEquals(cases.size(), idLines.size(), m.getKey() + ": one output line per input line");
      List<String> wrong = new ArrayList<>();
      for (int i = 0; i < cases.size(); i++) {
        JsonNode c = cases.get(i);
        String wantIds = join(c.get("ids"));
        String wantPieces = join(c.get("pieces"));
        if (!wantIds.equals(idLines.get(i)) || !wantPieces.equals(pieceLines.get(i))) {
          wrong.add(c.get("text").asText() + "\n  ids " + idLines.get(i) + "\n want " + wantIds
              + "\n  pieces " + pieceLines.get(i) + "\n   want " + wantPieces);
        }
      }
      assertTrue(wrong.isEmpty(), m.getKey() + ": " + wrong.size() + " lines differ:\n" + String.join("\n", wrong));
      models++;
    }
    assertEquals(2, models);
  }

  @Test
  void fixtureModelLinesEndInEos() {
    CliTest.Run r = CliTest.run("روسيا\n\nوزير الدفاع\n", "tokenize", "--model", Fixtures.model("tiny-opus").toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.out());
    assertEquals("0", lines.get(1), "an empty line is just </s>");
    assertTrue(lines.get(0).endsWith(" 0") && lines.get(2).endsWith(" 0"), r.out());
  }

  @Test
  void missingModelDirectoryIsExit3NamingIt() {
    CliTest.Run r = CliTest.run("روسيا\n", "tokenize", "--model", "/no/such/model");
    assertEquals(ExitCodes.MODEL, r.code(), r.err());
    assertTrue(r.err().contains("/no/such/model"), r.err());
  }

  @Test
  void anInstalledModelsNameWorksAsItsDirectoryDoes(@TempDir Path home) throws IOException {
    Path model = Fixtures.model("tiny-opus");
    Path installed = Files.createDirectories(home.resolve("models/Helsinki-NLP/opus-mt-ar-en"));
    try (var files = Files.list(model)) {
      for (Path f : files.toList()) {
        Files.copy(f, installed.resolve(f.getFileName()));
      }
    }
    try {
      Env.set(java.util.Map.of("ARABRIEF_HOME", home.toString(), "HF_HUB_CACHE", home.resolve("hf").toString()));
      CliTest.Run byDir = CliTest.run("روسيا\nوزير الدفاع\n", "tokenize", "--model", model.toString(), "--pieces");
      CliTest.Run byName = CliTest.run("روسيا\nوزير الدفاع\n", "tokenize", "--model", "Helsinki-NLP/opus-mt-ar-en", "--pieces");
      assertEquals(0, byName.code(), byName.err());
      assertEquals(byDir.out(), byName.out());
      assertEquals(2, byName.out().lines().count());

      CliTest.Run missing = CliTest.run("روسيا\n", "tokenize", "--model", "Helsinki-NLP/opus-mt-tc-big-ar-en");
      assertEquals(ExitCodes.MODEL, missing.code(), missing.err());
      assertTrue(missing.err().contains("./arabrief models pull Helsinki-NLP/opus-mt-tc-big-ar-en"), missing.err());
      assertEquals("", missing.out());
    } finally {
      Env.set(null);
    }
  }

  private static String join(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).collect(Collectors.joining(" "));
  }

  /**
   * A copy of a tokenizer directory with the vocab.json its README describes: source then target pieces in
   * SentencePiece order (unknown and control pieces left out), {@code </s>} = 0, {@code <unk>} = 1, {@code <pad>}
   * last — scripts/make_tokenize_reference.py builds the same.
   */
  private static Path withBuiltVocab(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    ObjectNode vocab = JSON.createObjectNode();
    vocab.put("</s>", 0);
    vocab.put("<unk>", 1);
    for (String spm : List.of("source.spm", "target.spm")) {
      Files.copy(from.resolve(spm), to.resolve(spm));
      for (SentencePieceModel.Piece p : SentencePieceModel.read(from.resolve(spm)).pieces()) {
        if (p.type() != SentencePieceModel.UNKNOWN && p.type() != SentencePieceModel.CONTROL && !vocab.has(p.piece())) {
          vocab.put(p.piece(), vocab.size());
        }
      }
    }
    vocab.put("<pad>", vocab.size());
    JSON.writeValue(to.resolve("vocab.json").toFile(), vocab);
    return to;
  }
}

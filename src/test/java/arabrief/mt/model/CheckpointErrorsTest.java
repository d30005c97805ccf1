package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import arabrief.mt.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken checkpoint is refused with a message that names the file and the tensor. */
class CheckpointErrorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path copyOfFixture(Path dir) throws IOException {
    Path src = Fixtures.model("tiny-opus");
    try (Stream<Path> files = Files.list(src)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  private static ModelFormatException loadFails(Path dir) {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      return assertThrows(ModelFormatException.class, () -> TransformerModel.load(dir, m).close());
    }
  }

  @Test
  void truncatedSafetensorsNamesATensor(@TempDir Path dir) throws IOException {
    copyOfFixture(dir);
    Path w = dir.resolve("model.safetensors");
    byte[] bytes = Files.readAllBytes(w);
    Files.write(w, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    String msg = loadFails(dir).getMessage();
    assertTrue(msg.contains("truncated") && msg.contains("tensor '"), msg);
    assertTrue(msg.contains("model.safetensors"), msg);
  }

  @Test
  void shapeMismatchNamesTensorAndBothShapes(@TempDir Path dir) throws IOException {
    copyOfFixture(dir);
    ObjectNode cfg = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
    cfg.put("encoder_ffn_dim", cfg.get("encoder_ffn_dim").asInt() * 2);
    JSON.writeValue(dir.resolve("config.json").toFile(), cfg);
    String msg = loadFails(dir).getMessage();
    assertTrue(msg.contains("encoder.layers.0.fc1.weight") && msg.contains("config.json implies"), msg);
  }

  @Test
  void missingTensorIsNamed(@TempDir Path dir) throws IOException {
    copyOfFixture(dir);
    ObjectNode cfg = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
    int layers = cfg.get("decoder_layers").asInt();
    cfg.put("decoder_layers", layers + 1);
    JSON.writeValue(dir.resolve("config.json").toFile(), cfg);
    String msg = loadFails(dir).getMessage();
    assertTrue(msg.contains("lacks tensor 'decoder.layers." + layers + "."), msg);
  }

  @Test
  void missingWeightsFileIsNamed(@TempDir Path dir) throws IOException {
    copyOfFixture(dir);
    Files.delete(dir.resolve("model.safetensors"));
    String msg = loadFails(dir).getMessage();
    assertTrue(msg.contains("model.safetensors or pytorch_model.bin"), msg);
  }

  @Test
  void notASafetensorsFile(@TempDir Path dir) throws IOException {
    copyOfFixture(dir);
    Files.writeString(dir.resolve("model.safetensors"), "<html>rate limited</html>");
    String msg = loadFails(dir).getMessage();
    assertTrue(msg.contains("not a safetensors file"), msg);
  }

  @Test
  void untiedConfigOverATiedCheckpointIsRefusedNotRandom(@TempDir Path dir) throws IOException {
    // tiny-opus stores only model.shared; with tie_word_embeddings false transformers ties nothing, so the
    // encoder's and decoder's tables and lm_head would be left random: refused, naming the tensor
    copyOfFixture(dir);
    ObjectNode cfg = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
    cfg.put("tie_word_embeddings", false);
    JSON.writeValue(dir.resolve("config.json").toFile(), cfg);
    String msg = loadFails(dir).getMessage();
    assertTrue(msg.contains("lacks tensor 'encoder.embed_tokens.weight'"), msg);
    assertTrue(msg.contains("tie_word_embeddings=false"), msg);
  }

  @Test
  void unsupportedActivationIsRefusedFromConfig(@TempDir Path dir) throws IOException {
    copyOfFixture(dir);
    ObjectNode cfg = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
    cfg.put("activation_function", "prelu"); // learned parameters: refused
    JSON.writeValue(dir.resolve("config.json").toFile(), cfg);
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      IOException e = assertThrows(IOException.class, () -> TransformerModel.load(dir, m).close());
      assertTrue(e.getMessage().contains("prelu"), e.getMessage());
    }
  }
}

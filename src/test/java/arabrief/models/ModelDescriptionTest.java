package arabrief.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import arabrief.mt.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code models list} says of a model: family, parameter count (against transformers') and licence. */
class ModelDescriptionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void familyAndParameterCountOfEveryFamilyFixture() throws IOException {
    Map<String, String> families = Map.of("m2m100", "M2M100", "nllb", "NLLB-200", "nllb-legacy", "NLLB-200",
        "mbart50", "mBART-50", "tc-big", "Marian");
    for (Map.Entry<String, String> e : families.entrySet()) {
      Path dir = Fixtures.root().resolve("families").resolve(e.getKey());
      JsonNode ref = JSON.readTree(Fixtures.root().resolve("families").resolve(e.getKey() + ".json").toFile());
      JsonNode config = JSON.readTree(dir.resolve("config.json").toFile());
      long want = ref.get("num_parameters").asLong();
      if (e.getValue().equals("Marian")) {
        // transformers counts Marian's fixed sinusoidal tables (nn.Embedding weights) too; no file stores them
        want -= 2 * config.get("max_position_embeddings").asLong() * config.get("d_model").asLong();
      }
      ModelDescription d = ModelDescription.of(dir);
      assertEquals(e.getValue(), d.family(), e.getKey());
      assertEquals(want, d.parameters(), e.getKey() + ": transformers' num_parameters()");
    }
  }

  @Test
  void licenceComesFromTheModelCardFrontMatter(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("README.md"), "---\nlanguage:\n- ar\nlicense: cc-by-nc-4.0\ntags:\n- nllb\n---\n"
        + "# NLLB\nlicense: not this one\n");
    assertEquals("cc-by-nc-4.0", ModelDescription.license(dir.resolve("README.md")));
    Files.writeString(dir.resolve("README.md"), "# a card without front matter\nlicense: mit\n");
    assertNull(ModelDescription.license(dir.resolve("README.md")));
    Files.writeString(dir.resolve("README.md"), "---\ntags:\n- translation\n---\nlicense: mit\n");
    assertNull(ModelDescription.license(dir.resolve("README.md")));
    assertEquals("unknown", ModelDescription.of(dir).family());
  }
}

package arabrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.models.FakeHub;
import arabrief.mt.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's run command on a fresh machine: the default model is pulled on first use, or exit 3 says how. */
class FirstRunTest {
  @AfterEach
  void restoreEnv() {
    Env.set(null);
  }

  @Test
  void pullsTheDefaultModelOnFirstUseThenTranslates(@TempDir Path home) throws Exception {
    try (FakeHub hub = new FakeHub()) {
      hub.files.clear();
      try (Stream<Path> files = Files.list(Fixtures.model("tiny-opus"))) {
        for (Path f : files.toList()) {
          hub.files.put(f.getFileName().toString(), Files.readAllBytes(f));
        }
      }
      Env.set(Map.of("ARABRIEF_HOME", home.toString(), "HF_ENDPOINT", hub.endpoint()));
      CliTest.Run r = CliTest.run("روسيا\n", "translate", "--lines", "--beams", "1");
      assertEquals(0, r.code(), r.err());
      assertFalse(r.out().isBlank());
      assertTrue(r.err().contains("downloading"), r.err());
      Path installed = home.resolve("models/Helsinki-NLP/opus-mt-ar-en");
      assertTrue(Files.isRegularFile(installed.resolve("model.safetensors")));
      assertTrue(Files.isRegularFile(installed.resolve("manifest.json")));

      // second run: no download, same output
      CliTest.Run again = CliTest.run("روسيا\n", "translate", "--lines", "--beams", "1");
      assertEquals(0, again.code(), again.err());
      assertEquals(r.out(), again.out());
      assertFalse(again.err().contains("downloading"));
    }
  }

  @Test
  void offlineWithoutAModelIsExitThreeWithThePullCommand(@TempDir Path home) throws Exception {
    Env.set(Map.of("ARABRIEF_HOME", home.toString(), "HF_HUB_CACHE", home.resolve("hf").toString()));
    CliTest.Run r = CliTest.run("روسيا\n", "translate", "--lines", "--offline");
    assertEquals(ExitCodes.MODEL, r.code(), r.err());
    assertTrue(r.err().contains("./arabrief models pull Helsinki-NLP/opus-mt-ar-en"), r.err());
    assertTrue(r.err().contains("config.json"), "the message lists the files to copy in: " + r.err());
  }

  @Test
  void unreachableEndpointIsExitThreeWithThePullCommand(@TempDir Path home) throws Exception {
    Env.set(Map.of(
        "ARABRIEF_HOME", home.toString(),
        "HF_HUB_CACHE", home.resolve("hf").toString(),
        "HF_ENDPOINT", "http://127.0.0.1:" + FakeHub.closedPort()));
    CliTest.Run r = CliTest.run(null, "brief", "seeds/000_576a10afaf96e38e.txt");
    assertEquals(ExitCodes.MODEL, r.code(), r.err());
    assertTrue(r.err().contains("./arabrief models pull Helsinki-NLP/opus-mt-ar-en"), r.err());
  }
}

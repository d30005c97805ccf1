package arabrief.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.cli.ExitCodes;
import arabrief.cli.ModelsCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code models} command end to end; here rather than under cli so the models test run covers it. */
class ModelsCommandTest {
  @TempDir Path home;
  FakeHub hub;
  ModelStore store;
  Map<String, String> env;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void start() throws Exception {
    hub = new FakeHub();
    env = new HashMap<>(Map.of("HF_HUB_CACHE", home.resolve("hf").toString(), "HF_ENDPOINT", hub.endpoint()));
    store = new ModelStore(home.resolve("store"), env);
  }

  @AfterEach
  void stop() {
    hub.close();
    ModelSmokeTest.install(null);
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = new CommandLine(new ModelsCommand(store, env));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void pullListPathVerifyRemove() throws Exception {
    assertEquals(ExitCodes.OK, run("list"));
    assertTrue(out.toString().contains("./arabrief models pull Helsinki-NLP/opus-mt-ar-en"), out.toString());

    assertEquals(ExitCodes.OK, run("pull"), err.toString());
    Path dir = store.installDir(FakeHub.REPO);
    assertTrue(out.toString().contains("Installed " + FakeHub.REPO), out.toString());
    assertTrue(out.toString().contains(dir.toString()));

    assertEquals(ExitCodes.OK, run("pull", FakeHub.REPO));
    assertTrue(out.toString().contains("already installed"), out.toString());

    assertEquals(ExitCodes.OK, run("list"));
    assertTrue(out.toString().contains(FakeHub.REPO) && out.toString().contains(hub.endpoint()), out.toString());
    assertTrue(out.toString().contains(" Marian "), "the family is listed: " + out);
    assertTrue(out.toString().contains(" cc-by-nc-4.0 "), "the model card's licence is listed: " + out);

    assertEquals(ExitCodes.OK, run("path", FakeHub.REPO));
    assertEquals(dir.toString(), out.toString().strip());

    assertEquals(ExitCodes.OK, run("verify", FakeHub.REPO), err.toString());
    assertTrue(out.toString().contains("smoke test skipped"), out.toString());

    Path[] smoked = new Path[1];
    ModelSmokeTest.install(d -> smoked[0] = d);
    assertEquals(ExitCodes.OK, run("verify", FakeHub.REPO), err.toString());
    assertEquals(dir, smoked[0]);

    ModelSmokeTest.install(d -> { throw new IllegalStateException("empty translation"); });
    assertEquals(ExitCodes.MODEL, run("verify", FakeHub.REPO));
    assertTrue(err.toString().contains("empty translation"), err.toString());
    ModelSmokeTest.install(null);

    byte[] b = Files.readAllBytes(dir.resolve("source.spm"));
    b[0] ^= 1;
    Files.write(dir.resolve("source.spm"), b);
    assertEquals(ExitCodes.MODEL, run("verify", FakeHub.REPO));
    assertTrue(err.toString().contains("source.spm: sha256"), err.toString());

    assertEquals(ExitCodes.OK, run("remove", FakeHub.REPO));
    assertFalse(Files.exists(dir));
    assertEquals(ExitCodes.BAD_INPUT, run("remove", FakeHub.REPO));
    assertTrue(err.toString().contains("no installed model named"), err.toString());
  }

  @Test
  void aModelWithoutAManifestIsNotReportedOk() {
    Path dir = arabrief.mt.Fixtures.model("tiny-opus");
    ModelSmokeTest.install(d -> {});
    assertEquals(ExitCodes.OK, run("verify", dir.toString()), err.toString());
    assertEquals(dir + ": files not checked: " + dir + " has no manifest.json to check them against (a model copied in by"
        + " hand or found in the Hugging Face cache has none; `./arabrief models pull ORG/NAME` installs one with it);"
        + " it loads and translates a test sentence\n", out.toString());
    assertFalse(out.toString().contains(": ok"), out.toString());

    assertEquals(ExitCodes.OK, run("pull"), err.toString());
    assertEquals(ExitCodes.OK, run("verify", FakeHub.REPO), err.toString());
    assertTrue(out.toString().startsWith(FakeHub.REPO + ": ok (" + hub.files.size() + " files match the manifest; it loads"),
        out.toString());
  }

  @Test
  void unknownNamesAreBadInput() {
    assertEquals(ExitCodes.BAD_INPUT, run("path", "nobody/nothing"));
    assertTrue(err.toString().contains("nobody/nothing"));
    assertEquals(ExitCodes.BAD_INPUT, run("verify", "nobody/nothing"));
    assertEquals(ExitCodes.BAD_INPUT, run("pull", "not a repo"));
    assertTrue(err.toString().contains("ORG/NAME"), err.toString());
  }

  @Test
  void usageErrors() {
    assertEquals(ExitCodes.USAGE, run());
    assertTrue(err.toString().contains("pull"), err.toString());
    assertEquals(ExitCodes.USAGE, run("pull", "--no-such-option"));
    assertEquals(ExitCodes.USAGE, run("verify"));
    assertEquals(ExitCodes.OK, run("pull", "--help"));
    assertTrue(out.toString().contains("--endpoint"), out.toString());
    assertEquals(ExitCodes.OK, run("--help"));
    assertTrue(out.toString().contains(ModelLayout.BIG_REPO), out.toString());
  }

  @Test
  void unreachableEndpointIsExitThreeWithAMessage() throws Exception {
    String dead = "http://127.0.0.1:" + FakeHub.closedPort();
    assertEquals(ExitCodes.MODEL, run("pull", "--endpoint", dead));
    assertTrue(err.toString().contains("cannot reach " + dead), err.toString());
    assertFalse(Files.exists(store.installDir(FakeHub.REPO)));
  }

  @Test
  void digestMismatchIsExitThreeNamingTheFile() {
    hub.apiShaOverride.put(ModelLayout.SAFETENSORS, "0".repeat(64));
    assertEquals(ExitCodes.MODEL, run("pull"));
    assertTrue(err.toString().contains(ModelLayout.SAFETENSORS), err.toString());
    assertTrue(store.resolve(FakeHub.REPO).isEmpty());
  }

  @Test
  void tokenIsSentFromTheEnvironment() {
    env.put("HF_TOKEN", "hf_abc");
    assertEquals(ExitCodes.OK, run("pull", "--revision", "main"));
    assertTrue(hub.authHeaders.stream().allMatch("Bearer hf_abc"::equals), hub.authHeaders.toString());
  }
}

package arabrief.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelPullerTest {
  @TempDir Path home;
  FakeHub hub;
  ModelStore store;

  @BeforeEach
  void start() throws IOException {
    hub = new FakeHub();
    store = new ModelStore(home.resolve("arabrief"), Map.of("HF_HUB_CACHE", home.resolve("hf").toString()));
  }

  @AfterEach
  void stop() {
    hub.close();
  }

  ModelPuller puller(Map<String, String> env) {
    return new ModelPuller(store, env).retries(4, Duration.ofMillis(10));
  }

  PullResult pull() throws IOException {
    return puller(Map.of()).pull(FakeHub.REPO, null, hub.endpoint(), PullProgress.NONE);
  }

  void assertInstalledRight(Path dir, boolean withBin) throws IOException {
    assertEquals(store.installDir(FakeHub.REPO), dir);
    Manifest m = Manifest.read(dir);
    assertEquals(FakeHub.REPO, m.repo());
    assertEquals(hub.endpoint(), m.endpoint());
    for (Manifest.FileEntry f : m.files()) {
      byte[] want = hub.files.get(f.name());
      assertArrayEquals(want, Files.readAllBytes(dir.resolve(f.name())), f.name());
      assertEquals(want.length, f.size(), f.name());
      assertEquals(FakeHub.sha256(want), f.sha256(), f.name());
    }
    for (String name : hub.files.keySet()) {
      if (name.equals(ModelLayout.PYTORCH_BIN) && !withBin) continue;
      assertTrue(Files.isRegularFile(dir.resolve(name)), name + " installed");
    }
    assertEquals(Path.of(dir.toString()), store.resolve(FakeHub.REPO).orElseThrow());
    assertNoLeftovers();
  }

  void assertNoLeftovers() throws IOException {
    Path tmp = store.root().resolve("tmp");
    if (Files.isDirectory(tmp)) {
      try (Stream<Path> s = Files.list(tmp)) {
        assertEquals(List.of(), s.toList(), "tmp is empty");
      }
    }
  }

  @Test
  void pullWithHubApiInstallsAllFilesWithManifest() throws IOException {
    PullResult r = puller(Map.of("HF_TOKEN", "hf_secret")).pull(FakeHub.REPO, "main", hub.endpoint(), PullProgress.NONE);
    assertFalse(r.alreadyInstalled());
    assertEquals(FakeHub.COMMIT, r.manifest().commit());
    assertEquals("main", r.manifest().revision());
    assertInstalledRight(r.dir(), false);
    assertTrue(hub.authHeaders.stream().allMatch("Bearer hf_secret"::equals), hub.authHeaders.toString());
    assertEquals(0, hub.requests(ModelLayout.PYTORCH_BIN));
  }

  @Test
  void pullWithoutApiFallsBackToKnownFileNames() throws IOException {
    hub.api = false;
    PullResult r = pull();
    assertNull(r.manifest().commit());
    assertInstalledRight(r.dir(), false);
    assertEquals(1, hub.requests("special_tokens_map.json"), "optional file tried, 404 is fine");
    assertEquals(0, hub.requests(ModelLayout.PYTORCH_BIN), "no .bin when safetensors exists");
    assertTrue(hub.authHeaders.stream().allMatch(String::isEmpty), "no token, no header");
  }

  @Test
  void pytorchBinOnlyWhenNoSafetensors() throws IOException {
    hub.files.put(ModelLayout.PYTORCH_BIN, hub.files.remove(ModelLayout.SAFETENSORS));
    for (boolean api : new boolean[] {true, false}) {
      hub.api = api;
      PullResult r = puller(Map.of()).pull(FakeHub.REPO, null, hub.endpoint(), true, PullProgress.NONE);
      assertInstalledRight(r.dir(), true);
      assertFalse(Files.exists(r.dir().resolve(ModelLayout.SAFETENSORS)));
    }
  }

  @Test
  void resumesWithRangeAfterBrokenTransfer() throws IOException {
    for (boolean api : new boolean[] {true, false}) {
      hub.api = api;
      hub.rangeHeaders.clear();
      hub.cutFile = ModelLayout.SAFETENSORS;
      hub.cutAfter = 300_000;
      hub.cutTimes.set(2);
      PullResult r = puller(Map.of()).pull(FakeHub.REPO, null, hub.endpoint(), true, PullProgress.NONE);
      assertInstalledRight(r.dir(), false);
      List<String> ranges =
          hub.rangeHeaders.stream().filter(h -> h.startsWith(ModelLayout.SAFETENSORS)).toList();
      assertEquals(3, ranges.size(), ranges.toString());
      assertEquals(ModelLayout.SAFETENSORS + " -", ranges.get(0));
      assertEquals(ModelLayout.SAFETENSORS + " bytes=300000-", ranges.get(1));
      assertEquals(ModelLayout.SAFETENSORS + " bytes=600000-", ranges.get(2));
    }
  }

  @Test
  void serverIgnoringRangeStillEndsRight() throws IOException {
    hub.ignoreRange = true;
    hub.cutFile = ModelLayout.SAFETENSORS;
    hub.cutAfter = 400_000;
    hub.cutTimes.set(1);
    PullResult r = pull();
    assertInstalledRight(r.dir(), false);
    assertEquals(2, hub.requests(ModelLayout.SAFETENSORS));
  }

  @Test
  void givesUpAfterTooManyBrokenTransfersAndInstallsNothing() {
    hub.cutFile = ModelLayout.SAFETENSORS;
    hub.cutAfter = 10;
    hub.cutTimes.set(100);
    HubException e = assertThrows(HubException.class, this::pull);
    assertTrue(e.getMessage().contains(ModelLayout.SAFETENSORS), e.getMessage());
    assertFalse(Files.exists(store.installDir(FakeHub.REPO)));
    assertTrue(store.resolve(FakeHub.REPO).isEmpty());
  }

  @Test
  void wrongApiDigestInstallsNothingAndNamesTheFile() throws IOException {
    hub.apiShaOverride.put(ModelLayout.SAFETENSORS, "0".repeat(64));
    ModelIntegrityException e = assertThrows(ModelIntegrityException.class, this::pull);
    assertEquals(ModelLayout.SAFETENSORS, e.file());
    assertTrue(e.getMessage().contains(ModelLayout.SAFETENSORS), e.getMessage());
    assertFalse(Files.exists(store.installDir(FakeHub.REPO)));
    assertTrue(store.resolve(FakeHub.REPO).isEmpty());
    assertNoLeftovers();
  }

  @Test
  void wrongEtagDigestInstallsNothingAndNamesTheFile() throws IOException {
    hub.api = false;
    hub.etagOverride.put(ModelLayout.SAFETENSORS, "f".repeat(64));
    ModelIntegrityException e = assertThrows(ModelIntegrityException.class, this::pull);
    assertEquals(ModelLayout.SAFETENSORS, e.file());
    assertFalse(Files.exists(store.installDir(FakeHub.REPO)));
    assertTrue(store.resolve(FakeHub.REPO).isEmpty());
    assertNoLeftovers();
  }

  @Test
  void failedRepullKeepsTheOldInstall() throws IOException {
    Path dir = pull().dir();
    hub.apiShaOverride.put(ModelLayout.SAFETENSORS, "0".repeat(64));
    assertThrows(ModelIntegrityException.class,
        () -> puller(Map.of()).pull(FakeHub.REPO, null, hub.endpoint(), true, PullProgress.NONE));
    assertEquals(dir, store.resolve(FakeHub.REPO).orElseThrow());
    assertTrue(ModelVerifier.verify(dir, null).ok());
  }

  @Test
  void forcedRepullReplacesTheInstall() throws IOException {
    Path dir = pull().dir();
    Files.writeString(dir.resolve("stale.txt"), "old");
    hub.files.put("config.json", "{\"model_type\":\"marian\",\"d_model\":16}".getBytes());
    PullResult r = puller(Map.of()).pull(FakeHub.REPO, null, hub.endpoint(), true, PullProgress.NONE);
    assertInstalledRight(r.dir(), false);
    assertFalse(Files.exists(dir.resolve("stale.txt")));
    PullResult again = pull();
    assertTrue(again.alreadyInstalled());
  }

  /** The layout of the big repos: a tokenizer.json and a sharded checkpoint (an index naming its shards). */
  void shardedRepo() {
    hub.files.remove("source.spm");
    hub.files.remove("target.spm");
    hub.files.remove("vocab.json");
    hub.files.remove(ModelLayout.SAFETENSORS);
    hub.files.put("config.json", "{\"model_type\":\"m2m_100\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    hub.files.put("tokenizer.json", "{\"model\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    hub.files.put("model.safetensors.index.json", ("{\"metadata\":{\"total_size\":6},\"weight_map\":{"
        + "\"a\":\"model-00001-of-00002.safetensors\",\"b\":\"model-00002-of-00002.safetensors\","
        + "\"c\":\"model-00002-of-00002.safetensors\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    hub.files.put("model-00001-of-00002.safetensors", new byte[] {1, 2, 3});
    hub.files.put("model-00002-of-00002.safetensors", new byte[] {4, 5, 6});
  }

  @Test
  void shardedCheckpointPullsTheIndexAndEveryShard() throws IOException {
    shardedRepo();
    for (boolean api : new boolean[] {true, false}) {
      hub.api = api;
      int before = hub.requests("model-00002-of-00002.safetensors");
      PullResult r = puller(Map.of()).pull(FakeHub.REPO, null, hub.endpoint(), true, PullProgress.NONE);
      assertInstalledRight(r.dir(), false);
      assertEquals(List.of(), ModelLayout.missingFiles(r.dir()));
      assertEquals(before + 1, hub.requests("model-00002-of-00002.safetensors"), "a shard named twice is fetched once");
    }
  }

  @Test
  void aShardMissingFromTheRepoInstallsNothingAndIsNamed() {
    shardedRepo();
    hub.files.remove("model-00002-of-00002.safetensors");
    for (boolean api : new boolean[] {true, false}) {
      hub.api = api;
      HubException e = assertThrows(HubException.class, this::pull);
      assertTrue(e.getMessage().contains("model-00002-of-00002.safetensors"), e.getMessage());
      assertFalse(Files.exists(store.installDir(FakeHub.REPO)));
    }
  }

  @Test
  void missingRequiredFilesAreNamed() {
    hub.files.remove("vocab.json");
    hub.files.remove("target.spm");
    for (boolean api : new boolean[] {true, false}) {
      hub.api = api;
      HubException e = assertThrows(HubException.class, this::pull);
      assertTrue(e.getMessage().contains("vocab.json") && e.getMessage().contains("target.spm"), e.getMessage());
      assertFalse(Files.exists(store.installDir(FakeHub.REPO)));
    }
  }

  @Test
  void twoConcurrentPullsEndWithOneGoodInstall() throws Exception {
    hub.delayMillis = 20;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<PullResult>> fs = new ArrayList<>();
      Callable<PullResult> job = this::pull;
      fs.add(pool.submit(job));
      fs.add(pool.submit(job));
      int fresh = 0;
      for (Future<PullResult> f : fs) {
        PullResult r = f.get();
        if (!r.alreadyInstalled()) fresh++;
        assertEquals(store.installDir(FakeHub.REPO), r.dir());
      }
      assertEquals(1, fresh);
      assertEquals(1, hub.requests(ModelLayout.SAFETENSORS));
      assertInstalledRight(store.installDir(FakeHub.REPO), false);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoProcessesPullingOneModelEndWithOneGoodInstall() throws Exception {
    hub.delayMillis = 60;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ps.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PullProcess.class.getName(),
              store.root().toString(), hub.endpoint())
          .redirectErrorStream(true)
          .start());
    }
    List<String> outcomes = new ArrayList<>();
    for (Process p : ps) {
      String output = new String(p.getInputStream().readAllBytes()).strip();
      assertEquals(0, p.waitFor(), output);
      outcomes.add(output);
    }
    assertEquals(List.of("already", "installed"), outcomes.stream().sorted().toList());
    assertEquals(1, hub.requests(ModelLayout.SAFETENSORS));
    assertInstalledRight(store.installDir(FakeHub.REPO), false);
  }

  @Test
  void unreachableEndpointGivesTheExactPullCommand() throws IOException {
    String dead = "http://127.0.0.1:" + FakeHub.closedPort();
    ModelPuller p = puller(Map.of("HF_ENDPOINT", dead));
    ModelMissingException e =
        assertThrows(ModelMissingException.class, () -> p.ensureDefault(false, PullProgress.NONE));
    assertTrue(e.getMessage().contains("./arabrief models pull Helsinki-NLP/opus-mt-ar-en"), e.getMessage());
    assertTrue(e.getMessage().contains(store.installDir(FakeHub.REPO) + "/"), e.getMessage());
    for (String f : List.of("config.json", "source.spm", "target.spm", "vocab.json", "model.safetensors")) {
      assertTrue(e.getMessage().contains(f), f);
    }
    assertTrue(e.getCause() instanceof HubException h && h.unreachable());
    assertFalse(Files.exists(store.installDir(FakeHub.REPO)));
  }

  @Test
  void offlineNeverTouchesTheNetwork() {
    ModelPuller p = puller(Map.of("HF_ENDPOINT", hub.endpoint()));
    ModelMissingException e =
        assertThrows(ModelMissingException.class, () -> p.ensureDefault(true, PullProgress.NONE));
    assertTrue(e.getMessage().contains("./arabrief models pull Helsinki-NLP/opus-mt-ar-en"), e.getMessage());
    assertTrue(hub.authHeaders.isEmpty(), "no request made");
  }

  @Test
  void ensureDefaultPullsWhenTheEndpointAnswersThenReusesIt() throws Exception {
    ModelPuller p = puller(Map.of("HF_ENDPOINT", hub.endpoint(), "HF_TOKEN", "tok"));
    Path dir = p.ensureDefault(false, PullProgress.NONE);
    assertInstalledRight(dir, false);
    assertTrue(hub.authHeaders.contains("Bearer tok"));
    int before = hub.authHeaders.size();
    assertEquals(dir, p.ensureDefault(true, PullProgress.NONE));
    assertEquals(before, hub.authHeaders.size());
  }

  @Test
  void badRepoIdIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> puller(Map.of()).pull("../../etc", null, hub.endpoint(), PullProgress.NONE));
    assertThrows(IllegalArgumentException.class,
        () -> puller(Map.of()).pull(FakeHub.REPO, null, "ftp://x", PullProgress.NONE));
  }
}

package arabrief.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
  @TempDir Path home;

  static void writeModel(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("config.json"), "{\"model_type\":\"marian\"}");
    Files.write(dir.resolve("source.spm"), new byte[] {1, 2, 3});
    Files.write(dir.resolve("target.spm"), new byte[] {4, 5, 6});
    Files.writeString(dir.resolve("vocab.json"), "{}");
    Files.write(dir.resolve("model.safetensors"), new byte[4096]);
  }

  /** An HF cache entry as huggingface_hub lays it out: blobs, a snapshot of symlinks, refs/main. */
  static Path writeHfCache(Path hub, String repo, String rev) throws IOException {
    Path repoDir = hub.resolve("models--" + repo.replace("/", "--"));
    Path blobs = repoDir.resolve("blobs");
    Path staging = repoDir.resolve("staging");
    writeModel(staging);
    Files.createDirectories(blobs);
    Path snap = repoDir.resolve("snapshots").resolve(rev);
    Files.createDirectories(snap);
    try (var s = Files.list(staging)) {
      for (Path f : s.toList()) {
        Path blob = blobs.resolve(Digests.sha256(f));
        Files.move(f, blob);
        Files.createSymbolicLink(snap.resolve(f.getFileName()), snap.relativize(blob));
      }
    }
    Files.delete(staging);
    Files.createDirectories(repoDir.resolve("refs"));
    Files.writeString(repoDir.resolve("refs").resolve("main"), rev);
    return snap;
  }

  @Test
  void rootComesFromArabriefHomeElseUserHome() {
    assertEquals(Path.of("/x/y"), ModelStore.defaultRoot(Map.of("ARABRIEF_HOME", "/x/y")));
    assertEquals(Path.of(System.getProperty("user.home"), ".arabrief"), ModelStore.defaultRoot(Map.of()));
    ModelStore s = ModelStore.fromEnvironment(Map.of("ARABRIEF_HOME", home.toString()));
    assertEquals(home.resolve("models/Helsinki-NLP/opus-mt-ar-en"), s.installDir("Helsinki-NLP/opus-mt-ar-en"));
  }

  @Test
  void directoryWithConfigIsUsedInPlace() throws IOException {
    ModelStore s = new ModelStore(home.resolve("store"), Map.of("HF_HUB_CACHE", home.resolve("none").toString()));
    Path dir = home.resolve("mine");
    writeModel(dir);
    assertEquals(dir, s.resolve(dir.toString()).orElseThrow());
    assertTrue(s.resolve(home.resolve("nothing").toString()).isEmpty());
    assertTrue(s.resolve("Helsinki-NLP/opus-mt-ar-en").isEmpty());
  }

  @Test
  void hfCacheSnapshotIsFoundInPlace() throws IOException {
    String rev = "a".repeat(40);
    Path snap = writeHfCache(home.resolve("hf/hub"), "Helsinki-NLP/opus-mt-ar-en", rev);
    for (Map<String, String> env :
        List.of(
            Map.of("HF_HUB_CACHE", home.resolve("hf/hub").toString()),
            Map.of("HF_HOME", home.resolve("hf").toString()))) {
      ModelStore s = new ModelStore(home.resolve("store"), env);
      assertEquals(snap, s.resolve("Helsinki-NLP/opus-mt-ar-en").orElseThrow());
      assertEquals(snap, s.path("Helsinki-NLP/opus-mt-ar-en").orElseThrow());
      List<ModelEntry> list = s.list();
      assertEquals(1, list.size());
      assertFalse(list.get(0).managed());
      assertEquals("Helsinki-NLP/opus-mt-ar-en", list.get(0).name());
      assertTrue(ModelVerifier.verify(snap, null).ok());
    }
  }

  @Test
  void incompleteInstallIsNotResolved() throws IOException {
    ModelStore s = new ModelStore(home.resolve("store"), Map.of("HF_HUB_CACHE", home.resolve("none").toString()));
    Path dir = s.installDir("Helsinki-NLP/opus-mt-ar-en");
    writeModel(dir);
    Files.delete(dir.resolve("model.safetensors"));
    assertTrue(s.resolve("Helsinki-NLP/opus-mt-ar-en").isEmpty());
    assertEquals(List.of("model.safetensors or pytorch_model.bin"), ModelLayout.missingFiles(dir));
    Files.write(dir.resolve("pytorch_model.bin"), new byte[10]);
    assertEquals(dir, s.resolve("Helsinki-NLP/opus-mt-ar-en").orElseThrow());
    assertEquals(dir, s.resolve("opus-mt-ar-en").orElseThrow(), "bare name, one org has it");
  }

  @Test
  void listPathRemoveAndVerifyAnInstall() throws Exception {
    try (FakeHub hub = new FakeHub()) {
      ModelStore s = new ModelStore(home.resolve("store"), Map.of("HF_HUB_CACHE", home.resolve("none").toString()));
      Path dir = new ModelPuller(s, Map.of()).pull(FakeHub.REPO, null, hub.endpoint(), PullProgress.NONE).dir();
      List<ModelEntry> list = s.list();
      assertEquals(1, list.size());
      ModelEntry e = list.get(0);
      assertEquals(FakeHub.REPO, e.name());
      assertEquals(dir, e.path());
      assertTrue(e.origin().startsWith(hub.endpoint()), e.origin());
      assertTrue(e.sizeBytes() > 1 << 20);
      assertEquals(dir, s.path(FakeHub.REPO).orElseThrow());

      AtomicReference<Path> smoked = new AtomicReference<>();
      ModelVerifier.Report ok = ModelVerifier.verify(dir, smoked::set);
      assertTrue(ok.ok(), ok.problems().toString());
      assertEquals(dir, smoked.get());
      assertEquals(hub.files.size(), ok.filesHashed());

      ModelVerifier.Report failing = ModelVerifier.verify(dir, d -> { throw new IllegalStateException("no output"); });
      assertFalse(failing.ok());
      assertTrue(failing.problems().get(0).contains("no output"));

      byte[] b = Files.readAllBytes(dir.resolve("model.safetensors"));
      b[1234] ^= 1;
      Files.write(dir.resolve("model.safetensors"), b);
      ModelVerifier.Report bad = ModelVerifier.verify(dir, null);
      assertFalse(bad.ok());
      assertEquals(1, bad.problems().size());
      assertTrue(bad.problems().get(0).startsWith("model.safetensors: sha256"), bad.problems().toString());

      Files.writeString(dir.resolve("config.json"), "{not json");
      assertTrue(ModelVerifier.verify(dir, null).problems().stream().anyMatch(p -> p.startsWith("config.json")));

      assertTrue(s.remove(FakeHub.REPO));
      assertFalse(Files.exists(dir));
      assertFalse(Files.exists(dir.getParent()), "empty org dir removed");
      assertTrue(s.list().isEmpty());
      assertTrue(s.path(FakeHub.REPO).isEmpty());
      assertFalse(s.remove(FakeHub.REPO));
    }
  }
}

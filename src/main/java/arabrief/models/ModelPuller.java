package arabrief.models;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Installs a model from the Hub into a {@link ModelStore}: downloads into {@code <root>/tmp/<random>/},
 * verifies sizes and digests, writes the manifest, and only then moves the directory into place, so a
 * failed or interrupted pull never leaves a model that {@link ModelStore#resolve} accepts.
 */
public final class ModelPuller {
  public static final String DEFAULT_REVISION = "main";
  private static final Duration STALE_TMP = Duration.ofHours(24);

  private final ModelStore store;
  private final Map<String, String> env;
  private int maxAttempts = 5;
  private Duration backoff = Duration.ofSeconds(1);

  /** {@code env} supplies {@code HF_ENDPOINT}, {@code HF_TOKEN} and {@code HF_HUB_OFFLINE}. */
  public ModelPuller(ModelStore store, Map<String, String> env) {
    this.store = store;
    this.env = Map.copyOf(env);
  }

  public ModelStore store() {
    return store;
  }

  /** Retry knobs, for tests that must not wait seconds. */
  ModelPuller retries(int maxAttempts, Duration backoff) {
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
    return this;
  }

  /** Same as {@link #pull(String, String, String, boolean, PullProgress)} without force. */
  public PullResult pull(String repo, String revision, String endpoint, PullProgress progress)
      throws IOException {
    return pull(repo, revision, endpoint, false, progress);
  }

  /**
   * Installs {@code repo} at {@code revision} (null: {@value #DEFAULT_REVISION}) from {@code endpoint} (null:
   * {@code HF_ENDPOINT}, else the Hub). A pull that finds the same revision installed returns it unless
   * {@code force}; a pull that waited for another one to finish then finds its result.
   *
   * @throws IllegalArgumentException when {@code repo} is not ORG/NAME or the endpoint not a URL
   * @throws HubException when the server cannot be reached, refuses, or lacks required files
   * @throws ModelIntegrityException when a file's size or digest is wrong
   */
  public PullResult pull(String repo, String revision, String endpoint, boolean force, PullProgress progress)
      throws IOException {
    if (!ModelLayout.isRepoId(repo)) {
      throw new IllegalArgumentException(
          "'" + repo + "' is not a Hub repo id; expected ORG/NAME such as " + ModelLayout.DEFAULT_REPO);
    }
    String rev = revision == null || revision.isBlank() ? DEFAULT_REVISION : revision.strip();
    PullProgress p = progress == null ? PullProgress.NONE : progress;
    HubClient hub =
        new HubClient(HubClient.endpointFrom(endpoint, env), env.get("HF_TOKEN")).retries(maxAttempts, backoff);

    try (StoreLock lock = StoreLock.acquire(store, repo)) {
      Path target = store.installDir(repo);
      if (!force) {
        Optional<PullResult> existing = existing(target, rev);
        if (existing.isPresent()) return existing.get();
      }
      cleanStaleTmp();
      Path work = store.tmpDir().resolve(UUID.randomUUID().toString());
      Files.createDirectories(work);
      // Ctrl-C mid-download: best effort to leave no partial files behind (they are never loadable anyway)
      Thread cleanup = new Thread(() -> {
        try {
          ModelStore.deleteTree(work);
        } catch (IOException | RuntimeException ignored) {
          // the stale-tmp sweep of a later pull gets it
        }
      }, "arabrief-pull-cleanup");
      boolean hooked = addShutdownHook(cleanup);
      try {
        Manifest manifest = download(hub, repo, rev, work, p);
        manifest.write(work);
        if (!ModelLayout.isComplete(work)) {
          throw new HubException(repo + ": incomplete after download, missing " + ModelLayout.missingFiles(work));
        }
        install(work, target);
        return new PullResult(target, manifest, false);
      } finally {
        if (hooked) removeShutdownHook(cleanup);
        ModelStore.deleteTree(work);
      }
    }
  }

  /** Installed model dir for the default repo; see {@link #ensure}. */
  public Path ensureDefault(boolean offline, PullProgress progress) throws ModelMissingException {
    return ensure(ModelLayout.DEFAULT_REPO, offline, progress);
  }

  /**
   * A usable model directory for {@code nameOrDir}: found by {@link ModelStore#resolve}, else pulled from
   * the endpoint unless {@code offline} (or {@code HF_HUB_OFFLINE=1}).
   *
   * @throws ModelMissingException with the exact pull command and the layout to copy in by hand
   */
  public Path ensure(String nameOrDir, boolean offline, PullProgress progress) throws ModelMissingException {
    Optional<Path> found = store.resolve(nameOrDir);
    if (found.isPresent()) return found.get();
    Path asDir = existingDirectory(nameOrDir);
    if (asDir != null) {
      throw new ModelMissingException(
          "'" + nameOrDir + "'" + (asDir.toString().equals(nameOrDir) ? "" : " (" + asDir + ")")
              + " is a directory but not a model: it lacks "
              + String.join(", ", ModelLayout.missingFiles(asDir)) + ". Copy a Hugging Face model's files into it, or"
              + " name an installed model instead (`arabrief models list` shows them; `arabrief models pull "
              + ModelLayout.DEFAULT_REPO + "` installs the default).",
          null);
    }
    if (!ModelLayout.isRepoId(nameOrDir)) {
      throw new ModelMissingException(
          "'" + nameOrDir + "' (" + Path.of(nameOrDir).toAbsolutePath().normalize() + ") is neither a directory "
              + "nor an installed model name. Give a directory holding config.json, an installed name, or a Hub "
              + "repo id such as " + ModelLayout.DEFAULT_REPO + "; `arabrief models list` shows what is installed.",
          null);
    }
    boolean hfOffline = "1".equals(env.get("HF_HUB_OFFLINE")) || "true".equalsIgnoreCase(env.get("HF_HUB_OFFLINE"));
    if (offline || hfOffline) {
      throw new ModelMissingException(missingMessage(nameOrDir, "running offline"), null);
    }
    try {
      return pull(nameOrDir, DEFAULT_REVISION, null, progress).dir();
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelMissingException(missingMessage(nameOrDir, e.getMessage()), e);
    }
  }

  /** {@code nameOrDir} as an existing directory (absolute), or null when it names none. */
  private static Path existingDirectory(String nameOrDir) {
    try {
      Path p = Path.of(nameOrDir);
      return Files.isDirectory(p) ? p.toAbsolutePath().normalize() : null;
    } catch (java.nio.file.InvalidPathException e) {
      return null;
    }
  }

  /** What to tell someone who has no model: the pull command, and the files and directory to copy by hand. */
  public String missingMessage(String repo, String reason) {
    Path dir = store.installDir(repo);
    StringBuilder b = new StringBuilder();
    b.append("Model ").append(repo).append(" is not installed");
    if (reason != null && !reason.isBlank()) b.append(" and could not be downloaded (").append(reason).append(")");
    b.append(".\n\nOn a machine that reaches the Hub (or with HF_ENDPOINT set to a mirror), run:\n\n")
        .append("  ./arabrief models pull ").append(repo).append("\n\n")
        .append("or copy the model's files in by hand, into\n\n  ")
        .append(dir).append('/').append("\n\n");
    b.append("    config.json\n")
        .append("    tokenizer files: source.spm, target.spm, vocab.json (Marian); sentencepiece.bpe.model,"
            + " vocab.json (M2M100); or tokenizer.json (NLLB-200, mBART-50)\n")
        .append("    ").append(ModelLayout.SAFETENSORS).append("   (or ").append(ModelLayout.PYTORCH_BIN)
        .append(", or the shards an *.index.json names, with the index)\n");
    b.append("  optional: ").append(String.join(", ", ModelLayout.OPTIONAL)).append("\n\n")
        .append("They are the files of https://huggingface.co/").append(repo)
        .append(" (a Hugging Face cache snapshot of it is also found in place).");
    return b.toString();
  }

  private Optional<PullResult> existing(Path target, String rev) throws IOException {
    if (!ModelLayout.isComplete(target)) return Optional.empty();
    if (!Manifest.exists(target)) return Optional.of(new PullResult(target, null, true));
    Manifest m = Manifest.read(target);
    if (rev.equals(m.revision()) || rev.equals(m.commit())) return Optional.of(new PullResult(target, m, true));
    return Optional.empty();
  }

  private Manifest download(HubClient hub, String repo, String rev, Path work, PullProgress p) throws IOException {
    Optional<RepoInfo> info = hub.repoInfo(repo, rev);
    // pin every file to the commit the API named, so a push mid-pull cannot mix revisions
    String fetchRev = info.map(RepoInfo::commit).filter(c -> !c.isBlank()).orElse(rev);
    Map<String, RemoteFile> listed = info.map(RepoInfo::files).orElse(Map.of());
    List<String> plan = new ArrayList<>();
    String weights = null;
    if (info.isPresent()) {
      List<String> missing = new ArrayList<>();
      if (!listed.containsKey("config.json")) missing.add("config.json");
      if (ModelLayout.tokenizerFiles(listed::containsKey).isEmpty()) {
        missing.add(ModelLayout.TOKENIZER_FILES);
      }
      weights = ModelLayout.weightsIn(listed.keySet());
      if (weights == null) missing.add(ModelLayout.SAFETENSORS + " or " + ModelLayout.PYTORCH_BIN);
      if (!missing.isEmpty()) {
        throw new HubException(
            repo + " at " + rev + " lacks files a model needs: " + String.join(", ", missing)
                + ". Is it a translation model (Marian, M2M100, NLLB-200, mBART-50) in the Hugging Face layout?");
      }
      for (String f : ModelLayout.allFiles()) if (listed.containsKey(f)) plan.add(f);
    } else {
      p.note(hub.endpoint() + " has no Hub API; fetching the known file names");
      plan.addAll(ModelLayout.allFiles());
    }

    List<Manifest.FileEntry> entries = new ArrayList<>();
    for (String f : plan) {
      // an absent file is normal without a listing: the checks below name what a model lacks
      fetch(hub, repo, fetchRev, f, listed.get(f), work, p).ifPresent(entries::add);
    }
    List<String> absent = new ArrayList<>();
    if (!Files.isRegularFile(work.resolve("config.json"))) absent.add("config.json");
    if (ModelLayout.tokenizerFiles(f -> Files.isRegularFile(work.resolve(f))).isEmpty()) absent.add(ModelLayout.TOKENIZER_FILES);
    // without a listing the first weights file that exists wins, as transformers looks them up
    boolean gotWeights = false;
    for (String w : weights != null ? List.of(weights) : ModelLayout.WEIGHTS) {
      Optional<Manifest.FileEntry> e = fetch(hub, repo, fetchRev, w, listed.get(w), work, p);
      if (e.isEmpty()) continue;
      entries.add(e.get());
      if (w.endsWith(ModelLayout.INDEX_SUFFIX)) {
        for (String shard : ModelLayout.shards(work.resolve(w))) {
          Optional<Manifest.FileEntry> s = fetch(hub, repo, fetchRev, shard, listed.get(shard), work, p);
          if (s.isEmpty()) absent.add(shard + " (a shard " + w + " names)");
          s.ifPresent(entries::add);
        }
      }
      gotWeights = true;
      break;
    }
    if (!gotWeights) absent.add(ModelLayout.SAFETENSORS + " or " + ModelLayout.PYTORCH_BIN);
    if (!absent.isEmpty()) {
      throw new HubException(
          hub.endpoint() + " has no " + String.join(", ", absent) + " for " + repo + " at " + rev
              + ": check the repo name and revision.");
    }
    return new Manifest(
        repo, rev, info.map(RepoInfo::commit).orElse(null), hub.endpoint(), Instant.now().toString(), entries);
  }

  private Optional<Manifest.FileEntry> fetch(
      HubClient hub, String repo, String rev, String f, RemoteFile remote, Path work, PullProgress p)
      throws IOException {
    Path part = work.resolve(f + ".part");
    long expectedSize = remote == null ? -1 : remote.size();
    Optional<HubClient.Fetched> got = hub.download(repo, rev, f, part, expectedSize, p);
    if (got.isEmpty()) return Optional.empty();
    String sha = Digests.sha256(part);
    String want = remote != null && remote.sha256() != null ? remote.sha256() : got.get().headerSha256();
    if (want != null && !want.equals(sha)) {
      Files.deleteIfExists(part);
      throw new ModelIntegrityException(
          f, f + " from " + hub.endpoint() + " has sha256 " + sha + ", expected " + want
              + ": the download is corrupt or the server changed it; nothing was installed. Pull again.");
    }
    if (want == null && remote != null && remote.gitBlobId() != null && remote.gitBlobId().matches("[0-9a-f]{40}")) {
      String blob = Digests.gitBlobSha1(part);
      if (!blob.equals(remote.gitBlobId())) {
        Files.deleteIfExists(part);
        throw new ModelIntegrityException(
            f, f + " from " + hub.endpoint() + " has git blob id " + blob + ", expected " + remote.gitBlobId()
                + ": the download is corrupt; nothing was installed. Pull again.");
      }
    }
    long size = Files.size(part);
    Files.move(part, work.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    return Optional.of(new Manifest.FileEntry(f, size, sha));
  }

  /** Moves {@code work} to {@code target}; an existing install is moved aside first and deleted after. */
  private void install(Path work, Path target) throws IOException {
    Files.createDirectories(target.getParent());
    try {
      if (Files.exists(target)) {
        Path aside = store.tmpDir().resolve("old-" + UUID.randomUUID());
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
          Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
          throw e;
        }
        ModelStore.deleteTree(aside);
      } else {
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException(
          "cannot move " + work + " to " + target + " atomically: keep " + store.root()
              + "/tmp and /models on one file system",
          e);
    }
  }

  private static boolean addShutdownHook(Thread t) {
    try {
      Runtime.getRuntime().addShutdownHook(t);
      return true;
    } catch (IllegalStateException e) {
      return false; // already shutting down
    }
  }

  private static void removeShutdownHook(Thread t) {
    try {
      Runtime.getRuntime().removeShutdownHook(t);
    } catch (IllegalStateException ignored) {
      // shutting down: the hook runs
    }
  }

  /** Leftovers of pulls killed long ago; recent ones may belong to a pull still running. */
  private void cleanStaleTmp() {
    Path tmp = store.tmpDir();
    if (!Files.isDirectory(tmp)) return;
    Instant cutoff = Instant.now().minus(STALE_TMP);
    try (Stream<Path> s = Files.list(tmp)) {
      for (Path d : s.toList()) {
        try {
          if (Files.getLastModifiedTime(d).toInstant().isBefore(cutoff)) ModelStore.deleteTree(d);
        } catch (IOException ignored) {
          // someone else's, or already gone
        }
      }
    } catch (IOException ignored) {
      // nothing to clean
    }
  }
}

package arabrief.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where models live on this machine: arabrief's own store ({@code $ARABRIEF_HOME/models/<org>/<name>/}) and,
 * read-only, the Hugging Face cache. It finds a model directory for a name; it never downloads.
 */
public final class ModelStore {
  private final Path root;
  private final Map<String, String> env;

  /** A store rooted at {@code root}; {@code env} is consulted only for the Hugging Face cache location. */
  public ModelStore(Path root, Map<String, String> env) {
    this.root = root.toAbsolutePath().normalize();
    this.env = Map.copyOf(env);
  }

  /** The store at {@code $ARABRIEF_HOME}, else {@code ~/.arabrief}. */
  public static ModelStore fromEnvironment(Map<String, String> env) {
    return new ModelStore(defaultRoot(env), env);
  }

  public static Path defaultRoot(Map<String, String> env) {
    String home = env.get("ARABRIEF_HOME");
    if (home != null && !home.isBlank()) return Path.of(home);
    return Path.of(System.getProperty("user.home"), ".arabrief");
  }

  public Path root() {
    return root;
  }

  public Path modelsDir() {
    return root.resolve("models");
  }

  Path tmpDir() {
    return root.resolve("tmp");
  }

  Path locksDir() {
    return root.resolve("locks");
  }

  /** Where the store keeps (or would keep) {@code repo}; whether anything is there is another matter. */
  public Path installDir(String repo) {
    requireRepoId(repo);
    String[] p = repo.split("/");
    return modelsDir().resolve(p[0]).resolve(p[1]);
  }

  /** The Hugging Face hub cache: {@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else {@code ~/.cache/huggingface/hub}. */
  public Path hfCacheDir() {
    String cache = env.get("HF_HUB_CACHE");
    if (cache != null && !cache.isBlank()) return Path.of(cache);
    String hfHome = env.get("HF_HOME");
    if (hfHome != null && !hfHome.isBlank()) return Path.of(hfHome, "hub");
    return Path.of(System.getProperty("user.home"), ".cache", "huggingface", "hub");
  }

  /**
   * Finds a model: an existing directory holding {@code config.json} is used in place; else an installed
   * name ({@code org/name}, or just {@code name} when one org has it); else a complete snapshot in the
   * Hugging Face cache, used in place.
   */
  public Optional<Path> resolve(String nameOrDir) {
    if (nameOrDir == null || nameOrDir.isBlank()) return Optional.empty();
    try {
      Path asDir = Path.of(nameOrDir);
      if (Files.isDirectory(asDir) && Files.isRegularFile(asDir.resolve("config.json"))) {
        return Optional.of(asDir.toAbsolutePath().normalize());
      }
    } catch (java.nio.file.InvalidPathException ignored) {
      // not a path: try it as a name
    }
    return path(nameOrDir);
  }

  /** The directory of a model known by name, in the store or the Hugging Face cache. */
  public Optional<Path> path(String name) {
    Optional<Path> installed = installed(name);
    if (installed.isPresent()) return installed;
    return ModelLayout.isRepoId(name) ? hfCacheSnapshot(name) : Optional.empty();
  }

  /** The store's own install of {@code name}, when complete. */
  public Optional<Path> installed(String name) {
    if (ModelLayout.isRepoId(name)) {
      Path dir = installDir(name);
      return ModelLayout.isComplete(dir) ? Optional.of(dir) : Optional.empty();
    }
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) return Optional.empty();
    // a bare name: accept it when exactly one org in the store has it
    List<Path> hits = new ArrayList<>();
    for (Path org : children(modelsDir())) {
      Path dir = org.resolve(name);
      if (ModelLayout.isComplete(dir)) hits.add(dir);
    }
    return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
  }

  /** A complete snapshot of {@code repo} in the Hugging Face cache: the one {@code refs/main} names, else the newest. */
  public Optional<Path> hfCacheSnapshot(String repo) {
    if (!ModelLayout.isRepoId(repo)) return Optional.empty();
    Path repoDir = hfCacheDir().resolve("models--" + repo.replace("/", "--"));
    Path snapshots = repoDir.resolve("snapshots");
    Path ref = repoDir.resolve("refs").resolve("main");
    try {
      if (Files.isRegularFile(ref)) {
        String rev = Files.readString(ref).trim();
        if (!rev.isEmpty() && !rev.contains("/") && !rev.contains("..")) {
          Path snap = snapshots.resolve(rev);
          if (ModelLayout.isComplete(snap)) return Optional.of(snap);
        }
      }
    } catch (IOException ignored) {
      // unreadable ref: fall back to any complete snapshot
    }
    return children(snapshots).stream()
        .filter(ModelLayout::isComplete)
        .max(Comparator.comparing(ModelStore::lastModified));
  }

  /** Models in the store, then complete models in the Hugging Face cache, each by name. */
  public List<ModelEntry> list() {
    List<ModelEntry> out = new ArrayList<>();
    for (Path org : children(modelsDir())) {
      for (Path dir : children(org)) {
        if (!ModelLayout.isComplete(dir)) continue;
        String name = org.getFileName() + "/" + dir.getFileName();
        String origin = "copied in by hand";
        long size;
        if (Manifest.exists(dir)) {
          try {
            Manifest m = Manifest.read(dir);
            origin = m.endpoint() + " @ " + (m.commit() != null ? m.commit() : m.revision());
          } catch (IOException e) {
            origin = "unreadable manifest";
          }
        }
        size = directorySize(dir);
        out.add(new ModelEntry(name, size, origin, dir, true));
      }
    }
    for (Path repoDir : children(hfCacheDir())) {
      String dirName = repoDir.getFileName().toString();
      if (!dirName.startsWith("models--")) continue;
      String[] parts = dirName.substring("models--".length()).split("--", 2);
      if (parts.length != 2) continue;
      String name = parts[0] + "/" + parts[1];
      if (out.stream().anyMatch(e -> e.name().equals(name))) continue;
      hfCacheSnapshot(name)
          .ifPresent(snap -> out.add(new ModelEntry(name, directorySize(snap), "huggingface cache", snap, false)));
    }
    return out;
  }

  /**
   * Deletes the store's install of {@code name}. The directory is first moved out of {@code models/} so a
   * half-deleted model is never found. Models in the Hugging Face cache are not touched.
   *
   * @return false when the store has no such model
   */
  public boolean remove(String name) throws IOException {
    Optional<Path> dir = installed(name);
    if (dir.isEmpty()) {
      if (!ModelLayout.isRepoId(name) || !Files.isDirectory(installDir(name))) return false;
      dir = Optional.of(installDir(name)); // an incomplete leftover: remove it too
    }
    String repo = dir.get().getParent().getFileName() + "/" + dir.get().getFileName();
    try (StoreLock lock = StoreLock.acquire(this, repo)) {
      if (!Files.isDirectory(dir.get())) return false;
      Files.createDirectories(tmpDir());
      Path aside = tmpDir().resolve("removed-" + UUID.randomUUID());
      Files.move(dir.get(), aside, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(aside);
      try {
        Files.deleteIfExists(dir.get().getParent()); // the org dir, when now empty
      } catch (java.nio.file.DirectoryNotEmptyException ignored) {
        // other models of the org stay
      }
      return true;
    }
  }

  static long directorySize(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static List<Path> children(Path dir) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static long lastModified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static void requireRepoId(String repo) {
    if (!ModelLayout.isRepoId(repo)) {
      throw new IllegalArgumentException(
          "'" + repo + "' is not a Hub repo id; expected ORG/NAME such as " + ModelLayout.DEFAULT_REPO);
    }
  }
}

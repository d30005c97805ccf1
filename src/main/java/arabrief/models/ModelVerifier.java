package arabrief.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks that a model directory is what its manifest says and that it loads: the work of {@code models verify}. */
public final class ModelVerifier {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelVerifier() {}

  /**
   * What a verification found.
   *
   * @param problems each names a file and what is wrong with it; empty when the model is good
   * @param notes checks that were skipped, and why
   * @param filesHashed files re-hashed against the manifest
   * @param manifest whether the directory has a manifest to check its files against
   */
  public record Report(Path dir, List<String> problems, List<String> notes, int filesHashed, boolean manifest) {
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  /**
   * Re-hashes every file against {@code manifest.json} (when there is one), checks the required files are
   * there and {@code config.json} parses, then runs {@code smoke} (when given, and only if all else passed).
   */
  public static Report verify(Path dir, ModelSmokeTest smoke) {
    List<String> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int hashed = 0;
    for (String missing : ModelLayout.missingFiles(dir)) problems.add(missing + ": missing");
    boolean manifest = Manifest.exists(dir);
    if (manifest) {
      try {
        Manifest m = Manifest.read(dir);
        for (Manifest.FileEntry f : m.files() == null ? List.<Manifest.FileEntry>of() : m.files()) {
          Path p = dir.resolve(f.name()).normalize();
          if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p)) {
            problems.add(f.name() + ": listed in the manifest but missing");
            continue;
          }
          long size = Files.size(p);
          if (size != f.size()) {
            problems.add(f.name() + ": " + size + " bytes, manifest says " + f.size());
            continue;
          }
          String sha = Digests.sha256(p);
          hashed++;
          if (!sha.equalsIgnoreCase(f.sha256())) {
            problems.add(f.name() + ": sha256 " + sha + ", manifest says " + f.sha256());
          }
        }
      } catch (IOException e) {
        problems.add(Manifest.FILE_NAME + ": " + e.getMessage());
      }
    }
    Path config = dir.resolve("config.json");
    if (Files.isRegularFile(config)) {
      try {
        JsonNode node = JSON.readTree(config.toFile());
        if (node == null || !node.isObject()) problems.add("config.json: not a JSON object");
      } catch (IOException e) {
        problems.add("config.json: does not parse (" + e.getMessage() + ")");
      }
    }
    if (smoke == null) {
      notes.add("smoke test skipped: no engine check installed");
    } else if (!problems.isEmpty()) {
      notes.add("smoke test skipped: fix the problems above first");
    } else {
      try {
        smoke.check(dir);
      } catch (Exception e) {
        problems.add("smoke test: " + HubClient.describe(e));
      }
    }
    return new Report(dir, List.copyOf(problems), List.copyOf(notes), hashed, manifest);
  }
}

package arabrief.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files a MarianMT model directory holds in the Hugging Face layout, and the repos arabrief knows. */
public final class MarianLayout {
  /** The model arabrief uses when none is named. */
  public static final String DEFAULT_REPO = "Helsinki-NLP/opus-mt-ar-en";
  /** The larger, slower and better Arabic→English model. */
  public static final String BIG_REPO = "Helsinki-NLP/opus-mt-tc-big-ar-en";
  public static final List<String> KNOWN_REPOS = List.of(DEFAULT_REPO, BIG_REPO);

  public static final String SAFETENSORS = "model.safetensors";
  public static final String PYTORCH_BIN = "pytorch_model.bin";
  /** Files without which the engine cannot load the model (plus one weights file). */
  public static final List<String> REQUIRED =
      List.of("config.json", "source.spm", "target.spm", "vocab.json");
  /** Weights, in order of preference. */
  public static final List<String> WEIGHTS = List.of(SAFETENSORS, PYTORCH_BIN);
  /** Files fetched when the repo has them. */
  public static final List<String> OPTIONAL =
      List.of(
          "generation_config.json",
          "target_vocab.json",
          "tokenizer_config.json",
          "special_tokens_map.json",
          "README.md");

  private MarianLayout() {}

  /** Every file name a pull may fetch: required, weights, optional. */
  public static List<String> allFiles() {
    List<String> all = new ArrayList<>(REQUIRED);
    all.addAll(WEIGHTS);
    all.addAll(OPTIONAL);
    return all;
  }

  /** True when {@code dir} holds the required files and one weights file. */
  public static boolean isComplete(Path dir) {
    return dir != null && Files.isDirectory(dir) && missingFiles(dir).isEmpty();
  }

  /** Required files absent from {@code dir}; weights count as one entry named "model.safetensors|pytorch_model.bin". */
  public static List<String> missingFiles(Path dir) {
    List<String> missing = new ArrayList<>();
    for (String f : REQUIRED) {
      if (!Files.isRegularFile(dir.resolve(f))) missing.add(f);
    }
    if (WEIGHTS.stream().noneMatch(w -> Files.isRegularFile(dir.resolve(w)))) {
      missing.add(String.join(" or ", WEIGHTS));
    }
    return missing;
  }

  /** Checks {@code org/name} shape so a repo id can never escape the store directory. */
  public static boolean isRepoId(String s) {
    if (s == null) return false;
    String[] parts = s.split("/", -1);
    if (parts.length != 2) return false;
    for (String p : parts) {
      if (!p.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || p.contains("..")) return false;
    }
    return true;
  }
}

package arabrief.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The files a model directory holds in the Hugging Face layout, for every family arabrief runs, and the repos
 * arabrief knows. A model is {@code config.json}, one complete set of tokenizer files (Marian's two
 * SentencePiece models and vocab.json, M2M100's sentencepiece.bpe.model and vocab.json, or a tokenizer.json), and
 * its weights: one safetensors or pytorch_model.bin file, or the shards an {@code *.index.json} names.
 */
public final class ModelLayout {
  /** The model arabrief uses when none is named. */
  public static final String DEFAULT_REPO = "Helsinki-NLP/opus-mt-ar-en";
  /** The larger, slower and better opus-mt Arabic→English model. */
  public static final String BIG_REPO = "Helsinki-NLP/opus-mt-tc-big-ar-en";
  /** The repos the README's "Choosing a model" table describes. */
  public static final List<String> KNOWN_REPOS = List.of(DEFAULT_REPO, BIG_REPO, "facebook/nllb-200-distilled-600M",
      "facebook/nllb-200-distilled-1.3B", "facebook/nllb-200-3.3B", "facebook/m2m100_418M", "facebook/m2m100_1.2B",
      "facebook/mbart-large-50-many-to-one-mmt");

  public static final String SAFETENSORS = "model.safetensors";
  public static final String PYTORCH_BIN = "pytorch_model.bin";
  public static final String INDEX_SUFFIX = ".index.json";
  /** Weights, in the order transformers looks for them: a single file, else a sharded one's index. */
  public static final List<String> WEIGHTS =
      List.of(SAFETENSORS, SAFETENSORS + INDEX_SUFFIX, PYTORCH_BIN, PYTORCH_BIN + INDEX_SUFFIX);
  /** The tokenizer file sets, one of which a model needs. */
  public static final List<List<String>> TOKENIZERS = List.of(
      List.of("tokenizer.json"),
      List.of("sentencepiece.bpe.model", "vocab.json"),
      List.of("source.spm", "target.spm", "vocab.json"));
  /** The tokenizer sets, for messages. */
  public static final String TOKENIZER_FILES = "tokenizer files (tokenizer.json; sentencepiece.bpe.model and"
      + " vocab.json; or source.spm, target.spm and vocab.json)";
  /** Files fetched when the repo has them (besides config.json, the tokenizer files and the weights). */
  public static final List<String> OPTIONAL =
      List.of(
          "generation_config.json",
          "target_vocab.json",
          "tokenizer_config.json",
          "special_tokens_map.json",
          "added_tokens.json",
          "README.md");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelLayout() {}

  /** Every file name a pull fetches when the repo lists it (shards come from the index). */
  public static List<String> allFiles() {
    Set<String> all = new LinkedHashSet<>();
    all.add("config.json");
    TOKENIZERS.forEach(all::addAll);
    all.addAll(OPTIONAL);
    return new ArrayList<>(all);
  }

  /** True when {@code dir} holds config.json, a tokenizer and all of its weights. */
  public static boolean isComplete(Path dir) {
    return dir != null && Files.isDirectory(dir) && missingFiles(dir).isEmpty();
  }

  /**
   * What {@code dir} lacks, each entry naming the file(s): config.json, a tokenizer set (as
   * "source.spm, target.spm, vocab.json or ..."), the weights ("model.safetensors or pytorch_model.bin"), or a
   * shard the weights' index names.
   */
  public static List<String> missingFiles(Path dir) {
    List<String> missing = new ArrayList<>();
    Predicate<String> has = f -> Files.isRegularFile(dir.resolve(f));
    if (!has.test("config.json")) {
      missing.add("config.json");
    }
    if (tokenizerFiles(has).isEmpty()) {
      missing.add(tokenizerNeed(dir));
    }
    String weights = WEIGHTS.stream().filter(has).findFirst().orElse(null);
    if (weights == null) {
      missing.add(SAFETENSORS + " or " + PYTORCH_BIN);
    } else if (weights.endsWith(INDEX_SUFFIX)) {
      try {
        for (String shard : shards(dir.resolve(weights))) {
          if (!has.test(shard)) {
            missing.add(shard + " (a shard " + weights + " names)");
          }
        }
      } catch (IOException e) {
        missing.add(weights + " (unreadable: " + e.getMessage() + ")");
      }
    }
    return missing;
  }

  /** The tokenizer files present: the first complete set of {@link #TOKENIZERS}, or empty. */
  static List<String> tokenizerFiles(Predicate<String> has) {
    for (List<String> set : TOKENIZERS) {
      if (set.stream().allMatch(has)) {
        return set;
      }
    }
    return List.of();
  }

  /** The tokenizer files a directory should have, by its config's model type where it has one. */
  private static String tokenizerNeed(Path dir) {
    String type = "";
    try {
      type = JSON.readTree(dir.resolve("config.json").toFile()).path("model_type").asText("");
    } catch (IOException | RuntimeException e) {
      // no config: name every set
    }
    return switch (type) {
      case "marian" -> "source.spm, target.spm, vocab.json";
      case "m2m_100" -> "tokenizer.json (NLLB) or sentencepiece.bpe.model and vocab.json (M2M100)";
      case "mbart" -> "tokenizer.json";
      default -> TOKENIZER_FILES;
    };
  }

  /** The shard file names an {@code *.index.json} maps tensors to, each a plain file name. */
  public static Set<String> shards(Path index) throws IOException {
    JsonNode map = JSON.readTree(index.toFile()).path("weight_map");
    if (!map.isObject() || map.isEmpty()) {
      throw new IOException(index.getFileName() + " has no weight_map");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode f : map) {
      String name = f.asText();
      if (!isPlainName(name)) {
        throw new IOException(index.getFileName() + " names a shard '" + name + "' that is not a file name");
      }
      out.add(name);
    }
    return out;
  }

  /** A file name with no directory part: what a shard or a repo file must be to be written into a model dir. */
  static boolean isPlainName(String name) {
    return !name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
  }

  /** The first weights entry (file or index) of {@link #WEIGHTS} that {@code names} has, or null. */
  static String weightsIn(Collection<String> names) {
    return WEIGHTS.stream().filter(names::contains).findFirst().orElse(null);
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

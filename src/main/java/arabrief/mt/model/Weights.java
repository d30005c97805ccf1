package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tensors of a checkpoint by state-dict name, with the checks that turn a bad file into a message
 * naming the tensor. Names are kept without the {@code model.} prefix the ForConditionalGeneration classes add.
 *
 * <p>The files are looked up as transformers 5.18 looks them up ({@code _get_resolved_checkpoint_files}):
 * {@code model.safetensors}, then {@code model.safetensors.index.json} (shards), then {@code pytorch_model.bin},
 * then {@code pytorch_model.bin.index.json}. Safetensors are mapped, not copied; pickles go through the
 * restricted unpickler ({@link TorchCheckpoint}).
 */
final class Weights {
  static final String SAFETENSORS = "model.safetensors";
  static final String PYTORCH_BIN = "pytorch_model.bin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, NDArray> tensors = new HashMap<>();
  /** The safetensors file each mapped tensor came from (absent for pickled ones). */
  private final Map<String, Path> mappedFrom = new HashMap<>();
  private final Set<String> used = new HashSet<>();
  private final Path file;

  private Weights(Path file) {
    this.file = file;
  }

  static Weights load(Path modelDir, NDManager manager) throws IOException {
    for (String name : new String[] {SAFETENSORS, PYTORCH_BIN}) {
      Path single = modelDir.resolve(name);
      Path index = modelDir.resolve(name + ".index.json");
      if (Files.isRegularFile(single) || Files.isRegularFile(index)) {
        Weights w = new Weights(Files.isRegularFile(single) ? single : index);
        try {
          for (Path shard : Files.isRegularFile(single) ? Set.of(single) : shards(index)) {
            w.read(shard, manager);
          }
        } catch (IOException | RuntimeException e) {
          w.tensors.values().forEach(NDArray::close);
          throw e;
        }
        return w;
      }
    }
    throw new ModelFormatException(modelDir + " has no weights: expected model.safetensors or pytorch_model.bin"
        + " (or their sharded forms with an .index.json)");
  }

  /** The shard files an {@code *.index.json} names in its weight_map, each checked to exist. */
  private static Set<Path> shards(Path index) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(index.toFile());
    } catch (IOException e) {
      throw new ModelFormatException(index + " is not valid JSON: " + e.getMessage(), e);
    }
    JsonNode map = root.path("weight_map");
    if (!map.isObject() || map.isEmpty()) {
      throw new ModelFormatException(index + " has no weight_map naming the shard of each tensor");
    }
    Set<Path> files = new TreeSet<>();
    for (JsonNode f : map) {
      String name = f.asText();
      // a shard is a file beside the index: a name with a directory in it could reach anywhere
      if (!f.isTextual() || name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
        throw new ModelFormatException(index + " names a shard '" + name + "' that is not a file name");
      }
      Path p = index.resolveSibling(name);
      if (!Files.isRegularFile(p)) {
        throw new ModelFormatException(index + " names the shard " + name + ", which is missing: download the model"
            + " again (every shard the index names is needed)");
      }
      files.add(p);
    }
    return files;
  }

  private void read(Path shard, NDManager manager) throws IOException {
    if (shard.getFileName().toString().endsWith(".safetensors")) {
      for (Map.Entry<String, NDArray> e : SafetensorsReader.read(shard, manager).entrySet()) {
        mappedFrom.put(put(e.getKey(), e.getValue()), shard);
      }
      return;
    }
    NDList list;
    try {
      list = TorchCheckpoint.load(shard, manager);
    } catch (CheckpointException e) {
      throw new ModelFormatException(e.getMessage(), e);
    }
    for (NDArray a : list) {
      mappedFrom.remove(put(a.getName(), a));
    }
  }

  private String put(String name, NDArray a) {
    String key = name.startsWith("model.") ? name.substring("model.".length()) : name;
    NDArray old = tensors.put(key, a);
    if (old != null) {
      old.close();
    }
    return key;
  }

  boolean has(String name) {
    return tensors.containsKey(name);
  }

  /** The tensor {@code name}, which must have exactly {@code shape}. */
  NDArray require(String name, long... shape) throws ModelFormatException {
    NDArray a = tensors.get(name);
    if (a == null) {
      throw new ModelFormatException(file + " lacks tensor '" + name + "' (expected shape " + new Shape(shape) + ")");
    }
    if (!a.getShape().equals(new Shape(shape))) {
      throw new ModelFormatException(
          file + ": tensor '" + name + "' has shape " + a.getShape() + " but config.json implies " + new Shape(shape));
    }
    used.add(name);
    return a;
  }

  /** Marks {@code name} as not needed after all, so that {@link #closeUnused} frees it. */
  void release(String name) {
    used.remove(name);
  }

  /** Frees the tensors no {@link #require} asked for (duplicates of tied weights, buffers the model ignores). */
  void closeUnused() {
    tensors.forEach((name, a) -> {
      if (!used.contains(name)) {
        MappedMemory.release(a);
      }
    });
  }

  /** The weights file (or the shard index) the tensors were read from, for messages. */
  Path file() {
    return file;
  }

  /** The safetensors file that {@code name} (as {@link #require} names it) is mapped from, or null. */
  Path mappedFile(String name) {
    return mappedFrom.get(name);
  }
}

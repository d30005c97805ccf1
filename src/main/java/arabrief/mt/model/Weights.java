package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The tensors of a checkpoint by state-dict name, with the checks that turn a bad file into a message
 * naming the tensor. Names are kept without the {@code model.} prefix that MarianMTModel adds.
 */
final class Weights {
  private final Map<String, NDArray> tensors = new HashMap<>();
  private final java.util.Set<String> used = new java.util.HashSet<>();
  private final Path file;

  private Weights(Path file) {
    this.file = file;
  }

  static Weights load(Path modelDir, NDManager manager) throws IOException {
    Path safetensors = modelDir.resolve("model.safetensors");
    Path bin = modelDir.resolve("pytorch_model.bin");
    Weights w;
    if (Files.isRegularFile(safetensors)) {
      w = new Weights(safetensors);
      SafetensorsReader.read(safetensors, manager).forEach(w::put);
    } else if (Files.isRegularFile(bin)) {
      w = new Weights(bin);
      NDList list;
      try {
        list = TorchCheckpoint.load(bin, manager);
      } catch (CheckpointException e) {
        throw new ModelFormatException(e.getMessage(), e);
      }
      for (NDArray a : list) {
        w.put(a.getName(), a);
      }
    } else {
      throw new ModelFormatException(
          modelDir + " has no weights: expected model.safetensors or pytorch_model.bin");
    }
    return w;
  }

  private void put(String name, NDArray a) {
    String key = name.startsWith("model.") ? name.substring("model.".length()) : name;
    NDArray old = tensors.put(key, a);
    if (old != null) {
      old.close();
    }
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
        a.close();
      }
    });
  }

  Path file() {
    return file;
  }
}

package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzz tests of the model file readers, the parsers a downloaded checkpoint reaches (issue 20): the restricted
 * unpickler, the legacy {@code torch.save} reader and the safetensors reader. A refusal must be the reader's
 * own exception ({@link CheckpointException}, {@link ModelFormatException}); anything accepted must hold only
 * what the reader promises. Seeds: {@code src/test/resources/arabrief/mt/model/CheckpointFuzzTestInputs/}.
 */
class CheckpointFuzzTest {
  private static NDManager manager;

  @AfterAll
  static void close() {
    if (manager != null) {
      manager.close();
    }
  }

  /** The unpickler never yields a global outside its allow-list, nor any type outside its small set. */
  @FuzzTest(maxDuration = "10m")
  void unpickler(byte[] data) {
    Object result;
    try {
      result = new RestrictedUnpickler(data, "fuzz.pkl").load();
    } catch (CheckpointException e) {
      assertMessage(e);
      return;
    }
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    ArrayDeque<Object> todo = new ArrayDeque<>();
    todo.push(result == null ? "null" : result);
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (seen.put(o, true) != null) {
        continue;
      }
      if (o instanceof RestrictedUnpickler.Global g) {
        String q = g.qualified();
        assertTrue(RestrictedUnpickler.CALLABLE_GLOBALS.contains(q) || RestrictedUnpickler.STORAGE_TYPES.containsKey(q),
            "global outside the allow-list: " + q);
      } else if (o instanceof RestrictedUnpickler.Tuple t) {
        t.items().forEach(x -> todo.push(x == null ? "null" : x));
      } else if (o instanceof List<?> l) {
        l.forEach(x -> todo.push(x == null ? "null" : x));
      } else if (o instanceof Map<?, ?> m) {
        m.forEach((k, v) -> {
          todo.push(k == null ? "null" : k);
          todo.push(v == null ? "null" : v);
        });
      } else if (o instanceof RestrictedUnpickler.TensorRef tr) {
        assertNotNull(tr.storage());
        todo.push(tr.storage());
      } else if (o instanceof RestrictedUnpickler.StorageRef s) {
        assertTrue(RestrictedUnpickler.STORAGE_TYPES.containsValue(s.dtype()), "dtype " + s.dtype());
        assertTrue(s.numel() >= 0);
      } else {
        assertTrue(o instanceof String || o instanceof Long || o instanceof Double || o instanceof Boolean
            || o instanceof byte[], "unexpected type " + o.getClass());
      }
    }
  }

  /** A legacy torch.save file read is consistent: every tensor's storage lies inside the file. */
  @FuzzTest(maxDuration = "10m")
  void legacyTorchFile(byte[] data) throws IOException {
    Path f = Files.createTempFile("fuzz", ".bin");
    try {
      Files.write(f, data);
      LegacyTorchFile file;
      try {
        file = LegacyTorchFile.read(f);
      } catch (CheckpointException e) {
        assertMessage(e);
        return;
      }
      assertNotNull(file);
    } finally {
      Files.deleteIfExists(f);
    }
  }

  /** A safetensors file read gives arrays of the shapes and types its header declares, or a clear refusal. */
  @FuzzTest(maxDuration = "10m")
  void safetensors(byte[] data) throws IOException {
    Path f = Files.createTempFile("fuzz", ".safetensors");
    try {
      Files.write(f, data);
      Map<String, NDArray> arrays;
      try {
        arrays = SafetensorsReader.read(f, manager());
      } catch (ModelFormatException e) {
        assertMessage(e);
        return;
      }
      for (Map.Entry<String, NDArray> e : arrays.entrySet()) {
        assertFalse(e.getKey().equals("__metadata__"));
        assertTrue(e.getValue().getShape().size() * e.getValue().getDataType().getNumOfBytes() <= data.length,
            "tensor bigger than the file: " + e.getKey());
        e.getValue().close();
      }
    } finally {
      Files.deleteIfExists(f);
    }
  }

  private static synchronized NDManager manager() {
    if (manager == null) {
      manager = NDManager.newBaseManager();
    }
    return manager;
  }

  private static void assertMessage(Exception e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      fail("a refusal without a message", e);
    }
    assertEquals(-1, m.indexOf('\n'), "one line: " + m);
  }
}

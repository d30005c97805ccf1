package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link MappedMemory#release} unmaps a mapped tensor's file region at once (what keeps a large model's peak RSS
 * at load near its result: docs/performance.md), and {@link SafetensorsReader#readRows} maps exactly the rows asked
 * for.
 */
class MappedMemoryTest {
  private static final Path FILE = arabrief.mt.Fixtures.model("tiny-opus").resolve("model.safetensors");

  @Test
  void releaseUnmapsTheRegionAtOnce() throws IOException {
    assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc");
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      Map<String, NDArray> t = SafetensorsReader.read(FILE, m);
      long mapped = mappedBytes();
      for (NDArray a : t.values()) {
        long bytes = a.getShape().size() * 4;
        a.sum().close(); // its pages read, as packing reads them
        MappedMemory.release(a);
        // no collection asked for: the region (whole pages) is gone when release returns
        long now = mappedBytes();
        assertTrue(mapped - now >= bytes, a.getName() + ": " + (mapped - now) + " bytes unmapped for " + bytes);
        mapped = now;
      }
    }
  }

  @Test
  void rowsAreTheTablesRows() throws IOException {
    try (NDManager m = NDManager.newBaseManager("PyTorch")) {
      NDArray table = SafetensorsReader.read(FILE, m, "model.shared.weight"::equals).get("model.shared.weight");
      long vocab = table.getShape().get(0);
      for (long[] window : new long[][] {{0, 1}, {5, 7}, {vocab - 3, 3}, {0, vocab}}) {
        NDArray rows = SafetensorsReader.readRows(FILE, "model.shared.weight", window[0], window[1], m);
        try (NDArray expected = table.get(window[0] + ":" + (window[0] + window[1]))) {
          assertArrayEquals(expected.toFloatArray(), rows.toFloatArray(), "rows " + window[0] + " +" + window[1]);
        } finally {
          MappedMemory.release(rows);
        }
      }
    }
  }

  /** Bytes of the fixture's file mapped in this process (the sizes of its regions in /proc/self/maps). */
  private static long mappedBytes() throws IOException {
    String name = FILE.toRealPath().toString();
    long total = 0;
    for (String l : Files.readAllLines(Path.of("/proc/self/maps"))) {
      if (l.endsWith(name)) {
        String[] range = l.substring(0, l.indexOf(' ')).split("-");
        total += Long.parseUnsignedLong(range[1], 16) - Long.parseUnsignedLong(range[0], 16);
      }
    }
    return total;
  }
}

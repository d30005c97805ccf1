package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchCheckpointTest {

  private static NDManager manager;

  @TempDir Path tmp;

  @BeforeAll
  static void startEngine() {
    manager = NDManager.newBaseManager("PyTorch");
  }

  @AfterAll
  static void stopEngine() {
    manager.close();
  }

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(TorchCheckpointTest.class.getResource("/fixtures/pickle/" + name).toURI());
  }

  // ---------------------------------------------------------------- the good file

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"state_dict.bin", "legacy_state_dict.bin"})
  void loadsEveryTensorWithShapeDtypeAndExactValues(String file) throws Exception {
    JsonNode expected = new ObjectMapper().readTree(fixture("state_dict.expected.json").toFile());
    try (NDManager sub = manager.newSubManager()) {
      NDList list = TorchCheckpoint.load(fixture(file), sub);
      assertEquals(expected.size(), list.size());
      Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
      int i = 0;
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode spec = e.getValue();
        NDArray a = list.get(i++);
        assertEquals(key, a.getName(), "state-dict order and names");
        assertSame(list.get(key), a);
        long[] shape = new long[spec.get("shape").size()];
        for (int d = 0; d < shape.length; d++) {
          shape[d] = spec.get("shape").get(d).asLong();
        }
        assertArrayEquals(shape, a.getShape().getShape(), key + " shape");
        JsonNode values = spec.get("values");
        switch (spec.get("dtype").asText()) {
          case "float32", "float16", "bfloat16" -> {
            assertEquals(DataType.FLOAT32, a.getDataType(), key);
            float[] got = a.toFloatArray();
            assertEquals(values.size(), got.length, key);
            for (int j = 0; j < got.length; j++) {
              assertEquals((float) values.get(j).asDouble(), got[j], 0f, key + "[" + j + "]");
            }
          }
          case "float64" -> {
            assertEquals(DataType.FLOAT64, a.getDataType(), key);
            double[] got = a.toDoubleArray();
            for (int j = 0; j < got.length; j++) {
              assertEquals(values.get(j).asDouble(), got[j], 0d, key + "[" + j + "]");
            }
          }
          case "int64" -> {
            assertEquals(DataType.INT64, a.getDataType(), key);
            long[] got = a.toLongArray();
            for (int j = 0; j < got.length; j++) {
              assertEquals(values.get(j).asLong(), got[j], key + "[" + j + "]");
            }
          }
          case "int32" -> {
            assertEquals(DataType.INT32, a.getDataType(), key);
            int[] got = a.toIntArray();
            for (int j = 0; j < got.length; j++) {
              assertEquals(values.get(j).asInt(), got[j], key + "[" + j + "]");
            }
          }
          case "bool" -> {
            assertEquals(DataType.BOOLEAN, a.getDataType(), key);
            boolean[] got = a.toBooleanArray();
            for (int j = 0; j < got.length; j++) {
              assertEquals(values.get(j).asBoolean(), got[j], key + "[" + j + "]");
            }
          }
          default -> throw new AssertionError("fixture dtype " + spec.get("dtype"));
        }
      }
    }
  }

  @Test
  void viewsIntoOneSharedStorageAndATransposeAreMaterialised() throws Exception {
    try (NDManager sub = manager.newSubManager()) {
      NDList list = TorchCheckpoint.load(fixture("state_dict.bin"), sub);
      // shared = arange(12) * 0.5 - 2; head = shared[2:6]; tail = shared[6:12].view(2, 3)
      assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f}, list.get("shared.head").toFloatArray());
      assertArrayEquals(new float[] {1f, 1.5f, 2f, 2.5f, 3f, 3.5f},
          list.get("shared.tail").toFloatArray());
      assertArrayEquals(new long[] {2, 3}, list.get("shared.tail").getShape().getShape());
      // transposed = arange(6).view(2, 3).t(): saved with stride (1, 3)
      assertArrayEquals(new float[] {0f, 3f, 1f, 4f, 2f, 5f}, list.get("transposed").toFloatArray());
      assertArrayEquals(new long[] {3, 2}, list.get("transposed").getShape().getShape());
      // the 0-d scalar stays 0-d
      assertEquals(0, list.get("scale").getShape().dimension());
      assertEquals(3.25f, list.get("scale").getFloat());
    }
  }

  // ---------------------------------------------------------------- malicious pickles

  private static CheckpointException refused(String fixtureName, String marker) throws Exception {
    Path markerFile = Path.of(marker);
    Files.deleteIfExists(markerFile);
    Path file = fixture(fixtureName);
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("refuses to load"), e.getMessage());
    assertFalse(Files.exists(markerFile), "the payload must never run");
    return e;
  }

  @Test
  void refusesOsSystemGlobal() throws Exception {
    CheckpointException e = refused("evil_os_system.bin", "/tmp/arabrief_pwned_os_system");
    assertTrue(e.getMessage().contains("'os.system'"), e.getMessage());
    assertTrue(e.getMessage().contains("which a state dict never needs"), e.getMessage());
  }

  @Test
  void refusesBuiltinsEvalInsideARealStateDict() throws Exception {
    // written by torch.save itself; protocol 2 spells builtins as __builtin__
    CheckpointException e = refused("evil_builtins_eval.bin", "/tmp/arabrief_pwned_eval");
    assertTrue(e.getMessage().contains("'__builtin__.eval'"), e.getMessage());
  }

  @Test
  void refusesSubprocessPopenViaStackGlobal() throws Exception {
    CheckpointException e = refused("evil_subprocess_popen.bin", "/tmp/arabrief_pwned_popen");
    assertTrue(e.getMessage().contains("'subprocess.Popen'"), e.getMessage());
  }

  @Test
  void refusesCallingAStorageClass() throws Exception {
    // allow-listed as a storage type, but REDUCE on it is not something torch writes
    Pickle p = new Pickle().proto().global("torch", "FloatStorage").emptyTuple().reduce().stop();
    Path file = zip("call_storage.bin", p.bytes(), Map.of());
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains("torch.FloatStorage"), e.getMessage());
  }

  @Test
  void refusesUnknownOpcode() throws Exception {
    // NEWOBJ (0x81) builds arbitrary class instances
    Pickle p = new Pickle().proto().global("collections", "OrderedDict").emptyTuple().op(0x81).stop();
    Path file = zip("newobj.bin", p.bytes(), Map.of());
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains("unsupported pickle opcode 0x81"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
  }

  // ---------------------------------------------------------------- damaged files

  @Test
  void truncatedFileIsAClearError() throws Exception {
    Path file = fixture("truncated.bin");
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("truncated or damaged"), e.getMessage());
  }

  @Test
  void missingStorageEntryNamesTheTensorAndTheFile() throws Exception {
    Path file = fixture("missing_storage.bin");
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("tensor 'encoder.bias'"), e.getMessage());
    assertTrue(e.getMessage().contains("state_dict/data/1"), e.getMessage());
  }

  @Test
  void storageEntryShorterThanTheTensorNamesTheTensor() throws Exception {
    // pickle says 4 float32 elements, the entry holds only 2
    byte[] pkl = tensorDict("w", "FloatStorage", "0", 4, 0, new long[] {4}, new long[] {1});
    Path file = zip("short.bin", pkl, Map.of("data/0", new byte[8]));
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains("tensor 'w'"), e.getMessage());
    assertTrue(e.getMessage().contains("too short"), e.getMessage());
  }

  @Test
  void tensorReachingPastItsStorageNamesTheTensor() throws Exception {
    // shape (3,) at offset 2 of a 4-element storage
    byte[] pkl = tensorDict("bad.view", "FloatStorage", "0", 4, 2, new long[] {3}, new long[] {1});
    Path file = zip("past_end.bin", pkl, Map.of("data/0", new byte[16]));
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains("tensor 'bad.view'"), e.getMessage());
    assertTrue(e.getMessage().contains("holds only 4 elements"), e.getMessage());
  }

  @Test
  void legacyFormatLoads() throws Exception {
    try (NDManager sub = manager.newSubManager()) {
      NDList list = TorchCheckpoint.load(fixture("legacy_format.bin"), sub);
      assertEquals(1, list.size());
      assertEquals("w", list.get(0).getName());
      assertArrayEquals(new float[] {1f, 1f}, list.get(0).toFloatArray());
    }
  }

  @Test
  void truncatedLegacyFileNamesTheStorage() throws Exception {
    Path file = fixture("legacy_truncated.bin");
    CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("is truncated"), e.getMessage());
  }

  @Test
  void legacyElementCountMismatchIsNamed() throws Exception {
    Path file = fixture("legacy_count_mismatch.bin");
    CheckpointException e = assertThrows(CheckpointException.class, () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().matches("(?s).*(elements, but the state dict says|truncated).*"), e.getMessage());
  }

  @Test
  void refusesBuiltinsEvalInALegacyFile() throws Exception {
    CheckpointException e = refused("legacy_evil_eval.bin", "/tmp/arabrief_pwned_eval");
    assertTrue(e.getMessage().contains("eval"), e.getMessage());
  }

  @Test
  void randomBytesAreNotACheckpoint() throws Exception {
    Path file = tmp.resolve("pytorch_model.bin");
    Files.writeString(file, "<html>404 Not Found</html>");
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains("not a PyTorch checkpoint"), e.getMessage());
  }

  @Test
  void zipWithoutDataPklIsNotACheckpoint() throws Exception {
    Path file = tmp.resolve("other.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
      z.putNextEntry(new ZipEntry("readme.txt"));
      z.write("hi".getBytes(StandardCharsets.UTF_8));
    }
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> TorchCheckpoint.load(file, manager));
    assertTrue(e.getMessage().contains("data.pkl"), e.getMessage());
  }

  @Test
  void halfToFloatIsExact() {
    assertEquals(1.0f, TorchCheckpoint.halfToFloat((short) 0x3c00));
    assertEquals(65504f, TorchCheckpoint.halfToFloat((short) 0x7bff));
    assertEquals(0x1p-24f, TorchCheckpoint.halfToFloat((short) 0x0001));
    assertEquals(-2f, TorchCheckpoint.halfToFloat((short) 0xc000));
    assertEquals(Float.POSITIVE_INFINITY, TorchCheckpoint.halfToFloat((short) 0x7c00));
    assertTrue(Float.isNaN(TorchCheckpoint.halfToFloat((short) 0x7e00)));
    assertEquals(Float.floatToIntBits(-0f),
        Float.floatToIntBits(TorchCheckpoint.halfToFloat((short) 0x8000)));
  }

  // ---------------------------------------------------------------- helpers to craft files

  private Path zip(String name, byte[] dataPkl, Map<String, byte[]> extra) throws IOException {
    Path file = tmp.resolve(name);
    try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
      z.putNextEntry(new ZipEntry("archive/data.pkl"));
      z.write(dataPkl);
      z.putNextEntry(new ZipEntry("archive/byteorder"));
      z.write("little".getBytes(StandardCharsets.US_ASCII));
      for (Map.Entry<String, byte[]> e : extra.entrySet()) {
        z.putNextEntry(new ZipEntry("archive/" + e.getKey()));
        z.write(e.getValue());
      }
    }
    return file;
  }

  /** {'key': _rebuild_tensor_v2(storage, offset, size, stride, False, OrderedDict())}. */
  private static byte[] tensorDict(String key, String storageClass, String storageKey, int numel,
      int offset, long[] size, long[] stride) {
    Pickle p = new Pickle().proto().op('}').str(key)
        .global("torch._utils", "_rebuild_tensor_v2")
        .op('(')
        .op('(').str("storage").global("torch", storageClass).str(storageKey).str("cpu")
        .int1(numel).op('t').op('Q')
        .int1(offset).tuple(size).tuple(stride).op(0x89)
        .global("collections", "OrderedDict").emptyTuple().reduce()
        .op('t').reduce()
        .op('s').stop();
    return p.bytes();
  }

  /** Writes pickle opcodes by hand. */
  private static final class Pickle {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Pickle op(int b) {
      out.write(b);
      return this;
    }

    Pickle proto() {
      return op(0x80).op(2);
    }

    Pickle stop() {
      return op('.');
    }

    Pickle emptyTuple() {
      return op(')');
    }

    Pickle reduce() {
      return op('R');
    }

    Pickle int1(long v) {
      return op('K').op((int) v);
    }

    Pickle tuple(long[] values) {
      op('(');
      for (long v : values) {
        int1(v);
      }
      return op('t');
    }

    Pickle global(String module, String name) {
      op('c');
      out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
      return this;
    }

    Pickle str(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      op(0x8c).op(b.length);
      out.writeBytes(b);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }
}

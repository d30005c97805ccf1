package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code model.safetensors} file into NDArrays.
 *
 * <p>DJL's {@code NDList.decode} reads the format too, but it cannot say which tensor a truncated or
 * inconsistent file is missing, and it buffers the whole file on the heap first. The format is an 8-byte
 * header length, a JSON header and raw little-endian data, so reading it here is short and lets every
 * error name its tensor while the bytes go from a mapped file straight into native memory.
 */
final class SafetensorsReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SafetensorsReader() {}

  static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
    return read(file, manager, name -> true);
  }

  /** The tensors whose names {@code wanted} accepts (the others are checked but neither mapped nor created). */
  static Map<String, NDArray> read(Path file, NDManager manager, java.util.function.Predicate<String> wanted)
      throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      JsonNode root = header(ch, file);
      long dataStart = 8 + headerLength(ch);
      long dataLen = size - dataStart;
      Map<String, NDArray> out = new LinkedHashMap<>();
      try {
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> e = it.next();
          String name = e.getKey();
          if (name.equals("__metadata__")) {
            continue;
          }
          JsonNode t = e.getValue();
          long begin = t.path("data_offsets").path(0).asLong(-1);
          long end = t.path("data_offsets").path(1).asLong(-1);
          long[] dims = new long[t.path("shape").size()];
          long numel = 1;
          for (int i = 0; i < dims.length; i++) {
            JsonNode d = t.path("shape").get(i);
            // a dimension is a non-negative integer and the element count fits a long (a Jazzer finding: a
            // negative one reached DJL's Shape, which throws IllegalArgumentException)
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.asLong() < 0) {
              throw new ModelFormatException(file + ": tensor '" + name + "' has a shape that is not a list of"
                  + " non-negative integers: " + t.path("shape"));
            }
            dims[i] = d.asLong();
            try {
              numel = Math.multiplyExact(numel, dims[i]);
            } catch (ArithmeticException overflow) {
              throw new ModelFormatException(file + ": tensor '" + name + "' has more elements than a file can hold: " + t.path("shape"));
            }
          }
          Shape shape = new Shape(dims);
          String dtype = t.path("dtype").asText();
          int width = width(dtype, name, file);
          if (begin < 0 || end < begin || numel > Long.MAX_VALUE / width || (end - begin) != numel * width) {
            throw new ModelFormatException(
                file + ": tensor '" + name + "' has inconsistent offsets for shape " + shape + " " + dtype);
          }
          if (end > dataLen) {
            throw new ModelFormatException(
                file + " is truncated: tensor '" + name + "' needs " + (dataStart + end) + " bytes, the file has " + size);
          }
          if (!wanted.test(name)) {
            continue;
          }
          ByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, end - begin)
              .order(ByteOrder.LITTLE_ENDIAN);
          out.put(name, toArray(manager, bytes, shape, dtype, name));
        }
      } catch (IOException | RuntimeException e) {
        out.values().forEach(NDArray::close);
        throw e;
      }
      return out;
    }
  }

  /** The 8-byte length of the JSON header at the start of the file. */
  private static long headerLength(FileChannel ch) throws IOException {
    ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(lenBuf, 0);
    return lenBuf.getLong(0);
  }

  private static JsonNode header(FileChannel ch, Path file) throws IOException {
    long size = ch.size();
    if (size < 8) {
      throw new ModelFormatException(file + " is truncated: " + size + " bytes, not even a header");
    }
    long headerLen = headerLength(ch);
    if (headerLen <= 0 || headerLen > 100_000_000L || 8 + headerLen > size) {
      throw new ModelFormatException(file + " is not a safetensors file or is truncated (header length " + headerLen + ")");
    }
    ByteBuffer header = ByteBuffer.allocate((int) headerLen);
    ch.read(header, 8);
    try {
      return JSON.readTree(header.array());
    } catch (IOException e) {
      throw new ModelFormatException(file + " has a corrupt safetensors header: " + e.getMessage(), e);
    }
  }

  /**
   * Rows {@code [first, first + count)} (of the first dimension) of the tensor {@code name}, which {@link #read}
   * has already checked, in a mapping of their own: a table packed window by window then never has more than one
   * window's pages resident ({@link MappedMemory#release} unmaps each).
   */
  static NDArray readRows(Path file, String name, long first, long count, NDManager manager) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      JsonNode t = header(ch, file).path(name);
      long begin = t.path("data_offsets").path(0).asLong(-1);
      long end = t.path("data_offsets").path(1).asLong(-1);
      long[] dims = new long[t.path("shape").size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = t.path("shape").get(i).asLong();
      }
      String dtype = t.path("dtype").asText();
      if (dims.length == 0 || begin < 0 || first < 0 || count < 1 || first + count > dims[0]) {
        throw new ModelFormatException(file + " changed while the model loaded: tensor '" + name + "' has no rows "
            + first + ".." + (first + count));
      }
      long rowBytes = (end - begin) / dims[0];
      long start = 8 + headerLength(ch) + begin + first * rowBytes;
      if (start + count * rowBytes > ch.size()) {
        throw new ModelFormatException(file + " changed while the model loaded: it is truncated");
      }
      dims[0] = count;
      ByteBuffer bytes = ch.map(FileChannel.MapMode.READ_ONLY, start, count * rowBytes).order(ByteOrder.LITTLE_ENDIAN);
      return toArray(manager, bytes, new Shape(dims), dtype, name);
    }
  }

  private static int width(String dtype, String name, Path file) throws ModelFormatException {
    switch (dtype) {
      case "F32":
      case "I32":
        return 4;
      case "F16":
      case "BF16":
        return 2;
      case "I64":
      case "F64":
        return 8;
      default:
        throw new ModelFormatException(file + ": tensor '" + name + "' has unsupported dtype " + dtype);
    }
  }

  private static NDArray toArray(NDManager m, ByteBuffer bytes, Shape shape, String dtype, String name) {
    NDArray a;
    switch (dtype) {
      case "F32":
        a = m.create(bytes, shape, DataType.FLOAT32);
        break;
      case "F64":
        try (NDArray d = m.create(bytes, shape, DataType.FLOAT64)) {
          a = d.toType(DataType.FLOAT32, false);
        }
        break;
      case "F16":
      case "BF16":
        ByteBuffer wide = ByteBuffer.allocateDirect((int) shape.size() * 4).order(ByteOrder.nativeOrder());
        TorchCheckpoint.widen(bytes, wide, (int) shape.size(), dtype.equals("BF16"));
        wide.rewind();
        a = m.create(wide, shape, DataType.FLOAT32);
        break;
      case "I32":
        a = m.create(bytes, shape, DataType.INT32);
        break;
      default:
        a = m.create(bytes, shape, DataType.INT64);
    }
    a.setName(name);
    return a;
  }
}

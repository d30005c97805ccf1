package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import arabrief.mt.model.RestrictedUnpickler.StorageRef;
import arabrief.mt.model.RestrictedUnpickler.TensorRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a PyTorch state dict ({@code pytorch_model.bin}) without executing anything in it.
 *
 * <p>Supported: the zip format {@code torch.save} has written since torch 1.6 ({@code
 * <archive>/data.pkl}, {@code <archive>/data/<key>}, {@code <archive>/byteorder}, {@code
 * <archive>/version}). The pickle is interpreted by {@link RestrictedUnpickler}, which only accepts
 * {@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2}, {@code
 * torch._utils._rebuild_parameter} and the {@code torch.*Storage} classes; anything else (e.g.
 * {@code os.system}) makes the load fail with a {@link CheckpointException} naming the global,
 * before anything is run. The legacy (pre-1.6, non-zip) format is read by {@link LegacyTorchFile} with the
 * same unpickler and the same checks.
 *
 * <p>Tensor dtypes: float32, float64, int64, int32, int16, int8, uint8 and bool keep their type.
 * <b>float16 and bfloat16 are widened to float32</b> (exactly; every half/bfloat16 value is a
 * float32 value). Views are honoured: a storage offset, several tensors sharing one storage, and
 * non-contiguous strides (e.g. a saved transpose) are all materialised as contiguous arrays with
 * the tensor's logical shape. The storage's device ({@code cpu}, {@code cuda:0}) is ignored.
 */
public final class TorchCheckpoint {

  private TorchCheckpoint() {}

  /** Largest {@code data.pkl} we read into memory; a Marian state dict's is ~100 KB. */
  private static final long MAX_PICKLE_BYTES = 64L << 20;

  /**
   * Loads every tensor of a torch zip checkpoint.
   *
   * @param file a {@code pytorch_model.bin} written by {@code torch.save} (torch ≥ 1.6)
   * @param manager the manager that will own the returned arrays
   * @return one array per state-dict entry, in file order, each named ({@link NDArray#getName()})
   *     with its state-dict key; float16/bfloat16 tensors come back as float32
   * @throws CheckpointException if the file is not a torch zip checkpoint, is truncated or
   *     damaged, names a pickle global outside the allow-list, or a tensor does not fit its
   *     storage; the message names the file and, where known, the tensor key or global
   * @throws IOException if the file cannot be read at all
   */
  public static NDList load(Path file, NDManager manager) throws IOException {
    String name = file.toString();
    if (LegacyTorchFile.isLegacy(file)) {
      LegacyTorchFile legacy = LegacyTorchFile.read(file);
      return materialiseAll(legacy.tensors(), name, legacy.order(), legacy, manager);
    }
    try (ZipFile zip = open(file)) {
      String prefix = archivePrefix(zip, name);
      ByteOrder order = byteOrder(zip, prefix, name);
      Map<String, TensorRef> tensors = readIndex(zip, prefix, name);
      return materialiseAll(tensors, name, order, zipStorages(zip, prefix), manager);
    }
  }

  /** The bytes of a storage: {@code length} bytes from {@code byteOffset} of storage {@code s}. */
  interface Storages {
    /** Returns fewer bytes than asked for when the storage is shorter; {@code what} names the tensor. */
    byte[] read(StorageRef s, long byteOffset, int length, String what) throws IOException;
  }

  private static NDList materialiseAll(Map<String, TensorRef> tensors, String name, ByteOrder order,
      Storages storages, NDManager manager) throws IOException {
    NDList out = new NDList(tensors.size());
    boolean ok = false;
    try {
      for (Map.Entry<String, TensorRef> e : tensors.entrySet()) {
        NDArray array = materialise(storages, name, e.getKey(), e.getValue(), order, manager);
        array.setName(e.getKey());
        out.add(array);
      }
      ok = true;
      return out;
    } finally {
      if (!ok) {
        out.close();
      }
    }
  }

  private static Storages zipStorages(ZipFile zip, String prefix) {
    return (storage, skip, length, what) -> {
      String entryName = prefix + "data/" + storage.key();
      ZipEntry entry = zip.getEntry(entryName);
      if (entry == null) {
        throw new CheckpointException(what + " needs storage entry '" + entryName
            + "', which is missing from the archive (file truncated or damaged)");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        long skipped = 0;
        while (skipped < skip) {
          long n = in.skip(skip - skipped);
          if (n <= 0) {
            if (in.read() < 0) {
              break;
            }
            n = 1;
          }
          skipped += n;
        }
        return skipped == skip ? in.readNBytes(length) : new byte[0];
      } catch (ZipException e) {
        throw new CheckpointException(what + ": storage entry '" + entryName
            + "' cannot be read (" + e.getMessage() + ")", e);
      }
    };
  }

  // ------------------------------------------------------------------ zip layout

  private static ZipFile open(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    }
    boolean zipMagic = head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3
        && head[3] == 4;
    if (!zipMagic) {
      throw new CheckpointException(file + " is not a PyTorch checkpoint: neither a torch zip archive nor"
          + " the legacy torch.save format");
    }
    try {
      return new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new CheckpointException(file + " is truncated or damaged: it starts like a zip"
          + " archive but its directory cannot be read (" + Files.size(file) + " bytes; "
          + e.getMessage() + "); download it again", e);
    }
  }

  /** Returns {@code "<archive>/"}: the folder holding {@code data.pkl}. */
  private static String archivePrefix(ZipFile zip, String name) throws CheckpointException {
    String prefix = null;
    for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
      String entry = en.nextElement().getName();
      if (entry.endsWith("/data.pkl") && entry.indexOf('/') == entry.length() - "/data.pkl".length()) {
        if (prefix != null) {
          throw new CheckpointException(name + " holds more than one data.pkl");
        }
        prefix = entry.substring(0, entry.length() - "data.pkl".length());
      }
    }
    if (prefix == null) {
      throw new CheckpointException(name + " is a zip but not a PyTorch checkpoint: no"
          + " <archive>/data.pkl entry");
    }
    return prefix;
  }

  private static ByteOrder byteOrder(ZipFile zip, String prefix, String name) throws IOException {
    ZipEntry entry = zip.getEntry(prefix + "byteorder");
    if (entry == null) {
      return ByteOrder.LITTLE_ENDIAN; // files from before torch wrote this were little-endian
    }
    String value;
    try (InputStream in = zip.getInputStream(entry)) {
      value = new String(in.readNBytes(16), StandardCharsets.US_ASCII).trim();
    }
    return switch (value) {
      case "little" -> ByteOrder.LITTLE_ENDIAN;
      case "big" -> ByteOrder.BIG_ENDIAN;
      default -> throw new CheckpointException(name + ": unknown byteorder '" + value + "'");
    };
  }

  /** The state dict {@code key -> tensor} of an unpickled root object. */
  static Map<String, TensorRef> stateDict(Object root, String name) throws CheckpointException {
    if (!(root instanceof Map<?, ?> dict)) {
      throw new CheckpointException(name + " does not hold a state dict: its pickle is "
          + RestrictedUnpickler.describe(root));
    }
    Map<String, TensorRef> tensors = new java.util.LinkedHashMap<>();
    for (Map.Entry<?, ?> e : dict.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new CheckpointException(name + ": state dict key "
            + RestrictedUnpickler.describe(e.getKey()) + " is not a string");
      }
      if (!(e.getValue() instanceof TensorRef t)) {
        throw new CheckpointException(name + ": state dict entry '" + key + "' is "
            + RestrictedUnpickler.describe(e.getValue()) + ", not a tensor");
      }
      tensors.put(key, t);
    }
    return tensors;
  }

  private static Map<String, TensorRef> readIndex(ZipFile zip, String prefix, String name)
      throws IOException {
    ZipEntry entry = zip.getEntry(prefix + "data.pkl");
    if (entry.getSize() > MAX_PICKLE_BYTES) {
      throw new CheckpointException(name + ": data.pkl is " + entry.getSize()
          + " bytes, far larger than any state dict index");
    }
    byte[] pickle;
    try (InputStream in = zip.getInputStream(entry)) {
      pickle = in.readNBytes((int) MAX_PICKLE_BYTES + 1);
    }
    if (pickle.length > MAX_PICKLE_BYTES) {
      throw new CheckpointException(name + ": data.pkl is larger than any state dict index");
    }
    return stateDict(new RestrictedUnpickler(pickle, name).load(), name);
  }

  // ------------------------------------------------------------------ tensors

  /** How a torch storage dtype is stored in the file and what we hand to DJL. */
  private enum Kind {
    FLOAT32(4, DataType.FLOAT32),
    FLOAT64(8, DataType.FLOAT64),
    INT64(8, DataType.INT64),
    INT32(4, DataType.INT32),
    INT16(2, DataType.INT16),
    INT8(1, DataType.INT8),
    UINT8(1, DataType.UINT8),
    BOOL(1, DataType.BOOLEAN),
    FLOAT16(2, DataType.FLOAT32),
    BFLOAT16(2, DataType.FLOAT32);

    final int fileBytes;
    final DataType out;

    Kind(int fileBytes, DataType out) {
      this.fileBytes = fileBytes;
      this.out = out;
    }

    static Kind of(String torchDtype) {
      return switch (torchDtype) {
        case "float32" -> FLOAT32;
        case "float64" -> FLOAT64;
        case "int64" -> INT64;
        case "int32" -> INT32;
        case "int16" -> INT16;
        case "int8" -> INT8;
        case "uint8" -> UINT8;
        case "bool" -> BOOL;
        case "float16" -> FLOAT16;
        case "bfloat16" -> BFLOAT16;
        default -> throw new IllegalStateException(torchDtype); // unreachable: allow-list
      };
    }
  }

  private static NDArray materialise(Storages storages, String name, String key,
      TensorRef t, ByteOrder order, NDManager manager) throws IOException {
    StorageRef storage = t.storage();
    Kind kind = Kind.of(storage.dtype());
    String what = name + ": tensor '" + key + "'";

    long numel = 1;
    long lastIndex = 0; // largest element index (relative to the offset) the view touches
    try {
      for (int d = 0; d < t.size().length; d++) {
        numel = Math.multiplyExact(numel, t.size()[d]);
        if (t.size()[d] > 0) {
          lastIndex = Math.addExact(lastIndex, Math.multiplyExact(t.size()[d] - 1, t.stride()[d]));
        }
      }
    } catch (ArithmeticException e) {
      throw new CheckpointException(what + " has an impossible shape " + shapeText(t.size()));
    }
    Shape shape = new Shape(t.size());
    long outBytes = numel * (long) kind.out.getNumOfBytes();
    if (outBytes > Integer.MAX_VALUE - 8) {
      throw new CheckpointException(what + " is too large to load (" + shapeText(t.size()) + ")");
    }
    if (numel == 0) {
      return manager.create(ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder()), shape,
          kind.out);
    }

    long spanElements = lastIndex + 1;
    long endElement = t.storageOffset() + spanElements; // exclusive
    if (endElement > storage.numel()) {
      throw new CheckpointException(what + " " + shapeText(t.size()) + " at storage offset "
          + t.storageOffset() + " reaches element " + endElement + " of storage '"
          + storage.key() + "', which holds only " + storage.numel() + " elements");
    }
    long spanBytes = spanElements * kind.fileBytes;
    if (spanBytes > Integer.MAX_VALUE - 8) {
      throw new CheckpointException(what + " spans too much of its storage to load");
    }

    byte[] raw = storages.read(storage, t.storageOffset() * kind.fileBytes, (int) spanBytes, what);
    if (raw.length < spanBytes) {
      throw new CheckpointException(what + " " + shapeText(t.size()) + ": storage '" + storage.key()
          + "' is too short (needs " + endElement * kind.fileBytes + " bytes; file truncated or damaged)");
    }

    if (!isContiguous(t.size(), t.stride())) {
      raw = gather(raw, t.size(), t.stride(), kind.fileBytes, (int) numel);
    }

    ByteBuffer src = ByteBuffer.wrap(raw).order(order);
    ByteBuffer dst = ByteBuffer.allocateDirect((int) outBytes).order(ByteOrder.nativeOrder());
    int n = (int) numel;
    switch (kind) {
      case FLOAT16, BFLOAT16 -> widen(src, dst, n, kind == Kind.BFLOAT16);
      default -> {
        if (kind.fileBytes == 1 || order == ByteOrder.nativeOrder()) {
          dst.put(raw, 0, n * kind.fileBytes);
        } else {
          byteSwapInto(raw, dst, kind.fileBytes, n);
        }
      }
    }
    dst.rewind();
    return manager.create(dst, shape, kind.out);
  }

  private static boolean isContiguous(long[] size, long[] stride) {
    long expected = 1;
    for (int d = size.length - 1; d >= 0; d--) {
      if (size[d] != 1 && stride[d] != expected) {
        return false;
      }
      expected *= size[d];
    }
    return true;
  }

  /** Copies a strided view (relative to its first element) into row-major order. */
  private static byte[] gather(byte[] span, long[] size, long[] stride, int elemBytes, int numel) {
    byte[] out = new byte[numel * elemBytes];
    int dims = size.length;
    long[] idx = new long[dims];
    long src = 0;
    for (int i = 0; i < numel; i++) {
      System.arraycopy(span, (int) (src * elemBytes), out, i * elemBytes, elemBytes);
      for (int d = dims - 1; d >= 0; d--) {
        idx[d]++;
        src += stride[d];
        if (idx[d] < size[d]) {
          break;
        }
        src -= stride[d] * idx[d];
        idx[d] = 0;
      }
    }
    return out;
  }

  private static void byteSwapInto(byte[] raw, ByteBuffer dst, int width, int n) {
    for (int i = 0; i < n; i++) {
      for (int b = width - 1; b >= 0; b--) {
        dst.put(raw[i * width + b]);
      }
    }
  }

  /**
   * Widens {@code n} float16 or bfloat16 values from {@code src} into float32 in {@code dst}, exactly.
   * Done on the host because DJL's PyTorch JNI aborts the process on BFLOAT16 arrays.
   */
  static void widen(ByteBuffer src, ByteBuffer dst, int n, boolean bfloat) {
    for (int i = 0; i < n; i++) {
      short h = src.getShort();
      dst.putFloat(bfloat ? Float.intBitsToFloat((h & 0xffff) << 16) : halfToFloat(h));
    }
  }

  /** IEEE 754 binary16 → binary32, exact (Float.float16ToFloat needs Java 20). */
  static float halfToFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >>> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      float v = mant * 0x1p-24f; // zero or subnormal, exact
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }

  private static String shapeText(long[] size) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < size.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(size[i]);
    }
    return sb.append(size.length == 1 ? ",)" : ")").toString();
  }
}

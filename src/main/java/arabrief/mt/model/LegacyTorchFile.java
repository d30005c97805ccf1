package arabrief.mt.model;

import arabrief.mt.model.RestrictedUnpickler.StorageRef;
import arabrief.mt.model.RestrictedUnpickler.TensorRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The legacy {@code torch.save} layout (torch before 1.6, and {@code _use_new_zipfile_serialization=False}
 * since), as {@code torch.serialization._legacy_load} reads it: five things in a row — a pickled magic number,
 * the pickled protocol version 1001, a pickled system-info dict (byte order, type sizes), the pickled state dict
 * whose storages are persistent ids, the pickled list of storage keys — then each listed storage's bytes after
 * an 8-byte element count. Every pickle goes through {@link RestrictedUnpickler}; nothing in the file runs.
 */
final class LegacyTorchFile implements TorchCheckpoint.Storages {
  /** {@code pickle.dumps(0x1950a86a20f9469cfc6c, protocol=2)}: torch's MAGIC_NUMBER. */
  private static final byte[] MAGIC = {
    (byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a,
    (byte) 0xa8, 0x50, 0x19, 0x2e
  };
  private static final long PROTOCOL_VERSION = 1001;

  private final String name;
  private final byte[] data;
  private final Map<String, TensorRef> tensors;
  private final ByteOrder order;
  /** Storage key -> byte offset of its data (after the element count) and its element count. */
  private final Map<String, long[]> storages;

  private LegacyTorchFile(String name, byte[] data, Map<String, TensorRef> tensors, ByteOrder order,
      Map<String, long[]> storages) {
    this.name = name;
    this.data = data;
    this.tensors = tensors;
    this.order = order;
    this.storages = storages;
  }

  static boolean isLegacy(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(MAGIC.length);
      // a file that starts like a protocol-2 pickle is legacy; one cut inside the magic is too (and is
      // then reported as truncated rather than as "not a checkpoint")
      return head.length >= 2 && (head[0] & 0xff) == 0x80 && head[1] == 0x02;
    }
  }

  static LegacyTorchFile read(Path file) throws IOException {
    String name = file.toString();
    long size = Files.size(file);
    if (size > Integer.MAX_VALUE - 8) {
      throw new CheckpointException(name + " is " + size + " bytes, more than a legacy torch file read here"
          + " may hold (2 GB); save it as model.safetensors");
    }
    byte[] data = Files.readAllBytes(file);
    if (data.length < MAGIC.length) {
      throw new CheckpointException(name + " is truncated: " + data.length + " bytes, not even torch's magic number");
    }
    if (!Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
      throw new CheckpointException(name + " is a pickle but not a torch.save file: its magic number is not"
          + " torch's (0x1950a86a20f9469cfc6c)");
    }
    RestrictedUnpickler p = new RestrictedUnpickler(data, MAGIC.length, name);
    Object protocol = p.load();
    if (!(protocol instanceof Long v) || v != PROTOCOL_VERSION) {
      throw new CheckpointException(name + ": legacy torch.save protocol version is "
          + RestrictedUnpickler.describe(protocol) + ", not " + PROTOCOL_VERSION);
    }
    p = new RestrictedUnpickler(data, p.position(), name);
    ByteOrder order = byteOrder(p.load(), name);
    p = new RestrictedUnpickler(data, p.position(), name);
    Map<String, TensorRef> tensors = TorchCheckpoint.stateDict(p.load(), name);
    p = new RestrictedUnpickler(data, p.position(), name);
    Object keys = p.load();
    if (!(keys instanceof List<?> keyList)) {
      throw new CheckpointException(name + ": the storage key list is " + RestrictedUnpickler.describe(keys)
          + ", not a list");
    }
    Map<String, long[]> storages = new HashMap<>();
    long at = p.position();
    for (Object k : keyList) {
      if (!(k instanceof String key)) {
        throw new CheckpointException(name + ": storage key " + RestrictedUnpickler.describe(k) + " is not a string");
      }
      if (at + 8 > data.length) {
        throw new CheckpointException(name + " is truncated: it ends before the element count of storage '"
            + key + "' (byte " + at + " of " + data.length + ")");
      }
      long numel = ByteBuffer.wrap(data, (int) at, 8).order(order).getLong();
      storages.put(key, new long[] {at + 8, numel});
      long bytes;
      try {
        bytes = Math.multiplyExact(numel, elementBytes(key, tensors));
      } catch (ArithmeticException e) {
        throw new CheckpointException(name + ": storage '" + key + "' claims " + numel + " elements");
      }
      if (numel < 0 || at + 8 + bytes > data.length) {
        throw new CheckpointException(name + " is truncated: storage '" + key + "' needs " + bytes
            + " bytes from byte " + (at + 8) + ", the file has " + data.length);
      }
      at += 8 + bytes;
    }
    for (Map.Entry<String, TensorRef> e : tensors.entrySet()) {
      StorageRef s = e.getValue().storage();
      long[] where = storages.get(s.key());
      if (where == null) {
        throw new CheckpointException(name + ": tensor '" + e.getKey() + "' uses storage '" + s.key()
            + "', which the file's storage list does not hold");
      }
      if (where[1] != s.numel()) {
        throw new CheckpointException(name + ": storage '" + s.key() + "' of tensor '" + e.getKey() + "' holds "
            + where[1] + " elements, but the state dict says " + s.numel());
      }
    }
    if (at != data.length) {
      throw new CheckpointException(name + ": " + (data.length - at) + " bytes follow the last storage;"
          + " the file is damaged or not a single torch.save");
    }
    return new LegacyTorchFile(name, data, tensors, order, storages);
  }

  /** The element size of a storage, from the dtype of a tensor that uses it (0 if none does). */
  private static long elementBytes(String key, Map<String, TensorRef> tensors) {
    for (TensorRef t : tensors.values()) {
      if (t.storage().key().equals(key)) {
        return elementSize(t.storage());
      }
    }
    return 0;
  }

  private static ByteOrder byteOrder(Object sysInfo, String name) throws CheckpointException {
    if (!(sysInfo instanceof Map<?, ?> info) || !(info.get("little_endian") instanceof Boolean little)) {
      throw new CheckpointException(name + ": the legacy system info is " + RestrictedUnpickler.describe(sysInfo)
          + ", not torch's {'protocol_version', 'little_endian', 'type_sizes'}");
    }
    return little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
  }

  Map<String, TensorRef> tensors() {
    return tensors;
  }

  ByteOrder order() {
    return order;
  }

  @Override
  public byte[] read(StorageRef s, long byteOffset, int length, String what) {
    long[] where = storages.get(s.key());
    long start = where[0] + byteOffset;
    int n = (int) Math.max(0, Math.min(length, where[0] + where[1] * elementSize(s) - start));
    return Arrays.copyOfRange(data, (int) start, (int) start + n);
  }

  private static int elementSize(StorageRef s) {
    return switch (s.dtype()) {
      case "float64", "int64" -> 8;
      case "float32", "int32" -> 4;
      case "float16", "bfloat16", "int16" -> 2;
      default -> 1;
    };
  }
}

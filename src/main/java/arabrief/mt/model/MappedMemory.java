package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Returns a weight's memory the moment its numbers have been copied or packed, instead of at some later
 * collection. A safetensors tensor is a view of the mapped file ({@link SafetensorsReader}): every page read
 * stays resident until the mapping goes, and Java unmaps a region only after a collection has found its buffer
 * unreachable and a cleaner thread has got to it. Loading NLLB-200-600M (2.46 GB) that way kept the 1 GB LM head
 * table and the layers' float32 pages resident beside their packed copies for seconds (peak RSS 2.4 GB for an int8
 * load whose result is 1.05 GB; docs/performance.md).
 *
 * <p>Java 17 has no public way to unmap (the foreign-memory API is an incubator module that needs JVM flags),
 * so this uses {@code sun.misc.Unsafe.invokeCleaner}, which the JDK exports for exactly this purpose, on the
 * buffer DJL keeps behind the array (its {@code dataRef}; DJL makes a tensor over a direct buffer without
 * copying it). Only the loader calls it, on arrays that nothing else views.
 */
final class MappedMemory {
  private static final Field DATA_REF;
  private static final sun.misc.Unsafe UNSAFE;

  static {
    Field ref = null;
    sun.misc.Unsafe unsafe = null;
    try {
      ref = PtNDArray.class.getDeclaredField("dataRef");
      ref.setAccessible(true);
      Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      unsafe = (sun.misc.Unsafe) f.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // another DJL or JDK: arrays are then only closed, and their memory goes at a collection as before
      ref = null;
      unsafe = null;
    }
    DATA_REF = ref;
    UNSAFE = unsafe;
  }

  private MappedMemory() {}

  /**
   * Closes {@code a} and, when it was made over a direct buffer of its own (a mapped file region, a widened
   * float16 copy), unmaps or frees that buffer now. The caller guarantees that no other array views {@code a}'s
   * memory: a view would read unmapped pages.
   */
  static void release(NDArray a) {
    ByteBuffer b = null;
    if (DATA_REF != null && a instanceof PtNDArray) {
      try {
        b = (ByteBuffer) DATA_REF.get(a);
      } catch (IllegalAccessException e) {
        b = null;
      }
    }
    a.close();
    if (b != null && b.isDirect()) {
      try {
        UNSAFE.invokeCleaner(b);
      } catch (IllegalArgumentException sliceOrDuplicate) {
        // a slice of another buffer: its owner frees it
      }
    }
  }
}

package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The reduced-precision linear kernels (int8 dynamic, bfloat16) that DJL's NDArray API lacks, run through
 * a TorchScript module: {@code kernels.pt}, a code-only archive (no weights) that {@code scripts/make_kernels.py}
 * writes and libtorch compiles when it loads. Each weight is handed over once ({@link #addInt8},
 * {@link #addBf16}); the module keeps its packed form and later calls name it by index. bfloat16 tensors
 * never cross into Java (DJL aborts on them): activations go in and come out as float32.
 */
final class Kernels implements AutoCloseable {
  static final String RESOURCE = "/arabrief/mt/kernels.pt";

  private final PtSymbolBlock module;
  /** "No bias": DJL has no IValue for None, so the module reads a zero-element tensor as none. */
  private final NDArray none;
  /** fbgemm's 7-bit activations, for CPUs without VNNI whose int8 products saturate at 16 bits. */
  private final boolean reduceRange;

  private Kernels(PtSymbolBlock module, NDArray none, boolean reduceRange) {
    this.module = module;
    this.none = none;
    this.reduceRange = reduceRange;
  }

  /** Loads the module into {@code manager} (its native memory goes with the manager). */
  static Kernels load(NDManager manager) {
    try (InputStream in = Kernels.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + RESOURCE);
      }
      PtSymbolBlock block = JniUtils.loadModule((PtNDManager) manager, in, false, false);
      return new Kernels(block, manager.create(new float[0]), !CpuInfo.current().hasVnni());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Quantizes {@code w} [out, in] per output channel to int8 and packs it with {@code bias} (may be null). */
  int addInt8(NDArray w, NDArray bias) {
    try (IValue wi = IValue.from((PtNDArray) w);
        IValue bi = IValue.from((PtNDArray) (bias == null ? none : bias));
        IValue r = run("add_int8", wi, bi)) {
      return (int) r.toLong();
    }
  }

  /** Keeps {@code w} [out, in] as bfloat16, {@code transposed} into [in, out] or not. */
  int addBf16(NDArray w, boolean transposed) {
    try (IValue wi = IValue.from((PtNDArray) w); IValue t = IValue.from(transposed); IValue r = run("add_bf16", wi, t)) {
      return (int) r.toLong();
    }
  }

  /**
   * Keeps {@code w} [out, in] float32 in oneDNN's packed layout and returns its index, or -1 when oneDNN's
   * product for this shape failed the module's check against w's own (see make_kernels.py).
   */
  int addDnn(NDArray w) {
    try (IValue wi = IValue.from((PtNDArray) w); IValue r = run("add_dnn", wi)) {
      return (int) r.toLong();
    }
  }

  /**
   * The weight that {@link #addInt8} (no bias), {@link #addBf16} (not transposed) or {@link #addDnn} would keep
   * for {@code w = wt}<sup>T</sup>, made from {@code wt} [in, out] as the LM head is stored, without a float32
   * copy of w; the module's state is not touched, so this may run on another thread beside {@code add*} calls.
   * {@link #put} keeps the result (on the thread that makes the {@code add*} calls); the caller closes it.
   */
  IValue packTransposed(Precision p, NDArray wt) {
    return pack("pack_" + kind(p) + "_t", wt);
  }

  /** As {@link #packTransposed}, from {@code w} [out, in] as stored (a mapped file's table). */
  IValue packRows(Precision p, NDArray w) {
    return pack("pack_" + kind(p) + "_rows", w);
  }

  /** Rows {@code [first, first + count)} of a stored table, in an array {@link #packWindows} releases after use. */
  interface RowSource {
    NDArray rows(long first, long count);
  }

  /**
   * {@link #packRows}' weight in int8 or bfloat16 for a table [rows, cols] read window by window from
   * {@code source} (each window released as soon as it is written): only one window of the float32 table is
   * resident at a time, and the int8 values are the only full copy before fbgemm packs them. For NLLB-200's 1 GB
   * LM head that is the difference between 1 GB and 32 MB of the mapped file resident while it packs. The same
   * weight to the bit (make_kernels.py and HeadPackTest check it).
   */
  IValue packWindows(Precision p, long rows, long cols, long window, RowSource source) {
    if (p == Precision.BFLOAT16) {
      try (IValue r = IValue.from(rows); IValue c = IValue.from(cols)) {
        IValue buf = run("bf16_table", r, c);
        try {
          fill("bf16_rows_into", new IValue[] {buf}, rows, window, source);
          return buf;
        } catch (RuntimeException e) {
          buf.close();
          throw e;
        }
      }
    }
    if (p != Precision.INT8) {
      throw new IllegalArgumentException(p + " is not packed window by window");
    }
    IValue quantized;
    try (NDManager m = none.getManager().newSubManager();
        IValue q = IValue.from((PtNDArray) m.zeros(new Shape(rows, cols), DataType.INT8));
        IValue scales = IValue.from((PtNDArray) m.zeros(new Shape(rows), DataType.FLOAT32))) {
      fill("quantize_rows_into", new IValue[] {q, scales}, rows, window, source);
      quantized = run("quantized_table", q, scales);
    } // the int8 values go before fbgemm makes its packed copy of them
    try (IValue qw = quantized) {
      return run("pack_int8_quantized", qw);
    }
  }

  /** Calls {@code method(buffers..., window, first)} for each window of {@code rows}, releasing each window. */
  private void fill(String method, IValue[] buffers, long rows, long window, RowSource source) {
    for (long first = 0; first < rows; first += window) {
      NDArray w = source.rows(first, Math.min(window, rows - first));
      try (IValue wi = IValue.from((PtNDArray) w); IValue at = IValue.from(first)) {
        IValue[] args = java.util.Arrays.copyOf(buffers, buffers.length + 2);
        args[buffers.length] = wi;
        args[buffers.length + 1] = at;
        run(method, args).close();
      } finally {
        MappedMemory.release(w);
      }
    }
  }

  /** Keeps a {@link #packTransposed} or {@link #packRows} result and returns its index (-1: oneDNN refused the shape, nothing kept). */
  int put(Precision p, IValue packed) {
    try (IValue r = run("put_" + kind(p), packed)) {
      return (int) r.toLong();
    }
  }

  private IValue pack(String method, NDArray w) {
    try (IValue wi = IValue.from((PtNDArray) w)) {
      return run(method, wi);
    }
  }

  /** The module's name for the weights kept in {@code p} (its pack_* and put_* methods). */
  private static String kind(Precision p) {
    return switch (p) {
      case INT8 -> "int8";
      case BFLOAT16 -> "bf16";
      case FLOAT32_ONEDNN -> "dnn";
      case FLOAT32 -> throw new IllegalArgumentException("float32 needs no packing");
    };
  }

  /** x W^T (+ b) for the oneDNN float32 weight {@code index}. */
  NDArray linearDnn(NDArray x, int index, NDArray bias) {
    try (IValue xi = IValue.from((PtNDArray) x);
        IValue i = IValue.from((long) index);
        IValue b = IValue.from((PtNDArray) (bias == null ? none : bias));
        IValue r = run("linear_dnn", xi, i, b)) {
      return r.toTensor((PtNDManager) x.getManager());
    }
  }

  /** x W^T + b for the int8 weight {@code index}, x quantized on the fly; float32 in and out. */
  NDArray linearInt8(NDArray x, int index) {
    try (IValue xi = IValue.from((PtNDArray) x);
        IValue i = IValue.from((long) index);
        IValue rr = IValue.from(reduceRange);
        IValue r = run("linear_int8", xi, i, rr)) {
      return r.toTensor((PtNDManager) x.getManager());
    }
  }

  /** x W^T (+ b) for the bfloat16 weight {@code index}; float32 in and out. */
  NDArray linearBf16(NDArray x, int index, boolean transposed, NDArray bias) {
    try (IValue xi = IValue.from((PtNDArray) x);
        IValue i = IValue.from((long) index);
        IValue t = IValue.from(transposed);
        IValue b = IValue.from((PtNDArray) (bias == null ? none : bias));
        IValue r = run("linear_bf16", xi, i, t, b)) {
      return r.toTensor((PtNDManager) x.getManager());
    }
  }

  /** Whether int8 activations use fbgemm's reduced range (CPUs without VNNI). */
  boolean reduceRange() {
    return reduceRange;
  }

  /** The zero-element tensor that stands for "none" in the module's arguments. */
  NDArray none() {
    return none;
  }

  /**
   * TorchScript's graph executor optimizes a method after its first (profiling) run, and its passes may regroup
   * the arithmetic (the fused step's logits moved in the last bits from the second step on). The switch is per
   * thread in libtorch, so each thread that calls the module turns it off once: the module then runs its code
   * as written, which is what keeps the fused step's numbers equal to the DJL path's.
   */
  private static final ThreadLocal<Boolean> PLAIN = ThreadLocal.withInitial(() -> {
    JniUtils.setGraphExecutorOptimize(false);
    return true;
  });

  IValue run(String method, IValue... args) {
    PLAIN.get();
    long[] handles = new long[args.length];
    for (int i = 0; i < args.length; i++) {
      handles[i] = args[i].getHandle();
    }
    try {
      return NEW_IVALUE.newInstance((long) RUN.invoke(LIB, module.getHandle(), method, handles, true, false));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final Object LIB;
  private static final java.lang.reflect.Method RUN;
  private static final java.lang.reflect.Constructor<IValue> NEW_IVALUE;

  static {
    try {
      Class<?> lib = Class.forName("ai.djl.pytorch.jni.PyTorchLibrary");
      java.lang.reflect.Field f = lib.getDeclaredField("LIB");
      f.setAccessible(true);
      LIB = f.get(null);
      RUN = lib.getDeclaredMethod("moduleRunMethod", long.class, String.class, long[].class, boolean.class, boolean.class);
      RUN.setAccessible(true);
      NEW_IVALUE = IValue.class.getDeclaredConstructor(long.class);
      NEW_IVALUE.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Drops every weight handed over so far (indices start again at 0). */
  void clear() {
    run("clear").close();
  }

  @Override
  public void close() {
    module.close();
    none.close();
  }
}

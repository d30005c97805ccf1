package arabrief.mt.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.pytorch.jni.IValue;
import arabrief.mt.model.Layers.Attention;
import arabrief.mt.model.Layers.Linear;
import arabrief.mt.model.Layers.Norm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A transformer encoder-decoder on DJL NDArrays, laid out like transformers' {@code modeling_marian.py},
 * {@code modeling_m2m_100.py} and {@code modeling_mbart.py}: embeddings with their positions, encoder and decoder
 * layers, and the LM head. What differs between those families is configuration ({@link Family}): where the layer
 * norms sit, an embedding norm, final norms, the kind of positions. The network is written once.
 *
 * <p>It offers what a search needs and nothing more (as CTranslate2's models do): {@link #encode} a batch
 * of sources once, then {@link #step} the decoder one token at a time against a {@link DecoderState}
 * that caches self-attention keys/values and the cross-attention keys/values of the source.
 */
public final class TransformerModel implements AutoCloseable {
  private final ModelConfig config;
  private final NDManager manager;
  private NDArray encoderEmbed;
  private NDArray decoderEmbed;
  /**
   * The LM head transposed, [d_model, target vocab], row-major (see {@link #project}); null once every row
   * count's head runs from a packed copy (see {@link #convert}).
   */
  private NDArray lmHeadT;
  /** The LM head's table [target vocab, d_model]: a view of {@link #lmHeadT}, or a mapping of the stored table. */
  private NDArray headRows;
  /** The stored tensor the LM head comes from (its name in the weights file) and its shape. */
  private final String headName;
  private final Shape headShape;
  /** The safetensors file the weights were mapped from, or null (a pickle checkpoint: read into copies). */
  private final Path mappedFile;
  private final NDArray finalLogitsBias;
  /** The LM head's columns (and bias) for a vocabulary shortlist, or null for the whole vocabulary. */
  private NDArray shortlistHeadT;
  private NDArray shortlistBias;
  private final Positions positions;
  /** The family's switches (pre- or post-norm layers and the optional norms below). */
  private final boolean preNorm;
  /** layernorm_embedding of each side, and the layer_norm after each stack; null where the family has none. */
  private final Norm encoderEmbedNorm;
  private final Norm decoderEmbedNorm;
  private final Norm encoderFinalNorm;
  private final Norm decoderFinalNorm;
  private final EncoderLayer[] encoderLayers;
  private final DecoderLayer[] decoderLayers;
  /** The reduced-precision kernels, loaded only when some operation leaves float32. */
  private Kernels kernels;
  /** The LM head in reduced precision (used when no shortlist is set), or null for the float32 product. */
  private Linear head;
  /** The LM head from {@link #headBatchedRows} rows on (see {@link ComputePlan#headBatched}); null for float32. */
  private Linear headBatched;
  private int headBatchedRows = Integer.MAX_VALUE;
  private ComputePlan plan = ComputePlan.EXACT;
  /** The decoder step as one native call, or null for the DJL path (see {@link FusedDecoder}). */
  private FusedDecoder fused;
  private final Activation activation;
  private final float embedScale;

  private record EncoderLayer(Attention selfAttn, Norm selfNorm, Linear fc1, Linear fc2, Norm finalNorm) {
    EncoderLayer to(Precision p, Kernels k) {
      return new EncoderLayer(selfAttn.map(l -> l.to(p, k, true)), selfNorm, fc1.to(p, k, true), fc2.to(p, k, true), finalNorm);
    }
  }

  private record DecoderLayer(
      Attention selfAttn, Norm selfNorm, Attention crossAttn, Norm crossNorm, Linear fc1, Linear fc2, Norm finalNorm) {
    /** The decoder's own products in {@code p}; the cross-attention keys and values (computed once per source) in {@code source}. */
    DecoderLayer to(Precision p, Precision source, Kernels k) {
      Attention cross = new Attention(crossAttn.q().to(p, k, true), crossAttn.k().to(source, k, true),
          crossAttn.v().to(source, k, true), null, crossAttn.out().to(p, k, true), crossAttn.heads(), crossAttn.dim(),
          crossAttn.prescaled());
      return new DecoderLayer(selfAttn.map(l -> l.to(p, k, true)), selfNorm, cross, crossNorm, fc1.to(p, k, true),
          fc2.to(p, k, true), finalNorm);
    }
  }

  /**
   * @param tableMapped the LM head will be packed at every row count (the plan is known before the load), or the
   *     plan is still to be made for a large head: the stored table is not copied into {@link #lmHeadT} (unless
   *     {@link #convert} finds it needed), the embeddings read it where it is mapped
   */
  private TransformerModel(ModelConfig config, NDManager manager, Weights w, boolean tableMapped) throws IOException {
    this.config = config;
    this.manager = manager;
    long d = config.dModel();
    long tgtVocab = config.targetVocabSize();
    TiedTables tables = TiedTables.resolve(config, w);
    headName = tables.head.getName();
    mappedFile = headName == null ? null : w.mappedFile(headName.startsWith("model.") ? headName.substring(6) : headName);
    headShape = tables.head.getShape();
    if (tableMapped && tableMappable()) {
      lmHeadT = null;
      headRows = tables.head;
      encoderEmbed = tables.encoder;
      decoderEmbed = tables.decoder;
    } else if (tables.head == tables.decoder) {
      // tied: one table serves the decoder's embeddings and the head (and the encoder's, when shared). It is
      // kept only transposed, and the embeddings read its rows through a transposed view (a strided gather of
      // a few rows per step, ~0.5 ms for 60 rows) rather than holding the 128 MB table twice
      lmHeadT = transposedCopy(tables.decoder);
      headRows = lmHeadT.transpose();
      encoderEmbed = tables.encoder == tables.decoder ? headRows : tables.encoder;
      decoderEmbed = headRows;
      // every reader now goes through lmHeadT; the stored table's pages, read once for the copy, go back before
      // the layers' pages are read: for a 256k vocabulary (NLLB, mBART-50) that is 1 GB less at the load's peak
      MappedMemory.release(tables.decoder);
    } else {
      lmHeadT = transposedCopy(tables.head);
      headRows = lmHeadT.transpose();
      if (tables.head != tables.encoder) {
        MappedMemory.release(tables.head);
      }
      encoderEmbed = tables.encoder;
      decoderEmbed = tables.decoder;
    }
    // opus-mt checkpoints carry an all-zero final_logits_bias; adding it would cost a pass over the logits.
    // M2M100 has none (a stored one is an unexpected key transformers ignores)
    NDArray bias = config.family().finalLogitsBias && w.has("final_logits_bias")
        ? w.require("final_logits_bias", 1, tgtVocab).reshape(tgtVocab) : null;
    finalLogitsBias = bias != null && !allZero(bias) ? bias : null;
    activation = Activation.of(config.activation(), "config.json");
    embedScale = config.scaleEmbedding() ? (float) Math.sqrt(d) : 1f;
    positions = Positions.of(config, w, manager);
    Family family = config.family();
    preNorm = family.preNorm;
    encoderEmbedNorm = family.layernormEmbedding ? Norm.of(w, "encoder.layernorm_embedding", d) : null;
    decoderEmbedNorm = family.layernormEmbedding ? Norm.of(w, "decoder.layernorm_embedding", d) : null;
    encoderFinalNorm = family.finalLayerNorm ? Norm.of(w, "encoder.layer_norm", d) : null;
    decoderFinalNorm = family.finalLayerNorm ? Norm.of(w, "decoder.layer_norm", d) : null;
    encoderLayers = new EncoderLayer[config.encoderLayers()];
    for (int i = 0; i < encoderLayers.length; i++) {
      String p = "encoder.layers." + i;
      encoderLayers[i] =
          new EncoderLayer(
              Attention.self(w, p + ".self_attn", config.encoderHeads(), d),
              Norm.of(w, p + ".self_attn_layer_norm", d),
              Linear.of(w, p + ".fc1", config.encoderFfnDim(), d),
              Linear.of(w, p + ".fc2", d, config.encoderFfnDim()),
              Norm.of(w, p + ".final_layer_norm", d));
    }
    decoderLayers = new DecoderLayer[config.decoderLayers()];
    for (int i = 0; i < decoderLayers.length; i++) {
      String p = "decoder.layers." + i;
      decoderLayers[i] =
          new DecoderLayer(
              Attention.self(w, p + ".self_attn", config.decoderHeads(), d),
              Norm.of(w, p + ".self_attn_layer_norm", d),
              Attention.cross(w, p + ".encoder_attn", config.decoderHeads(), d),
              Norm.of(w, p + ".encoder_attn_layer_norm", d),
              Linear.of(w, p + ".fc1", config.decoderFfnDim(), d),
              Linear.of(w, p + ".fc2", d, config.decoderFfnDim()),
              Norm.of(w, p + ".final_layer_norm", d));
    }
  }

  /** Loads {@code config.json} and the weights of a model directory into a child of {@code parent}, exact. */
  public static TransformerModel load(Path modelDir, NDManager parent) throws IOException {
    return load(modelDir, parent, ComputeType.FLOAT32);
  }

  /**
   * Loads a model directory with the products in {@code type}. For {@link ComputeType#AUTO} each group of
   * operations gets the precision that {@link Calibration} measured fastest on this CPU (cached under
   * {@code home}, may be null for no cache).
   */
  public static TransformerModel load(Path modelDir, NDManager parent, ComputeType type) throws IOException {
    return load(modelDir, parent, type, null);
  }

  public static TransformerModel load(Path modelDir, NDManager parent, ComputeType type, Path home) throws IOException {
    return load(modelDir, parent, knownPlan(modelDir, type, home), model -> switch (type) {
      case FLOAT32, AUTO -> Calibration.plan(model, modelDir, home, type);
      case INT8 -> ComputePlan.uniform(type, Precision.INT8);
      case BFLOAT16 -> ComputePlan.uniform(type, Precision.BFLOAT16);
    });
  }

  /** Loads with a given plan (tests: plans a calibration would pick on other CPUs). */
  static TransformerModel load(Path modelDir, NDManager parent, ComputePlan plan) throws IOException {
    return load(modelDir, parent, plan, model -> plan);
  }

  /** As {@link #load(Path, NDManager, ComputePlan)}, the plan made only after the load (as a calibration is). */
  static TransformerModel loadThenPlan(Path modelDir, NDManager parent, ComputePlan plan) throws IOException {
    return load(modelDir, parent, null, model -> plan);
  }

  /**
   * Loads exact, then converts to the plan (known before the load, or made by {@code planner} for the loaded
   * model, which may time it) and fuses. A plan known in advance that packs the LM head at every row count
   * spares the load the transposed float32 table (see {@link #convert}); so does a plan still to be made for a head
   * too large to be timed whole (calibration times its first rows, read from the file), unless the plan turns out
   * to need the table (MKL's float32 head), which {@link #convert} then transposes.
   */
  private static TransformerModel load(Path modelDir, NDManager parent, ComputePlan known,
      java.util.function.Function<TransformerModel, ComputePlan> planner) throws IOException {
    return load(modelDir, parent, known, planner,
        known != null ? packsHeadEverywhere(known) : largeHead(ModelConfig.read(modelDir)));
  }

  /** As {@link #loadThenPlan}, the table left mapped until the plan is made, as a large head's is (tests). */
  static TransformerModel loadMappedThenPlan(Path modelDir, NDManager parent, ComputePlan plan) throws IOException {
    return load(modelDir, parent, null, model -> plan, true);
  }

  private static TransformerModel load(Path modelDir, NDManager parent, ComputePlan known,
      java.util.function.Function<TransformerModel, ComputePlan> planner, boolean tableMapped) throws IOException {
    TransformerModel model = loadExact(modelDir, parent, tableMapped);
    try {
      model.convert(known != null ? known : planner.apply(model));
      model.fuse();
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** Whether calibration times the LM head on a sample of its rows ({@link Calibration#HEAD_SAMPLE_BYTES}). */
  private static boolean largeHead(ModelConfig c) {
    return (long) c.targetVocabSize() * c.dModel() * 4 > Calibration.HEAD_SAMPLE_BYTES;
  }

  private static boolean packsHeadEverywhere(ComputePlan p) {
    return p.head() != Precision.FLOAT32 && (p.switched() ? p.headBatched() : p.head()) != Precision.FLOAT32;
  }

  /** Whether the LM head's stored table can be mapped again from the weights file (safetensors, named). */
  private boolean tableMappable() {
    return mappedFile != null && headName != null;
  }

  /**
   * The plan for {@code type} when it is known without the loaded model: int8 and bfloat16 throughout, a
   * float32 kernel forced, or a calibration cached for this CPU; else null. The exact mode's kernels are MKL's
   * or oneDNN's float32 per group, as {@link Calibration} times them on this CPU, unless the system property
   * {@code arabrief.float32.kernel} (else the environment variable {@code ARABRIEF_FLOAT32_KERNEL}) names one
   * ({@code mkl} or {@code onednn}) for every group. The tests check token parity with transformers under each.
   */
  private static ComputePlan knownPlan(Path modelDir, ComputeType type, Path home) {
    return switch (type) {
      case INT8 -> ComputePlan.uniform(type, Precision.INT8);
      case BFLOAT16 -> ComputePlan.uniform(type, Precision.BFLOAT16);
      case AUTO -> Calibration.cached(modelDir, home, type);
      case FLOAT32 -> {
        String forced = System.getProperty("arabrief.float32.kernel");
        if (forced == null || forced.isEmpty()) {
          forced = System.getenv().getOrDefault("ARABRIEF_FLOAT32_KERNEL", "");
        }
        yield switch (forced) {
          case "mkl" -> ComputePlan.EXACT;
          case "onednn" -> ComputePlan.uniform(ComputeType.FLOAT32, Precision.FLOAT32_ONEDNN);
          default -> Calibration.cached(modelDir, home, type);
        };
      }
    };
  }

  private static TransformerModel loadExact(Path modelDir, NDManager parent, boolean tableMapped) throws IOException {
    ModelConfig config = ModelConfig.read(modelDir);
    NDManager manager = parent.newSubManager();
    try {
      Weights w = Weights.load(modelDir, manager);
      TransformerModel model = new TransformerModel(config, manager, w, tableMapped);
      w.closeUnused();
      // safetensors tensors are zero-copy views of the mapped file, and Java unmaps a file region only
      // when its buffer is collected. The regions of tensors replaced by copies (the transposed LM head,
      // the stacked self-attention projections) have been read once and stay resident until then:
      // ~200 MB of RSS for opus-mt-ar-en. One collection now returns them.
      System.gc();
      return model;
    } catch (IOException | RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  public ModelConfig config() {
    return config;
  }

  /** Whether the decoder step runs as one native call ({@link FusedDecoder}). */
  public boolean fused() {
    return fused != null;
  }

  /** The precision of each group of operations. */
  public ComputePlan plan() {
    return plan;
  }

  /** The kernels module, loaded on first need. */
  Kernels kernels() {
    if (kernels == null) {
      kernels = Kernels.load(manager);
    }
    return kernels;
  }

  /** Moves the operations to the precisions of {@code p} (once: float32 weights are freed as they convert). */
  void convert(ComputePlan p) {
    if (plan != ComputePlan.EXACT) {
      throw new IllegalStateException("the model is already converted to " + plan);
    }
    plan = p;
    if (lmHeadT == null && !packsHeadEverywhere(p)) {
      transposeTable(); // loaded without the copy (see load), but MKL's float32 head runs at some row count
    }
    if (p.encoder() == Precision.FLOAT32 && p.decoder() == Precision.FLOAT32 && p.head() == Precision.FLOAT32
        && p.headBatched() == Precision.FLOAT32) {
      return;
    }
    Kernels k = kernels();
    Precision batchedP = p.switched() ? p.headBatched() : p.head();
    // When the head runs from a packed copy at every row count, the float32 table is read only by the embeddings
    // (a few rows per step) and a shortlist: the transposed copy goes now, the head packs from a mapping of the
    // stored table, and after the conversion the embeddings read a fresh mapping of it, of which only the rows
    // read become resident. 128 MB less for opus-mt-ar-en, during the conversion and after; the same stored
    // numbers are read either way (TableMappingTest). A pickle checkpoint, not mapped, keeps the copy.
    boolean fromFile = tableMappable() && packsHeadEverywhere(p);
    if (fromFile) {
      dropTable();
    }
    // the LM head (a third of the weights, and packing it is serial in libtorch: fbgemm's int8 prepack of the
    // opus-mt head alone takes 0.3 s) converts on another thread while the layers convert on this one
    CompletableFuture<IValue[]> packedHead = CompletableFuture.supplyAsync(() -> {
      if (!fromFile) {
        return new IValue[] {pack(p.head(), k), batchedP == p.head() ? null : pack(batchedP, k)};
      }
      IValue small = packStored(p.head(), k);
      try {
        return new IValue[] {small, batchedP == p.head() ? null : packStored(batchedP, k)};
      } catch (RuntimeException e) {
        small.close();
        throw e;
      }
    }, TransformerModel::loadThread);
    try {
      if (fromFile && (unwindowed(p.head()) || unwindowed(batchedP)) && headShape.size() * 4 > Calibration.HEAD_SAMPLE_BYTES) {
        // oneDNN's float32 packs the whole mapped table at once (its blocked layout cannot be filled window by
        // window): for a large head (1 GB for NLLB-200) that is two copies of it for a moment, so the layers, whose
        // pages would add to them, wait until it is done (float32 NLLB-200-600M: peak RSS 1.9x the weights with
        // them side by side)
        join(packedHead);
      }
      // each layer's float32 pages (views of the mapped file, see load) go back as it converts (Linear.to releases
      // them), while the head still packs: a model of 24 layers of 50 MB (NLLB-200-600M) would otherwise hold every
      // float32 layer until the end
      for (int i = 0; i < encoderLayers.length; i++) {
        encoderLayers[i] = encoderLayers[i].to(p.encoder(), k);
      }
      for (int i = 0; i < decoderLayers.length; i++) {
        decoderLayers[i] = decoderLayers[i].to(p.decoder(), p.encoder(), k);
      }
    } finally {
      IValue[] packed = join(packedHead);
      try {
        head = put(p.head(), packed[0], k);
        headBatched = packed[1] == null ? head : put(batchedP, packed[1], k);
      } finally {
        for (IValue v : packed) {
          if (v != null) {
            v.close();
          }
        }
      }
    }
    headBatchedRows = p.switched() ? p.headBatchedRows() : Integer.MAX_VALUE;
    // the float32 weights just freed may be views of the mapped file (see load): one collection returns them,
    // and the mapping the head was packed from
    System.gc();
    if (fromFile) {
      NDArray rows = storedTable();
      if (encoderEmbed == null) {
        encoderEmbed = rows;
      }
      if (decoderEmbed == null) {
        decoderEmbed = rows;
      }
      headRows = rows;
      if (head == null || headBatched == null) {
        lmHeadT = transposedCopy(rows); // oneDNN refused the head's shape: the float32 product needs the copy
      }
    }
  }

  /**
   * Makes the transposed table MKL's float32 head reads from the mapped one; the embeddings that read the mapped
   * table read it through the copy from then on (as a model loaded with the copy does), and the mapping goes.
   */
  private void transposeTable() {
    NDArray stored = headRows;
    lmHeadT = transposedCopy(stored);
    headRows = lmHeadT.transpose();
    if (encoderEmbed == stored) {
      encoderEmbed = headRows;
    }
    if (decoderEmbed == stored) {
      decoderEmbed = headRows;
    }
    MappedMemory.release(stored);
  }

  /** Frees the transposed table and the embeddings' views of it (their fields become null until refilled). */
  private void dropTable() {
    if (encoderEmbed == headRows) {
      encoderEmbed = null;
    }
    if (decoderEmbed == headRows) {
      decoderEmbed = null;
    }
    MappedMemory.release(headRows); // the stored table when mapped (else a view of lmHeadT, only closed)
    headRows = null;
    if (lmHeadT != null) {
      lmHeadT.close();
      lmHeadT = null;
    }
  }

  /**
   * Bytes of the stored table mapped at a time while the head packs window by window (a few ms of packing each);
   * tests make it a few rows, so that the fixtures' small tables pack in many windows.
   */
  static volatile long windowBytes = 32L << 20;

  /**
   * The LM head in {@code p} packed from the stored table: int8 and bfloat16 window by window (only a window of the
   * float32 table resident at a time, see {@link Kernels#packWindows}), oneDNN's float32 from a whole mapping,
   * unmapped as soon as it is packed.
   */
  private IValue packStored(Precision p, Kernels k) {
    if (!unwindowed(p)) {
      long cols = headShape.get(1);
      return k.packWindows(p, headShape.get(0), cols, Math.max(1, windowBytes / (4 * cols)), this::storedRows);
    }
    NDArray table = storedTable();
    try {
      return k.packRows(p, table);
    } finally {
      MappedMemory.release(table);
    }
  }

  /** Whether the head in {@code p} packs from the whole stored table at once (oneDNN's float32). */
  private static boolean unwindowed(Precision p) {
    return p == Precision.FLOAT32_ONEDNN;
  }

  /** Rows of the stored table in a mapping of their own (see {@link SafetensorsReader#readRows}). */
  private NDArray storedRows(long first, long count) {
    try {
      return SafetensorsReader.readRows(mappedFile, headName, first, count, manager);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(mappedFile + " could not be read again: " + e.getMessage(), e);
    }
  }

  /** A new mapping of the stored table the LM head was made from, [target vocab, d_model]. */
  private NDArray storedTable() {
    try {
      NDArray t = SafetensorsReader.read(mappedFile, manager, headName::equals).get(headName);
      if (t == null || !t.getShape().equals(headShape)) {
        if (t != null) {
          t.close();
        }
        throw new IllegalStateException(mappedFile + " changed while the model loaded: tensor '" + headName
            + "' is gone or has another shape");
      }
      return t;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(mappedFile + " could not be read again: " + e.getMessage(), e);
    }
  }

  private static void loadThread(Runnable r) {
    Thread t = new Thread(r, "arabrief-load");
    t.setDaemon(true);
    t.start();
  }

  private static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The LM head in {@code p} as {@link Kernels#packTransposed} makes it, or null for float32. */
  private IValue pack(Precision p, Kernels k) {
    return p == Precision.FLOAT32 ? null : k.packTransposed(p, lmHeadT);
  }

  /** The head layer for a {@link #pack} result: null for float32 (the transposed product) or a refused oneDNN shape. */
  private static Linear put(Precision p, IValue packed, Kernels k) {
    if (packed == null) {
      return null;
    }
    int i = k.put(p, packed);
    return i < 0 ? null : new Linear(null, null, p, k, i);
  }

  /** Hands the decoder, in its final precisions, to the fused step (when enabled and the activation allows). */
  private void fuse() {
    if (!FusedDecoder.enabled() || !FusedDecoder.supports(activation)) {
      return;
    }
    List<Linear[]> linears = new ArrayList<>();
    List<Norm[]> norms = new ArrayList<>();
    for (DecoderLayer l : decoderLayers) {
      linears.add(new Linear[] {l.selfAttn.qkv(), l.selfAttn.out(), l.crossAttn.q(), l.crossAttn.out(), l.fc1, l.fc2});
      norms.add(new Norm[] {l.selfNorm, l.crossNorm, l.finalNorm});
    }
    Attention a = decoderLayers.length == 0 ? null : decoderLayers[0].selfAttn;
    if (a == null) {
      return;
    }
    fused = FusedDecoder.build(kernels(), decoderEmbed, positions.decoder, embedScale, a.heads(), config.dModel(),
        a.prescaled(), activation, preNorm, decoderEmbedNorm, decoderFinalNorm, linears, norms, head, headBatched,
        headBatchedRows);
  }

  /** The LM head for a step of {@code rows} rows, or null for the float32 transposed product. */
  private Linear headFor(int rows) {
    return rows >= headBatchedRows ? headBatched : head;
  }

  /** The LM head (without bias) as a layer in {@code p}, or null for float32 (the transposed product). */
  Linear headIn(Precision p, Kernels k) {
    IValue packed = pack(p, k);
    try {
      return put(p, packed, k);
    } finally {
      if (packed != null) {
        packed.close();
      }
    }
  }

  /** The linear layers of the first decoder (or encoder) layer, for calibration to time. */
  Linear[] sampleLinears(boolean decoder) {
    if (decoder) {
      DecoderLayer d = decoderLayers[0];
      return new Linear[] {d.selfAttn().qkv(), d.selfAttn().out(), d.crossAttn().q(), d.crossAttn().out(), d.fc1(), d.fc2()};
    }
    EncoderLayer e = encoderLayers[0];
    return new Linear[] {e.selfAttn().qkv(), e.selfAttn().out(), e.fc1(), e.fc2()};
  }

  NDArray lmHeadT() {
    return lmHeadT;
  }

  NDManager manager() {
    return manager;
  }

  /**
   * The first rows of the LM head's table, [rows, d_model], as a copy in {@code m} holding at most {@code bytes} of
   * float32; null when the whole table fits (then calibration times the head itself). Read from a mapping of its
   * own when the table is not held (the embeddings' mapping stays untouched).
   */
  NDArray headSample(long bytes, NDManager m) {
    long vocab = headShape.get(0);
    long d = headShape.get(1);
    long rows = Math.max(1, bytes / (4 * d));
    if (rows >= vocab) {
      return null;
    }
    NDArray copy;
    if (lmHeadT != null) {
      try (NDArray view = lmHeadT.get(new ai.djl.ndarray.index.NDIndex(":, 0:" + rows))) {
        copy = transposedCopy(view);
      }
    } else {
      NDArray mapped = storedRows(0, rows);
      try {
        copy = mapped.duplicate();
      } finally {
        MappedMemory.release(mapped);
      }
    }
    copy.attach(m);
    return copy;
  }

  /** The head layer in {@code p} for the table rows {@code rows} [out, d] (calibration's sample), or null for float32. */
  static Linear headFromRows(Precision p, Kernels k, NDArray rows) {
    if (p == Precision.FLOAT32) {
      return null;
    }
    IValue packed = k.packRows(p, rows);
    try {
      return put(p, packed, k);
    } finally {
      packed.close();
    }
  }

  /**
   * Encodes a padded batch of source ids ({@code [B, S]} int64, padding where {@code lengths} end) and
   * returns a decoder state for {@code B} rows whose arrays belong to {@code owner}.
   */
  public DecoderState encode(long[][] ids, NDManager owner) {
    DecoderState state = encodeSources(ids, owner);
    if (fused != null) {
      state.useFused(fused);
    }
    return state;
  }

  private DecoderState encodeSources(long[][] ids, NDManager owner) {
    int b = ids.length;
    int s = 0;
    int[] lengths = new int[b];
    for (int i = 0; i < b; i++) {
      lengths[i] = ids[i].length;
      s = Math.max(s, lengths[i]);
    }
    if (s > config.maxPositions()) {
      throw new IllegalArgumentException(
          "a source of " + s + " tokens exceeds the model's " + config.maxPositions() + " positions");
    }
    List<int[]> groups = lengthGroups(lengths, GROUP_OVERHEAD_TOKENS);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray[][] kParts = new NDArray[decoderLayers.length][groups.size()];
      NDArray[][] vParts = new NDArray[decoderLayers.length][groups.size()];
      long[] order = new long[b];
      int placed = 0;
      for (int g = 0; g < groups.size(); g++) {
        int[] rows = groups.get(g);
        NDArray x = encodeRows(ids, rows, owner);
        long pad = s - x.getShape().get(1);
        for (int i = 0; i < decoderLayers.length; i++) {
          Attention c = decoderLayers[i].crossAttn;
          kParts[i][g] = padTime(c.split(c.k().apply(x)), pad);
          vParts[i][g] = padTime(c.split(c.v().apply(x)), pad);
        }
        for (int r : rows) {
          order[placed++] = r;
        }
      }
      // the groups' rows back in the caller's order
      long[] inverse = new long[b];
      boolean identity = true;
      for (int i = 0; i < b; i++) {
        inverse[(int) order[i]] = i;
        identity &= order[i] == i;
      }
      NDArray back = identity ? null : owner.create(inverse);
      NDArray[] crossK = new NDArray[decoderLayers.length];
      NDArray[] crossV = new NDArray[decoderLayers.length];
      for (int i = 0; i < decoderLayers.length; i++) {
        crossK[i] = keep(inOrder(kParts[i], back), owner);
        crossV[i] = keep(inOrder(vParts[i], back), owner);
      }
      return new DecoderState(keep(owner.create(paddingMask(lengths, s), new Shape(b, 1, 1, s)), owner),
          isPadded(lengths, s), crossK, crossV, decoderLayers.length);
    }
  }

  /** The encoder's output [rows, S, d] for {@code rows} of {@code ids}, padded to the longest of them. */
  private NDArray encodeRows(long[][] ids, int[] rows, NDManager owner) {
    int n = rows.length;
    int[] lengths = new int[n];
    int s = 0;
    for (int i = 0; i < n; i++) {
      lengths[i] = ids[rows[i]].length;
      s = Math.max(s, lengths[i]);
    }
    long[] flat = new long[n * s];
    Arrays.fill(flat, config.padTokenId());
    for (int i = 0; i < n; i++) {
      System.arraycopy(ids[rows[i]], 0, flat, i * s, lengths[i]);
    }
    NDArray addMask = isPadded(lengths, s) ? owner.create(paddingMask(lengths, s), new Shape(n, 1, 1, s)) : null;
    long[] at = new long[n * s];
    for (int i = 0; i < n; i++) {
      long[] row = Arrays.copyOfRange(flat, i * s, (i + 1) * s);
      System.arraycopy(positions.encoderRows(row, s), 0, at, i * s, s);
    }
    NDArray x = embed(encoderEmbed, owner.create(flat, new Shape(n, s))).muli(embedScale)
        .addi(embed(positions.encoder, owner.create(at, new Shape(n, s))));
    if (encoderEmbedNorm != null) {
      x = encoderEmbedNorm.apply(x);
    }
    for (EncoderLayer l : encoderLayers) {
      Attention a = l.selfAttn;
      if (preNorm) {
        NDList qkv = a.selfProjections(l.selfNorm.apply(x));
        x = x.add(a.attend(qkv.get(0), qkv.get(1), qkv.get(2), addMask));
        x = x.add(l.fc2.apply(activation.apply(l.fc1.apply(l.finalNorm.apply(x)))));
      } else {
        NDList qkv = a.selfProjections(x);
        NDArray attn = a.attend(qkv.get(0), qkv.get(1), qkv.get(2), addMask);
        x = l.selfNorm.apply(x.add(attn));
        x = l.finalNorm.apply(x.add(l.fc2.apply(activation.apply(l.fc1.apply(x)))));
      }
    }
    return encoderFinalNorm == null ? x : encoderFinalNorm.apply(x);
  }

  /** The additive attention mask, row-major [rows, s]: 0 on each row's tokens, -inf on its padding. */
  private static float[] paddingMask(int[] lengths, int s) {
    float[] mask = new float[lengths.length * s];
    for (int i = 0; i < lengths.length; i++) {
      Arrays.fill(mask, i * s + lengths[i], (i + 1) * s, Float.NEGATIVE_INFINITY);
    }
    return mask;
  }

  private static boolean isPadded(int[] lengths, int s) {
    return Arrays.stream(lengths).anyMatch(l -> l < s);
  }

  /** [B, H, T, D/H] extended by {@code pad} zero positions (masked out, so their values never count). */
  private static NDArray padTime(NDArray a, long pad) {
    if (pad == 0) {
      return a;
    }
    Shape s = a.getShape();
    return a.concat(a.getManager().zeros(new Shape(s.get(0), s.get(1), pad, s.get(3))), 2);
  }

  private static NDArray inOrder(NDArray[] parts, NDArray back) {
    NDArray all = parts.length == 1 ? parts[0] : NDArrays.concat(new NDList(parts), 0);
    return back == null ? all : all.get(back);
  }

  /** Source slots one encoder call costs beyond its tokens (fixed per-call work), in the grouping below. */
  static final int GROUP_OVERHEAD_TOKENS = 16;

  /**
   * Splits rows into encoder calls by length. One call pads every row to the longest: for the seed
   * article's 15 lines (2 to 111 tokens) that is 1665 token slots for 623 tokens, and the encoder's work
   * grows with the slots. Rows sorted by length are cut into runs that minimize the slots plus
   * {@code overhead} per call (a small dynamic program: batches are at most a few dozen rows); each run
   * is encoded at its own length. transformers encodes the padded batch; masked padding contributes
   * exactly zero attention, so the encoder outputs of the real tokens are the same.
   */
  static List<int[]> lengthGroups(int[] lengths, int overhead) {
    int n = lengths.length;
    Integer[] sorted = new Integer[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = i;
    }
    Arrays.sort(sorted, Comparator.comparingInt(i -> lengths[i]));
    long[] best = new long[n + 1];
    int[] cut = new int[n + 1];
    for (int j = 1; j <= n; j++) {
      best[j] = Long.MAX_VALUE;
      for (int i = 0; i < j; i++) {
        long cost = best[i] + (long) (j - i) * lengths[sorted[j - 1]] + overhead;
        if (cost < best[j]) {
          best[j] = cost;
          cut[j] = i;
        }
      }
    }
    List<int[]> groups = new ArrayList<>();
    for (int j = n; j > 0; j = cut[j]) {
      int[] g = new int[j - cut[j]];
      for (int k = cut[j]; k < j; k++) {
        g[k - cut[j]] = sorted[k];
      }
      groups.add(0, g);
    }
    return groups;
  }

  private static NDArray keep(NDArray a, NDManager owner) {
    NDScope.unregister(a);
    a.attach(owner);
    return a;
  }

  private static NDArray embed(NDArray table, NDArray ids) {
    return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
  }

  /** The position-table row of each token fed after {@code past} tokens. */
  private long[] positionRows(long[] tokens, int past) {
    long[] rows = new long[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      rows[i] = positions.decoderRow(tokens[i], past);
    }
    return rows;
  }

  /**
   * Runs the decoder on one new token per row ({@code tokens}, length = rows of {@code state}), extends the
   * state's self-attention cache, and returns the logits {@code [rows, target vocab]} owned by {@code owner}.
   */
  public NDArray step(DecoderState state, long[] tokens, NDManager owner) {
    int t = state.length();
    if (t >= config.maxPositions()) {
      throw new IllegalStateException("the decoder reached the model's " + config.maxPositions() + " positions");
    }
    if (fused != null) {
      boolean shortlisted = shortlistHeadT != null;
      NDArray logits = fused.step(state, tokens, positionRows(tokens, t), shortlisted ? shortlistHeadT : lmHeadT,
          shortlisted || headFor(tokens.length) == null, shortlisted ? shortlistBias : finalLogitsBias, owner);
      state.advance();
      return logits;
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray ids = owner.create(tokens, new Shape(tokens.length, 1));
      NDArray x = embed(decoderEmbed, ids).muli(embedScale)
          .addi(embed(positions.decoder, owner.create(positionRows(tokens, t), new Shape(tokens.length, 1))));
      if (decoderEmbedNorm != null) {
        x = decoderEmbedNorm.apply(x);
      }
      int group = state.group();
      for (int i = 0; i < decoderLayers.length; i++) {
        DecoderLayer l = decoderLayers[i];
        Attention a = l.selfAttn;
        NDList qkv = a.selfProjections(preNorm ? l.selfNorm.apply(x) : x);
        NDArray k = state.appendSelf(i, qkv.get(1), qkv.get(2));
        NDArray attn = a.attend(qkv.get(0), k, state.selfValues(i), null);
        x = preNorm ? x.add(attn) : l.selfNorm.apply(x.add(attn));
        Attention c = l.crossAttn;
        NDArray q = c.q().apply(preNorm ? l.crossNorm.apply(x) : x);
        if (group == 1) {
          attn = c.attend(c.split(q), state.crossKeys(i), state.crossValues(i), state.sourceMask());
        } else {
          NDArray grouped = c.attend(c.splitGroups(q, group), state.crossKeys(i), state.crossValues(i), state.sourceMask());
          attn = grouped.reshape(tokens.length, 1, config.dModel());
        }
        if (preNorm) {
          x = x.add(attn);
          x = x.add(l.fc2.apply(activation.apply(l.fc1.apply(l.finalNorm.apply(x)))));
        } else {
          x = l.crossNorm.apply(x.add(attn));
          x = l.finalNorm.apply(x.add(l.fc2.apply(activation.apply(l.fc1.apply(x)))));
        }
      }
      if (decoderFinalNorm != null) {
        x = decoderFinalNorm.apply(x);
      }
      NDArray h = x.reshape(tokens.length, config.dModel());
      // as transformers: lm_head without bias, then the bias added (torch's addmm path is twice as slow here)
      NDArray headT = shortlistHeadT != null ? shortlistHeadT : lmHeadT;
      NDArray bias = shortlistHeadT != null ? shortlistBias : finalLogitsBias;
      Linear hd = headFor(tokens.length);
      NDArray logits = hd != null && shortlistHeadT == null ? hd.apply(h) : project(h, headT);
      if (bias != null) {
        logits.addi(bias);
      }
      state.advance();
      return keep(logits.toType(DataType.FLOAT32, false), owner);
    }
  }

  /**
   * The logits {@code h [rows, d] · headT [d, vocab]}, with the head stored transposed. This is the LM
   * head's product that torch's linear computes as {@code h · W^T} (transformers' way), but MKL's kernel
   * for that layout is slow at the row counts decoding has: 31 against 13 ms for 15 rows, 11 against
   * 8 ms for 4, 27 against 26 for 60, with the table coming from memory on this 2-core AVX-512 machine
   * (scripts/bench/LmHeadShapes.java prints the scan). The same float32 products; only the order of the
   * additions inside each dot product may differ.
   */
  static NDArray project(NDArray h, NDArray headT) {
    return h.matMul(headT);
  }

  private static boolean allZero(NDArray a) {
    try (NDArray abs = a.abs(); NDArray max = abs.max()) {
      return max.getFloat() == 0f;
    }
  }

  /** {@code a} transposed into its own row-major memory (flattening is what makes torch copy it). */
  static NDArray transposedCopy(NDArray a) {
    Shape s = a.getShape();
    try (NDArray view = a.transpose(); NDArray flat = view.reshape(-1)) {
      return flat.reshape(s.get(1), s.get(0));
    }
  }

  /**
   * Computes logits only for {@code tokens} (a vocabulary shortlist; column i of the logits is then
   * {@code tokens[i]}), or for the whole vocabulary again when {@code tokens} is null.
   */
  public void setShortlist(long[] tokens) {
    if (shortlistHeadT != null) {
      shortlistHeadT.close();
      if (shortlistBias != null) {
        shortlistBias.close();
      }
    }
    shortlistHeadT = null;
    shortlistBias = null;
    if (tokens != null) {
      try (NDArray idx = manager.create(tokens); NDArray rows = headRows.get(idx)) {
        shortlistHeadT = transposedCopy(rows);
        shortlistBias = finalLogitsBias == null ? null : finalLogitsBias.get(idx);
      }
    }
  }

  @Override
  public void close() {
    if (kernels != null) {
      kernels.close();
    }
    manager.close();
  }
}

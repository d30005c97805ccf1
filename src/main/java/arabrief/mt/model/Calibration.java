package arabrief.mt.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import arabrief.mt.model.Layers.Linear;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code --compute-type auto}: which precision each group of products (encoder linears, decoder linears, LM
 * head) runs fastest in on this CPU, measured on the model's own shapes at the row counts decoding has (1, 4,
 * 16 and 64 rows: one sentence greedy, one beam of 4, a batch of 16, a batch of 16 at beam 4; the encoder at
 * 256 source tokens). Which kernel wins depends on the CPU, the kernel library and the row count (see
 * ../shared/NOTES.md: int8 is 8x faster than float32 at one row on one machine, no faster at 64), so nothing
 * is assumed: the candidates are timed, interleaved, best of a few repeats.
 *
 * <p>The result is cached under {@code home/calibration/}, keyed by the CPU (model name, family, flags, cores), the
 * model (path, config, weight file size and time) and the libraries (libtorch version, the kernels module,
 * this class's {@link #VERSION}); a later load with the same key reads it instead of timing again.
 */
final class Calibration {
  /** Bump when the measurement or the candidates change: older cache entries are then ignored. */
  static final int VERSION = 9;

  static final int[] DECODER_ROWS = {1, 4, 16, 64};
  static final int ENCODER_ROWS = 256;
  /** Rounds of timing: at least the first number, more while the group's budget lasts, at most the second. */
  static final int MIN_ROUNDS = 3;
  static final int MAX_ROUNDS = 12;
  /** Seconds one group's timing may take before it stops adding rounds (a busy machine needs more). */
  static final double BUDGET_SECONDS = 1.5;
  /**
   * Bytes of float32 LM head timed at most: a larger head (NLLB-200's and mBART-50's 256k rows, 1 GB) is timed on its
   * first rows, so that the candidates' copies cost 128 MB each rather than a second and third gigabyte. The
   * products stream the table from memory at every size above the caches, so the ratios between candidates,
   * which are all the choice uses, hold for the whole head. opus-mt's head (123 MiB) is timed whole.
   */
  static final long HEAD_SAMPLE_BYTES = 128L << 20;

  /** A faster candidate must beat float32 by this factor to be picked over it (float32 is exact). */
  static final double MARGIN = 0.9;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Calibration() {}

  /**
   * The plan for {@code type}: for {@link ComputeType#AUTO} every precision is a candidate; for
   * {@link ComputeType#FLOAT32} (the exact mode) only the float32 kernels, MKL's and oneDNN's.
   */
  static ComputePlan plan(TransformerModel model, Path modelDir, Path home, ComputeType type) {
    String key = cacheKey(modelDir, type);
    Path file = cacheFile(home, key);
    ComputePlan cached = read(file, key);
    if (cached != null) {
      return cached;
    }
    ObjectNode record = JSON.createObjectNode();
    double busy = loadAverage();
    ComputePlan p = measure(model, record, type);
    if (file != null) {
      record.put("key", key);
      if (!Double.isNaN(busy)) {
        record.put("load_average", busy);
      }
      record.put("type", type.name());
      record.put("encoder", p.encoder().name());
      record.put("decoder", p.decoder().name());
      record.put("head", p.head().name());
      record.put("head_batched", p.headBatched().name());
      record.put("head_batched_rows", p.headBatchedRows());
      write(file, record);
    }
    return p;
  }

  /** The plan cached for {@code type} on this CPU, or null: then {@link #plan} has to time the loaded model. */
  static ComputePlan cached(Path modelDir, Path home, ComputeType type) {
    String key = cacheKey(modelDir, type);
    return read(cacheFile(home, key), key);
  }

  private static String cacheKey(Path modelDir, ComputeType type) {
    return key(modelDir) + "type " + type + "\n" + "candidates " + candidates(type) + "\n";
  }

  private static Path cacheFile(Path home, String key) {
    return home == null ? null : home.resolve("calibration").resolve(sha256(key).substring(0, 32) + ".json");
  }

  /** Times the candidates on {@code model} (still all float32) and returns the fastest per group. */
  static ComputePlan measure(TransformerModel model, ObjectNode record, ComputeType type) {
    Kernels k = model.kernels();
    List<Precision> c = candidates(type);
    try (NDManager m = model.manager().newSubManager()) {
      Map<Precision, double[]> seconds = new EnumMap<>(Precision.class);
      Precision enc = pick("encoder", record, c, p -> linearSeconds(model.sampleLinears(false), p, k, m, new int[] {ENCODER_ROWS}), seconds);
      Precision dec = pick("decoder", record, c, p -> linearSeconds(model.sampleLinears(true), p, k, m, DECODER_ROWS), seconds);
      seconds.clear();
      NDArray sample = model.headSample(HEAD_SAMPLE_BYTES, m);
      NDArray sampleT = sample == null ? model.lmHeadT() : TransformerModel.transposedCopy(sample);
      Precision head = pick("head", record, c, p -> headSeconds(model, sample, sampleT, p, k, m), seconds);
      // the head's cost grows with the rows far more than the layers' (a 62834-wide product), and the kernel
      // that wins at one row often loses at 64: it changes precision at the row count where the timings cross
      HeadSplit split = headSplit(seconds, head, DECODER_ROWS);
      if (sample != null && split.small().exact && split.large().exact && split.small() != split.large()) {
        // two float32 kernels would hold two float32 copies of a head too large to be timed whole (NLLB-200's: 1 GB
        // each, peak RSS 1.9x the weights); the kernel picked over all row counts runs them all
        split = new HeadSplit(head, head, Integer.MAX_VALUE);
      }
      return new ComputePlan(type, enc, dec, split.small(), split.large(), split.from());
    } finally {
      k.clear(); // the candidates' converted weights; the real conversion follows
    }
  }

  /** The head's precision below {@code from} rows ({@code small}) and from there on ({@code large}). */
  record HeadSplit(Precision small, Precision large, int from) {}

  /**
   * Splits the head between the candidate fastest at the fewest rows and the one fastest at the most, when they
   * differ and each is clearly (by {@link #MARGIN}) faster than the other at its end; the split falls between
   * the row counts where the large one starts to be faster at every count from there on. Otherwise the head
   * stays {@code picked} throughout. The fastest at a count prefers exact arithmetic as {@link #pick} does.
   */
  static HeadSplit headSplit(Map<Precision, double[]> seconds, Precision picked, int[] rows) {
    HeadSplit none = new HeadSplit(picked, picked, Integer.MAX_VALUE);
    int last = rows.length - 1;
    Precision small = fastestAt(seconds, 0);
    Precision large = fastestAt(seconds, last);
    if (small == large || !(seconds.get(small)[0] < MARGIN * seconds.get(large)[0])
        || !(seconds.get(large)[last] < MARGIN * seconds.get(small)[last])) {
      return none;
    }
    int j = last;
    while (j > 0 && seconds.get(large)[j - 1] < seconds.get(small)[j - 1]) {
      j--;
    }
    if (j == 0) {
      return none;
    }
    return new HeadSplit(small, large, (int) Math.ceil(Math.sqrt((double) rows[j - 1] * rows[j])));
  }

  /**
   * The fastest candidate at row count {@code i}: exact arithmetic unless another is clearly faster (float32 is
   * always among the candidates).
   */
  private static Precision fastestAt(Map<Precision, double[]> seconds, int i) {
    Precision best = null;
    for (Map.Entry<Precision, double[]> e : seconds.entrySet()) {
      if (e.getKey().exact && (best == null || e.getValue()[i] < seconds.get(best)[i])) {
        best = e.getKey();
      }
    }
    Precision exact = best;
    for (Map.Entry<Precision, double[]> e : seconds.entrySet()) {
      if (!e.getKey().exact && e.getValue()[i] < MARGIN * seconds.get(exact)[i]
          && (best == exact || e.getValue()[i] < seconds.get(best)[i])) {
        best = e.getKey();
      }
    }
    return best;
  }

  /**
   * The precision of least cost; {@code cost} gives, per candidate, seconds per row count (best of the repeats,
   * which are interleaved across candidates so that a busy machine slows them alike).
   */
  private static Precision pick(String group, ObjectNode record, List<Precision> candidates,
      Function<Precision, Timer> cost, Map<Precision, double[]> seconds) {
    Map<Precision, Timer> timers = new EnumMap<>(Precision.class);
    for (Precision p : candidates) {
      timers.put(p, cost.apply(p));
    }
    long start = System.nanoTime();
    // the first round warms up and is not counted; each candidate keeps its best time per row count, so a
    // round slowed by other work on the machine only counts if every round was
    for (int r = 0; r <= MAX_ROUNDS; r++) {
      if (r > MIN_ROUNDS && (System.nanoTime() - start) / 1e9 > BUDGET_SECONDS) {
        break;
      }
      for (Timer t : timers.values()) {
        t.run(r > 0);
      }
    }
    ObjectNode g = record.with("timings").putObject(group);
    double[] exact = timers.get(Precision.FLOAT32).best;
    Map<Precision, Double> scores = new EnumMap<>(Precision.class);
    for (Map.Entry<Precision, Timer> e : timers.entrySet()) {
      double[] s = e.getValue().best;
      // equal weight to every row count: the geometric mean of the ratios to float32
      double score = 0;
      for (int i = 0; i < s.length; i++) {
        score += Math.log(s[i] / exact[i]) / s.length;
      }
      score = Math.exp(score);
      scores.put(e.getKey(), score);
      ObjectNode c = g.putObject(e.getKey().name().toLowerCase(java.util.Locale.ROOT));
      seconds.put(e.getKey(), s.clone());
      c.put("ratio_to_float32", score);
      c.putPOJO("seconds", s);
      e.getValue().close();
    }
    // exact arithmetic first: the fastest float32 kernel (another than MKL's only when clearly faster); a
    // reduced precision only when it is clearly faster than that, so that auto changes texts only for speed
    Precision best = Precision.FLOAT32;
    for (Map.Entry<Precision, Double> e : scores.entrySet()) {
      if (e.getKey().exact && e.getValue() < MARGIN * scores.get(best)) {
        best = e.getKey();
      }
    }
    Precision bestExact = best;
    for (Map.Entry<Precision, Double> e : scores.entrySet()) {
      if (!e.getKey().exact && e.getValue() < MARGIN * scores.get(bestExact) && e.getValue() < scores.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }

  /** A candidate's work at each row count, timed on demand. */
  private abstract static class Timer implements AutoCloseable {
    final double[] best;

    Timer(int counts) {
      best = new double[counts];
      java.util.Arrays.fill(best, Double.MAX_VALUE);
    }

    abstract void once(int rowIndex);

    void run(boolean count) {
      for (int i = 0; i < best.length; i++) {
        long t0 = System.nanoTime();
        once(i);
        double s = (System.nanoTime() - t0) / 1e9;
        if (count) {
          best[i] = Math.min(best[i], s);
        }
      }
    }

    @Override
    public void close() {}
  }

  private static Timer linearSeconds(Linear[] layers, Precision p, Kernels k, NDManager m, int[] rows) {
    Linear[] converted = new Linear[layers.length];
    for (int i = 0; i < layers.length; i++) {
      converted[i] = layers[i].to(p, k, false);
    }
    NDArray[][] inputs = new NDArray[rows.length][layers.length];
    for (int r = 0; r < rows.length; r++) {
      for (int i = 0; i < layers.length; i++) {
        long in = layers[i].weight().getShape().get(1);
        inputs[r][i] = m.randomNormal(new Shape(rows[r], 1, in));
      }
    }
    return new Timer(rows.length) {
      @Override
      void once(int r) {
        for (int i = 0; i < converted.length; i++) {
          converted[i].apply(inputs[r][i]).close();
        }
      }
    };
  }

  /**
   * The LM head's product in {@code p}: the whole head (sample null), or the rows {@code sample} of it, whose
   * transposed float32 copy {@code sampleT} is MKL's candidate.
   */
  private static Timer headSeconds(TransformerModel model, NDArray sample, NDArray sampleT, Precision p, Kernels k,
      NDManager m) {
    Linear head = sample == null ? model.headIn(p, k) : TransformerModel.headFromRows(p, k, sample);
    long d = model.config().dModel();
    NDArray[] inputs = new NDArray[DECODER_ROWS.length];
    for (int r = 0; r < DECODER_ROWS.length; r++) {
      inputs[r] = m.randomNormal(new Shape(DECODER_ROWS[r], d));
    }
    return new Timer(DECODER_ROWS.length) {
      @Override
      void once(int r) {
        (head == null ? TransformerModel.project(inputs[r], sampleT) : head.apply(inputs[r])).close();
      }
    };
  }

  /**
   * The precisions timed for {@code type}. oneDNN's float32 is left out when the environment sets oneDNN's default
   * floating-point math mode (ONEDNN_DEFAULT_FPMATH_MODE / DNNL_DEFAULT_FPMATH_MODE): that lets oneDNN compute
   * float32 products in bfloat16, which the exact mode must not.
   */
  static List<Precision> candidates(ComputeType type) {
    List<Precision> out = new ArrayList<>();
    for (Precision p : Precision.values()) {
      if (p == Precision.FLOAT32_ONEDNN && !oneDnnStrict()) {
        continue;
      }
      if (type == ComputeType.AUTO || p.exact) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean oneDnnStrict() {
    for (String v : new String[] {"ONEDNN_DEFAULT_FPMATH_MODE", "DNNL_DEFAULT_FPMATH_MODE"}) {
      String s = System.getenv(v);
      if (s != null && !s.isBlank() && !s.equalsIgnoreCase("strict")) {
        return false;
      }
    }
    return true;
  }

  /** What the measurement depends on: the CPU, the model's files, the libraries and this procedure. */
  static String key(Path modelDir) {
    StringBuilder b = new StringBuilder();
    b.append("calibration ").append(VERSION).append('\n');
    b.append("cpu ").append(CpuInfo.current().key()).append('\n');
    b.append("libtorch ").append(Engine.getEngine("PyTorch").getVersion()).append('\n');
    try (InputStream in = Calibration.class.getResourceAsStream(Kernels.RESOURCE)) {
      b.append("kernels ").append(in == null ? "none" : sha256(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1))).append('\n');
    } catch (IOException e) {
      b.append("kernels unreadable\n");
    }
    Path dir = modelDir.toAbsolutePath().normalize();
    b.append("model ").append(dir).append('\n');
    for (String f : new String[] {"config.json", "model.safetensors", "pytorch_model.bin"}) {
      Path p = dir.resolve(f);
      try {
        if (Files.isRegularFile(p)) {
          b.append(f).append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis()).append('\n');
        }
      } catch (IOException e) {
        b.append(f).append(" unreadable\n");
      }
    }
    return b.toString();
  }

  /**
   * Whether a plan measured while the machine's load average was {@code recorded} should be measured again now
   * that it is {@code now}: when other work held more threads than there are cores during the timing (a
   * calibration at load 28 on 2 cores picked badly, docs/performance.md) and the machine is now at most half
   * busy. A plan measured on a quiet machine, or one without a record (another OS), is kept.
   */
  static boolean measureAgain(double recorded, double now, int cores) {
    return recorded > cores && now < 0.5 * cores;
  }

  /** The 1-minute load average ({@code /proc/loadavg}), or NaN where there is none. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * The cached plan for {@code key}, or null (no file, another key, unreadable, or measured on a machine far
   * busier than it is now: see {@link #measureAgain}; measured again).
   */
  static ComputePlan read(Path file, String key) {
    if (file == null || !Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode j = JSON.readTree(file.toFile());
      if (!key.equals(j.path("key").asText())) {
        return null;
      }
      double recorded = j.path("load_average").asDouble(Double.NaN);
      if (!Double.isNaN(recorded)
          && measureAgain(recorded, loadAverage(), Runtime.getRuntime().availableProcessors())) {
        return null;
      }
      return new ComputePlan(ComputeType.valueOf(j.path("type").asText()), Precision.valueOf(j.path("encoder").asText()),
          Precision.valueOf(j.path("decoder").asText()), Precision.valueOf(j.path("head").asText()),
          Precision.valueOf(j.path("head_batched").asText()), j.path("head_batched_rows").asInt());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Writes atomically (a temporary file moved into place); a cache that cannot be written is not an error. */
  private static void write(Path file, ObjectNode record) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".calibration", ".tmp");
      try {
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), record);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // read-only home: calibrate again next time
    }
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

package arabrief.spark;

import arabrief.article.ClauseSplitter;
import arabrief.models.ModelMissingException;
import arabrief.models.ModelPuller;
import arabrief.models.ModelStore;
import arabrief.models.PullProgress;
import arabrief.mt.Translator;
import arabrief.mt.model.ComputeType;
import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model of an executor JVM: loaded on the first task that needs it, shared by every later task (and
 * every task thread) of that JVM, closed when the JVM shuts down. Spark has no per-executor setup hook,
 * so a static holder is the one place that outlives a task. Each load is counted in the job's
 * {@code arabrief model loads} accumulator and stated in the executor's log, one line per JVM and model: a
 * task re-run here after another executor was lost finds the model already loaded.
 */
final class ExecutorModel {
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorModel.class);

  /** A loaded model and the generation settings asked for. */
  record Loaded(Translator translator, GenerationSettings settings) {}

  private static final Map<String, Translator> MODELS = new HashMap<>();
  private static boolean hooked;

  private ExecutorModel() {}

  /** The loaded model for {@code s}, loading it (and counting the load in {@code s.loads()}) on first use. */
  static Loaded get(BriefSettings s) {
    Translator t;
    synchronized (ExecutorModel.class) {
      String key = s.model() + "\u0000" + s.computeType();
      t = MODELS.get(key);
      if (t == null) {
        Path dir = locate(s.model());
        long t0 = System.nanoTime();
        try {
          t = Translator.load(dir, ComputeType.parse(s.computeType()), home()).withSplitter(ClauseSplitter::split);
        } catch (IOException | RuntimeException e) {
          throw new IllegalStateException("the model in " + dir + " cannot be used: " + e.getMessage(), e);
        }
        MODELS.put(key, t);
        SparkEnv env = SparkEnv.get();
        LOG.info("arabrief: model {} ({}) loaded in {} s in executor {} (pid {}); every later task of this JVM uses it",
            dir, s.computeType(), String.format("%.1f", (System.nanoTime() - t0) / 1e9),
            env == null ? "?" : env.executorId(), ProcessHandle.current().pid());
        if (s.loads() != null) {
          s.loads().add(1);
        }
        if (!hooked) {
          Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModel::closeAll, "arabrief-model-close"));
          hooked = true;
        }
      }
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (s.beams() != null) {
      o.put("num_beams", s.beams());
    }
    if (s.maxNewTokens() != null) {
      o.put("max_new_tokens", s.maxNewTokens());
    }
    try {
      return new Loaded(t, GenerationSettings.read(t.modelDir(), o));
    } catch (IOException e) {
      throw new IllegalStateException("the generation settings of " + t.modelDir() + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Where {@code model} is on this node: a directory every node sees, a file or archive shipped with
   * {@code --files}/{@code --archives} (found through SparkFiles or the task's working directory), or an
   * installed name, pulled into this node's model store the first time.
   */
  static Path locate(String model) {
    Path given = Path.of(model);
    if (Files.isDirectory(given)) {
      return given;
    }
    if (!given.isAbsolute() && given.getNameCount() == 1) {
      try {
        Path shipped = Path.of(SparkFiles.get(model));
        if (Files.isDirectory(shipped)) {
          return shipped;
        }
      } catch (RuntimeException noSparkContext) {
        // not inside a Spark application (a unit test of locate): fall through to the store
      }
    }
    try {
      return new ModelPuller(ModelStore.fromEnvironment(System.getenv()), System.getenv()).ensure(model, false, PullProgress.NONE);
    } catch (ModelMissingException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** arabrief's home on this node ({@code $ARABRIEF_HOME}, else {@code ~/.arabrief}): the calibration cache's place. */
  static Path home() {
    String env = System.getenv("ARABRIEF_HOME");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".arabrief");
  }

  /** Closes every model of this JVM; the next task loads again. For the shutdown hook and tests. */
  static synchronized void closeAll() {
    for (Translator t : MODELS.values()) {
      t.close();
    }
    MODELS.clear();
  }
}

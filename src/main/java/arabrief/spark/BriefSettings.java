package arabrief.spark;

import arabrief.batch.BatchConfig;
import arabrief.mt.Translator;
import arabrief.mt.model.ComputeType;
import java.io.Serializable;
import org.apache.spark.util.LongAccumulator;

/**
 * What every task needs to turn articles into briefs, shipped with the closure: the model by name or
 * path (resolved on each executor, see {@link ExecutorModel}) and the search and summary settings.
 *
 * @param beams null for the model's own num_beams
 * @param maxNewTokens null for the model's own max_length
 * @param window documents of a partition whose sentences share one model call
 * @param loads counts real model loads across the cluster (one per executor JVM); may be null
 * @param faultPartition for tests of Spark's retries: this partition's first attempt throws; -1 for none
 * @param computeType the arithmetic of the model's products, by {@link ComputeType}'s names
 */
public record BriefSettings(
    String model,
    Integer beams,
    Integer maxNewTokens,
    int batchSize,
    int summarySentences,
    int window,
    LongAccumulator loads,
    int faultPartition,
    String computeType) implements Serializable {
  public static final String DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en";

  public BriefSettings {
    if (beams != null && beams < 1) {
      throw new IllegalArgumentException("beams must be at least 1, got " + beams);
    }
    if (maxNewTokens != null && maxNewTokens < 1) {
      throw new IllegalArgumentException("max new tokens must be at least 1, got " + maxNewTokens);
    }
    if (batchSize < 1 || window < 1) {
      throw new IllegalArgumentException("batch size and window must be at least 1");
    }
    ComputeType.parse(computeType); // a clear message on the driver, before any task starts
    if (summarySentences < 0) {
      throw new IllegalArgumentException("summary sentences must be 0 or more, got " + summarySentences);
    }
  }

  /** The model's defaults, the batch command's batch size and window, a 3-sentence summary. */
  public static BriefSettings defaults(String model) {
    return new BriefSettings(model, null, null, Translator.DEFAULT_BATCH_SIZE, 3, BatchConfig.DEFAULT_WINDOW, null, -1, "float32");
  }

  BriefSettings withLoads(LongAccumulator a) {
    return new BriefSettings(model, beams, maxNewTokens, batchSize, summarySentences, window, a, faultPartition, computeType);
  }
}

package arabrief.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * What Spark did behind the job's back, for its closing line: executors lost and task attempts that did not
 * succeed (and were run again). Spark logs a lost worker once and the re-run of the task lost with it only at
 * INFO; a user of a long job wants to know that the output was written through retries, and how many.
 */
final class JobRetries extends SparkListener {
  private final AtomicLong executorsLost = new AtomicLong();
  private final AtomicLong failedAttempts = new AtomicLong();

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
    executorsLost.incrementAndGet();
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (!(end.reason() instanceof Success$)) {
      failedAttempts.incrementAndGet();
    }
  }

  /** "; 1 executor lost, 3 task attempts failed and run again", or "" when the job ran without either. */
  String summary() {
    long lost = executorsLost.get();
    long failed = failedAttempts.get();
    if (lost == 0 && failed == 0) {
      return "";
    }
    return "; " + lost + (lost == 1 ? " executor" : " executors") + " lost, " + failed
        + (failed == 1 ? " task attempt" : " task attempts") + " failed and run again";
  }
}

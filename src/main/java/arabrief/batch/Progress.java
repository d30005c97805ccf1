package arabrief.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * How far the batch is: a progress bar with documents per second and the time left on a terminal, a
 * plain line on stderr every few seconds otherwise (logs and CI keep readable text).
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;
  private final PrintStream log;
  private final long total;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private long done;
  private long failed;
  private final java.util.Map<WarcRecords.Skip, Long> skipped = new java.util.EnumMap<>(WarcRecords.Skip.class);
  private long resyncs;
  private long lastLog = System.nanoTime();

  private Progress(ProgressBar bar, PrintStream log, long total, Duration interval) {
    this.bar = bar;
    this.log = log;
    this.total = total;
    this.intervalNanos = interval.toNanos();
  }

  static Progress bar(long total) {
    ProgressBar b = new ProgressBarBuilder()
        .setTaskName("translating")
        .setInitialMax(total)
        .setUnit(" docs", 1)
        .showSpeed()
        .setSpeedUnit(ChronoUnit.SECONDS)
        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
        .setUpdateIntervalMillis(500)
        .continuousUpdate()
        .build();
    return new Progress(b, null, total, Duration.ZERO);
  }

  static Progress log(PrintStream err, long total, Duration interval) {
    return new Progress(null, err, total, interval);
  }

  /** WARC records that are not articles, by why; shown with the counts. */
  synchronized void skipped(WarcRecords.Skip why, long n) {
    skipped.merge(why, n, Long::sum);
    if (bar != null) {
      bar.setExtraMessage(skippedText());
    }
  }

  /** Times reading a WARC file resumed at a later record after a broken one; shown with the counts. */
  synchronized void resynced(long n) {
    resyncs += n;
    if (bar != null) {
      bar.setExtraMessage(skippedText());
    }
  }

  private String skippedText() {
    StringBuilder sb = new StringBuilder();
    if (!skipped.isEmpty()) {
      sb.append("; records skipped:");
      skipped.forEach((k, v) -> sb.append(' ').append(v).append(' ').append(k.key).append(','));
      sb.setLength(sb.length() - 1);
    }
    if (resyncs > 0) {
      sb.append("; resumed after ").append(resyncs).append(resyncs == 1 ? " broken record" : " broken records");
    }
    return sb.toString();
  }

  /** One document finished (written, skipped or failed). */
  synchronized void step(boolean failure) {
    done++;
    if (failure) {
      failed++;
    }
    if (bar != null) {
      bar.step();
      return;
    }
    long now = System.nanoTime();
    if (now - lastLog >= intervalNanos) {
      lastLog = now;
      print(now);
    }
  }

  private void print(long now) {
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = rate > 0 ? String.format("%.0f s", (total - done) / rate) : "?";
    log.printf("arabrief batch: %d/%d documents (%d failed%s), %.1f docs/s, about %s left%n", done, total, failed, skippedText(), rate, eta);
    log.flush();
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}

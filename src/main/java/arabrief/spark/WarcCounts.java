package arabrief.spark;

import arabrief.batch.WarcRecords;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * What reading each WARC file skipped (records by why) and how often it resynchronised, kept per file. Spark
 * applies the accumulator updates of a map stage's tasks again when it runs them again (after a lost executor
 * or a fetch failure), so plain counters would count a re-read file twice; a file's counts are the same however
 * often it is read, so here a file read again replaces its counts, and the job's totals stay exact. Its value,
 * as the Spark UI shows it, is the totals by key ({@code request}, ..., {@code resyncs}).
 */
final class WarcCounts extends AccumulatorV2<WarcCounts.File, Map<String, Long>> {
  /** The counts of one file, by {@link WarcRecords.Skip} ordinal, then resynchronisations. */
  record File(String path, long[] counts) implements Serializable {}

  static final int RESYNCS = WarcRecords.Skip.values().length;

  private final HashMap<String, long[]> files = new HashMap<>();

  /** A tally for one file being read; {@link #finish} hands its counts over once the file is read to its end. */
  static final class FileTally implements WarcRecords.Tally {
    private final long[] counts = new long[RESYNCS + 1];

    @Override
    public void skipped(WarcRecords.Skip why) {
      counts[why.ordinal()]++;
    }

    @Override
    public void resynced() {
      counts[RESYNCS]++;
    }

    void finish(WarcCounts acc, String path) {
      acc.add(new File(path, counts.clone()));
    }
  }

  /** The total over every file of count {@code index} (a skip ordinal, or {@link #RESYNCS}). */
  synchronized long total(int index) {
    long n = 0;
    for (long[] c : files.values()) {
      n += c[index];
    }
    return n;
  }

  @Override
  public synchronized boolean isZero() {
    return files.isEmpty();
  }

  @Override
  public synchronized WarcCounts copy() {
    WarcCounts c = new WarcCounts();
    c.files.putAll(files);
    return c;
  }

  @Override
  public synchronized void reset() {
    files.clear();
  }

  @Override
  public synchronized void add(File f) {
    files.put(f.path(), f.counts());
  }

  @Override
  public synchronized void merge(AccumulatorV2<File, Map<String, Long>> other) {
    files.putAll(((WarcCounts) other).files);
  }

  @Override
  public synchronized Map<String, Long> value() {
    Map<String, Long> totals = new TreeMap<>();
    for (WarcRecords.Skip k : WarcRecords.Skip.values()) {
      totals.put(k.key, total(k.ordinal()));
    }
    totals.put("resyncs", total(RESYNCS));
    return totals;
  }
}

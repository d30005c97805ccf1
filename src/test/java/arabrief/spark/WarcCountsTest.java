package arabrief.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import arabrief.batch.WarcRecords;
import org.junit.jupiter.api.Test;

/** The per-file WARC counts: a file read again (a map task Spark ran twice) replaces its counts. */
class WarcCountsTest {
  private static WarcCounts.FileTally tally(int requests, int resyncs) {
    WarcCounts.FileTally t = new WarcCounts.FileTally();
    for (int i = 0; i < requests; i++) {
      t.skipped(WarcRecords.Skip.REQUEST);
    }
    for (int i = 0; i < resyncs; i++) {
      t.resynced();
    }
    return t;
  }

  @Test
  void aFileReadTwiceIsCountedOnceAndFilesAddUp() {
    WarcCounts driver = new WarcCounts();
    WarcCounts firstAttempt = driver.copy();
    tally(5, 1).finish(firstAttempt, "a.warc.gz");
    WarcCounts other = driver.copy();
    tally(3, 0).finish(other, "b.warc.gz");
    WarcCounts rerun = driver.copy(); // the map stage run again after a lost executor: a.warc.gz read again
    tally(5, 1).finish(rerun, "a.warc.gz");
    driver.merge(firstAttempt);
    driver.merge(other);
    driver.merge(rerun);
    assertEquals(8, driver.total(WarcRecords.Skip.REQUEST.ordinal()));
    assertEquals(1, driver.total(WarcCounts.RESYNCS));
    assertEquals(8L, driver.value().get("request"));
    assertEquals(1L, driver.value().get("resyncs"));
    assertEquals(0L, driver.value().get("metadata"));
  }
}

package arabrief.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch run did, written to {@code DIR/_report.json} at the end: counts of documents done,
 * skipped (already current) and failed, every failure with its reason, and the sentence counts; for WARC
 * inputs, the records that are not articles counted by why ({@code skipped_records}), the Arabic pages
 * that are not articles by URL ({@code not_articles}), how many times reading resumed at a later record
 * after a broken one ({@code warc_resyncs}); for URL inputs, the pages skipped (robots.txt, not a page,
 * not Arabic, not an article) with why ({@code skipped_urls}).
 */
public final class BatchReport {
  public static final String FILE = "_report.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  long documents;
  long done;
  long skipped;
  private final Map<Integer, String[]> failures = new TreeMap<>();
  private final Map<WarcRecords.Skip, Long> skippedRecords = new java.util.EnumMap<>(WarcRecords.Skip.class);
  private final Map<Integer, String[]> notArticles = new TreeMap<>();
  long warcResyncs;
  private final Map<Integer, String[]> skippedUrls = new TreeMap<>();
  long sentencesTranslated;
  long sentencesFromMemory;
  long sentencesRepeated;
  double elapsedSeconds;
  /** The run was stopped (Ctrl-C, SIGTERM) before every document was done: the counts are what it finished. */
  boolean interrupted;

  synchronized void fail(Doc d, String reason) {
    String url = d instanceof Doc.Record r ? r.item().url() : d instanceof Doc.Url u ? u.item().url() : null;
    failures.put(d.index(), new String[] {d instanceof Doc.Url u ? u.archive().name() + "#" + u.line() : d.name(), reason, url});
  }

  synchronized void skippedRecords(Map<WarcRecords.Skip, Long> counts) {
    counts.forEach((k, v) -> skippedRecords.merge(k, v, Long::sum));
  }

  /** A WARC page that is not an article: counted, and listed by URL when it is Arabic. */
  synchronized void notArticle(Doc.Record d, WarcRecords.Skip why, String reason) {
    skippedRecords.merge(why, 1L, Long::sum);
    if (why == WarcRecords.Skip.NOT_AN_ARTICLE) {
      notArticles.put(d.index(), new String[] {d.name(), reason, d.item().url()});
    }
  }

  /** A URL that is not fetched or not briefed, and why: robots.txt, not a page, not Arabic, not an article. */
  synchronized void skippedUrl(Doc.Url d, String key, String reason) {
    skippedUrls.put(d.index(), new String[] {d.item().url(), key, reason});
  }

  synchronized void done() {
    done++;
  }

  synchronized void skipped() {
    skipped++;
  }

  public synchronized long failed() {
    return failures.size();
  }

  /** The failures in input order: document name and reason. */
  public synchronized Iterable<String[]> failures() {
    return failures.values();
  }

  public synchronized ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("documents", documents);
    o.put("done", done);
    o.put("skipped", skipped);
    o.put("failed", failures.size());
    ArrayNode fs = o.putArray("failures");
    for (String[] f : failures.values()) {
      ObjectNode fo = fs.addObject().put("path", f[0]).put("reason", f[1]);
      if (f[2] != null) {
        fo.put("url", f[2]);
      }
    }
    if (!skippedRecords.isEmpty() || warcResyncs > 0) {
      ObjectNode sr = o.putObject("skipped_records");
      skippedRecords.forEach((k, v) -> sr.put(k.key, v));
      ArrayNode na = o.putArray("not_articles");
      for (String[] f : notArticles.values()) {
        na.addObject().put("path", f[0]).put("url", f[2]).put("reason", f[1]);
      }
      o.put("warc_resyncs", warcResyncs);
    }
    if (!skippedUrls.isEmpty()) {
      ArrayNode su = o.putArray("skipped_urls");
      for (String[] f : skippedUrls.values()) {
        su.addObject().put("url", f[0]).put("why", f[1]).put("reason", f[2]);
      }
    }
    o.put("sentences_translated", sentencesTranslated);
    o.put("sentences_from_memory", sentencesFromMemory);
    o.put("sentences_repeated", sentencesRepeated);
    o.put("interrupted", interrupted);
    o.put("elapsed_seconds", Math.round(elapsedSeconds * 1000) / 1000.0);
    o.put("documents_per_second", elapsedSeconds > 0 ? Math.round((done + skipped + failures.size()) / elapsedSeconds * 10) / 10.0 : 0.0);
    return o;
  }
}

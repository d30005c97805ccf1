package arabrief.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch run did, written to {@code DIR/_report.json} at the end: counts of documents done,
 * skipped (already current) and failed, every failure with its reason, and the sentence counts.
 */
public final class BatchReport {
  public static final String FILE = "_report.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  long documents;
  long done;
  long skipped;
  private final Map<Integer, String[]> failures = new TreeMap<>();
  long sentencesTranslated;
  long sentencesFromMemory;
  long sentencesRepeated;
  double elapsedSeconds;

  synchronized void fail(Doc d, String reason) {
    failures.put(d.index(), new String[] {d.name(), reason});
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
      fs.addObject().put("path", f[0]).put("reason", f[1]);
    }
    o.put("sentences_translated", sentencesTranslated);
    o.put("sentences_from_memory", sentencesFromMemory);
    o.put("sentences_repeated", sentencesRepeated);
    o.put("elapsed_seconds", Math.round(elapsedSeconds * 1000) / 1000.0);
    o.put("documents_per_second", elapsedSeconds > 0 ? Math.round((done + skipped + failures.size()) / elapsedSeconds * 10) / 10.0 : 0.0);
    return o;
  }
}

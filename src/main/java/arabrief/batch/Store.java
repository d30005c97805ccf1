package arabrief.batch;

import arabrief.mt.Translation;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch's memory between runs, an embedded H2 database beside the outputs ({@code DIR/_memory.mv.db}):
 * remembered sentence translations, which documents are finished under which engine key, and the
 * finished lines of JSONL archives. One connection, used by one thread at a time.
 */
final class Store implements AutoCloseable, Memory {
  static final String NAME = "_memory";

  private final Connection db;

  private Store(Connection db) {
    this.db = db;
  }

  static Store open(Path outDir) throws IOException {
    return new Store(H2Files.open(outDir, NAME, "batch database", "batch",
        "CREATE TABLE IF NOT EXISTS MEMORY(ENGINE VARCHAR(64), SOURCE_SHA VARCHAR(64), SOURCE VARCHAR,"
            + " TEXT VARCHAR, SCORE DOUBLE PRECISION, SOURCE_TOKENS INT, GENERATED_TOKENS INT,"
            + " PRIMARY KEY(ENGINE, SOURCE_SHA))",
        "CREATE TABLE IF NOT EXISTS DOCS(OUTPUT VARCHAR PRIMARY KEY, INPUT_SHA VARCHAR(64),"
            + " ENGINE VARCHAR(64), OUTPUT_SHA VARCHAR(64))",
        "CREATE TABLE IF NOT EXISTS LINES(OUTPUT VARCHAR, LINE INT, INPUT_SHA VARCHAR(64),"
            + " ENGINE VARCHAR(64), OK BOOLEAN, JSON CHARACTER LARGE OBJECT, PRIMARY KEY(OUTPUT, LINE))",
        // URL inputs (issue 30): a page done at another line of the same output (a feed whose entries moved)
        "CREATE INDEX IF NOT EXISTS LINES_BY_INPUT ON LINES(OUTPUT, INPUT_SHA)",
        // the last copy of each feed and sitemap, for conditional GETs
        "CREATE TABLE IF NOT EXISTS SOURCES(URL VARCHAR PRIMARY KEY, FINAL_URL VARCHAR, ETAG VARCHAR,"
            + " LAST_MODIFIED VARCHAR, CONTENT_TYPE VARCHAR, BODY BINARY LARGE OBJECT)"));
  }

  /** Remembered translations of {@code sources} (normalized sentences) under {@code engine}; misses are absent. */
  @Override
  public synchronized Map<String, Translation> recall(String engine, List<String> sources) {
    Map<String, Translation> out = new HashMap<>();
    try (PreparedStatement q = db.prepareStatement(
        "SELECT SOURCE, TEXT, SCORE, SOURCE_TOKENS, GENERATED_TOKENS FROM MEMORY WHERE ENGINE = ? AND SOURCE_SHA = ?")) {
      for (String src : sources) {
        q.setString(1, engine);
        q.setString(2, Digests.sha256(src));
        try (ResultSet r = q.executeQuery()) {
          if (r.next() && r.getString(1).equals(src)) {
            out.put(src, new Translation(src, r.getString(2), r.getDouble(3), r.getInt(4), r.getInt(5)));
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the translation memory failed: " + e.getMessage(), e);
    }
  }

  /**
   * Remembers translations in one transaction, then forces them to the file: a window's outputs are only
   * written after this returns, so a run killed at any point finds every sentence its outputs used.
   */
  @Override
  public synchronized void remember(String engine, List<Translation> ts) {
    if (ts.isEmpty()) {
      return;
    }
    try {
      db.setAutoCommit(false);
      try (PreparedStatement m = db.prepareStatement(
          "MERGE INTO MEMORY KEY(ENGINE, SOURCE_SHA) VALUES(?, ?, ?, ?, ?, ?, ?)")) {
        for (Translation t : ts) {
          m.setString(1, engine);
          m.setString(2, Digests.sha256(t.source()));
          m.setString(3, t.source());
          m.setString(4, t.text());
          m.setDouble(5, t.score());
          m.setInt(6, t.sourceTokens());
          m.setInt(7, t.generatedTokens());
          m.addBatch();
        }
        m.executeBatch();
      }
      db.commit();
      db.setAutoCommit(true);
      try (Statement s = db.createStatement()) {
        s.execute("CHECKPOINT");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("writing the translation memory failed: " + e.getMessage(), e);
    }
  }

  /** The recorded state of a file output: input digest, engine key, output digest; null when none. */
  synchronized String[] doc(String output) {
    try (PreparedStatement q = db.prepareStatement("SELECT INPUT_SHA, ENGINE, OUTPUT_SHA FROM DOCS WHERE OUTPUT = ?")) {
      q.setString(1, output);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? new String[] {r.getString(1), r.getString(2), r.getString(3)} : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the batch state failed: " + e.getMessage(), e);
    }
  }

  synchronized void putDoc(String output, String inputSha, String engine, String outputSha) {
    try (PreparedStatement m = db.prepareStatement("MERGE INTO DOCS KEY(OUTPUT) VALUES(?, ?, ?, ?)")) {
      m.setString(1, output);
      m.setString(2, inputSha);
      m.setString(3, engine);
      m.setString(4, outputSha);
      m.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("writing the batch state failed: " + e.getMessage(), e);
    }
  }

  /** Whether line {@code line} of an archive's output is finished for this input and engine. */
  synchronized boolean lineCurrent(String output, int line, String inputSha, String engine) {
    try (PreparedStatement q = db.prepareStatement(
        "SELECT 1 FROM LINES WHERE OUTPUT = ? AND LINE = ? AND INPUT_SHA = ? AND ENGINE = ? AND OK")) {
      q.setString(1, output);
      q.setInt(2, line);
      q.setString(3, inputSha);
      q.setString(4, engine);
      try (ResultSet r = q.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the batch state failed: " + e.getMessage(), e);
    }
  }

  synchronized void putLine(String output, int line, String inputSha, String engine, boolean ok, String json) {
    try (PreparedStatement m = db.prepareStatement("MERGE INTO LINES KEY(OUTPUT, LINE) VALUES(?, ?, ?, ?, ?, ?)")) {
      m.setString(1, output);
      m.setInt(2, line);
      m.setString(3, inputSha);
      m.setString(4, engine);
      m.setBoolean(5, ok);
      m.setString(6, json);
      m.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("writing the batch state failed: " + e.getMessage(), e);
    }
  }

  /** The finished line of {@code output} made from this input under this engine, at whatever line it is; or null. */
  synchronized String lineJson(String output, String inputSha, String engine) {
    try (PreparedStatement q = db.prepareStatement(
        "SELECT JSON FROM LINES WHERE OUTPUT = ? AND INPUT_SHA = ? AND ENGINE = ? AND OK LIMIT 1")) {
      q.setString(1, output);
      q.setString(2, inputSha);
      q.setString(3, engine);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the batch state failed: " + e.getMessage(), e);
    }
  }

  /** A feed or sitemap as last fetched: its final URL, validators, Content-Type and body. */
  record Source(String finalUrl, String etag, String lastModified, String contentType, byte[] body) {}

  synchronized Source source(String url) {
    try (PreparedStatement q = db.prepareStatement(
        "SELECT FINAL_URL, ETAG, LAST_MODIFIED, CONTENT_TYPE, BODY FROM SOURCES WHERE URL = ?")) {
      q.setString(1, url);
      try (ResultSet r = q.executeQuery()) {
        return r.next() ? new Source(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getBytes(5)) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading the batch state failed: " + e.getMessage(), e);
    }
  }

  synchronized void putSource(String url, Source s) {
    try (PreparedStatement m = db.prepareStatement("MERGE INTO SOURCES KEY(URL) VALUES(?, ?, ?, ?, ?, ?)")) {
      m.setString(1, url);
      m.setString(2, s.finalUrl());
      m.setString(3, s.etag());
      m.setString(4, s.lastModified());
      m.setString(5, s.contentType());
      m.setBytes(6, s.body());
      m.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("writing the batch state failed: " + e.getMessage(), e);
    }
  }

  /** Receives an archive's finished lines in order. */
  interface LineSink {
    void accept(String json) throws java.io.IOException;
  }

  /** Lines read per query by {@link #lines}: what is held in memory at once, whatever the archive's length. */
  private static final int LINE_PAGE = 256;

  /**
   * Passes the finished lines {@code 0..count-1} of an archive's output to {@code sink} in order (missing
   * lines are skipped), a page at a time, and forgets lines at or past {@code count} (left by an earlier,
   * longer version of the input).
   */
  synchronized void lines(String output, int count, LineSink sink) throws java.io.IOException {
    try (PreparedStatement q = db.prepareStatement(
            "SELECT LINE, JSON FROM LINES WHERE OUTPUT = ? AND LINE >= ? AND LINE < ? ORDER BY LINE");
        PreparedStatement d = db.prepareStatement("DELETE FROM LINES WHERE OUTPUT = ? AND LINE >= ?")) {
      for (int from = 0; from < count; from += LINE_PAGE) {
        q.setString(1, output);
        q.setInt(2, from);
        q.setInt(3, Math.min(count, from + LINE_PAGE));
        try (ResultSet r = q.executeQuery()) {
          while (r.next()) {
            String json = r.getString(2);
            if (json != null) {
              sink.accept(json);
            }
          }
        }
      }
      d.setString(1, output);
      d.setInt(2, count);
      d.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("reading the batch state failed: " + e.getMessage(), e);
    }
  }

  /**
   * Forces what is committed to the file, for a run about to end without closing (Ctrl-C): records written
   * after each output otherwise wait for H2's own write delay, and a resumed run would redo their documents.
   */
  synchronized void checkpoint() {
    try (Statement s = db.createStatement()) {
      s.execute("CHECKPOINT");
    } catch (SQLException e) {
      // best effort: a record that did not reach the file only means its document is done again
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // closing is best effort: every write was committed when it was made
    }
  }
}

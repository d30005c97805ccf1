package arabrief.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What a watch has seen, kept in an embedded H2 database beside its outputs ({@code DIR/_watch.mv.db}): every item
 * it finished (briefed, or set aside for good: not an article, a 404, robots.txt), under every key it is known by
 * (its normalized URL, its feed's guid, the page's canonical URL, the URL after redirects), and each brief's JSON
 * line with the day file and the position in it. An item is finished in one transaction, forced to disk before its
 * line is appended to the day file: the database is the truth and the day files follow it (see {@link DayFiles}).
 */
final class WatchState implements AutoCloseable {
  static final String NAME = "_watch";

  /** A finished item: briefed (json set) or set aside (reason set). */
  record Item(long id, String day, int ord, String json, String changed) {}

  private final Connection db;

  private WatchState(Connection db) {
    this.db = db;
  }

  static WatchState open(Path dir) throws IOException {
    return new WatchState(H2Files.open(dir, NAME, "watch database", "watch",
        "CREATE TABLE IF NOT EXISTS ITEMS(ID BIGINT AUTO_INCREMENT PRIMARY KEY, ON_DAY VARCHAR(10), ORD INT,"
            + " FEED VARCHAR, URL VARCHAR, STATUS VARCHAR(16), REASON VARCHAR, CHANGED VARCHAR(40),"
            + " FINISHED_AT TIMESTAMP WITH TIME ZONE, JSON CHARACTER LARGE OBJECT)",
        "CREATE INDEX IF NOT EXISTS ITEMS_BY_DAY ON ITEMS(ON_DAY, ORD)",
        "CREATE TABLE IF NOT EXISTS SEEN(ITEM_KEY VARCHAR PRIMARY KEY, ITEM BIGINT)"));
  }

  /** The item any of {@code keys} belongs to, or null when none is known. */
  synchronized Item find(Collection<String> keys) {
    try (PreparedStatement q = db.prepareStatement(
        "SELECT I.ID, I.ON_DAY, I.ORD, I.JSON, I.CHANGED FROM SEEN S JOIN ITEMS I ON I.ID = S.ITEM WHERE S.ITEM_KEY = ?")) {
      for (String k : keys) {
        q.setString(1, k);
        try (ResultSet r = q.executeQuery()) {
          if (r.next()) {
            return new Item(r.getLong(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5));
          }
        }
      }
      return null;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the watch database failed: " + e.getMessage(), e);
    }
  }

  /** More keys for a known item (the page's canonical URL, say), so the next poll knows it sooner. */
  synchronized void alias(long item, Collection<String> keys) {
    try {
      db.setAutoCommit(false);
      merge(item, keys);
      commit();
    } catch (SQLException e) {
      throw new IllegalStateException("writing the watch database failed: " + e.getMessage(), e);
    }
  }

  /**
   * Finishes an item in one transaction, forced to disk: its row, its position in its day's file (briefs only:
   * {@code json} set), and all its keys. Returns the row.
   */
  synchronized Item finish(String day, String feed, String url, String status, String reason, String changed,
      String json, Collection<String> keys) {
    try {
      db.setAutoCommit(false);
      int ord = -1;
      if (json != null) {
        try (PreparedStatement q = db.prepareStatement("SELECT COUNT(*) FROM ITEMS WHERE ON_DAY = ? AND JSON IS NOT NULL")) {
          q.setString(1, day);
          try (ResultSet r = q.executeQuery()) {
            r.next();
            ord = r.getInt(1);
          }
        }
      }
      long id;
      try (PreparedStatement m = db.prepareStatement(
          "INSERT INTO ITEMS(ON_DAY, ORD, FEED, URL, STATUS, REASON, CHANGED, FINISHED_AT, JSON) VALUES(?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?)",
          Statement.RETURN_GENERATED_KEYS)) {
        m.setString(1, json == null ? null : day);
        m.setInt(2, ord);
        m.setString(3, feed);
        m.setString(4, url);
        m.setString(5, status);
        m.setString(6, reason);
        m.setString(7, changed);
        m.setString(8, json);
        m.executeUpdate();
        try (ResultSet k = m.getGeneratedKeys()) {
          k.next();
          id = k.getLong(1);
        }
      }
      merge(id, keys);
      commit();
      return new Item(id, day, ord, json, changed);
    } catch (SQLException e) {
      throw new IllegalStateException("writing the watch database failed: " + e.getMessage(), e);
    }
  }

  private void merge(long item, Collection<String> keys) throws SQLException {
    try (PreparedStatement m = db.prepareStatement("MERGE INTO SEEN KEY(ITEM_KEY) VALUES(?, ?)")) {
      for (String k : keys) {
        m.setString(1, k);
        m.setLong(2, item);
        m.addBatch();
      }
      m.executeBatch();
    }
  }

  /** Commits, and forces the commit to the file: a kill -9 right after this loses nothing (H2 otherwise writes it a moment later). */
  private void commit() throws SQLException {
    db.commit();
    db.setAutoCommit(true);
    try (Statement s = db.createStatement()) {
      s.execute("CHECKPOINT");
    }
  }

  /** The days that have briefs, oldest first. */
  synchronized List<String> days() {
    List<String> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery("SELECT DISTINCT ON_DAY FROM ITEMS WHERE JSON IS NOT NULL ORDER BY ON_DAY")) {
      while (r.next()) {
        out.add(r.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the watch database failed: " + e.getMessage(), e);
    }
  }

  /** A day's briefs from position {@code from} on, in order. */
  synchronized List<String> lines(String day, int from) {
    List<String> out = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement(
        "SELECT JSON FROM ITEMS WHERE ON_DAY = ? AND JSON IS NOT NULL AND ORD >= ? ORDER BY ORD")) {
      q.setString(1, day);
      q.setInt(2, from);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          out.add(r.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("reading the watch database failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      db.close();
    } catch (SQLException e) {
      // every item was committed when it was finished
    }
  }
}

package arabrief.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The embedded H2 databases kept beside a command's outputs: batch's memory, a watch's state. */
final class H2Files {
  /** H2's error code for a database file that another process holds open. */
  private static final int LOCKED = 90020;

  private H2Files() {}

  /**
   * Opens (or creates) {@code dir/name.mv.db} and runs {@code schema} on it. A file held by another process is
   * named as such, since two runs writing to one directory is the likely cause.
   *
   * @param what the database, for the message ("batch database")
   * @param command the arabrief command that writes it ("batch")
   */
  static Connection open(Path dir, String name, String what, String command, String... schema) throws IOException {
    String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE";
    try {
      Connection c = DriverManager.getConnection(url, "sa", "");
      try (Statement s = c.createStatement()) {
        for (String sql : schema) {
          s.execute(sql);
        }
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return c;
    } catch (SQLException e) {
      String hint = e.getErrorCode() == LOCKED ? " (is another `arabrief " + command + "` writing to " + dir + "?)" : "";
      throw new IOException("cannot open the " + what + " in " + dir + ": " + e.getMessage() + hint, e);
    }
  }
}

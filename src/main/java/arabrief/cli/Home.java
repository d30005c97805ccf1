package arabrief.cli;

import java.nio.file.Path;

/** arabrief's own directory: {@code $ARABRIEF_HOME}, else {@code ~/.arabrief}. */
final class Home {
  private Home() {}

  static Path root() {
    String env = System.getenv("ARABRIEF_HOME");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".arabrief");
  }
}

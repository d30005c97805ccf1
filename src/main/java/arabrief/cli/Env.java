package arabrief.cli;

import java.util.Map;

/** The environment the commands read (ARABRIEF_HOME, HF_ENDPOINT, HF_TOKEN...); replaceable in tests. */
final class Env {
  private static volatile Map<String, String> current = System.getenv();

  private Env() {}

  static Map<String, String> get() {
    return current;
  }

  /** For tests: run commands against {@code env} instead of the process environment. */
  static void set(Map<String, String> env) {
    current = env == null ? System.getenv() : Map.copyOf(env);
  }
}

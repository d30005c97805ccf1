package arabrief.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * arabrief as a user's shell runs it: {@link Main} in a JVM of its own, so the exit code is the process's
 * (System.exit, signals), files get the process's umask, and stdout and stderr are the real ones.
 */
public final class CliProcess {
  /** A finished run. */
  public record Result(int code, String out, String err) {}

  private final Path dir;
  private String umask;

  /** Runs with {@code ARABRIEF_HOME} and the captured output under {@code dir}. */
  public CliProcess(Path dir) {
    this.dir = dir;
  }

  /** Runs the JVM under this umask (e.g. "027"), as {@code sh -c 'umask 027; exec java ...'}. */
  public CliProcess umask(String mask) {
    this.umask = mask;
    return this;
  }

  /** Starts {@code arabrief args...}; stdout and stderr go to files read by {@link #finish}. */
  public Process start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    // SIGINT as a terminal's foreground job has it: a background job of a script inherits it ignored, and the
    // JVM then leaves it ignored (coreutils' env resets it)
    cmd.addAll(List.of("env", "--default-signal=INT"));
    if (umask != null) {
      cmd.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
    }
    cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", Main.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile());
    pb.environment().put("ARABRIEF_HOME", dir.resolve("home").toString());
    return pb.start();
  }

  /** Waits for {@code p} (at most two minutes) and reads what it wrote. */
  public Result finish(Process p) throws IOException, InterruptedException {
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("arabrief did not finish within two minutes; stderr: " + stderr());
    }
    return new Result(p.exitValue(), Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8), stderr());
  }

  /** What the process has written to stderr so far. */
  public String stderr() throws IOException {
    Path err = dir.resolve("stderr");
    return Files.exists(err) ? Files.readString(err, StandardCharsets.UTF_8) : "";
  }

  public Result run(String... args) throws IOException, InterruptedException {
    return finish(start(args));
  }

  /** Sends {@code signal} ("INT", "TERM") to {@code p}, as Ctrl-C or {@code kill} would. */
  public static void signal(Process p, String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      throw new AssertionError("kill -" + signal + " " + p.pid() + " failed");
    }
  }
}

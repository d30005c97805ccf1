package arabrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.pipeline.InputLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JVM errors reach the user as one line and exit code 5, never a stack trace (issue 20). */
class ResourceErrorsTest {
  @TempDir Path tmp;

  @Test
  void outOfMemoryIsOneLineAndExitFive() throws Exception {
    // English text just under the character limit, ~2,900 sentences: the summary's similarity matrices do not
    // fit in a 24 MB heap, which a child JVM is given here
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < InputLimits.MAX_TEXT_CHARS - 200; i++) {
      text.append("The minister said talks number ").append(i).append(" went well for the region. ");
    }
    Path in = Files.writeString(tmp.resolve("long.txt"), text.toString());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx24m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", Main.class.getName(), "summarize", in.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(ExitCodes.RESOURCES, p.exitValue(), err);
    List<String> lines = err.lines().toList();
    assertEquals(1, lines.size(), err);
    assertTrue(lines.get(0).startsWith("arabrief: out of memory on this input (OutOfMemoryError"), err);
  }

  @Test
  void theLimitsAreBadInputWithTheirMessage() throws Exception {
    Path in = Files.writeString(tmp.resolve("dump.txt"), "قال الوزير إن الاتصال جاء. ".repeat(12_000));
    Path out = tmp.resolve("out.txt");
    java.io.StringWriter err = new java.io.StringWriter();
    picocli.CommandLine cl = Main.commandLine();
    cl.setErr(new java.io.PrintWriter(err));
    int code = cl.execute("brief", in.toString(), "-o", out.toString());
    assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
    assertTrue(err.toString().startsWith("arabrief: " + in + ": 324,000 characters of article text; an article is limited to 300,000"),
        err.toString());
    assertEquals(1, err.toString().lines().count());
  }
}

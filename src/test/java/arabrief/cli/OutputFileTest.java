package arabrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o FILE} as a shell user meets it: the file's mode, a directory given by mistake, a missing directory. */
class OutputFileTest {
  private static final String MODEL = Fixtures.model("tiny-opus").toString();
  private static final String SEED = Path.of("seeds/000_576a10afaf96e38e.txt").toAbsolutePath().toString();

  @TempDir Path tmp;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void aNewFileGetsTheUmasksModeAndAReplacedFileKeepsItsOwn() throws Exception {
    Path out = tmp.resolve("brief.txt");
    CliProcess cli = new CliProcess(tmp).umask("027");
    CliProcess.Result r = cli.run("summarize", SEED, "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("rw-r-----", mode(out), "0666 less the umask 027, as `> FILE` would give");

    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw-r--"));
    CliProcess.Result again = cli.run("summarize", SEED, "-o", out.toString(), "--summary-sentences", "1");
    assertEquals(0, again.code(), again.err());
    assertEquals(1, Files.readAllLines(out).size(), "the file was replaced");
    assertEquals("rw-rw-r--", mode(out), "the replaced file keeps its mode");

    Path lines = tmp.resolve("lines.txt");
    CliProcess.Result t = new CliProcess(tmp).umask("022").run(
        "translate", "--lines", "--model", MODEL, "--beams", "1", "--max-new-tokens", "4", SEED, "-o", lines.toString());
    assertEquals(0, t.code(), t.err());
    assertEquals("rw-r--r--", mode(lines));
    assertEquals(List.of("brief.txt", "lines.txt"), listing(tmp));
  }

  @Test
  void aDirectoryIsAUsageErrorBeforeTheModelLoads() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("english"));
    CliProcess.Result r = new CliProcess(tmp).run("translate", SEED, "--model", "no-such-model", "-o", dir.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.err());
    assertEquals("arabrief: -o " + dir + " is a directory; give a file name (e.g. " + dir.resolve("out.txt") + ")\n", r.err());
    assertEquals(List.of(), listing(dir));
  }

  @Test
  void aMissingDirectoryIsNotCreated() throws Exception {
    Path out = tmp.resolve("no/such/dir/brief.txt");
    CliProcess.Result r = new CliProcess(tmp).run("summarize", SEED, "-o", out.toString());
    assertEquals(ExitCodes.USAGE, r.code(), r.err());
    assertTrue(r.err().startsWith("arabrief: -o " + out + ": the directory " + out.getParent() + " does not exist; create it first"),
        r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(Files.exists(tmp.resolve("no")), "no directory made");
    for (String command : List.of("translate", "brief")) {
      CliProcess.Result t = new CliProcess(tmp).run(command, SEED, "--model", MODEL, "-o", out.toString());
      assertEquals(ExitCodes.USAGE, t.code(), t.err());
      assertFalse(Files.exists(tmp.resolve("no")));
    }
  }

  @Test
  void ctrlCLeavesTheOldFileAndNoTemporaryFile() throws Exception {
    Path in = tmp.resolve("lines.ar");
    Files.writeString(in, "وقال المتحدث باسم وزارة الدفاع إن الاتصال جاء بمبادرة من الجانب الأميركي.\n".repeat(20_000));
    Path out = Files.createDirectories(tmp.resolve("out")).resolve("lines.en");
    Files.writeString(out, "earlier result\n");
    CliProcess cli = new CliProcess(tmp);
    Process p = cli.start("translate", "--lines", in.toString(), "--model", MODEL, "--beams", "1", "-o", out.toString());
    // the temporary file appears once the model is loaded and the first lines are being written
    for (int i = 0; i < 1200 && p.isAlive() && listing(out.getParent()).size() < 2; i++) {
      Thread.sleep(50);
    }
    assertTrue(p.isAlive(), "finished before it could be interrupted: " + cli.stderr());
    assertEquals(2, listing(out.getParent()).size(), listing(out.getParent()).toString());
    CliProcess.signal(p, "INT");
    CliProcess.Result r = cli.finish(p);
    assertEquals(130, r.code(), r.err());
    assertEquals("earlier result\n", Files.readString(out));
    assertEquals(List.of("lines.en"), listing(out.getParent()), "the temporary file is gone");
  }

  private static List<String> listing(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("stdout") && !n.equals("stderr") && !n.equals("home"))
          .sorted().toList();
    }
  }
}

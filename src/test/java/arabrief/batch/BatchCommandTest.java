package arabrief.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.cli.CliProcess;
import arabrief.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arabrief batch} end to end on generated archives and the tiny fixture model. */
class BatchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int GOOD = 100;

  @TempDir static Path tmp;
  static Path corpus;
  static Map<String, String> good;

  @BeforeAll
  static void corpus() throws IOException {
    corpus = tmp.resolve("corpus");
    good = Corpus.write(corpus, 1, GOOD, "json");
  }

  static String[] args(Path out, String... more) {
    List<String> a = new ArrayList<>(List.of(
        "batch", "--out", out.toString(), "--model", Corpus.model().toString(), "--max-new-tokens", "8", "--beams", "1"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  static JsonNode report(Path out) throws IOException {
    return JSON.readTree(out.resolve("_report.json").toFile());
  }

  @Test
  void directoryRunWritesMirroredOutputsListsFailuresAndResumesIdentically() throws IOException {
    Path out = tmp.resolve("out-dir");
    assertEquals(4, Main.run(args(out, corpus.toString(), "--jobs", "2")));

    for (Map.Entry<String, String> e : good.entrySet()) {
      Path o = out.resolve(e.getValue());
      assertTrue(Files.isRegularFile(o), "no output for " + e.getKey());
      JsonNode doc = JSON.readTree(o.toFile());
      assertTrue(doc.get("paragraphs").size() >= 1, e.getKey());
      assertTrue(doc.get("summary").size() >= 1, e.getKey());
      assertEquals(Corpus.model().toAbsolutePath().toString(), doc.get("model").get("path").asText());
    }
    JsonNode r = report(out);
    assertEquals(GOOD + Corpus.BROKEN.size(), r.get("documents").asInt());
    assertEquals(GOOD, r.get("done").asInt());
    assertEquals(0, r.get("skipped").asInt());
    assertEquals(Corpus.BROKEN.size(), r.get("failed").asInt());
    List<String> failures = new ArrayList<>();
    r.get("failures").forEach(f -> failures.add(f.get("path").asText() + ": " + f.get("reason").asText()));
    assertEquals(List.of(
        "broken/binary.txt: looks like binary data, not text",
        "broken/empty.txt: empty input, nothing to read",
        "broken/english.txt: no Arabic text found",
        "wire/blank.txt: empty input, nothing to read"), failures);
    assertTrue(r.get("sentences_translated").asInt() > 100, r.toString());
    assertTrue(r.get("sentences_repeated").asInt() > 0, "repeats within a window are translated once: " + r);
    try (Stream<Path> s = Files.walk(out)) {
      assertEquals(GOOD, s.filter(p -> p.toString().endsWith(".en.json")).count(), "nothing else written");
    }

    Map<String, byte[]> first = Corpus.tree(out);
    assertEquals(4, Main.run(args(out, corpus.toString(), "--jobs", "1")));
    r = report(out);
    assertEquals(GOOD, r.get("skipped").asInt());
    assertEquals(0, r.get("done").asInt());
    assertEquals(Corpus.BROKEN.size(), r.get("failed").asInt());
    assertEquals(0, r.get("sentences_translated").asInt());
    assertSameTree(first, Corpus.tree(out));

    // a changed input is redone, the rest skipped; --force redoes everything with the same bytes
    String changed = good.keySet().stream().filter(k -> k.endsWith(".txt") && k.startsWith("a")).findFirst().orElseThrow();
    Files.writeString(corpus.resolve(changed), Corpus.article(99, 1), StandardCharsets.UTF_8);
    Main.run(args(out, corpus.toString()));
    assertEquals(1, report(out).get("done").asInt());
    assertEquals(GOOD - 1, report(out).get("skipped").asInt());
    Map<String, byte[]> afterChange = Corpus.tree(out);
    Main.run(args(out, corpus.toString(), "--force"));
    assertEquals(GOOD, report(out).get("done").asInt());
    assertSameTree(afterChange, Corpus.tree(out));
  }

  @Test
  void translationMemoryServesOverlappingArchiveAndGlobFilters() throws IOException {
    Path out = tmp.resolve("out-memory");
    Path first = tmp.resolve("memory-a");
    Path second = tmp.resolve("memory-b");
    Corpus.write(first, 5, 20, "md");
    Corpus.write(second, 6, 30, "md"); // other articles, the same file names, made of the same sentences
    assertEquals(4, Main.run(args(out, first.toString(), "--format", "markdown")));
    JsonNode firstRun = report(out);
    assertEquals(0, Main.run(args(out.resolve("b"), second.toString(), "--format", "markdown", "--glob", "**/a01[45]*.txt")));
    // a new output directory has its own memory; the same one remembers
    Path outB = out.resolve("b");
    try (Stream<Path> s = Files.walk(outB)) {
      assertTrue(s.allMatch(p -> Files.isDirectory(p) || p.getFileName().toString().startsWith("_")
          || p.toString().matches(".*a01[45]\\.en\\.md")));
    }
    assertTrue(Files.isRegularFile(outB.resolve("a014.en.md")));
    assertTrue(Files.isRegularFile(outB.resolve("wire/even/a015.en.md")) || Files.isRegularFile(outB.resolve("wire/a015.en.md")));

    assertEquals(4, Main.run(args(out, second.toString(), "--format", "markdown")));
    JsonNode r = report(out);
    assertEquals(30, r.get("done").asInt(), r.toString()); // new content under the old names: all redone
    assertTrue(r.get("sentences_from_memory").asInt() > r.get("sentences_translated").asInt(), r + " " + firstRun);
    String md = Files.readString(out.resolve("a001.en.md"));
    assertTrue(md.startsWith("# "), md);
  }

  @Test
  void jsonlArchiveInJsonlOut() throws IOException {
    Path in = tmp.resolve("archive");
    Files.createDirectories(in);
    Path archive = in.resolve("wire-2022.jsonl");
    List<String> lines = Corpus.jsonl(3, 20);
    Files.write(archive, lines, StandardCharsets.UTF_8);
    Path out = tmp.resolve("out-jsonl");
    assertEquals(4, Main.run(args(out, archive.toString(), "--jobs", "2", "--window", "8")));
    List<String> outLines = Files.readAllLines(out.resolve("wire-2022.en.jsonl"), StandardCharsets.UTF_8);
    assertEquals(22, outLines.size(), "one object per non-blank input line");
    JsonNode first = JSON.readTree(outLines.get(0));
    assertEquals("doc-3-0", first.get("id").asText());
    assertEquals(1, first.get("line").asInt());
    assertTrue(first.get("paragraphs").size() >= 1);
    JsonNode english = JSON.readTree(outLines.get(4));
    assertEquals("english", english.get("id").asText());
    assertEquals(6, english.get("line").asInt());
    assertEquals("no Arabic text found", english.get("error").asText());
    JsonNode bad = JSON.readTree(outLines.get(7));
    assertTrue(bad.get("id").isNull());
    assertTrue(bad.get("error").asText().startsWith("not valid JSON"), bad.toString());
    JsonNode r = report(out);
    assertEquals(2, r.get("failed").asInt());
    assertEquals("wire-2022.jsonl:6", r.get("failures").get(0).get("path").asText());
    assertEquals(20, r.get("done").asInt());

    byte[] before = Files.readAllBytes(out.resolve("wire-2022.en.jsonl"));
    assertEquals(4, Main.run(args(out, archive.toString())));
    assertEquals(20, report(out).get("skipped").asInt());
    assertArrayEquals(before, Files.readAllBytes(out.resolve("wire-2022.en.jsonl")));
  }

  @Test
  void killedRunResumesToTheBytesOfAnUninterruptedRun() throws Exception {
    Path in = tmp.resolve("kill-corpus");
    Map<String, String> docs = Corpus.write(in, 9, 100, "json");
    Path clean = tmp.resolve("out-clean");
    Path killed = tmp.resolve("out-killed");
    String[] common = {"--window", "4", "--jobs", "2"};
    assertEquals(4, Main.run(concat(args(clean, in.toString()), common)));

    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        "arabrief.cli.Main"));
    cmd.addAll(List.of(concat(args(killed, in.toString()), common)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile());
    pb.environment().put("ARABRIEF_HOME", tmp.resolve("home").toString());
    Process child = pb.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (outputs(killed) < 20 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(child.isAlive(), "the child finished before it could be killed; see " + tmp.resolve("child.log"));
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    int partial = outputs(killed);
    assertTrue(partial >= 20 && partial < docs.size(), "killed midway: " + partial + " outputs");

    assertEquals(4, Main.run(concat(args(killed, in.toString()), common)));
    JsonNode r = report(killed);
    // outputs whose state record had not reached the database when the child died are redone
    assertTrue(r.get("skipped").asInt() > 0 && r.get("done").asInt() > 0, r.toString());
    assertEquals(docs.size(), r.get("skipped").asInt() + r.get("done").asInt(), r.toString());
    assertSameTree(Corpus.tree(clean), Corpus.tree(killed));
  }

  /** Ctrl-C: exit 130, a line saying what was finished and how to go on, and a _report.json of it (issue 31). */
  @Test
  void ctrlCWritesTheReportOfWhatWasFinishedAndSaysHowToResume() throws Exception {
    Path in = tmp.resolve("int-corpus");
    Map<String, String> docs = Corpus.write(in, 11, 100, "json");
    Path out = tmp.resolve("out-int");
    Path run = Files.createDirectories(tmp.resolve("int-run"));
    CliProcess cli = new CliProcess(run);
    Process child = cli.start(args(out, in.toString(), "--window", "4"));
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (outputs(out) < 12 && child.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(child.isAlive(), "the batch finished before it could be interrupted: " + cli.stderr());
    CliProcess.signal(child, "INT");
    CliProcess.Result r = cli.finish(child);
    assertEquals(130, r.code(), r.err());
    JsonNode report = report(out);
    assertTrue(report.get("interrupted").asBoolean(), report.toString());
    long done = report.get("done").asLong();
    long finished = done + report.get("skipped").asLong() + report.get("failed").asLong();
    long total = report.get("documents").asLong();
    assertTrue(total > docs.size(), "the good documents and the broken ones: " + report);
    assertTrue(done >= 12 && finished < total, report.toString());
    String last = r.err().strip().lines().reduce((a, b) -> b).orElse("");
    assertEquals("arabrief batch: interrupted after " + finished + " of " + total + " documents (" + done + " done, "
        + report.get("skipped").asLong() + " skipped, " + report.get("failed").asLong() + " failed; see "
        + out.resolve("_report.json") + "); run the same command to resume", last);
    assertFalse(r.err().contains("Exception"), r.err());

    assertEquals(4, Main.run(args(out, in.toString(), "--window", "4")));
    JsonNode resumed = report(out);
    assertFalse(resumed.get("interrupted").asBoolean());
    // every document the interrupted run counted as done has its record: the resumed run skips it
    assertTrue(resumed.get("skipped").asLong() >= done, resumed + " after " + report);
    assertEquals(total, resumed.get("done").asLong() + resumed.get("skipped").asLong() + resumed.get("failed").asLong());
  }

  private static int outputs(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    for (int attempt = 0; ; attempt++) {
      try (Stream<Path> s = Files.walk(dir)) {
        return (int) s.filter(p -> p.getFileName().toString().endsWith(".en.json")).count();
      } catch (java.io.UncheckedIOException e) {
        // a running batch renames its temporary files while the walk looks at them: look again
        if (!(e.getCause() instanceof java.nio.file.NoSuchFileException) || attempt == 50) {
          throw e;
        }
      }
    }
  }

  private static String[] concat(String[] a, String... b) {
    List<String> l = new ArrayList<>(List.of(a));
    l.addAll(List.of(b));
    return l.toArray(String[]::new);
  }

  private static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String k : expected.keySet()) {
      assertArrayEquals(expected.get(k), actual.get(k), k + " differs");
    }
  }

  @SuppressWarnings("unused")
  private static String sep() {
    return File.separator;
  }
}

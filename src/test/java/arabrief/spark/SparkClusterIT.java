package arabrief.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import arabrief.batch.Corpus;
import arabrief.batch.WarcFixture;
import arabrief.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ArchiveJob on a real standalone cluster ({@code scripts/spark-cluster.sh}: a master and two workers, each a
 * JVM of its own, the shaded jar submitted with SparkSubmit), one worker and its executor killed with
 * {@code kill -9} while tasks run, against {@code arabrief batch} on the same WARC files: every document
 * exactly once, the same rows, each executor loading the model at most once, and no process left behind.
 * A failsafe test (after {@code package}, which builds the jar): {@code mvn -B verify -Dgroups=cluster} runs
 * it alone.
 */
@Tag("cluster")
class SparkClusterIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SETTINGS = {"--max-new-tokens", "8", "--beams", "1", "--summary-sentences", "2"};
  /** The whole script, cluster start and stop included; generous for a busy 2-core machine. */
  private static final long TIMEOUT_MINUTES = 15;

  @TempDir Path tmp;

  @Test
  void aWorkerKilledMidJobLosesNoRowAndWritesNoneTwice() throws Exception {
    Path in = tmp.resolve("warcs");
    // broken records of every kind (a damaged gzip member, a lying length, a truncated end), then 4 crawls
    WarcFixture.Expected fixture = WarcFixture.write(in, 33, 10);
    for (int i = 0; i < 4; i++) {
      WarcFixture.writeBench(in.resolve("crawl-" + i + ".warc.gz"), 40 + i, 50);
    }

    // batch, in this JVM
    Path batchOut = tmp.resolve("batch");
    List<String> args = new ArrayList<>(List.of("batch", "--out", batchOut.toString(), "--model", Corpus.model().toString()));
    args.addAll(List.of(SETTINGS));
    args.add(in.toString());
    args.addAll(List.of("--glob", "*.warc*"));
    assertEquals(4, Main.run(args.toArray(String[]::new)), "batch: the broken records fail");
    Map<String, JsonNode> expected = new TreeMap<>();
    try (Stream<Path> outs = Files.list(batchOut)) {
      for (Path f : outs.filter(p -> p.toString().endsWith(".en.jsonl")).toList()) {
        String file = f.getFileName().toString().replace(".en.jsonl", "");
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          ObjectNode o = (ObjectNode) JSON.readTree(line);
          o.remove(List.of("model", "stats"));
          assertNull(expected.put(key(file, o), ArchiveJobTest.content(o)), line);
        }
      }
    }
    assertTrue(expected.size() >= 100, "a few hundred records, over a hundred documents: " + expected.size());
    JsonNode report = JSON.readTree(batchOut.resolve("_report.json").toFile());
    StringBuilder skipped = new StringBuilder();
    report.get("skipped_records").fields().forEachRemaining(e ->
        skipped.append(skipped.length() == 0 ? "" : ", ").append(e.getValue().asLong()).append(' ').append(e.getKey()));

    // the cluster, a worker killed 2 s into translation; its logs (executors' included) kept in target/ to read
    Path cluster = Path.of("target", "spark-cluster-it").toAbsolutePath();
    deleteTree(cluster);
    Files.createDirectories(cluster);
    Path out = tmp.resolve("job");
    Path log = cluster.resolve("spark-cluster.log");
    List<String> cmd = new ArrayList<>(List.of("bash", "scripts/spark-cluster.sh", "--input", in.toString(), "--input-format", "warc",
        "--output", out.toString(), "--model", Corpus.model().toString(), "--partitions", "8", "--kill-worker-after", "2"));
    cmd.addAll(List.of(SETTINGS));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_CLUSTER_DIR", cluster.toString());
    pb.environment().put("SPARK_EXECUTOR_MEMORY", "1g");
    pb.environment().put("SPARK_DRIVER_MEMORY", "1g");
    Process script = pb.start();
    String text;
    try {
      if (!script.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        script.destroy(); // TERM: the script's trap stops what it started
        script.waitFor(60, TimeUnit.SECONDS);
        fail("the cluster run took over " + TIMEOUT_MINUTES + " minutes; its log: " + log);
      }
      text = Files.readString(log, StandardCharsets.UTF_8);
      assertEquals(0, script.exitValue(), text);
    } finally {
      assertNoProcessLeft(cluster);
    }

    // the kill happened while tasks ran, and the driver saw the executor go
    Matcher killed = Pattern.compile("spark-cluster: killed worker (\\d) and its executor \\(kill -9, pids [0-9 ]+\\) (\\d+) s after the submit").matcher(text);
    assertTrue(killed.find(), text);
    assertTrue(text.contains("Lost executor"), "the driver logs the lost executor: " + text);
    Matcher wrote = Pattern.compile("ArchiveJob: wrote .* in ([0-9.]+) s; model loaded (\\d+) time\\(s\\); (\\d+) executors? lost,"
        + " (\\d+) task attempts? failed and run again").matcher(text);
    assertTrue(wrote.find(), "the job's closing line counts the lost executor and the re-run tasks: " + text);
    assertTrue(Integer.parseInt(wrote.group(3)) >= 1 && Integer.parseInt(wrote.group(4)) >= 1, wrote.group());

    // the job's counts are batch's, though the lost shuffle output made Spark read the WARC files again
    assertTrue(text.contains("ArchiveJob: records skipped: " + skipped + "; reading resumed after "
        + report.get("warc_resyncs").asInt() + " broken record(s)\n"), skipped + " in " + text);

    // every document exactly once, equal to batch's row
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    Map<String, JsonNode> rows = new TreeMap<>();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          ObjectNode row = (ObjectNode) JSON.readTree(line);
          String source = row.remove("source").asText();
          String file = source.substring(source.lastIndexOf('/') + 1).replaceFirst("\\.warc(\\.gz)?$", "");
          assertNull(rows.put(key(file, row), ArchiveJobTest.content(row)), "written twice: " + line);
        }
      }
    }
    assertEquals(expected.keySet(), rows.keySet(), "every document once");
    assertEquals(expected, rows, "the same rows as batch");
    assertEquals(fixture.broken().size(), rows.values().stream().filter(r -> r.has("error")).count());

    // each executor loaded the model at most once; the job's accumulator counts those loads
    int executors = 0;
    int loads = 0;
    try (Stream<Path> logs = Files.walk(cluster)) {
      for (Path stderr : logs.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
        executors++;
        int n = (int) Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().filter(l -> l.contains("arabrief: model ")).count();
        assertTrue(n <= 1, stderr + " loaded the model " + n + " times");
        loads += n;
      }
    }
    int accumulated = Integer.parseInt(wrote.group(2));
    assertTrue(executors >= 2, "executors: " + executors);
    assertTrue(accumulated >= 1 && accumulated <= loads, "accumulator " + accumulated + ", executor logs " + loads);
    System.err.printf("SparkClusterIT: worker %s killed %s s after the submit; job %s s; %d executors, %d model loads; %s%n",
        killed.group(1), killed.group(2), wrote.group(1), executors, loads, wrote.group());
  }

  /** A row's identity: its file and record, and for a broken record where it broke (its header may be unread). */
  private static String key(String file, JsonNode row) {
    return String.join(" ", file, text(row, "url"), text(row, "warc_record_id"), text(row, "error"));
  }

  /** A field's text; "" when it is null (batch writes the null) or absent (Spark's JSON leaves it out). */
  private static String text(JsonNode row, String field) {
    return row.hasNonNull(field) ? row.get(field).asText() : "";
  }

  private static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /** No JVM the script started (each carries {@code -Darabrief.cluster=DIR}) is running; any found is killed. */
  private static void assertNoProcessLeft(Path cluster) throws IOException {
    String tag = "-Darabrief.cluster=" + cluster.toRealPath();
    List<Long> left = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
          if (cmdline.contains(tag)) {
            left.add(Long.parseLong(p.getFileName().toString()));
          }
        } catch (IOException gone) {
          // the process ended while being looked at
        }
      }
    }
    left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    assertEquals(List.of(), left, "processes the cluster script left behind");
  }
}

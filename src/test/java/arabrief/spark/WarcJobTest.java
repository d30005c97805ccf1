package arabrief.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ArchiveJob --input-format warc against {@code arabrief batch} on the same jwarc-written WARC files. */
class WarcJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SETTINGS = {"--max-new-tokens", "8", "--beams", "1", "--summary-sentences", "2"};

  @TempDir static Path tmp;
  static SparkSession spark;

  @BeforeAll
  static void setUp() {
    spark = SparkSession.builder()
        .master("local[2,2]")
        .appName("arabrief-warc-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  static void tearDown() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void theJobWritesTheRowsBatchWritesAndCountsTheSameSkippedRecords() throws IOException {
    Path in = tmp.resolve("warcs");
    WarcFixture.Expected expected = WarcFixture.write(in, 8, 5);
    Files.writeString(in.resolve("notes.txt"), "not a WARC file: not read\n");

    Path batchOut = tmp.resolve("batch");
    List<String> args = new ArrayList<>(List.of("batch", "--out", batchOut.toString(), "--model", Corpus.model().toString()));
    args.addAll(List.of(SETTINGS));
    args.addAll(List.of(in.resolve("crawl-a.warc.gz").toString(), in.resolve("crawl-b.warc").toString()));
    assertEquals(4, Main.run(args.toArray(String[]::new)), "batch: the broken records fail");
    Map<String, JsonNode> batchArticles = new TreeMap<>();
    List<String> batchErrors = new ArrayList<>();
    for (String f : List.of("crawl-a.en.jsonl", "crawl-b.en.jsonl")) {
      for (String line : Files.readAllLines(batchOut.resolve(f), StandardCharsets.UTF_8)) {
        ObjectNode o = (ObjectNode) JSON.readTree(line);
        if (o.has("error")) {
          batchErrors.add(o.get("error").asText());
        } else {
          o.remove(List.of("model", "stats"));
          batchArticles.put(o.get("url").asText(), ArchiveJobTest.content(o));
        }
      }
    }
    assertEquals(new TreeMap<>(expected.articles()).keySet(), batchArticles.keySet());
    assertEquals(expected.broken().size(), batchErrors.size(), batchErrors.toString());
    Map<String, Long> batchSkipped = new TreeMap<>();
    JSON.readTree(batchOut.resolve("_report.json").toFile()).get("skipped_records").fields()
        .forEachRemaining(e -> batchSkipped.put(e.getKey(), e.getValue().asLong()));

    Path out = tmp.resolve("job");
    List<String> jobArgs = new ArrayList<>(List.of("--input", in.toString(), "--output", out.toString(),
        "--model", Corpus.model().toString(), "--input-format", "warc", "--partitions", "3"));
    jobArgs.addAll(List.of(SETTINGS));
    ExecutorModel.closeAll();
    ArchiveJob job = new ArchiveJob(spark);
    assertEquals(0, ArchiveJob.execute(job, jobArgs.toArray(String[]::new)));

    Map<String, JsonNode> jobArticles = new TreeMap<>();
    List<String> jobErrors = new ArrayList<>();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          ObjectNode row = (ObjectNode) JSON.readTree(line);
          assertTrue(row.get("source").asText().endsWith(".warc") || row.get("source").asText().endsWith(".warc.gz"), row.toString());
          if (row.has("error")) {
            jobErrors.add(row.get("error").asText());
          } else {
            row.remove("source");
            assertNull(jobArticles.put(row.get("url").asText(), ArchiveJobTest.content(row)), "one row per article");
          }
        }
      }
    }
    assertEquals(batchArticles, jobArticles, "the same rows as batch, url, record id and date included");
    assertEquals(new TreeMap<>(expected.recordIds()).values().stream().toList(),
        jobArticles.values().stream().map(r -> r.get("warc_record_id").asText()).toList());
    batchErrors.sort(null);
    jobErrors.sort(null);
    assertEquals(batchErrors, jobErrors);
    Map<String, Long> jobSkipped = new TreeMap<>(job.skippedRecords());
    jobSkipped.values().removeIf(v -> v == 0);
    assertEquals(batchSkipped, jobSkipped);
    // reading resumed past the damaged member and the lying record, in the job's accumulator as in batch's report
    assertEquals(expected.resyncs(), JSON.readTree(batchOut.resolve("_report.json").toFile()).get("warc_resyncs").asInt());
    assertEquals(expected.resyncs(), job.warcResyncs());
  }
}

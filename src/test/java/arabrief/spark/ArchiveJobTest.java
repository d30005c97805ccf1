package arabrief.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.batch.Corpus;
import arabrief.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ArchiveJob and the ML stage on a local Spark (2 threads, a failed task tried once more) against what
 * {@code arabrief batch} writes for the same 40 generated articles with the same model and settings.
 */
class ArchiveJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int GOOD = 38;
  private static final String[] SETTINGS = {"--max-new-tokens", "8", "--beams", "1", "--summary-sentences", "2"};

  @TempDir static Path tmp;
  static SparkSession spark;
  static Path corpus;
  /** Relative path of each good article to its text (as the ML stage gets it). */
  static final Map<String, String> texts = new TreeMap<>();
  /** Relative path of each good article to the content batch wrote for it. */
  static final Map<String, JsonNode> expected = new TreeMap<>();
  static final List<String> broken = List.of("broken/binary.txt", "broken/english.txt");

  @BeforeAll
  static void setUp() throws IOException {
    corpus = tmp.resolve("corpus");
    for (int i = 0; i < GOOD; i++) {
      String text = Corpus.article(15, i);
      boolean html = i % 5 == 0;
      boolean cp1256 = !html && i % 4 == 1;
      String rel = (i % 3 == 0 ? "wire/" : "") + String.format("a%03d", i) + (html ? ".html" : ".txt");
      String content = html ? html(text) : text;
      write(corpus.resolve(rel), content.getBytes(cp1256 ? Corpus.WINDOWS_1256 : StandardCharsets.UTF_8));
      texts.put(rel, content);
    }
    byte[] binary = new byte[1024];
    new Random(3).nextBytes(binary);
    write(corpus.resolve(broken.get(0)), binary);
    write(corpus.resolve(broken.get(1)), "Only English here.\n\nNo Arabic at all.\n".getBytes(StandardCharsets.UTF_8));

    Path batchOut = tmp.resolve("batch");
    List<String> args = new ArrayList<>(List.of("batch", "--out", batchOut.toString(), "--model", Corpus.model().toString()));
    args.addAll(List.of(SETTINGS));
    args.add(corpus.toString());
    assertEquals(4, Main.run(args.toArray(String[]::new)), "batch: two documents fail");
    for (String rel : texts.keySet()) {
      Path o = batchOut.resolve(rel.substring(0, rel.lastIndexOf('.')) + ".en.json");
      ObjectNode doc = (ObjectNode) JSON.readTree(o.toFile());
      doc.remove(List.of("model", "stats"));
      expected.put(rel, content(doc));
    }

    spark = SparkSession.builder()
        .master("local[2,2]")
        .appName("arabrief-test")
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

  private static void write(Path f, byte[] bytes) throws IOException {
    Files.createDirectories(f.getParent());
    Files.write(f, bytes);
  }

  private static String html(String text) {
    StringBuilder sb = new StringBuilder("<html><head><meta charset=\"utf-8\"></head><body><article><h1>")
        .append(text.lines().findFirst().orElseThrow()).append("</h1>");
    text.lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> sb.append("<p>").append(l).append("</p>"));
    return sb.append("</article></body></html>").toString();
  }

  /**
   * The content of a brief for comparison: keys with null values left out (Spark's JSON writer omits
   * them), scores to 4 decimals (sentences batched with other neighbours get other padding, which moves
   * the last float digits of a score, never the words).
   */
  static JsonNode content(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = JSON.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          o.set(e.getKey(), e.getKey().equals("score")
              ? JSON.getNodeFactory().numberNode(Math.round(e.getValue().asDouble() * 1e4) / 1e4)
              : content(e.getValue()));
        }
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = JSON.createArrayNode();
      n.forEach(x -> a.add(content(x)));
      return a;
    }
    return n;
  }

  private static String rel(String source) {
    String prefix = corpus.toUri().toString().replace("file:///", "file:/");
    assertTrue(source.startsWith(prefix), source + " under " + prefix);
    return source.substring(prefix.length());
  }

  /** Runs the job; returns its output rows by relative input path, checking each input appears once. */
  private static Map<String, ObjectNode> runJob(String name, int faultPartition) throws IOException {
    Path out = tmp.resolve(name);
    List<String> args = new ArrayList<>(List.of("--input", corpus.toString(), "--output", out.toString(),
        "--model", Corpus.model().toString(), "--partitions", "3"));
    args.addAll(List.of(SETTINGS));
    if (faultPartition >= 0) {
      args.addAll(List.of("--fail-first-attempt-of-partition", "" + faultPartition));
    }
    ExecutorModel.closeAll();
    ArchiveJob job = new ArchiveJob(spark);
    assertEquals(0, ArchiveJob.execute(job, args.toArray(String[]::new)));
    assertEquals(1, job.modelLoads(), "one load in this one executor JVM, however many tasks ran");
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    Map<String, ObjectNode> rows = new HashMap<>();
    try (Stream<Path> parts = Files.list(out)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          ObjectNode row = (ObjectNode) JSON.readTree(line);
          String rel = rel(row.get("source").asText());
          assertNull(rows.put(rel, row), rel + " written twice");
          assertEquals(rel.substring(rel.lastIndexOf('/') + 1), row.get("id").asText());
        }
      }
    }
    assertEquals(GOOD + broken.size(), rows.size(), "every article exactly once");
    return rows;
  }

  private static void checkAgainstBatch(Map<String, ObjectNode> rows) {
    for (Map.Entry<String, JsonNode> e : expected.entrySet()) {
      ObjectNode row = rows.get(e.getKey()).deepCopy();
      assertTrue(row.path("error").isMissingNode(), e.getKey() + ": " + row.path("error"));
      row.remove(List.of("id", "source"));
      assertEquals(e.getValue(), content(row), e.getKey());
    }
    assertTrue(rows.get(broken.get(0)).get("error").asText().contains("binary"), rows.get(broken.get(0)).toString());
    assertTrue(rows.get(broken.get(1)).get("error").asText().contains("no Arabic text"), rows.get(broken.get(1)).toString());
    assertTrue(rows.get(broken.get(1)).path("paragraphs").isMissingNode());
  }

  @Test
  void archiveJobWritesWhatBatchWritesAndAnErrorRowPerBrokenFile() throws IOException {
    checkAgainstBatch(runJob("job", -1));
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndEveryArticleIsWrittenOnce() throws IOException {
    checkAgainstBatch(runJob("job-retried", 1));
  }

  @Test
  void mlStageGivesTheSameBriefsInAPipeline() throws IOException {
    StructType schema = new StructType().add("path", DataTypes.StringType).add("text", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    texts.forEach((rel, text) -> rows.add(RowFactory.create(rel, text)));
    rows.add(RowFactory.create("none", null));
    Dataset<Row> df = spark.createDataFrame(rows, schema).repartition(2);
    ArabicBrief stage = new ArabicBrief().setInputCol("text").setOutputCol("brief").setModel(Corpus.model().toString())
        .setBeams(1).setMaxNewTokens(8).setSummarySentences(2);
    var model = new org.apache.spark.ml.Pipeline().setStages(new org.apache.spark.ml.PipelineStage[] {stage}).fit(df);
    List<Row> out = model.transform(df).collectAsList();
    assertEquals(rows.size(), out.size());
    for (Row r : out) {
      Row brief = r.getAs("brief");
      ObjectNode b = (ObjectNode) JSON.readTree(brief.json());
      if (r.isNullAt(1)) {
        assertEquals("no text in column text", b.get("error").asText());
        continue;
      }
      assertTrue(b.get("error").isNull(), b.toString());
      assertEquals(expected.get(r.getString(0)), content(b), r.getString(0));
    }
    Path saved = tmp.resolve("stage");
    stage.save(saved.toString());
    ArabicBrief loaded = ArabicBrief.load(saved.toString());
    assertEquals(stage.uid(), loaded.uid());
    assertEquals(stage.settings(), loaded.settings());
  }

  @Test
  void jsonlLinesGiveRowsByIdAndBadLinesGiveErrorRowsInParquet() throws IOException {
    List<String> lines = new ArrayList<>();
    List<String> rels = new ArrayList<>(expected.keySet()).subList(0, 4);
    for (String rel : rels) {
      lines.add(JSON.createObjectNode().put("guid", rel).put("body", texts.get(rel)).toString());
    }
    lines.add("{not json");
    lines.add(JSON.createObjectNode().put("guid", "no-body").toString());
    Path in = tmp.resolve("wire.jsonl");
    Files.write(in, lines, StandardCharsets.UTF_8);
    Path out = tmp.resolve("wire-out");
    List<String> args = new ArrayList<>(List.of("--input", in.toString(), "--output", out.toString(), "--input-format", "jsonl",
        "--text-field", "body", "--id-field", "guid", "--output-format", "parquet", "--model", Corpus.model().toString()));
    args.addAll(List.of(SETTINGS));
    assertEquals(0, ArchiveJob.run(spark, args.toArray(String[]::new)));
    Map<String, Row> byId = new HashMap<>();
    Row bad = null;
    for (Row r : spark.read().parquet(out.toString()).collectAsList()) {
      assertTrue(r.getString(1).endsWith("wire.jsonl"), r.getString(1));
      if (r.isNullAt(0)) {
        bad = r;
      } else {
        byId.put(r.getString(0), r);
      }
    }
    assertEquals(rels.size() + 1, byId.size());
    assertNotNull(bad);
    assertEquals("not valid JSON", bad.getAs("error"));
    assertEquals("no \"body\" string field with the article", byId.get("no-body").getAs("error"));
    for (String rel : rels) {
      ObjectNode row = (ObjectNode) JSON.readTree(byId.get(rel).json());
      row.remove(List.of("id", "source", "error"));
      assertEquals(expected.get(rel), content(row), rel);
    }
  }

  @Test
  void badArgumentsGiveAMessageAndExitCode2() {
    assertEquals(2, ArchiveJob.run(spark, new String[] {"--input", "x", "--output", "y", "--input-format", "csv"}));
    assertEquals(2, ArchiveJob.run(spark, new String[] {"--input", "x"}));
  }
}

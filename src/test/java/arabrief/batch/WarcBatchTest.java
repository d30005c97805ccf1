package arabrief.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arabrief batch} on WARC files written by jwarc: what is read, what is skipped and counted, resume. */
class WarcBatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path in;
  static WarcFixture.Expected expected;

  @BeforeAll
  static void warcs() throws IOException {
    in = tmp.resolve("warcs");
    expected = WarcFixture.write(in, 4, 6);
  }

  private static String[] args(Path out, String... more) {
    List<String> a = new ArrayList<>(List.of(
        "batch", "--out", out.toString(), "--model", Corpus.model().toString(), "--max-new-tokens", "8", "--beams", "1"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  private static List<JsonNode> lines(Path f) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(f, StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  @Test
  void pagesAreTranslatedOtherRecordsCountedBrokenOnesFailedAndARerunSkipsEveryRecord() throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(4, Main.run(args(out, in.resolve("crawl-a.warc.gz").toString(), in.resolve("crawl-b.warc").toString(),
        "--window", "3")), "broken records are failures");

    List<JsonNode> all = new ArrayList<>(lines(out.resolve("crawl-a.en.jsonl")));
    all.addAll(lines(out.resolve("crawl-b.en.jsonl")));
    Map<String, JsonNode> articles = new LinkedHashMap<>();
    List<JsonNode> errors = new ArrayList<>();
    for (JsonNode l : all) {
      if (l.has("error")) {
        errors.add(l);
      } else {
        assertNull(articles.put(l.get("url").asText(), l), "one line per article");
      }
    }
    assertEquals(List.copyOf(expected.articles().keySet()), List.copyOf(articles.keySet()), "the articles, in file order");
    for (Map.Entry<String, String> e : expected.articles().entrySet()) {
      JsonNode l = articles.get(e.getKey());
      assertEquals(expected.recordIds().get(e.getKey()), l.path("warc_record_id").asText(), l.toString());
      assertEquals("2024-03-05T06:07:08Z", l.get("warc_date").asText());
      // the Arabic read back proves the decoding: UTF-8, windows-1256 by header, by meta, and mislabelled ISO-8859-1
      StringBuilder sources = new StringBuilder(l.path("headline").path("source").asText());
      l.get("paragraphs").forEach(p -> sources.append(' ').append(p.get("source").asText()));
      String body = e.getValue().lines().skip(1).filter(x -> !x.isBlank()).findFirst().orElseThrow();
      assertTrue(sources.toString().contains(body.split(" ")[0] + " " + body.split(" ")[1]), e.getKey() + " " + l);
      assertTrue(l.get("paragraphs").size() >= 1, e.getKey());
      assertTrue(l.get("paragraphs").get(0).get("text").asText().length() > 0, e.getKey());
    }
    assertEquals(expected.broken().size(), errors.size(), errors.toString());
    // a damaged gzip member in the middle: the articles after it are read (above); it is failed with its offset
    assertTrue(errors.get(0).get("error").asText().matches("broken WARC record at byte \\d+ \\(corrupt gzip .*\\); reading resumed"
        + " at the next record, at byte \\d+"), errors.get(0).toString());
    assertTrue(errors.get(1).get("error").asText().contains("truncated"), errors.get(1).toString());
    assertTrue(errors.get(1).get("error").asText().endsWith("no readable record follows it in crawl-a.warc.gz"), errors.get(1).toString());
    assertTrue(errors.get(2).get("error").asText().contains("its Content-Length does not match the record's bytes"), errors.get(2).toString());
    assertEquals(expected.broken().get(2), errors.get(2).get("url").asText());

    JsonNode r = JSON.readTree(out.resolve(BatchReport.FILE).toFile());
    // every page is a document: the articles, the English page, the section page; and the broken records
    assertEquals(expected.articles().size() + 2 + expected.broken().size(), r.get("documents").asInt(), r.toString());
    assertEquals(expected.articles().size(), r.get("done").asInt());
    assertEquals(expected.broken().size(), r.get("failed").asInt());
    assertEquals(expected.resyncs(), r.get("warc_resyncs").asInt(), r.toString());
    Map<String, Long> skipped = new LinkedHashMap<>();
    r.get("skipped_records").fields().forEachRemaining(f -> skipped.put(f.getKey(), f.getValue().asLong()));
    assertEquals(new java.util.TreeMap<>(expected.skipped()), new java.util.TreeMap<>(skipped));
    assertEquals(1, r.get("not_articles").size());
    assertEquals("https://news.example/section/politics", r.get("not_articles").get(0).get("url").asText());
    assertTrue(r.get("failures").get(0).get("path").asText().startsWith("crawl-a.warc.gz#"), r.toString());

    byte[] a = Files.readAllBytes(out.resolve("crawl-a.en.jsonl"));
    byte[] b = Files.readAllBytes(out.resolve("crawl-b.en.jsonl"));
    assertEquals(4, Main.run(args(out, in.resolve("crawl-a.warc.gz").toString(), in.resolve("crawl-b.warc").toString())));
    r = JSON.readTree(out.resolve(BatchReport.FILE).toFile());
    assertEquals(expected.articles().size(), r.get("skipped").asInt(), "every article record is current: " + r);
    assertEquals(0, r.get("done").asInt());
    assertEquals(0, r.get("sentences_translated").asInt());
    assertArrayEquals(a, Files.readAllBytes(out.resolve("crawl-a.en.jsonl")));
    assertArrayEquals(b, Files.readAllBytes(out.resolve("crawl-b.en.jsonl")));
  }

  @Test
  void theProgressLineCountsSkippedRecordsByWhyAndResyncs() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Progress p = Progress.log(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10, Duration.ZERO)) {
      p.skipped(WarcRecords.Skip.REQUEST, 4);
      p.skipped(WarcRecords.Skip.NOT_ARABIC, 1);
      p.resynced(2);
      p.step(true);
    }
    String line = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(line.startsWith("arabrief batch: 1/10 documents (1 failed; records skipped: 4 request, 1 not_arabic;"
        + " resumed after 2 broken records)"), line);
  }

  @Test
  void aKilledRunResumesPerRecordToTheBytesOfAnUninterruptedRun() throws Exception {
    Path big = tmp.resolve("big");
    Files.createDirectories(big);
    Path warc = big.resolve("news.warc.gz");
    WarcFixture.writeBench(warc, 21, 60);
    Path clean = tmp.resolve("out-clean");
    Path killed = tmp.resolve("out-killed");
    String[] common = {"--window", "2"};

    assertEquals(0, Main.run(concat(args(clean, warc.toString()), common)));
    int articles = Files.readAllLines(clean.resolve("news.en.jsonl")).size();
    assertTrue(articles >= 25, "most of the 30 pages are articles: " + articles);

    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        "arabrief.cli.Main"));
    cmd.addAll(List.of(concat(args(killed, warc.toString()), "--window", "2", "--progress-seconds", "0")));
    Path log = tmp.resolve("child.log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("ARABRIEF_HOME", tmp.resolve("home").toString());
    Process child = pb.start();
    // each progress line follows the records it counts into the database; kill a third of the way through
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    java.util.regex.Pattern progress = java.util.regex.Pattern.compile("arabrief batch: (\\d+)/");
    while (child.isAlive() && System.nanoTime() < deadline) {
      java.util.regex.Matcher m = progress.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
      int done = 0;
      while (m.find()) {
        done = Integer.parseInt(m.group(1));
      }
      if (done >= articles / 3) {
        break;
      }
      Thread.sleep(10);
    }
    assertTrue(child.isAlive(), "the child finished before it could be killed; see " + tmp.resolve("child.log"));
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    assertTrue(!Files.exists(killed.resolve("news.en.jsonl")), "the output is written whole at the end, or not at all");

    assertEquals(0, Main.run(concat(args(killed, warc.toString()), common)));
    JsonNode r = JSON.readTree(killed.resolve(BatchReport.FILE).toFile());
    assertTrue(r.get("skipped").asInt() > 0 && r.get("done").asInt() > 0, "resumed midway: " + r);
    assertEquals(articles, r.get("skipped").asInt() + r.get("done").asInt(), r.toString());
    assertEquals(30, r.get("skipped_records").get("request").asInt(), r.toString());
    assertArrayEquals(Files.readAllBytes(clean.resolve("news.en.jsonl")), Files.readAllBytes(killed.resolve("news.en.jsonl")));
  }

  private static String[] concat(String[] a, String... b) {
    List<String> l = new ArrayList<>(List.of(a));
    l.addAll(List.of(b));
    return l.toArray(String[]::new);
  }
}

package arabrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.fetch.TestSite;
import arabrief.mt.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/** translate, brief and summarize given URLs: the same brief as the saved page, the link on it, exit 6 on failure. */
class UrlInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = Fixtures.model("tiny-opus").toString();
  static final Path BBC = Path.of("src/test/resources/fixtures/corpus/bbc-arabic-2024-03-03.html");
  static final Path SEED = Path.of("seeds/000_576a10afaf96e38e.txt");
  static final String[] FAST = {"--model", MODEL, "--beams", "1", "--max-new-tokens", "12"};
  static TestSite site;

  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    byte[] bbc = Files.readAllBytes(BBC);
    // the same page in windows-1256, its <meta> charset taken out: only the HTTP header says what it is
    String noMeta = new String(bbc, StandardCharsets.UTF_8).replaceAll("(?i)<meta[^>]*charset[^>]*>", "");
    site = TestSite.start()
        .page("/bbc.html", "text/html; charset=utf-8", bbc)
        .page("/bbc-1256.html", "text/html; charset=windows-1256", noMeta.getBytes(Charset.forName("windows-1256")))
        .redirect("/short", 301, "/bbc.html")
        .page("/seed.txt", "text/plain; charset=utf-8", Files.readAllBytes(SEED))
        .page("/logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static CliTest.Run run(String... args) {
    return CliTest.run(null, args);
  }

  static String[] args(String... head) {
    String[] all = new String[head.length + FAST.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(FAST, 0, all, head.length, FAST.length);
    return all;
  }

  /** The document without what differs between a file and its URL. */
  static JsonNode content(JsonNode doc) {
    ObjectNode o = doc.deepCopy();
    o.remove(List.of("url", "fetched_at", "stats"));
    return o;
  }

  @Test
  void aUrlGivesTheSameBriefAsTheSavedPageAndNamesItself() throws Exception {
    CliTest.Run file = run(args("brief", BBC.toString(), "--format", "json"));
    assertEquals(0, file.code(), file.err());
    CliTest.Run url = run(args("brief", site.url("/short"), "--format", "json"));
    assertEquals(0, url.code(), url.err());
    JsonNode f = JSON.readTree(file.out());
    JsonNode u = JSON.readTree(url.out());
    assertEquals(content(f), content(u));
    assertFalse(f.get("summary").isEmpty());
    assertTrue(f.get("url").isNull() && f.get("fetched_at").isNull(), "a file has no URL");
    assertEquals(site.url("/bbc.html"), u.get("url").asText(), "the URL after redirects");
    Instant at = Instant.parse(u.get("fetched_at").asText());
    assertTrue(at.isAfter(Instant.now().minusSeconds(600)) && !at.isAfter(Instant.now()));

    CliTest.Run text = run(args("brief", site.url("/bbc.html")));
    CliTest.Run fileText = run(args("brief", BBC.toString()));
    List<String> lines = text.out().lines().toList();
    assertEquals(site.url("/bbc.html"), lines.get(1), "the link right under the headline");
    List<String> without = new java.util.ArrayList<>(lines);
    without.remove(1);
    assertEquals(fileText.out().lines().toList(), without);
    CliTest.Run md = run(args("brief", site.url("/bbc.html"), "--format", "markdown"));
    assertTrue(md.out().contains("\n\n<" + site.url("/bbc.html") + ">\n\n"), md.out());
  }

  @Test
  void aWindows1256PageDeclaredOnlyInTheHeaderReadsLikeTheUtf8One() throws Exception {
    JsonNode utf8 = JSON.readTree(run(args("brief", site.url("/bbc.html"), "--format", "json")).out());
    CliTest.Run r = run(args("brief", site.url("/bbc-1256.html"), "--format", "json"));
    assertEquals(0, r.code(), r.err());
    assertEquals(content(utf8), content(JSON.readTree(r.out())));
  }

  @Test
  void filesAndUrlsMixAndTranslateTakesThemToo() throws Exception {
    CliTest.Run r = run(args("translate", SEED.toString(), site.url("/seed.txt"), "--format", "json"));
    assertEquals(0, r.code(), r.err());
    JsonNode both = JSON.readTree(r.out());
    assertEquals(2, both.size());
    assertEquals(content(both.get(0)), content(both.get(1)));
    assertEquals(site.url("/seed.txt"), both.get(1).get("url").asText());
    assertEquals(8, both.get(1).get("paragraphs").size());
  }

  @Test
  void summarizeAUrl() {
    CliTest.Run file = run("summarize", BBC.toString(), "--summary-sentences", "2");
    CliTest.Run url = run("summarize", site.url("/bbc.html"), "--summary-sentences", "2");
    assertEquals(0, url.code(), url.err());
    assertEquals(file.out(), url.out());
    assertEquals(2, url.out().lines().count());
  }

  @Test
  void aUrlThatCannotBeFetchedIsExit6WithOneLine() {
    CliTest.Run missing = run(args("brief", site.url("/gone.html")));
    assertEquals(ExitCodes.NETWORK, missing.code());
    assertEquals("arabrief: " + site.url("/gone.html") + ": HTTP 404 Not Found\n", missing.err());
    CliTest.Run image = run(args("translate", SEED.toString(), site.url("/logo.png")));
    assertEquals(ExitCodes.NETWORK, image.code());
    assertEquals("arabrief: " + site.url("/logo.png") + ": not a web page but image/png\n", image.err());
    assertEquals("", image.out(), "nothing written: inputs are read before anything is translated");
    CliTest.Run summarize = run("summarize", "http://127.0.0.1:1/nothing-listens-here");
    assertEquals(ExitCodes.NETWORK, summarize.code());
    assertTrue(summarize.err().startsWith("arabrief: http://127.0.0.1:1/nothing-listens-here: connection refused by 127.0.0.1:1"), summarize.err());
    assertEquals(1, summarize.err().lines().count());
  }

  @Test
  void warcRecordsWhatWasRead() throws Exception {
    Path warc = dir.resolve("read.warc.gz");
    CliTest.Run r = run(args("brief", site.url("/short"), "--warc", warc.toString()));
    assertEquals(0, r.code(), r.err());
    List<String> targets = new java.util.ArrayList<>();
    byte[] body = null;
    try (WarcReader reader = new WarcReader(warc)) {
      for (WarcRecord rec : reader) {
        if (rec instanceof WarcResponse resp) {
          targets.add(resp.target());
          if (resp.http().status() == 200) {
            body = resp.http().bodyDecoded().stream().readAllBytes();
          }
        }
      }
    }
    assertEquals(List.of(site.url("/short"), site.url("/bbc.html")), targets);
    assertTrue(java.util.Arrays.equals(Files.readAllBytes(BBC), body));
  }

  @Test
  void crawlOptionsAreUsageErrorsBeforeAnyModelLoads() {
    // a model that does not exist: were the options checked after loading it, this would be exit 3
    String out = dir.resolve("out").toString();
    String feed = site.url("/rss.xml");
    List<List<String>> bad = List.of(
        List.of("batch", feed, "--out", out, "--delay", "-1"),
        List.of("watch", feed, "--out", out, "--delay", "3601"),
        List.of("batch", feed, "--out", out, "--fetch-timeout", "0"),
        List.of("watch", feed, "--out", out, "--every", "5x"),
        List.of("watch", feed, "--out", out, "--every", "50ms"),
        List.of("watch", "ftp://news.example/rss.xml", "--out", out),
        List.of("watch", "http:///rss.xml", "--out", out));
    List<String> starts = List.of("--delay is 0 to 3600 seconds", "--delay is 0 to 3600 seconds",
        "--fetch-timeout must be at least 1 second", "--every is a time like 10m", "--every must be at least 100ms",
        "ftp://news.example/rss.xml is not an http(s) URL", "http:///rss.xml is not a URL with a host name");
    for (int i = 0; i < bad.size(); i++) {
      List<String> a = new java.util.ArrayList<>(bad.get(i));
      a.addAll(List.of("--model", dir.resolve("no-model").toString()));
      CliTest.Run r = run(a.toArray(String[]::new));
      assertEquals(ExitCodes.USAGE, r.code(), a + ": " + r.err());
      assertTrue(r.err().startsWith("arabrief: " + starts.get(i)), a + ": " + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
    }
    assertEquals(0, site.hits("/rss.xml").size(), "nothing fetched");
    assertFalse(Files.exists(dir.resolve("out")), "no output directory made");
  }

  @Test
  void everyTakesMillisecondsSecondsMinutesAndHours() {
    assertEquals(java.time.Duration.ofMinutes(10), WatchCommand.duration("10m"));
    assertEquals(java.time.Duration.ofSeconds(90), WatchCommand.duration("90s"));
    assertEquals(java.time.Duration.ofMinutes(90), WatchCommand.duration("1.5h"));
    assertEquals(java.time.Duration.ofMillis(300), WatchCommand.duration("300ms"));
    assertEquals(java.time.Duration.ofSeconds(45), WatchCommand.duration(" 45 "));
  }
}

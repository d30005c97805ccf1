package arabrief.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/** Every request and response a fetch makes, in a WARC file read back with jwarc. */
class WarcLogTest {
  @TempDir Path dir;

  record Exchange(WarcRequest request, WarcResponse response, byte[] body, String userAgent) {}

  static List<Exchange> read(Path warc) throws IOException {
    List<Exchange> out = new ArrayList<>();
    WarcRequest pending = null;
    try (WarcReader r = new WarcReader(warc)) {
      for (WarcRecord rec : r) {
        if (rec instanceof WarcRequest q) {
          pending = q;
          pending.http(); // parse before the reader moves on
        } else if (rec instanceof WarcResponse s) {
          assertEquals(pending.id(), s.concurrentTo().get(0), "a response names its request");
          byte[] body = s.http().bodyDecoded().stream().readAllBytes();
          out.add(new Exchange(pending, s, body, pending.http().headers().first("User-Agent").orElse(null)));
        }
      }
    }
    return out;
  }

  @Test
  void pagesRedirectsErrorsAndCutBodiesAreRecorded() throws Exception {
    byte[] page = Files.readAllBytes(FetcherTest.PAGE);
    Path warc = dir.resolve("crawl.warc.gz");
    try (TestSite site = TestSite.start()
            .page("/page.html", "text/html; charset=utf-8", page)
            .handle("/gzip.html", ex -> {
              ex.getResponseHeaders().set("Content-Encoding", "gzip");
              TestSite.send(ex, 200, "text/html", TestSite.gzip(page));
            })
            .redirect("/old", 301, "/page.html")
            .handle("/big", ex -> {
              ex.getResponseHeaders().set("Content-Type", "text/html");
              ex.sendResponseHeaders(200, 0);
              FetcherTest.stream(ex.getResponseBody(), 5 << 20);
            });
        WarcLog log = WarcLog.open(warc);
        Fetcher f = new Fetcher(FetchSettings.defaults().withMaxBytes(1 << 20))) {
      f.recordTo(log);
      f.get(site.uri("/old"), Fetcher.Accept.PAGE);
      f.get(site.uri("/gzip.html"), Fetcher.Accept.PAGE);
      assertThrows(FetchException.class, () -> f.get(site.uri("/missing"), Fetcher.Accept.PAGE));
      assertThrows(FetchException.class, () -> f.get(site.uri("/big"), Fetcher.Accept.PAGE));
    }
    List<Exchange> ex = read(warc);
    assertEquals(List.of("/old", "/page.html", "/gzip.html", "/missing", "/big"),
        ex.stream().map(e -> URI.create(e.response().target()).getPath()).toList());
    assertEquals(301, ex.get(0).response().http().status());
    assertEquals(200, ex.get(1).response().http().status());
    assertArrayEquals(page, ex.get(1).body());
    assertEquals("gzip", ex.get(2).response().http().headers().first("Content-Encoding").orElse(null), "stored as sent");
    assertArrayEquals(page, ex.get(2).body(), "and readable decoded");
    assertEquals(404, ex.get(3).response().http().status());
    assertEquals("length", ex.get(4).response().headers().first("WARC-Truncated").orElse(null));
    for (Exchange e : ex) {
      assertTrue(e.userAgent().startsWith("arabrief/"), e.userAgent());
      assertEquals("127.0.0.1", e.response().ipAddress().orElseThrow().getHostAddress());
    }
  }

  @Test
  void aRecordCutShortByAKilledRunIsRemovedAndTheFileAppendedTo() throws Exception {
    byte[] page = Files.readAllBytes(FetcherTest.PAGE);
    Path warc = dir.resolve("watch.warc.gz");
    try (TestSite site = TestSite.start().page("/a.html", "text/html", page).page("/b.html", "text/html", page)) {
      try (WarcLog log = WarcLog.open(warc); Fetcher f = new Fetcher(FetchSettings.defaults())) {
        f.recordTo(log);
        f.get(site.uri("/a.html"), Fetcher.Accept.PAGE);
      }
      long whole = Files.size(warc);
      byte[] bytes = Files.readAllBytes(warc);
      // a kill in the middle of writing the next record: half of a copy of the last one
      Files.write(warc, java.util.Arrays.copyOfRange(bytes, bytes.length / 2, bytes.length * 3 / 4), StandardOpenOption.APPEND);
      try (WarcLog log = WarcLog.open(warc); Fetcher f = new Fetcher(FetchSettings.defaults())) {
        assertTrue(Files.size(warc) >= whole);
        f.recordTo(log);
        f.get(site.uri("/b.html"), Fetcher.Accept.PAGE);
      }
    }
    assertEquals(List.of("/a.html", "/b.html"),
        read(warc).stream().map(e -> URI.create(e.response().target()).getPath()).toList());
  }

  @Test
  void aFileThatIsNotAWarcIsRefused() throws Exception {
    Path notWarc = dir.resolve("notes.warc");
    Files.writeString(notWarc, "my notes");
    IOException e = assertThrows(IOException.class, () -> WarcLog.open(notWarc));
    assertTrue(e.getMessage().contains("is not a WARC file"), e.getMessage());
    assertEquals("my notes", Files.readString(notWarc));
  }

  static Duration seconds(double s) {
    return Duration.ofMillis((long) (s * 1000));
  }
}

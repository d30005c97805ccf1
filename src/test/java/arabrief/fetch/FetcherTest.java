package arabrief.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP client against a loopback site: bodies, encodings, redirects, limits, timeouts and typed failures. */
class FetcherTest {
  static final Path PAGE = Path.of("src/test/resources/fixtures/articles/news_page.html");
  static TestSite site;
  static byte[] page;
  static final AtomicLong bigSent = new AtomicLong();

  @BeforeAll
  static void start() throws IOException {
    page = Files.readAllBytes(PAGE);
    String arabic = "<html><head><title>خبر</title></head><body><p>قال المتحدث باسم الوزارة إن الاتصال استمر ساعة.</p></body></html>";
    site = TestSite.start()
        .page("/page.html", "text/html; charset=utf-8", page)
        .page("/cp1256.html", "text/html; charset=windows-1256", arabic.getBytes(Charset.forName("windows-1256")))
        .handle("/gzip.html", ex -> {
          ex.getResponseHeaders().set("Content-Encoding", "gzip");
          TestSite.send(ex, 200, "text/html; charset=utf-8", TestSite.gzip(page));
        })
        .handle("/deflate.html", ex -> {
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(6, true))) { // raw deflate
            d.write(page);
          }
          ex.getResponseHeaders().set("Content-Encoding", "deflate");
          TestSite.send(ex, 200, "text/html", out.toByteArray());
        })
        .page("/image.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0})
        .redirect("/r1", 301, "/r2")
        .redirect("/r2", 302, "r3")
        .redirect("/r3", 307, "/page.html")
        .redirect("/loop-a", 302, "/loop-b")
        .redirect("/loop-b", 302, "/loop-a")
        .redirect("/ftp", 302, "ftp://example.test/file")
        .handle("/slow-start", ex -> {
          sleep(3000);
          TestSite.send(ex, 200, "text/html", page);
        })
        .handle("/never-ends", ex -> { // a trickle that never finishes
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          OutputStream out = ex.getResponseBody();
          while (true) {
            out.write("<p>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            sleep(50);
          }
        })
        .handle("/200mb", ex -> { // streamed, no length: the client must stop at its limit
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 0);
          stream(ex.getResponseBody(), 200L << 20);
        })
        .handle("/200mb-declared", ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/html");
          ex.sendResponseHeaders(200, 200L << 20);
          stream(ex.getResponseBody(), 200L << 20);
        })
        .handle("/etag.xml", ex -> {
          if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.sendResponseHeaders(304, -1);
            return;
          }
          ex.getResponseHeaders().set("ETag", "\"v1\"");
          ex.getResponseHeaders().set("Last-Modified", "Tue, 03 Mar 2024 10:00:00 GMT");
          TestSite.send(ex, 200, "application/rss+xml", "<rss version=\"2.0\"><channel></channel></rss>".getBytes(StandardCharsets.UTF_8));
        });
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void stream(OutputStream out, long bytes) throws IOException {
    byte[] chunk = "<p>ضجيج</p>".repeat(6000).getBytes(StandardCharsets.UTF_8);
    long sent = 0;
    try {
      while (sent < bytes) {
        int n = (int) Math.min(chunk.length, bytes - sent);
        out.write(chunk, 0, n);
        sent += n;
      }
    } finally {
      bigSent.set(sent);
    }
  }

  static Fetcher fetcher() {
    return new Fetcher(FetchSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
  }

  static FetchException fails(Fetcher f, String url, Fetcher.Accept accept) {
    return assertThrows(FetchException.class, () -> f.get(URI.create(url), accept));
  }

  @Test
  void aPageComesBackWithItsUrlHeadersTimeAndOurUserAgent() throws Exception {
    try (Fetcher f = fetcher()) {
      Fetched r = f.get(site.uri("/page.html"), Fetcher.Accept.PAGE);
      assertArrayEquals(page, r.body());
      assertEquals(site.url("/page.html"), r.url().toString());
      assertEquals("text/html", r.mediaType());
      assertEquals("utf-8", r.charset());
      assertTrue(Duration.between(r.fetchedAt(), java.time.Instant.now()).toMinutes() < 5);
      String ua = site.hits("/page.html").get(0).userAgent();
      assertTrue(ua.startsWith("arabrief/" + UserAgent.VERSION), ua);
    }
  }

  @Test
  void gzipAndDeflateBodiesAreUndone() throws Exception {
    try (Fetcher f = fetcher()) {
      assertArrayEquals(page, f.get(site.uri("/gzip.html"), Fetcher.Accept.PAGE).body());
      assertArrayEquals(page, f.get(site.uri("/deflate.html"), Fetcher.Accept.PAGE).body());
    }
  }

  @Test
  void theHeadersCharsetIsHandedOn() throws Exception {
    try (Fetcher f = fetcher()) {
      assertEquals("windows-1256", f.get(site.uri("/cp1256.html"), Fetcher.Accept.PAGE).charset());
    }
  }

  @Test
  void redirectsAreFollowedUpToTheLimitAndLoopsNamed() throws Exception {
    try (Fetcher f = fetcher()) {
      Fetched r = f.get(site.uri("/r1"), Fetcher.Accept.PAGE);
      assertEquals(site.url("/page.html"), r.url().toString());
      assertEquals(site.url("/r1"), r.requested().toString());
      assertArrayEquals(page, r.body());
      FetchException loop = fails(f, site.url("/loop-a"), Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.REDIRECTS, loop.kind());
      assertTrue(loop.getMessage().contains("redirect loop: " + site.url("/loop-a") + " -> " + site.url("/loop-b") + " -> " + site.url("/loop-a")), loop.getMessage());
      FetchException ftp = fails(f, site.url("/ftp"), Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.REDIRECTS, ftp.kind());
    }
    try (Fetcher two = new Fetcher(new FetchSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), FetchSettings.MAX_BYTES, 2,
        UserAgent.DEFAULT, AddressPolicy.ANY, Resolver.SYSTEM))) {
      FetchException e = fails(two, site.url("/r1"), Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.REDIRECTS, e.kind());
      assertTrue(e.getMessage().contains("more than 2 redirects"), e.getMessage());
    }
  }

  @Test
  void aServerAnsweringAfterTheTimeoutAndABodyThatNeverEndsTimeOut() {
    try (Fetcher f = new Fetcher(FetchSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)))) {
      FetchException slow = fails(f, site.url("/slow-start"), Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.TIMEOUT, slow.kind(), slow.getMessage());
      FetchException endless = fails(f, site.url("/never-ends"), Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.TIMEOUT, endless.kind(), endless.getMessage());
      assertTrue(endless.getMessage().contains("no complete answer within 1.0 s"), endless.getMessage());
    }
  }

  @Test
  void a200MegabyteResponseStopsAtTheLimitWithoutBeingReadWhole() {
    try (Fetcher f = new Fetcher(FetchSettings.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60)))) {
      FetchException streamed = fails(f, site.url("/200mb"), Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.TOO_LARGE, streamed.kind(), streamed.getMessage());
      assertTrue(streamed.getMessage().endsWith("more than 32 MB of body; one document is limited to 32 MB"), streamed.getMessage());
      FetchException declared = fails(f, site.url("/200mb-declared"), Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.TOO_LARGE, declared.kind());
      assertTrue(declared.getMessage().contains("Content-Length says 200 MB"), declared.getMessage());
    }
    // the server's writes failed once the client hung up: it never got to send the 200 MB
    for (int i = 0; i < 100 && bigSent.get() == 0; i++) {
      sleep(50);
    }
    assertTrue(bigSent.get() < 100L << 20, "bytes sent: " + bigSent.get());
  }

  @Test
  void statusesImagesAndAbsentHostsAreTypedFailures() throws Exception {
    try (Fetcher f = fetcher()) {
      FetchException missing = fails(f, site.url("/missing.html"), Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.HTTP_STATUS, missing.kind());
      assertEquals(404, missing.status());
      assertEquals(site.url("/missing.html") + ": HTTP 404 Not Found", missing.getMessage());
      FetchException image = fails(f, site.url("/image.png"), Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.NOT_HTML, image.kind());
      assertTrue(image.getMessage().endsWith("not a web page but image/png"), image.getMessage());
    }
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    try (Fetcher f = fetcher()) {
      FetchException refused = fails(f, "http://127.0.0.1:" + closed + "/", Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.REFUSED, refused.kind(), refused.getMessage());
      assertTrue(refused.getMessage().endsWith("connection refused by 127.0.0.1:" + closed), refused.getMessage());
    }
    Resolver none = host -> {
      throw new UnknownHostException(host);
    };
    try (Fetcher f = new Fetcher(FetchSettings.defaults().withResolver(none))) {
      FetchException dns = fails(f, "http://news.invalid/a.html", Fetcher.Accept.PAGE);
      assertEquals(FetchException.Kind.DNS, dns.kind());
      assertEquals("http://news.invalid/a.html: cannot resolve the host name news.invalid", dns.getMessage());
    }
  }

  @Test
  void conditionalGetGivesNotModified() throws Exception {
    try (Fetcher f = fetcher()) {
      Fetched first = f.get(site.uri("/etag.xml"), Fetcher.Accept.LISTING);
      assertEquals(200, first.status());
      Fetched.Validators v = first.validators();
      assertEquals("\"v1\"", v.etag());
      Fetched again = f.get(site.uri("/etag.xml"), Fetcher.Accept.LISTING, v, Fetcher.Hops.NONE);
      assertTrue(again.notModified());
      assertEquals(0, again.body().length);
      List<TestSite.Hit> hits = site.hits("/etag.xml");
      assertEquals("\"v1\"", hits.get(hits.size() - 1).headers().get("If-none-match").get(0));
    }
  }

  @Test
  void theAddressPolicyRefusesInternalSpaceBeforeConnecting() throws Exception {
    Resolver table = host -> switch (host) {
      case "inside.test" -> List.of(InetAddress.getByName("10.0.0.1"));
      case "news.test" -> List.of(InetAddress.getByName("127.0.0.2"));
      default -> throw new UnknownHostException(host);
    };
    try (TestSite outside = TestSite.start("127.0.0.2")) {
      outside.page("/a.html", "text/html", page).redirect("/to-loopback", 302, site.url("/page.html"));
      AddressPolicy policy = AddressPolicy.PUBLIC_ONLY.allowing(InetAddress.getByName("127.0.0.2"));
      try (Fetcher f = new Fetcher(FetchSettings.defaults().withPolicy(policy).withResolver(table))) {
        int before = site.hits().size();
        for (String url : List.of(site.url("/page.html"), "http://[::1]:" + site.port() + "/page.html",
            "http://inside.test/page.html", "http://10.0.0.1/page.html", "http://0.0.0.0:" + site.port() + "/",
            "http://169.254.169.254/latest/meta-data/",
            "http://news.test:" + outside.port() + "/to-loopback")) {
          FetchException e = fails(f, url, Fetcher.Accept.PAGE);
          assertEquals(FetchException.Kind.FORBIDDEN_ADDRESS, e.kind(), url + ": " + e.getMessage());
        }
        assertEquals(before, site.hits().size(), "nothing reached the loopback site");
        assertArrayEquals(page, f.get(URI.create("http://news.test:" + outside.port() + "/a.html"), Fetcher.Accept.PAGE).body());
        assertEquals(1, outside.hits("/to-loopback").size());
      }
    }
  }

  @Test
  void policyKnowsTheSpecialRanges() throws Exception {
    AddressPolicy p = AddressPolicy.PUBLIC_ONLY;
    for (String a : List.of("127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
        "224.0.0.1", "0.0.0.0", "100.64.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::10.0.0.1", "64:ff9b::a00:1", "2002:a00:1::1", "255.255.255.255")) {
      assertTrue(p.refusal(InetAddress.getByName(a)) != null, a);
    }
    for (String a : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111", "172.32.0.1", "100.128.0.1")) {
      assertNull(p.refusal(InetAddress.getByName(a)), a);
      assertNull(AddressPolicy.ANY.refusal(InetAddress.getByName(a)), a);
    }
    assertNull(AddressPolicy.ANY.refusal(InetAddress.getByName("127.0.0.1")));
  }
}

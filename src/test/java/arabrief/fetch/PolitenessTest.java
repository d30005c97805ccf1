package arabrief.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * robots.txt, one request per host at a time, the delay and Crawl-delay, and backing off after failures. Times
 * are only ever checked from below (a busy machine makes gaps longer, never shorter).
 */
class PolitenessTest {
  static final String PAGE = "<html><body><p>خبر</p></body></html>";

  static List<Long> gapsMillis(List<TestSite.Hit> hits) {
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < hits.size(); i++) {
      gaps.add((hits.get(i).nanos() - hits.get(i - 1).nanos()) / 1_000_000);
    }
    return gaps;
  }

  @Test
  void robotsTxtIsObeyedAndItsCrawlDelayKept() throws Exception {
    try (TestSite site = TestSite.start()
            .page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 0.4\n\nUser-agent: otherbot\nDisallow: /\n")
            .page("/a.html", "text/html", PAGE).page("/b.html", "text/html", PAGE).page("/c.html", "text/html", PAGE)
            .page("/private/x.html", "text/html", PAGE);
        Fetcher f = new Fetcher(FetchSettings.defaults())) {
      Politeness p = new Politeness(f, Duration.ofMillis(20), Duration.ofSeconds(5), true);
      for (String path : List.of("/a.html", "/b.html", "/c.html")) {
        p.get(site.uri(path), Fetcher.Accept.PAGE, null);
      }
      FetchException e = assertThrows(FetchException.class, () -> p.get(site.uri("/private/x.html"), Fetcher.Accept.PAGE, null));
      assertEquals(FetchException.Kind.ROBOTS, e.kind());
      assertEquals(site.url("/private/x.html") + ": disallowed by the site's robots.txt", e.getMessage());
      assertEquals(0, site.hits("/private/x.html").size());
      assertEquals(1, site.hits("/robots.txt").size(), "robots.txt is read once");
      List<TestSite.Hit> hits = site.hits();
      assertEquals(List.of("/robots.txt", "/a.html", "/b.html", "/c.html"), hits.stream().map(TestSite.Hit::path).toList());
      for (long gap : gapsMillis(hits)) {
        assertTrue(gap >= 390, "the Crawl-delay of 0.4 s is kept between requests: " + gapsMillis(hits));
      }
    }
  }

  @Test
  void aMissingRobotsTxtAllowsAndABrokenOneDefers() throws Exception {
    try (TestSite open = TestSite.start().page("/a.html", "text/html", PAGE);
        TestSite broken = TestSite.start().handle("/robots.txt", ex -> TestSite.send(ex, 500, "text/plain", new byte[] {'x'}))
            .page("/a.html", "text/html", PAGE);
        Fetcher f = new Fetcher(FetchSettings.defaults())) {
      Politeness p = new Politeness(f, Duration.ZERO, Duration.ofSeconds(5), true);
      assertEquals(200, p.get(open.uri("/a.html"), Fetcher.Accept.PAGE, null).status());
      // another host name for the same loopback address: robots.txt is per host
      FetchException e = assertThrows(FetchException.class,
          () -> p.get(URI.create("http://localhost:" + broken.port() + "/a.html"), Fetcher.Accept.PAGE, null));
      assertEquals(FetchException.Kind.HTTP_STATUS, e.kind(), "a failure worth trying again, not a refusal");
      assertTrue(e.worthRetrying());
      assertTrue(e.getMessage().contains("robots.txt could not be read (HTTP 500"), e.getMessage());
      assertEquals(0, broken.hits("/a.html").size());
    }
  }

  @Test
  void oneRequestPerHostAtATimeWithTheDelayBetween() throws Exception {
    AtomicInteger n = new AtomicInteger();
    try (TestSite site = TestSite.start().handle("/slow", ex -> {
          FetcherTest.sleep(60);
          TestSite.send(ex, 200, "text/html", (PAGE + n.incrementAndGet()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        Fetcher f = new Fetcher(FetchSettings.defaults())) {
      Politeness p = new Politeness(f, Duration.ofMillis(100), Duration.ofSeconds(5), false);
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Fetched>> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        all.add(pool.submit(() -> p.get(site.uri("/slow"), Fetcher.Accept.PAGE, null)));
      }
      for (Future<Fetched> r : all) {
        assertEquals(200, r.get().status());
      }
      pool.shutdown();
      assertEquals(1, site.maxConcurrent(), "never two requests to one host at once");
      for (long gap : gapsMillis(site.hits())) {
        assertTrue(gap >= 155, "60 ms answer + 100 ms delay between arrivals: " + gapsMillis(site.hits()));
      }
    }
  }

  @Test
  void failuresBackOffAndRetryAfterIsHonoured() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (TestSite site = TestSite.start().handle("/flaky", ex -> {
          int c = calls.incrementAndGet();
          if (c == 3) {
            ex.getResponseHeaders().set("Retry-After", "1");
          }
          TestSite.send(ex, c <= 3 ? 503 : 200, "text/html", PAGE.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        Fetcher f = new Fetcher(FetchSettings.defaults())) {
      Politeness p = new Politeness(f, Duration.ofMillis(100), Duration.ofSeconds(30), false);
      for (int i = 0; i < 3; i++) {
        FetchException e = assertThrows(FetchException.class, () -> p.get(site.uri("/flaky"), Fetcher.Accept.PAGE, null));
        assertEquals(503, e.status());
      }
      assertTrue(p.waitFor(site.uri("/x")).toMillis() > 500, "Retry-After: 1 asked for a second");
      assertEquals(200, p.get(site.uri("/flaky"), Fetcher.Accept.PAGE, null).status());
      List<Long> gaps = gapsMillis(site.hits());
      assertTrue(gaps.get(0) >= 195 && gaps.get(1) >= 395 && gaps.get(2) >= 995, "backing off 0.2 s, 0.4 s, then 1 s: " + gaps);
    }
  }
}

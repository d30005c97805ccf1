package arabrief.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.cli.Main;
import arabrief.fetch.FetchSettings;
import arabrief.fetch.TestSite;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code watch} in process: new items briefed once across polls and runs, variants of one story met, updates. */
class WatchTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper JSON_READER = JSON;
  @TempDir Path tmp;

  /** An RSS feed of {@code items} (path, guid, updated date), newest first as feeds are. */
  static String rss(List<String[]> items) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>x</title>");
    for (int i = items.size() - 1; i >= 0; i--) {
      String[] it = items.get(i);
      sb.append("<item><title><![CDATA[خبر ").append(i).append("]]></title><link>").append(it[0]).append("</link><guid>")
          .append(it[1]).append("</guid>").append(it.length > 2 ? "<pubDate>" + it[2] + "</pubDate>" : "").append("</item>");
    }
    return sb.append("</channel></rss>").toString();
  }

  /** {@code n} generated article pages that read as articles (a few generated ones are too short to have a body). */
  static List<String> articlePages(long seed, int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; out.size() < n; i++) {
      String html = WarcFixture.html(Corpus.article(seed, i), null);
      try {
        arabrief.pipeline.InputLimits.readPage(html.getBytes(StandardCharsets.UTF_8), "page", "utf-8");
        out.add(html);
      } catch (arabrief.article.BadInputException e) {
        // not an article: take the next
      }
    }
    return out;
  }

  static String[] args(Path out, String... more) {
    List<String> a = new ArrayList<>(List.of("watch", "--out", out.toString(), "--model", Corpus.model().toString(),
        "--max-new-tokens", "8", "--beams", "1", "--delay", "0.02", "--fetch-timeout", "5"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  static List<JsonNode> briefs(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String l : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          out.add(JSON.readTree(l));
        }
      }
    }
    return out;
  }

  @Test
  void newItemsAreBriefedOnceAcrossRunsAndVariantsOfAStoryMeet() throws Exception {
    List<String[]> feed = new CopyOnWriteArrayList<>();
    try (TestSite site = TestSite.start()) {
      List<String> pages = articlePages(40, 4);
      for (int i = 0; i < 4; i++) {
        site.page("/story/" + i + ".html", "text/html; charset=utf-8", pages.get(i));
      }
      site.page("/en.html", "text/html", "<html><body><p>An English page.</p></body></html>");
      site.handle("/rss.xml", ex -> TestSite.send(ex, 200, "application/rss+xml", rss(feed).getBytes(StandardCharsets.UTF_8)));
      site.page("/news-sitemap.xml", "application/xml", """
          <?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>%s</loc></url><url><loc>%s</loc></url></urlset>""".formatted(
          site.url("/story/0.html?utm_source=sitemap"), site.url("/story/1.html")));
      feed.add(new String[] {"/story/0.html", "s0"});
      feed.add(new String[] {"/gone.html", "gone"});
      feed.add(new String[] {"/en.html", "en"});
      Path out = tmp.resolve("watch");
      String rssUrl = site.url("/rss.xml");
      String sitemapUrl = site.url("/news-sitemap.xml");

      assertEquals(0, Main.run(args(out, rssUrl, sitemapUrl, "--once")));
      List<JsonNode> first = briefs(out);
      assertEquals(List.of(site.url("/story/0.html"), site.url("/story/1.html")),
          first.stream().map(b -> b.get("url").asText()).toList(), "the sitemap's variant of story 0 is the same story");
      JsonNode b0 = first.get(0);
      assertEquals(rssUrl, b0.get("feed").asText());
      assertEquals("s0", b0.get("listed").get("guid").asText());
      assertTrue(b0.get("summary").size() >= 1 && b0.hasNonNull("headline") && b0.hasNonNull("fetched_at"));
      assertTrue(!b0.get("update").asBoolean());
      String day = LocalDate.now().toString();
      String digest = Files.readString(out.resolve(day + ".md"));
      assertTrue(digest.startsWith("# Briefs of " + day + "\n\n2 stories"), digest);
      assertTrue(digest.contains("<" + site.url("/story/1.html") + ">"), digest);

      // again: nothing new, nothing fetched but the feeds; then a new item, briefed alone
      int pagesBefore = site.hits().stream().filter(h -> h.path().startsWith("/story/") || h.path().startsWith("/gone") || h.path().startsWith("/en")).toList().size();
      assertEquals(0, Main.run(args(out, rssUrl, sitemapUrl, "--once")));
      assertEquals(pagesBefore, site.hits().stream().filter(h -> h.path().startsWith("/story/") || h.path().startsWith("/gone") || h.path().startsWith("/en")).toList().size(),
          "set-aside items (a 404, an English page) are not fetched again either");
      feed.add(new String[] {"/story/2.html", "s2", "Sun, 03 Mar 2024 10:00:00 GMT"});
      assertEquals(0, Main.run(args(out, rssUrl, sitemapUrl, "--once")));
      assertEquals(3, briefs(out).size());
      assertEquals(site.url("/story/2.html"), briefs(out).get(2).get("url").asText());

      // story 2 updated in place: not briefed again, unless --updates
      feed.set(3, new String[] {"/story/2.html", "s2", "Sun, 03 Mar 2024 12:00:00 GMT"});
      assertEquals(0, Main.run(args(out, rssUrl, "--once")));
      assertEquals(3, briefs(out).size());
      assertEquals(0, Main.run(args(out, rssUrl, "--once", "--updates")));
      List<JsonNode> all = briefs(out);
      assertEquals(4, all.size());
      assertTrue(all.get(3).get("update").asBoolean());
      assertEquals(site.url("/story/2.html"), all.get(3).get("url").asText());
      assertEquals(0, Main.run(args(out, rssUrl, "--once", "--updates")));
      assertEquals(4, briefs(out).size(), "the same update is not briefed twice");
    }
  }

  @Test
  void aRunningWatchPollsWithConditionalGetsAndStopsWhenAsked() throws Exception {
    try (TestSite site = TestSite.start()) {
      site.page("/story/0.html", "text/html; charset=utf-8", articlePages(41, 1).get(0));
      String feed = rss(List.<String[]>of(new String[] {"/story/0.html", "s0"}));
      site.handle("/rss.xml", ex -> {
        ex.getResponseHeaders().set("ETag", "\"f1\"");
        if ("\"f1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          ex.sendResponseHeaders(304, -1);
          return;
        }
        TestSite.send(ex, 200, "application/rss+xml", feed.getBytes(StandardCharsets.UTF_8));
      });
      Path out = tmp.resolve("running");
      java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
      int[] briefed = {-1};
      try (Translator tr = Translator.load(Corpus.model())) {
        GenerationSettings gs = GenerationSettings.read(Corpus.model()).withNumBeams(1).withMaxNewTokens(8);
        Watch w = new Watch(tr, new Watch.Config(List.of(site.url("/rss.xml")), out, Duration.ofMillis(200), false, false, 3, 0,
            16, gs, null, new Fetching(FetchSettings.defaults(), Duration.ofMillis(20), Duration.ofSeconds(5), null),
            ZoneId.systemDefault(), new PrintStream(log, true, StandardCharsets.UTF_8)));
        Thread t = new Thread(() -> {
          try {
            briefed[0] = w.run();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
        t.start();
      long deadline = System.nanoTime() + 120_000_000_000L;
      while (site.hits("/rss.xml").size() < 3 && t.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
        w.stop(); // what the command's SIGTERM hook calls
        t.join(60_000);
        assertTrue(!t.isAlive(), "the watch stopped");
      }
      assertEquals(1, briefed[0], log.toString(StandardCharsets.UTF_8));
      assertEquals(1, log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains(" briefed ")).count(), "one log line per item");
      List<TestSite.Hit> polls = site.hits("/rss.xml");
      assertTrue(polls.size() >= 3, "polled every 200 ms: " + polls.size());
      for (TestSite.Hit h : polls.subList(1, polls.size())) {
        assertEquals("\"f1\"", h.headers().get("If-none-match").get(0));
      }
      assertEquals(1, site.hits("/story/0.html").size());
      assertEquals(1, briefs(out).size());
    }
  }

  @Test
  void dayFilesFollowTheStateAfterAKill() throws Exception {
    Path dir = tmp.resolve("state");
    Files.createDirectories(dir);
    try (WatchState s = WatchState.open(dir)) {
      for (int i = 0; i < 3; i++) {
        s.finish("2026-01-02", "f", "u" + i, "briefed", null, null, "{\"url\":\"u" + i + "\",\"summary\":[]}", List.of("url:u" + i));
      }
      s.finish(null, "f", "gone", "skipped", "HTTP 404", null, null, List.of("url:gone"));
      // the killed run wrote one line and half of the next
      Files.writeString(dir.resolve("2026-01-02.jsonl"), "{\"url\":\"u0\",\"summary\":[]}\n{\"url\":\"u");
      DayFiles days = new DayFiles(dir);
      days.reconcile(s);
      assertEquals(List.of("{\"url\":\"u0\",\"summary\":[]}", "{\"url\":\"u1\",\"summary\":[]}", "{\"url\":\"u2\",\"summary\":[]}"),
          Files.readAllLines(dir.resolve("2026-01-02.jsonl")));
      days.reconcile(s);
      assertEquals(3, Files.readAllLines(dir.resolve("2026-01-02.jsonl")).size(), "in line already: nothing appended");
      assertEquals(1, s.find(List.of("url:u1")).ord());
      assertTrue(Files.readString(dir.resolve("2026-01-02.md")).startsWith("# Briefs of 2026-01-02\n\n3 stories"));
    }
  }
}

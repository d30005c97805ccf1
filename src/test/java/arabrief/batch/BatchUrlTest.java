package arabrief.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.cli.Main;
import arabrief.fetch.TestSite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code batch} over the web: a file of URLs, an RSS feed, an Atom feed and a sitemap index on a loopback site
 * with a robots.txt; every URL a line (a brief, a failure or a skip, with why), fetched politely, resumable
 * without fetching again, recorded in a WARC file that batch reads back offline.
 */
class BatchUrlTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long DELAY_MS = 150;
  static TestSite site;
  /** Article path to its text. */
  static final Map<String, String> articles = new LinkedHashMap<>();
  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    site = TestSite.start();
    for (int i = 0; i < 6; i++) {
      String text = Corpus.article(30, i);
      articles.put("/news/" + i + ".html", text);
      site.page("/news/" + i + ".html", "text/html; charset=utf-8", WarcFixture.html(text, null));
    }
    site.page("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n")
        .page("/private/secret.html", "text/html", WarcFixture.html(Corpus.article(30, 9), null))
        .page("/photo.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})
        .page("/en.html", "text/html", "<html><body><h1>Hello</h1><p>An English story, of no interest here.</p></body></html>")
        .page("/section.html", "text/html", WarcFixture.sectionPage())
        .redirect("/moved", 301, "/news/2.html")
        .page("/rss.xml", "application/rss+xml", """
            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>x</title>
            <item><title><![CDATA[خبر <b>أول</b>]]></title><link>/news/0.html</link><guid>g0</guid></item>
            <item><title>خبر</title><link>news/1.html</link><guid>g1</guid></item>
            <item><title>محجوب</title><link>/private/secret.html</link></item>
            </channel></rss>""")
        .handle("/atom.xml", ex -> {
          ex.getResponseHeaders().set("ETag", "\"atom-1\"");
          if ("\"atom-1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            return;
          }
          TestSite.send(ex, 200, "application/atom+xml", """
              <?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><id>f</id>
              <updated>2024-03-03T10:00:00Z</updated>
              <entry><title>خبر</title><link href="/news/3.html"/><id>urn:3</id><updated>2024-03-03T10:00:00Z</updated></entry>
              <entry><title>صورة</title><link href="/photo.jpg"/><id>urn:photo</id><updated>2024-03-03T10:00:00Z</updated></entry>
              </feed>""".getBytes(StandardCharsets.UTF_8));
        })
        .page("/sitemap-index.xml", "application/xml", """
            <?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>%s</loc></sitemap><sitemap><loc>%s</loc></sitemap></sitemapindex>""".formatted(site.url("/news.xml"), site.url("/gone.xml")))
        .page("/news.xml", "application/xml", """
            <?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
             xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>%s</loc><news:news><news:publication><news:name>x</news:name><news:language>ar</news:language></news:publication>
            <news:publication_date>2024-03-03T07:15:00Z</news:publication_date><news:title>عنوان</news:title></news:news></url>
            <url><loc>%s</loc></url></urlset>""".formatted(site.url("/news/4.html"), site.url("/news/5.html")));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  static String[] args(Path out, String... more) {
    List<String> a = new ArrayList<>(List.of("batch", "--out", out.toString(), "--model", Corpus.model().toString(),
        "--max-new-tokens", "8", "--beams", "1", "--delay", String.valueOf(DELAY_MS / 1000.0), "--fetch-timeout", "5"));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  static String outcome(JsonNode line) {
    if (line.has("error")) {
      return "error: " + line.get("error").asText();
    }
    if (line.has("skipped")) {
      return "skipped: " + line.get("skipped").asText();
    }
    return "brief";
  }

  @Test
  void urlsFeedsAndSitemapsBecomeOneLinePerPage() throws Exception {
    Path list = tmp.resolve("urls.txt");
    Files.writeString(list, String.join("\n", "# pages to brief", site.url("/moved"), site.url("/gone.html"),
        site.url("/en.html"), "", site.url("/section.html"), "http://127.0.0.1:1/refused.html") + "\n");
    Path out = tmp.resolve("out");
    Path warc = tmp.resolve("crawl.warc.gz");
    String host = "127.0.0.1_" + site.port();
    String[] run = args(out, list.toString(), site.url("/rss.xml"), site.url("/atom.xml"), site.url("/sitemap-index.xml"),
        "--warc", warc.toString());
    assertEquals(4, Main.run(run), "some pages failed");

    List<JsonNode> fromList = lines(out.resolve("urls.en.jsonl"));
    assertEquals(List.of("brief", "error: HTTP 404 Not Found", "skipped: no Arabic text found",
        "skipped: no Arabic text found in the page's article content",
        "error: connection refused by 127.0.0.1:1"), fromList.stream().map(BatchUrlTest::outcome).toList());
    JsonNode moved = fromList.get(0);
    assertEquals(site.url("/news/2.html"), moved.get("url").asText(), "the URL after redirects");
    assertEquals(site.url("/moved"), moved.get("listed").get("url").asText());
    assertTrue(moved.get("summary").size() >= 1 && moved.has("fetched_at") && moved.has("headline"));

    List<JsonNode> rss = lines(out.resolve(host + "/rss.en.jsonl"));
    assertEquals(List.of("brief", "brief", "skipped: disallowed by the site's robots.txt"), rss.stream().map(BatchUrlTest::outcome).toList());
    assertEquals(site.url("/news/1.html"), rss.get(1).get("url").asText(), "a relative link resolved against the feed");
    assertEquals("خبر <b>أول</b>", rss.get(0).get("listed").get("title").asText());
    assertEquals("g0", rss.get(0).get("listed").get("guid").asText());
    List<JsonNode> atom = lines(out.resolve(host + "/atom.en.jsonl"));
    assertEquals(List.of("brief", "skipped: not a web page but image/jpeg"), atom.stream().map(BatchUrlTest::outcome).toList());
    List<JsonNode> sitemap = lines(out.resolve(host + "/sitemap-index.en.jsonl"));
    assertEquals(List.of("brief", "brief", "error: HTTP 404 Not Found"), sitemap.stream().map(BatchUrlTest::outcome).toList());
    assertEquals("2024-03-03T07:15:00Z", sitemap.get(0).get("listed").get("published").asText());
    assertEquals(site.url("/gone.xml"), sitemap.get(2).get("url").asText());

    JsonNode report = JSON.readTree(out.resolve("_report.json").toFile());
    assertEquals(13, report.get("documents").asInt());
    assertEquals(6, report.get("done").asInt());
    assertEquals(3, report.get("failed").asInt());
    List<String> failed = new ArrayList<>();
    report.get("failures").forEach(f -> failed.add(f.get("url").asText() + " " + f.get("reason").asText()));
    assertEquals(List.of(site.url("/gone.html") + " HTTP 404 Not Found", "http://127.0.0.1:1/refused.html connection refused by 127.0.0.1:1",
        site.url("/gone.xml") + " HTTP 404 Not Found"), failed);
    List<String> skipped = new ArrayList<>();
    report.get("skipped_urls").forEach(f -> skipped.add(f.get("why").asText()));
    assertEquals(List.of("not_arabic", "not_an_article", "robots_txt", "not_html"), skipped);

    // polite: never two requests at once, the delay between any two
    assertEquals(1, site.maxConcurrent());
    List<TestSite.Hit> hits = site.hits();
    for (int i = 1; i < hits.size(); i++) {
      long gap = (hits.get(i).nanos() - hits.get(i - 1).nanos()) / 1_000_000;
      assertTrue(gap >= DELAY_MS - 5, "request " + i + " (" + hits.get(i).path() + ") came " + gap + " ms after the one before");
    }
    assertEquals(0, site.hits("/private/secret.html").size());

    // again: nothing done is fetched again, the Atom feed is asked for only if it changed, the bytes are the same
    Map<String, byte[]> first = Corpus.tree(out);
    int before = site.hits().size();
    assertEquals(4, Main.run(run));
    List<String> again = site.hits().subList(before, site.hits().size()).stream().map(TestSite.Hit::path).toList();
    assertTrue(again.stream().noneMatch(p -> p.startsWith("/news/")), "no page fetched twice: " + again);
    TestSite.Hit atomAgain = site.hits("/atom.xml").get(1);
    assertEquals("\"atom-1\"", atomAgain.headers().get("If-none-match").get(0));
    JsonNode second = JSON.readTree(out.resolve("_report.json").toFile());
    assertEquals(0, second.get("done").asInt());
    assertEquals(10, second.get("skipped").asInt(), second.toString());
    Map<String, byte[]> now = Corpus.tree(out);
    for (String k : List.of("urls.en.jsonl", host + "/rss.en.jsonl", host + "/atom.en.jsonl", host + "/sitemap-index.en.jsonl")) {
      assertArrayEquals(first.get(k), now.get(k), k);
    }

    // the WARC holds the pages: read back offline, they give the same briefs
    Path offline = tmp.resolve("offline");
    Main.run("batch", warc.toString(), "--out", offline.toString(), "--model", Corpus.model().toString(),
        "--max-new-tokens", "8", "--beams", "1");
    Map<String, String> fromWarc = new LinkedHashMap<>();
    for (JsonNode l : lines(offline.resolve("crawl.en.jsonl"))) {
      if (!l.has("error")) {
        fromWarc.put(l.get("url").asText(), l.get("summary").toString());
      }
    }
    for (JsonNode l : concat(fromList, rss, atom, sitemap)) {
      if (outcome(l).equals("brief")) {
        assertEquals(l.get("summary").toString(), fromWarc.get(l.get("url").asText()), l.get("url").asText());
      }
    }
  }

  @SafeVarargs
  static List<JsonNode> concat(List<JsonNode>... lists) {
    List<JsonNode> all = new ArrayList<>();
    for (List<JsonNode> l : lists) {
      all.addAll(l);
    }
    return all;
  }
}

package arabrief.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RSS, Atom, sitemaps, news sitemaps and sitemap indexes as lists of pages. */
class ListingsTest {
  static TestSite site;
  static Fetcher fetcher;
  static Politeness polite;

  static final String RSS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0"><channel><title>أخبار</title><link>/</link><description>x</description>
      <item><title><![CDATA[وزير الدفاع <b>يتصل</b> بنظيره]]></title><link>/news/1.html</link>
        <guid isPermaLink="false">story-1</guid><pubDate>Fri, 13 May 2022 10:00:00 +0300</pubDate></item>
      <item><title>خبر ثان</title><link>https://other.example/news/2.html?ref=rss&amp;x=1</link><guid>https://other.example/news/2.html</guid></item>
      <item><title>بلا رابط</title><description>نص فقط</description></item>
      </channel></rss>
      """;
  static final String ATOM = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار</title><id>urn:feed</id><updated>2024-03-03T10:00:00Z</updated>
      <entry><title type="html"><![CDATA[عاجل: <i>قمة</i>]]></title><link href="articles/3.html"/><id>urn:story:3</id>
        <published>2024-03-03T08:00:00Z</published><updated>2024-03-03T09:30:00Z</updated></entry>
      </feed>
      """;
  static final String NEWS_SITEMAP = """
      <?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>%s</loc><news:news><news:publication><news:name>جريدة</news:name><news:language>ar</news:language></news:publication>
        <news:publication_date>2024-03-03T07:15:00+00:00</news:publication_date><news:title>عنوان الخبر</news:title></news:news></url>
      <url><loc>%s</loc><lastmod>2024-03-02</lastmod></url>
      </urlset>
      """;

  @BeforeAll
  static void start() {
    site = TestSite.start();
    site.page("/rss.xml", "application/rss+xml; charset=utf-8", RSS)
        .page("/feeds/atom.xml", "text/xml", ATOM)
        .page("/news-sitemap.xml", "application/xml", NEWS_SITEMAP.formatted(site.url("/n/1.html"), site.url("/n/2.html")))
        .page("/sitemap-index.xml", "application/xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>%s</loc></sitemap><sitemap><loc>%s</loc></sitemap></sitemapindex>
            """.formatted(site.url("/news-sitemap.xml"), site.url("/gone.xml")))
        .page("/page.html", "text/html", "<!DOCTYPE html><html><body><p>خبر</p></body></html>");
    fetcher = new Fetcher(FetchSettings.defaults());
    polite = new Politeness(fetcher, Duration.ZERO, Duration.ofSeconds(1), false);
  }

  @AfterAll
  static void stop() {
    fetcher.close();
    site.close();
  }

  static Listings.Listing read(String path) throws FetchException {
    return Listings.read(polite.get(site.uri(path), Fetcher.Accept.LISTING, null), polite);
  }

  @Test
  void rssWithRelativeLinksAndCdata() throws Exception {
    Listings.Listing l = read("/rss.xml");
    assertEquals(Listings.Kind.RSS, l.kind());
    assertEquals(2, l.items().size(), "the entry with no link is left out");
    FeedItem first = l.items().get(0);
    assertEquals(site.url("/news/1.html"), first.url());
    assertEquals("story-1", first.guid());
    assertEquals("وزير الدفاع <b>يتصل</b> بنظيره", first.title());
    assertEquals(Instant.parse("2022-05-13T07:00:00Z"), first.published());
    assertEquals("https://other.example/news/2.html?ref=rss&x=1", l.items().get(1).url());
  }

  @Test
  void atomLinksResolveAgainstTheFeed() throws Exception {
    Listings.Listing l = read("/feeds/atom.xml");
    assertEquals(Listings.Kind.ATOM, l.kind());
    FeedItem e = l.items().get(0);
    assertEquals(site.url("/feeds/articles/3.html"), e.url());
    assertEquals("urn:story:3", e.guid());
    assertEquals(Instant.parse("2024-03-03T09:30:00Z"), e.changed());
  }

  @Test
  void newsSitemapsAndIndexes() throws Exception {
    Listings.Listing news = read("/news-sitemap.xml");
    assertEquals(Listings.Kind.SITEMAP, news.kind());
    assertEquals(List.of(site.url("/n/1.html"), site.url("/n/2.html")), news.items().stream().map(FeedItem::url).toList());
    assertEquals("عنوان الخبر", news.items().get(0).title());
    assertEquals(Instant.parse("2024-03-03T07:15:00Z"), news.items().get(0).published());
    assertNull(news.items().get(1).published());

    Listings.Listing index = read("/sitemap-index.xml");
    assertEquals(Listings.Kind.SITEMAP_INDEX, index.kind());
    assertEquals(3, index.items().size());
    FeedItem gone = index.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
    assertEquals(site.url("/gone.xml"), gone.url());
    assertEquals("HTTP 404 Not Found", gone.error());
  }

  @Test
  void aPageIsNotAListing() throws Exception {
    Fetched page = fetcher.get(site.uri("/page.html"), Fetcher.Accept.LISTING);
    assertEquals(Listings.Kind.PAGE, Listings.kind(page));
    FetchException e = assertThrows(FetchException.class, () -> Listings.read(page, polite));
    assertTrue(e.getMessage().endsWith("not a feed (RSS, Atom) or a sitemap"), e.getMessage());
  }
}

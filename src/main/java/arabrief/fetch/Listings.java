package arabrief.fetch;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import okhttp3.HttpUrl;

/**
 * Feeds and sitemaps as lists of pages: RSS and Atom through ROME, XML sitemaps (Google News sitemaps and sitemap
 * indexes included) through crawler-commons. What a body is, is told by its root element, whatever its
 * Content-Type says (servers label feeds text/html, text/xml, application/octet-stream...).
 */
public final class Listings {
  /** What a fetched body is. */
  public enum Kind {
    RSS,
    ATOM,
    SITEMAP,
    SITEMAP_INDEX,
    /** Anything else: a web page, most likely. */
    PAGE
  }

  /** The pages a feed or sitemap lists, in its order. */
  public record Listing(Kind kind, URI url, List<FeedItem> items) {}

  /** Sitemap indexes inside sitemap indexes are followed this deep. */
  private static final int MAX_DEPTH = 3;
  private static final Pattern ROOT = Pattern.compile("<\\s*([A-Za-z_][\\w.:-]*)");
  private static final Pattern SKIP = Pattern.compile("(?s)<\\?.*?\\?>|<!--.*?-->|<![^>]*>");

  private Listings() {}

  /** What {@code f}'s body is, from its first element. */
  public static Kind kind(Fetched f) {
    byte[] b = gunzipped(f.body(), FetchSettings.MAX_BYTES);
    String head = SKIP.matcher(new String(b, 0, Math.min(b.length, 4096), StandardCharsets.ISO_8859_1)).replaceAll(" ");
    Matcher m = ROOT.matcher(head);
    if (!m.find()) {
      return Kind.PAGE;
    }
    String name = m.group(1);
    String local = name.substring(name.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    return switch (local) {
      case "rss", "rdf" -> Kind.RSS;
      case "feed" -> Kind.ATOM;
      case "urlset" -> Kind.SITEMAP;
      case "sitemapindex" -> Kind.SITEMAP_INDEX;
      default -> Kind.PAGE;
    };
  }

  /**
   * The pages {@code f} lists. A sitemap index's sitemaps are fetched through {@code polite} (a sitemap that
   * cannot be fetched or read becomes an item with its error).
   *
   * @throws FetchException when {@code f} is not a feed or a sitemap, or cannot be parsed as one
   */
  public static Listing read(Fetched f, Politeness polite) throws FetchException {
    Kind kind = kind(f);
    return switch (kind) {
      case RSS, ATOM -> new Listing(kind, f.url(), feed(f));
      case SITEMAP, SITEMAP_INDEX -> new Listing(kind, f.url(), sitemap(f, polite, 0));
      case PAGE -> throw new FetchException(FetchException.Kind.NOT_HTML, f.requested().toString(),
          "not a feed (RSS, Atom) or a sitemap");
    };
  }

  private static List<FeedItem> feed(Fetched f) throws FetchException {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false); // no DTDs, so no external entities
    SyndFeed feed;
    try (XmlReader reader = new XmlReader(new ByteArrayInputStream(f.body()), f.header("content-type"), true)) {
      feed = input.build(reader);
    } catch (FeedException | IOException | IllegalArgumentException e) {
      throw new FetchException(FetchException.Kind.NOT_HTML, f.requested().toString(),
          "the feed cannot be read: " + OneLineText.quote(String.valueOf(e.getMessage())));
    }
    List<FeedItem> items = new ArrayList<>();
    for (SyndEntry e : feed.getEntries()) {
      String link = e.getLink();
      if ((link == null || link.isBlank()) && e.getLinks() != null && !e.getLinks().isEmpty()) {
        link = e.getLinks().get(0).getHref();
      }
      String guid = blankToNull(e.getUri());
      if ((link == null || link.isBlank()) && guid != null && guid.matches("(?i)https?://.*")) {
        link = guid;
      }
      String url = absolute(f.url(), link);
      if (url == null) {
        continue; // an entry with no link to a page: nothing to brief
      }
      items.add(new FeedItem(url, guid, blankToNull(e.getTitle()), instant(e.getPublishedDate()),
          instant(e.getUpdatedDate()), null));
    }
    return items;
  }

  private static List<FeedItem> sitemap(Fetched f, Politeness polite, int depth) throws FetchException {
    SiteMapParser parser = new SiteMapParser(false); // URLs outside the sitemap's folder too: news sites use CDNs
    parser.enableExtension(Extension.NEWS);
    AbstractSiteMap map;
    try {
      map = parser.parseSiteMap(f.header("content-type"), f.body(), new java.net.URL(f.url().toString()));
    } catch (UnknownFormatException | IOException | RuntimeException e) {
      throw new FetchException(FetchException.Kind.NOT_HTML, f.requested().toString(),
          "the sitemap cannot be read: " + OneLineText.quote(String.valueOf(e.getMessage())));
    }
    List<FeedItem> items = new ArrayList<>();
    if (map instanceof SiteMapIndex index) {
      for (AbstractSiteMap child : index.getSitemaps()) {
        URI u = URI.create(child.getUrl().toString());
        if (depth + 1 >= MAX_DEPTH) {
          items.add(FeedItem.failed(u.toString(), "sitemap indexes nested deeper than " + MAX_DEPTH));
          continue;
        }
        try {
          Fetched c = polite.get(u, Fetcher.Accept.LISTING, null);
          items.addAll(sitemap(c, polite, depth + 1));
        } catch (FetchException e) {
          items.add(FeedItem.failed(u.toString(), e.reason()));
        }
      }
      return items;
    }
    for (SiteMapURL u : ((SiteMap) map).getSiteMapUrls()) {
      String title = null;
      Instant published = null;
      ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
      if (news != null) {
        for (ExtensionMetadata m : news) {
          if (m instanceof NewsAttributes n) {
            title = blankToNull(n.getTitle());
            published = instant(n.getPublicationDate());
          }
        }
      }
      items.add(new FeedItem(u.getUrl().toString(), null, title, published, instant(u.getLastModified()), null));
    }
    return items;
  }

  /** {@code link} resolved against the listing's URL, percent-encoded as HTTP needs it; null when it is no http(s) URL. */
  static String absolute(URI base, String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    HttpUrl b = HttpUrl.parse(base.toString());
    HttpUrl u = b == null ? HttpUrl.parse(link.trim()) : b.resolve(link.trim());
    return u == null ? null : u.toString();
  }

  private static Instant instant(Date d) {
    return d == null ? null : d.toInstant();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** A gzipped body (sitemap.xml.gz) unpacked within the limit; other bodies as they are. */
  private static byte[] gunzipped(byte[] b, long max) {
    if (b.length < 2 || (b[0] & 0xFF) != 0x1F || (b[1] & 0xFF) != 0x8B) {
      return b;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
      return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      return b;
    }
  }
}

package arabrief.fetch;

import java.time.Instant;

/**
 * One entry of a feed or a sitemap: the page's URL (absolute, relative links resolved) and what the listing says
 * about it. A sitemap of an index that could not be read is an entry too, with {@code error} set, so that it is
 * reported rather than silently missing.
 *
 * @param guid the feed's id for the entry (RSS guid, Atom id); null for sitemaps
 * @param published when the listing says it was published; null when it does not
 * @param updated when the listing says it last changed (Atom updated, sitemap lastmod); null when it does not
 */
public record FeedItem(String url, String guid, String title, Instant published, Instant updated, String error) {
  /** A URL that stands for itself (a page, not a listing): nothing listed about it. */
  public static FeedItem of(String url) {
    return new FeedItem(url, null, null, null, null, null);
  }

  /** A URL that should have been a listing but could not be read, and why. */
  public static FeedItem failed(String url, String error) {
    return new FeedItem(url, null, null, null, null, error);
  }

  /** The later of published and updated: what tells a story changed in place. */
  public Instant changed() {
    if (updated == null) {
      return published;
    }
    return published == null || updated.isAfter(published) ? updated : published;
  }
}

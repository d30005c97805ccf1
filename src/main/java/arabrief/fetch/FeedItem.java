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
  /** The later of published and updated: what tells a story changed in place. */
  public Instant changed() {
    if (updated == null) {
      return published;
    }
    return published == null || updated.isAfter(published) ? updated : published;
  }
}

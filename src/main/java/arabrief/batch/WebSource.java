package arabrief.batch;

import arabrief.fetch.FeedItem;
import arabrief.fetch.FetchException;
import arabrief.fetch.Fetched;
import arabrief.fetch.Fetcher;
import arabrief.fetch.Listings;
import arabrief.fetch.Politeness;
import arabrief.fetch.WarcLog;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The web as a batch's input: a URL's listing (a feed's or sitemap's entries, or the page itself), and pages, all
 * fetched politely (robots.txt, one request per host, the delay) and recorded in the WARC file when there is one.
 * A feed or sitemap is fetched with the validators of the copy kept in the store, and that copy is used when the
 * server says it has not changed (304), so a re-run sees the same entries in the same order.
 */
final class WebSource implements AutoCloseable {
  private final Fetcher fetcher;
  private final Politeness polite;
  private final WarcLog warc;
  private final Store store;

  WebSource(Fetching f, Store store) throws IOException {
    this.fetcher = new Fetcher(f.settings());
    this.warc = f.warc() == null ? null : WarcLog.open(f.warc());
    fetcher.recordTo(warc);
    this.polite = new Politeness(fetcher, f.delay(), f.maxBackoff(), true);
    this.store = store;
  }

  /** The pages {@code url} stands for, in order; a listing that cannot be fetched or read is one item with its error. */
  List<FeedItem> list(String url) {
    try {
      URI u = URI.create(url);
      Store.Source kept = store.source(url);
      Fetched.Validators v = kept == null || (kept.etag() == null && kept.lastModified() == null)
          ? null : new Fetched.Validators(kept.etag(), kept.lastModified());
      Fetched f = polite.get(u, Fetcher.Accept.LISTING, v);
      if (f.notModified()) {
        f = new Fetched(u, URI.create(kept.finalUrl()), 200,
            kept.contentType() == null ? Map.of() : Map.of("content-type", List.of(kept.contentType())), kept.body(), f.fetchedAt());
      }
      if (Listings.kind(f) == Listings.Kind.PAGE) {
        return List.of(FeedItem.of(url));
      }
      Listings.Listing l = Listings.read(f, polite);
      Fetched.Validators now = f.validators();
      if (now != null && !f.notModified()) {
        store.putSource(url, new Store.Source(f.url().toString(), now.etag(), now.lastModified(), f.header("content-type"), f.body()));
      }
      return l.items();
    } catch (FetchException e) {
      return List.of(FeedItem.failed(url, e.reason()));
    } catch (IllegalArgumentException e) {
      return List.of(FeedItem.failed(url, "not a valid URL"));
    }
  }

  /** One page, politely. */
  Fetched page(String url) throws FetchException {
    URI u;
    try {
      u = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new FetchException(FetchException.Kind.NETWORK, url, "not a valid URL");
    }
    return polite.get(u, Fetcher.Accept.PAGE, null);
  }

  @Override
  public void close() throws IOException {
    fetcher.close();
    if (warc != null) {
      warc.close();
    }
  }
}

package arabrief.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One site's robots.txt, read by crawler-commons for arabrief's product token: whether a URL may be fetched, and
 * the Crawl-delay. As crawler-commons (and Google) read the standard: a robots.txt that is missing (4xx) allows
 * everything; one that cannot be fetched (5xx, network) defers the site, tried again after {@link #RETRY}.
 */
final class Robots {
  /** How long rules are kept before robots.txt is read again (a watch runs for days). */
  static final Duration KEEP = Duration.ofHours(12);
  /** How soon a robots.txt that could not be fetched is tried again. */
  static final Duration RETRY = Duration.ofMinutes(10);

  private static final SimpleRobotRulesParser PARSER = new SimpleRobotRulesParser();

  private final BaseRobotRules rules;
  private final long expiresNanos;
  /** Why robots.txt could not be read (the site is deferred); null when it was read. */
  private final FetchException unavailable;

  private Robots(BaseRobotRules rules, long expiresNanos, FetchException unavailable) {
    this.rules = rules;
    this.expiresNanos = expiresNanos;
    this.unavailable = unavailable;
  }

  /** Fetches and parses {@code origin}'s robots.txt (no hops: the caller already holds the host's turn). */
  static Robots fetch(Fetcher fetcher, URI origin) {
    URI url = origin.resolve("/robots.txt");
    long now = System.nanoTime();
    try {
      Fetched f = fetcher.get(url, Fetcher.Accept.ANY);
      BaseRobotRules r = PARSER.parseContent(url.toString(), f.body(), f.header("content-type"), List.of(UserAgent.ROBOTS_NAME));
      return new Robots(r, now + KEEP.toNanos(), null);
    } catch (FetchException e) {
      if (e.kind() == FetchException.Kind.HTTP_STATUS && e.status() >= 400 && e.status() < 500) {
        return new Robots(PARSER.failedFetch(e.status()), now + KEEP.toNanos(), null);
      }
      return new Robots(PARSER.failedFetch(503), now + RETRY.toNanos(), e);
    }
  }

  boolean expired() {
    return System.nanoTime() - expiresNanos > 0;
  }

  /**
   * Refuses {@code url} when robots.txt disallows it ({@link FetchException.Kind#ROBOTS}), or when robots.txt could
   * not be read (the kind of that failure: worth trying again later).
   */
  void check(URI url) throws FetchException {
    if (unavailable != null && unavailable.kind() != FetchException.Kind.HTTP_STATUS) {
      // the host itself cannot be reached: that is the page's failure too
      throw new FetchException(unavailable.kind(), url.toString(), unavailable.reason());
    }
    if (unavailable != null) {
      throw new FetchException(unavailable.kind(), url.toString(),
          "the site's robots.txt could not be read (" + unavailable.reason() + "); the site is tried again later",
          unavailable.status());
    }
    if (!rules.isAllowed(url.toString())) {
      throw new FetchException(FetchException.Kind.ROBOTS, url.toString(), "disallowed by the site's robots.txt");
    }
  }

  /** The Crawl-delay for arabrief, or zero. */
  Duration crawlDelay() {
    long ms = rules.getCrawlDelay();
    return ms == BaseRobotRules.UNSET_CRAWL_DELAY || ms <= 0 ? Duration.ZERO : Duration.ofMillis(ms);
  }
}

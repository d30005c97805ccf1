package arabrief.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How arabrief fetches many pages from other people's sites: robots.txt obeyed, one request per host at a time,
 * and at least {@code delay} (or the site's Crawl-delay, when larger) between the end of one request to a host and
 * the start of the next; after failures (timeouts, refused connections, 429 and 5xx answers) the wait doubles per
 * failure in a row, up to {@code maxBackoff}, or is what a Retry-After asked for. It is a {@link Fetcher.Hops}, so
 * redirects to other hosts wait their own turn. Thread-safe: threads fetching from different hosts never wait for
 * each other.
 */
public final class Politeness implements Fetcher.Hops {
  private final Fetcher fetcher;
  private final Duration delay;
  private final Duration maxBackoff;
  private final boolean obeyRobots;
  private final ConcurrentHashMap<String, Host> hosts = new ConcurrentHashMap<>();

  public Politeness(Fetcher fetcher, Duration delay, Duration maxBackoff, boolean obeyRobots) {
    this.fetcher = fetcher;
    this.delay = delay;
    this.maxBackoff = maxBackoff;
    this.obeyRobots = obeyRobots;
  }

  /** GET through the politeness rules. */
  public Fetched get(URI url, Fetcher.Accept accept, Fetched.Validators validators) throws FetchException {
    return fetcher.get(url, accept, validators, this);
  }

  public Fetcher fetcher() {
    return fetcher;
  }

  /** How long a request to {@code url}'s host would wait now (backing off after failures, or its delay). */
  public Duration waitFor(URI url) {
    Host h = hosts.get(key(url));
    if (h == null) {
      return Duration.ZERO;
    }
    return Duration.ofNanos(Math.max(0, h.nextNanos - System.nanoTime()));
  }

  private static final class Host {
    final ReentrantLock turn = new ReentrantLock(true);
    long nextNanos = System.nanoTime();
    int failures;
    Robots robots;
    String robotsOrigin;
  }

  private static String key(URI url) {
    return url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
  }

  @Override
  public void before(URI url) throws FetchException {
    Host h = hosts.computeIfAbsent(key(url), k -> new Host());
    h.turn.lock();
    try {
      if (obeyRobots) {
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        if (h.robots == null || h.robots.expired() || !origin.equals(h.robotsOrigin)) {
          waitTurn(h, url);
          h.robots = Robots.fetch(fetcher, URI.create(origin + "/"));
          h.robotsOrigin = origin;
          h.nextNanos = System.nanoTime() + gap(h).toNanos();
        }
        h.robots.check(url);
      }
      waitTurn(h, url);
    } catch (FetchException | RuntimeException e) {
      h.turn.unlock();
      throw e;
    }
  }

  @Override
  public void after(URI url, boolean failed, long retryAfterSeconds) {
    Host h = hosts.get(key(url));
    if (h == null || !h.turn.isHeldByCurrentThread()) {
      return;
    }
    h.failures = failed ? h.failures + 1 : 0;
    Duration wait = gap(h);
    if (failed) {
      long factor = 1L << Math.min(h.failures, 20);
      Duration backoff = delay.isZero() ? Duration.ofMillis(250).multipliedBy(factor) : delay.multipliedBy(factor);
      if (retryAfterSeconds > 0) {
        backoff = Duration.ofSeconds(retryAfterSeconds);
      }
      wait = max(wait, min(backoff, maxBackoff));
    }
    h.nextNanos = System.nanoTime() + wait.toNanos();
    h.turn.unlock();
  }

  /** The delay between two requests to a host: ours, or its Crawl-delay when larger. */
  private Duration gap(Host h) {
    return h.robots == null ? delay : max(delay, h.robots.crawlDelay());
  }

  private static void waitTurn(Host h, URI url) throws FetchException {
    long wait = h.nextNanos - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FetchException(FetchException.Kind.TIMEOUT, url.toString(), "interrupted while waiting for the host's turn");
      }
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}

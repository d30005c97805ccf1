package arabrief.batch;

import arabrief.article.Article;
import arabrief.article.BadInputException;
import arabrief.fetch.FeedItem;
import arabrief.fetch.FetchException;
import arabrief.fetch.Fetched;
import arabrief.fetch.Fetcher;
import arabrief.fetch.Listings;
import arabrief.fetch.Politeness;
import arabrief.fetch.WarcLog;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import arabrief.pipeline.Brief;
import arabrief.pipeline.InputLimits;
import arabrief.pipeline.JvmErrors;
import arabrief.pipeline.Origin;
import arabrief.pipeline.Pipeline;
import arabrief.render.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import crawlercommons.filters.basic.BasicURLNormalizer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * {@code arabrief watch}: polls feeds and sitemaps, and briefs each new item once, into {@code DIR/YYYY-MM-DD.jsonl}
 * and a Markdown digest per day. An item is known by its normalized URL, its feed's guid, and, once fetched, its URL
 * after redirects and the page's canonical URL; a story updated in place is not briefed again unless
 * {@code updates}. Each item is finished in the {@link WatchState} (one transaction, forced to disk) before its line
 * is written, and the day files are brought in line with the state on start, so a watch killed at any point (even
 * kill -9) and started again briefs every item exactly once. Fetching is polite (robots.txt, one request per host,
 * the delay, backing off per host after failures); a failure of the network or the server is tried again at the next
 * poll, a page that is not an Arabic article is set aside for good. One log line per item.
 */
public final class Watch {
  /**
   * @param every time between the starts of two polls
   * @param once poll once and return (for cron)
   * @param zone the time zone of the day files' dates
   */
  public record Config(List<String> feeds, Path out, Duration every, boolean once, boolean updates, int summarySentences,
      int summaryWords, int batchSize, GenerationSettings settings, JsonNode model, Fetching fetching, ZoneId zone,
      PrintStream log) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Query parameters that only say where a reader came from: the same story with or without them. */
  private static final BasicURLNormalizer NORMALIZER = BasicURLNormalizer.newBuilder()
      .queryParamsToRemove(List.of("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "fbclid", "gclid"))
      .build();

  private final Translator translator;
  private final Config c;
  private final Object wake = new Object();
  private volatile boolean stopping;
  private Politeness polite;
  private WatchState state;
  private DayFiles days;
  private Pipeline pipeline;
  /** A feed's validators and entries as last fetched: a 304 means the same entries (some may wait for a retry). */
  private final Map<String, Fetched.Validators> validators = new HashMap<>();
  private final Map<String, List<FeedItem>> entries = new HashMap<>();

  public Watch(Translator translator, Config c) {
    this.translator = translator;
    this.c = c;
  }

  /** Asks the loop to stop after the item in hand (from a shutdown hook); a poll's wait ends at once. */
  public void stop() {
    stopping = true;
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /** Polls until {@link #stop} (or once). Returns the number of items briefed. */
  public int run() throws IOException {
    Files.createDirectories(c.out());
    int briefed = 0;
    try (WatchState s = WatchState.open(c.out());
        Fetcher fetcher = new Fetcher(c.fetching().settings());
        WarcLog warc = c.fetching().warc() == null ? null : WarcLog.open(c.fetching().warc())) {
      state = s;
      days = new DayFiles(c.out());
      days.reconcile(state); // what a killed run committed but did not write
      fetcher.recordTo(warc);
      polite = new Politeness(fetcher, c.fetching().delay(), c.fetching().maxBackoff(), true);
      pipeline = new Pipeline(translator, c.settings(), c.batchSize());
      while (!stopping) {
        Instant start = Instant.now();
        Set<String> deferredHosts = new HashSet<>();
        for (String feed : c.feeds()) {
          for (FeedItem item : poll(feed)) {
            if (stopping) {
              break;
            }
            briefed += item(feed, item, deferredHosts) ? 1 : 0;
          }
        }
        if (c.once() || stopping) {
          break;
        }
        sleepUntil(start.plus(c.every()));
      }
    }
    return briefed;
  }

  private void sleepUntil(Instant next) {
    synchronized (wake) {
      long ms;
      while (!stopping && (ms = Instant.now().until(next, ChronoUnit.MILLIS)) > 0) {
        try {
          wake.wait(ms);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopping = true;
        }
      }
    }
  }

  /** The feed's entries: fetched if changed (a conditional GET), else as last seen; none while it cannot be read. */
  private List<FeedItem> poll(String feed) {
    try {
      Fetched f = polite.get(URI.create(feed), Fetcher.Accept.LISTING, validators.get(feed));
      if (f.notModified() && entries.containsKey(feed)) {
        return entries.get(feed);
      }
      List<FeedItem> items = Listings.kind(f) == Listings.Kind.PAGE
          ? List.of(FeedItem.of(feed))
          : Listings.read(f, polite).items();
      validators.put(feed, f.validators());
      entries.put(feed, items);
      return items;
    } catch (FetchException e) {
      log("feed " + feed + ": " + e.reason() + (e.worthRetrying() ? " (tried again at the next poll)" : ""));
      return entries.getOrDefault(feed, List.of());
    } catch (IllegalArgumentException e) {
      log("feed " + feed + ": not a valid URL");
      return List.of();
    }
  }

  /** One entry: briefed (true), known already, deferred, set aside, or failed for now. */
  private boolean item(String feed, FeedItem item, Set<String> deferredHosts) {
    if (item.error() != null) {
      return false; // a sitemap of an index that could not be read; the index is polled again
    }
    Set<String> keys = new LinkedHashSet<>();
    keys.add(urlKey(item.url()));
    if (item.guid() != null) {
      keys.add("guid:" + feed + "|" + item.guid());
    }
    WatchState.Item known = state.find(keys);
    boolean update = known != null;
    if (known != null && !(c.updates() && newer(item.changed(), known.changed()))) {
      return false;
    }
    URI url;
    try {
      url = URI.create(item.url());
    } catch (IllegalArgumentException e) {
      state.finish(null, feed, item.url(), "skipped", "not a valid URL", changed(item), null, keys);
      log("skipped " + item.url() + ": not a valid URL");
      return false;
    }
    Duration wait = polite.waitFor(url);
    if (wait.compareTo(c.fetching().delay().multipliedBy(2).plusSeconds(2)) > 0) {
      if (deferredHosts.add(url.getHost())) {
        log("waiting for " + url.getHost() + " (backing off after failures, " + wait.toSeconds() + " s): its items are tried at the next poll");
      }
      return false;
    }
    Fetched page;
    try {
      page = polite.get(url, Fetcher.Accept.PAGE, null);
    } catch (FetchException e) {
      if (e.worthRetrying()) {
        log("failed " + item.url() + ": " + e.reason() + " (tried again at the next poll)");
      } else {
        state.finish(null, feed, item.url(), "skipped", e.reason(), changed(item), null, keys);
        log("skipped " + item.url() + ": " + e.reason());
      }
      return false;
    }
    Set<String> after = new LinkedHashSet<>(keys);
    after.add(urlKey(page.url().toString()));
    String canonical = canonical(page);
    if (canonical != null) {
      after.add(urlKey(canonical));
    }
    if (!update) {
      WatchState.Item same = state.find(after);
      if (same != null) {
        state.alias(same.id(), after);
        log("seen " + item.url() + ": the same story as one briefed before (" + page.url() + ")");
        return false;
      }
    }
    Origin origin = new Origin(page.url().toString(), page.fetchedAt());
    Brief b;
    try {
      Article a = InputLimits.readPage(page.body(), origin.url(), page.charset());
      b = pipeline.brief(a, c.summarySentences(), c.summaryWords()).withOrigin(origin);
    } catch (BadInputException e) {
      String m = e.getMessage().startsWith(origin.url() + ": ") ? e.getMessage().substring(origin.url().length() + 2) : e.getMessage();
      state.finish(null, feed, item.url(), "skipped", m, changed(item), null, after);
      log("skipped " + item.url() + ": " + m);
      return false;
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      String m = JvmErrors.recoverable(e) ? JvmErrors.describe(e) : "internal error: " + e;
      log("failed " + item.url() + ": " + m + " (tried again at the next poll)");
      return false;
    }
    String day = LocalDate.now(c.zone()).toString();
    String json = line(feed, item, b, update);
    state.finish(day, feed, item.url(), "briefed", null, changed(item), json, after);
    try {
      days.sync(state, day);
    } catch (IOException e) {
      log("cannot write " + days.jsonl(day) + ": " + e.getMessage() + " (written at the next start)");
    }
    String headline = b.headline() == null ? "(no headline)" : b.headline().text();
    log((update ? "briefed again (updated) " : "briefed ") + origin.url() + ": " + headline);
    return true;
  }

  private String line(String feed, FeedItem item, Brief b, boolean update) {
    ObjectNode o = JSON.createObjectNode();
    o.put("url", b.origin().url());
    o.put("fetched_at", b.origin().fetchedAt().toString());
    o.put("feed", feed);
    o.set("listed", UrlList.listed(item));
    o.put("briefed_at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    o.put("update", update);
    ObjectNode stats = JSON.createObjectNode();
    stats.put("translated_sentences", b.translatedSentences());
    stats.put("total_sentences", b.totalSentences());
    o.setAll(JsonDocument.toJson(b, c.model(), stats));
    return o.toString();
  }

  /** The key of a URL: normalized (host case, default port, fragment, tracking parameters), so variants meet. */
  static String urlKey(String url) {
    String n = NORMALIZER.filter(url);
    return "url:" + (n == null ? url : n);
  }

  /** The page's {@code <link rel="canonical">}, absolute; null when it names none. */
  private static String canonical(Fetched page) {
    int n = Math.min(page.body().length, 256 << 10); // it is in the head
    Element link = Jsoup.parse(new String(page.body(), 0, n, StandardCharsets.ISO_8859_1), page.url().toString())
        .selectFirst("link[rel~=(?i)^canonical$][href]");
    String href = link == null ? "" : link.absUrl("href");
    return href.startsWith("http") ? href : null;
  }

  private static String changed(FeedItem i) {
    return i.changed() == null ? null : i.changed().toString();
  }

  private static boolean newer(Instant changed, String recorded) {
    return changed != null && (recorded == null || changed.isAfter(Instant.parse(recorded)));
  }

  private void log(String line) {
    c.log().println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
    c.log().flush();
  }

}

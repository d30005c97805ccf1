package arabrief.cli;

import arabrief.batch.Fetching;
import arabrief.batch.Watch;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arabrief watch}: brief each new item of news feeds and sitemaps once, as they publish. */
@Command(
    name = "watch",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Watch news feeds and sitemaps; brief each new story once, into a file per day.",
    description = {
      "Polls the FEEDs (RSS, Atom, XML sitemaps, Google News sitemaps, sitemap indexes) every --every, and briefs each"
          + " new item once: DIR/YYYY-MM-DD.jsonl gets one line per story (the brief's JSON, with \"url\", \"fetched_at\","
          + " \"feed\", \"listed\" and \"briefed_at\"), DIR/YYYY-MM-DD.md the day's digest (dates in the machine's time zone).",
      "",
      "An item is known by its URL (normalized), its feed's guid, and once fetched its URL after redirects and the"
          + " page's canonical URL, kept in DIR/_watch.mv.db; a story updated in place is not briefed again unless"
          + " --updates (then when its feed's updated date or sitemap lastmod moves on). Stop it with Ctrl-C or SIGTERM:"
          + " the item in hand is finished first. Started again, even after kill -9, it goes on where it was: no item is"
          + " briefed twice or lost.",
      "",
      "Fetching is polite: robots.txt obeyed, one request at a time per host with --delay between (or the site's"
          + " Crawl-delay), a feed asked for only if it changed (ETag, Last-Modified), a host that fails left alone"
          + " longer each time (up to 30 minutes). A page that cannot be fetched is tried again at the next poll; one"
          + " that is not an Arabic article (or 404s, or robots.txt disallows) is set aside for good. One log line per item"
          + " on stderr. --warc FILE keeps every request and response.",
      ""
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:done (--once)", "1:an output directory that cannot be used, or another watch writing to it",
      ExitCodes.BAD_OPTION, ExitCodes.NO_MODEL, ExitCodes.NO_MEMORY, ExitCodes.BUG,
      "130:stopped by Ctrl-C (SIGINT), after the item in hand", "143:stopped by SIGTERM, after the item in hand"},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief watch https://example.com/rss.xml --out briefs/",
      "  ./arabrief watch https://example.com/news-sitemap.xml https://example.org/feed --out briefs/ --every 30m",
      "  ./arabrief watch https://example.com/rss.xml --out briefs/ --once --warc briefs/fetched.warc.gz",
    })
public final class WatchCommand implements Callable<Integer> {
  /** A failing host is left alone at most this long. */
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

  @Parameters(arity = "1..*", paramLabel = "FEED", description = "URLs of feeds, sitemaps or pages to watch.")
  List<String> feeds = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the day files go (created if missing).")
  Path out;

  @Option(names = "--every", paramLabel = "TIME", description = "Time between polls: 10m, 90s, 1h. Default: ${DEFAULT-VALUE}.", defaultValue = "10m")
  String every;

  @Option(names = "--once", description = "Poll once, brief what is new, and exit (for cron).")
  boolean once;

  @Option(names = "--updates", description = "Brief a story again when its feed says it was updated.")
  boolean updates;

  @Mixin SummaryOptions summary;

  @Mixin CrawlOptions crawl;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws IOException {
    for (String f : feeds) {
      if (!FetchOptions.isUrl(f)) {
        throw new UserException(ExitCodes.USAGE, f + " is not an http(s) URL of a feed or a sitemap");
      }
      FetchOptions.uri(f);
    }
    Duration period = duration(every);
    int sentences = summary.sentences();
    int words = summary.words();
    Fetching fetching = crawl.fetching(MAX_BACKOFF);
    PrintStream log = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    CountDownLatch done = new CountDownLatch(1);
    Watch[] watch = new Watch[1];
    Thread hook = new Thread(() -> {
      if (watch[0] != null) {
        watch[0].stop();
      }
      try {
        done.await(60, TimeUnit.SECONDS); // the item in hand is finished, the database and WARC file closed
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "arabrief-watch-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try (Translator t = engine.load()) {
      GenerationSettings settings = engine.settings(t);
      watch[0] = new Watch(t, new Watch.Config(List.copyOf(feeds), out, period, once, updates, sentences, words,
          engine.batchSize, settings, ArticleOutput.modelInfo(t, settings), fetching, ZoneId.systemDefault(), log));
      log.println("arabrief: watching " + feeds.size() + (feeds.size() == 1 ? " feed" : " feeds") + " into " + out
          + (once ? " (once)" : " every " + every + " (Ctrl-C or SIGTERM stops)"));
      int n = watch[0].run();
      if (once) {
        log.println("arabrief: " + n + (n == 1 ? " story" : " stories") + " briefed");
      }
    } catch (IOException e) { // the output directory, its database or the WARC file cannot be used
      throw new UserException(ExitCodes.BAD_INPUT, e.getMessage(), e);
    } finally {
      done.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is what is running
      }
    }
    return ExitCodes.OK;
  }

  /** "10m", "90s", "1h", "500ms", or plain seconds. */
  static Duration duration(String s) {
    Matcher m = DURATION.matcher(s.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UserException(ExitCodes.USAGE, "--every is a time like 10m, 90s or 1h, not '" + s + "'");
    }
    double v = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    long ms = Math.round(v * switch (unit) {
      case "ms" -> 1;
      case "s" -> 1000;
      case "m" -> 60_000;
      default -> 3_600_000;
    });
    if (ms < 100) {
      throw new UserException(ExitCodes.USAGE, "--every must be at least 100ms, got '" + s + "'");
    }
    return Duration.ofMillis(ms);
  }
}

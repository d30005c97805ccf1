package arabrief.cli;

import arabrief.fetch.AddressPolicy;
import arabrief.fetch.FetchSettings;
import arabrief.fetch.Fetcher;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import arabrief.server.Server;
import arabrief.server.ServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code arabrief serve}: the HTTP server (LibreTranslate-compatible API, article API, the page). */
@Command(
    name = "serve",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Serve translation over HTTP: LibreTranslate's API, arabrief's article API and a page.",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    description = {
      "Loads the model once and serves it over HTTP until SIGTERM or Ctrl-C; then it stops taking requests and"
          + " finishes the ones in flight.",
      "",
      "Endpoints: POST /translate, GET /languages, POST /detect, GET /frontend/settings (LibreTranslate's API);"
          + " POST /api/article, POST /api/brief, POST /api/stream; GET /health, GET /metrics; GET /openapi.json;"
          + " GET / (the page). Every error is {\"error\": \"...\"} JSON with its HTTP status.",
      "",
      "It binds to 127.0.0.1 unless --host says otherwise. Sentences of concurrent requests share model calls (up to"
          + " --batch-size).",
      "",
      "With --allow-fetch the article endpoints also take {\"url\": \"https://...\"} and fetch the page themselves; an"
          + " address in loopback, private, link-local, multicast or unspecified space is refused with 403 (checked"
          + " after DNS resolution and on every redirect) unless --allow-private-fetch, and a page that cannot be"
          + " fetched is a 502."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"2:usage: a bad option, an unreadable --api-keys file, or the port cannot be bound", ExitCodes.NO_MODEL,
      "5:the model does not fit in the Java heap", ExitCodes.BUG,
      "130:stopped by Ctrl-C (SIGINT), after the requests in flight finished",
      "143:stopped by SIGTERM, after the requests in flight finished"},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief serve --port 5000",
      "  ./arabrief serve --host 0.0.0.0 --api-keys keys.txt --max-chars 50000",
      "  ./arabrief serve --model Helsinki-NLP/opus-mt-tc-big-ar-en --compute-type auto",
    })
public final class ServeCommand implements Callable<Integer> {
  @Option(names = "--host", paramLabel = "ADDR", description = "Address to listen on. Default: ${DEFAULT-VALUE}.", defaultValue = "127.0.0.1")
  String host;

  @Option(names = "--port", paramLabel = "N", description = "Port (0 picks a free one). Default: ${DEFAULT-VALUE}.", defaultValue = "5000")
  int port;

  @Option(names = "--api-keys", paramLabel = "FILE", description = "File of accepted API keys, one a line (# comments); without it no key is needed.")
  Path apiKeys;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "20000",
      description = "Most characters of text to translate per request, counted after a page's article is extracted"
          + " (its markup, menus and furniture do not count); 413 past it. Default: ${DEFAULT-VALUE}.")
  int maxChars;

  @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "" + (ServerConfig.DEFAULT_MAX_BODY_BYTES >> 20),
      description = "Largest request body in MB, a saved page with all its markup; 413 past it. Default: ${DEFAULT-VALUE}.")
  int maxUploadMb;

  @Option(names = "--queue", paramLabel = "N", description = "Most requests accepted at once; past it 503 with Retry-After. Default: ${DEFAULT-VALUE}.", defaultValue = "64")
  int queue;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Longest wait for a translation (503 past it). Default: ${DEFAULT-VALUE}.", defaultValue = "120")
  int timeout;

  @Option(names = "--no-request-batching", description = "Never put sentences of different requests in one model call (for comparison).")
  boolean noRequestBatching;

  @Option(names = "--allow-fetch", description = "Let /api/article, /api/brief and /api/stream take {\"url\": ...} and fetch the page (public addresses only).")
  boolean allowFetch;

  @Option(names = "--allow-private-fetch", description = "With --allow-fetch: also fetch loopback, private, link-local and multicast addresses (only on a machine whose network you trust).")
  boolean allowPrivateFetch;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws IOException {
    if (port < 0 || port > 65535) {
      throw new UserException(ExitCodes.USAGE, "--port must be 0 to 65535, got " + port);
    }
    if (maxChars < 1 || maxUploadMb < 1 || queue < 1 || timeout < 1 || engine.batchSize < 1) {
      throw new UserException(ExitCodes.USAGE, "--max-chars, --max-upload-mb, --queue, --timeout and --batch-size must be at least 1");
    }
    if (allowPrivateFetch && !allowFetch) {
      throw new UserException(ExitCodes.USAGE, "--allow-private-fetch only widens --allow-fetch; give both");
    }
    ServerConfig cfg =
        new ServerConfig(host, port, maxChars, (long) maxUploadMb << 20, queue, engine.batchSize,
            !noRequestBatching, timeout, keys());
    Server server;
    try {
      server = new Server(cfg).fetching(allowFetch ? fetcher() : null).start();
    } catch (RuntimeException e) {
      throw new UserException(ExitCodes.USAGE, "cannot listen on " + host + ":" + port + ": " + rootMessage(e), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    // Ctrl-C (exit 130) and SIGTERM (exit 143) both stop the server gracefully
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("arabrief: stopping; the requests in flight get up to " + timeout + " s to finish");
      server.shutdown(timeout);
      System.err.println("arabrief: stopped");
      stopped.countDown();
    }, "arabrief-shutdown"));
    Translator t = engine.load();
    GenerationSettings settings = engine.settings(t);
    server.ready(t, settings);
    System.err.println("arabrief: serving " + t.modelDir().getFileName() + " on http://" + host + ":" + server.port()
        + "/ (batch " + engine.batchSize + ", queue " + queue + ")");
    System.err.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCodes.OK;
  }

  /**
   * The server's client: public addresses only unless --allow-private-fetch, checked on every address a name
   * resolves to and on every redirect; robots.txt is not asked (a person asked for the page, as in a browser).
   */
  private Fetcher fetcher() {
    FetchSettings s = FetchSettings.defaults()
        .withTimeouts(Duration.ofSeconds(Math.min(10, timeout)), Duration.ofSeconds(Math.min(30, timeout)))
        .withPolicy(allowPrivateFetch ? AddressPolicy.ANY : AddressPolicy.PUBLIC_ONLY);
    return new Fetcher(s);
  }

  private Set<String> keys() {
    if (apiKeys == null) {
      return Set.of();
    }
    try {
      Set<String> keys = new LinkedHashSet<>();
      for (String line : Files.readAllLines(apiKeys, StandardCharsets.UTF_8)) {
        String k = line.strip();
        if (!k.isEmpty() && !k.startsWith("#")) {
          keys.add(k);
        }
      }
      if (keys.isEmpty()) {
        throw new UserException(ExitCodes.USAGE, apiKeys + " lists no API key");
      }
      return Set.copyOf(keys);
    } catch (IOException e) {
      throw new UserException(ExitCodes.USAGE, "cannot read --api-keys " + apiKeys + ": " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    while (e.getCause() != null) {
      e = e.getCause();
    }
    return e.getMessage();
  }
}

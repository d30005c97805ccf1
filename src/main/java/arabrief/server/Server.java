package arabrief.server;

import arabrief.fetch.Fetcher;
import arabrief.mt.InputSplitter;
import arabrief.mt.Translation;
import arabrief.mt.Translator;
import arabrief.mt.model.OneLine;
import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * {@code arabrief serve}: an HTTP entry point over the pipeline, thin like the CLI. It listens before the
 * model is loaded (so /health can say 503), answers every failure as {"error": ...} with a status, and on
 * shutdown stops taking requests and lets the ones in flight finish.
 */
public final class Server implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** What a loaded model gives the handlers. */
  record Loaded(Translator translator, GenerationSettings settings, Scheduler scheduler) {}

  final ServerConfig config;
  final Metrics metrics = new Metrics();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile Loaded loaded;
  private volatile boolean draining;
  private volatile Fetcher fetcher;
  private Javalin app;

  public Server(ServerConfig config) {
    this.config = config;
  }

  /**
   * Lets the article endpoints take {"url": ...} and fetch it with {@code f} (its address policy is the SSRF
   * guard: ServeCommand gives public addresses only unless --allow-private-fetch); null (the default) refuses
   * URLs with 403.
   */
  public Server fetching(Fetcher f) {
    this.fetcher = f;
    return this;
  }

  /** The client for {"url": ...}, or null when this server does not fetch. */
  Fetcher fetcher() {
    return fetcher;
  }

  /** Binds and starts answering (503 on translation endpoints until {@link #ready}). */
  public Server start() {
    LibreTranslate lt = new LibreTranslate(this);
    ArticleApi api = new ArticleApi(this);
    app =
        Javalin.create(
            cfg -> {
              cfg.http.maxRequestSize = config.maxBodyBytes();
              cfg.startup.showJavalinBanner = false;
              // an unknown path or method is answered as every other error is, not in Javalin's plain text
              cfg.http.prefer405over404 = true;
              cfg.routes.exception(HttpResponseException.class, Server::unrouted);
              // Jetty's own graceful stop: the handler's return is not the end of a request (Javalin writes
              // the result after it), so app.stop() waits in GracefulHandler until responses are sent.
              cfg.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(TimeUnit.SECONDS.toMillis(Math.max(5, config.timeoutSeconds())));
                    server.insertHandler(new GracefulHandler());
                    server.setErrorHandler(new JettyErrors());
                  });
              cfg.routes.get("/", route("page", Page::index));
              cfg.routes.get("/page.js", route("page", Page::script));
              cfg.routes.get("/page.css", route("page", Page::style));
              cfg.routes.post("/translate", route("translate", lt::translate));
              cfg.routes.get("/languages", route("languages", lt::languages));
              cfg.routes.post("/detect", route("detect", lt::detect));
              cfg.routes.get("/frontend/settings", route("frontend_settings", lt::settings));
              cfg.routes.post("/api/article", route("article", api::article));
              cfg.routes.post("/api/brief", route("brief", api::brief));
              cfg.routes.post("/api/stream", route("stream", api::stream));
              cfg.routes.get("/health", route("health", this::health));
              cfg.routes.get("/metrics", route("metrics", this::metricsPage));
              cfg.routes.get("/openapi.json", route("openapi", Page::openapi));
            });
    app.start(config.host(), config.port());
    return this;
  }

  /** The model is loaded: translation endpoints open. */
  public void ready(Translator translator, GenerationSettings settings) {
    Scheduler.Engine engine =
        (batch, s, splitter) -> translator.withSplitter(splitter).translate(batch, s, Math.max(1, batch.size()));
    ready(translator, settings, engine);
  }

  /** As {@link #ready(Translator, GenerationSettings)} with another engine behind the scheduler (tests). */
  void ready(Translator translator, GenerationSettings settings, Scheduler.Engine engine) {
    Scheduler scheduler = new Scheduler(engine, config.batchSize(), config.queue(), config.acrossRequests(), metrics);
    loaded = new Loaded(translator, settings, scheduler);
  }

  public int port() {
    return app.port();
  }

  /**
   * Graceful stop: new requests get 503, the ones in flight get up to {@code graceSeconds} to finish,
   * then the listener closes.
   */
  public void shutdown(int graceSeconds) {
    draining = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
  }

  @Override
  public void close() {
    draining = true;
    if (app != null) {
      app.stop();
    }
    Loaded l = loaded;
    if (l != null) {
      l.scheduler().close();
    }
    Fetcher f = fetcher;
    if (f != null) {
      f.close();
    }
  }

  // ---- plumbing shared by the handlers ----

  /** Wraps a handler: draining, metrics, and every failure as {"error": ...}. */
  private Handler route(String endpoint, Handler h) {
    return ctx -> {
      long t0 = System.nanoTime();
      inFlight.incrementAndGet();
      try {
        if (draining) {
          ctx.header("Connection", "close");
          throw new ApiError(503, "the server is shutting down");
        }
        long length = ctx.contentLength();
        if (length > config.maxBodyBytes()) {
          throw new ApiError(413, uploadTooLarge(length));
        }
        h.handle(ctx);
      } catch (ApiError e) {
        error(ctx, e.status, e.getMessage());
      } catch (HttpResponseException e) { // Javalin's own: body over maxRequestSize, bad form
        int status = e.getStatus();
        error(ctx, status, status == 413 ? uploadTooLarge(-1) : e.getMessage());
      } catch (Exception e) {
        error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
      } catch (OutOfMemoryError | StackOverflowError e) { // the one request fails; its memory is garbage now
        error(ctx, 500, arabrief.pipeline.JvmErrors.describe(e));
      } finally {
        inFlight.decrementAndGet();
        metrics.request(endpoint, ctx.statusCode(), (System.nanoTime() - t0) / 1e9);
      }
    };
  }

  /** Javalin's own answers for a request no route takes: 404 (no such path) and 405 (a path, another method). */
  private static void unrouted(HttpResponseException e, Context ctx) {
    String request = ctx.method() + " " + OneLine.quote(ctx.path(), 200);
    if (e.getStatus() == 405) {
      String allowed = e.getDetails().getOrDefault("availableMethods", e.getDetails().getOrDefault("Available methods", ""));
      ctx.header("Allow", allowed);
      error(ctx, 405, request + " is not allowed; " + OneLine.quote(ctx.path(), 200) + " takes " + allowed);
    } else if (e.getStatus() == 404) {
      error(ctx, 404, "no endpoint " + request + "; the API is described at GET /openapi.json");
    } else {
      error(ctx, e.getStatus(), e.getMessage());
    }
  }

  static void error(Context ctx, int status, String message) {
    if (ctx.res().isCommitted()) {
      return; // a stream already under way: its own lines say what went wrong
    }
    if (status == 503 || status == 429) {
      ctx.header("Retry-After", "5");
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("error", message);
    ctx.status(status);
    json(ctx, o);
  }

  static void json(Context ctx, JsonNode body) {
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The loaded model, or a 503 while it loads. */
  Loaded model() {
    Loaded l = loaded;
    if (l == null) {
      throw new ApiError(503, "the model is still loading; try again shortly");
    }
    return l;
  }

  /** 403 unless keys are off or {@code key} is one of them. */
  void checkKey(String key) {
    if (!config.apiKeys().isEmpty() && (key == null || !config.apiKeys().contains(key))) {
      throw new ApiError(403, key == null || key.isEmpty() ? "an API key is required (api_key)" : "invalid API key");
    }
  }

  /** The 413 for a body over the upload limit ({@code bytes} -1 when its length was not declared). */
  private String uploadTooLarge(long bytes) {
    return String.format(Locale.ROOT, "the request body is %s; this server takes at most %.0f MB (--max-upload-mb):"
            + " send the article's text rather than the whole page, or split it",
        bytes < 0 ? "over the limit" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0), config.maxBodyBytes() / 1048576.0);
  }

  /** 413 when the text the model would see is over {@code --max-chars}; {@code what} names it ("q", "the article"). */
  void checkChars(long chars, String what) {
    if (chars > config.maxChars()) {
      throw new ApiError(413, String.format(Locale.ROOT,
          "%s is %,d characters to translate; this server translates at most %,d per request (--max-chars):"
              + " send it in parts", what, chars, config.maxChars()));
    }
  }

  /** Queues segments on the scheduler; a full queue is a 503. */
  CompletableFuture<List<Translation>> submit(
      List<String> segments, GenerationSettings s, InputSplitter splitter, Consumer<List<Translation>> progress) {
    try {
      return model().scheduler().submit(segments, s, splitter, progress);
    } catch (Scheduler.Overloaded e) {
      throw new ApiError(503, e.getMessage());
    }
  }

  /** Translates through the scheduler, with the request's timeout; overload and timeout are 503s. */
  List<Translation> translate(List<String> segments, GenerationSettings s, InputSplitter splitter) {
    return await(submit(segments, s, splitter, done -> {}), TimeUnit.SECONDS.toNanos(config.timeoutSeconds()));
  }

  /** The translations of {@code f}, waiting at most {@code nanos}; on timeout the work is dropped (503). */
  List<Translation> await(CompletableFuture<List<Translation>> f, long nanos) {
    try {
      return f.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      model().scheduler().abandon(f);
      throw new ApiError(503, "translation took longer than " + config.timeoutSeconds() + " s; try a shorter text or later");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(503, "interrupted");
    } catch (ExecutionException e) {
      if (arabrief.pipeline.JvmErrors.recoverable(e.getCause())) {
        throw new ApiError(500, arabrief.pipeline.JvmErrors.describe(e.getCause()));
      }
      throw new ApiError(500, "translation failed: " + e.getCause().getClass().getSimpleName());
    }
  }

  private void health(Context ctx) {
    Loaded l = loaded;
    ObjectNode o = JSON.createObjectNode();
    if (l == null || draining) {
      o.put("status", l == null ? "loading" : "shutting down");
      ctx.status(503);
      json(ctx, o);
      return;
    }
    o.put("status", "ok");
    o.set("model", arabrief.pipeline.ModelInfo.of(l.translator(), l.settings()));
    ObjectNode s = o.putObject("settings");
    s.put("batch_size", config.batchSize());
    s.put("batching_across_requests", config.acrossRequests());
    s.put("queue", config.queue());
    s.put("max_chars", config.maxChars());
    s.put("max_body_bytes", config.maxBodyBytes());
    s.put("timeout_seconds", config.timeoutSeconds());
    s.put("api_keys", !config.apiKeys().isEmpty());
    s.put("fetch_urls", fetcher != null);
    o.put("queued", l.scheduler().pending());
    json(ctx, o);
  }

  private void metricsPage(Context ctx) {
    ctx.contentType(Metrics.CONTENT_TYPE);
    ctx.result(metrics.scrape());
  }
}

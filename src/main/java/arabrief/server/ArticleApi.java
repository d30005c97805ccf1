package arabrief.server;

import arabrief.article.Article;
import arabrief.article.InputTooLargeException;
import arabrief.article.BadInputException;
import arabrief.article.Paragraph;
import arabrief.fetch.FetchException;
import arabrief.fetch.Fetched;
import arabrief.fetch.Fetcher;
import arabrief.mt.Translation;
import arabrief.mt.search.GenerationSettings;
import arabrief.pipeline.Brief;
import arabrief.pipeline.InputLimits;
import arabrief.pipeline.ModelInfo;
import arabrief.pipeline.Origin;
import arabrief.pipeline.Pipeline;
import arabrief.pipeline.TranslatedParagraph;
import arabrief.pipeline.TranslationCounts;
import arabrief.render.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;

/**
 * arabrief's own endpoints: /api/article and /api/brief answer exactly the JSON document that
 * {@code translate --format json} and {@code brief --format json} write; /api/stream sends the brief,
 * then each paragraph as it is translated, then the whole document, as NDJSON lines (for the page).
 */
final class ArticleApi {
  private static final int DEFAULT_SUMMARY = 3;
  private static final int MAX_SUMMARY = 50;
  private static final int MAX_BEAMS = 8;
  private final Server server;

  ArticleApi(Server server) {
    this.server = server;
  }

  /**
   * A parsed request: the article and the options that apply to it.
   *
   * @param origin where a fetched article came from; null for text and html
   */
  private record Job(Article article, int summarySentences, GenerationSettings settings, ObjectNode model, Origin origin) {
    Brief brief(Brief b) {
      return origin == null ? b : b.withOrigin(origin);
    }

    Job with(Article a, Origin o) {
      return new Job(a, summarySentences, settings, model, o);
    }
  }

  private Job job(Context ctx) {
    ObjectNode body = Requests.body(ctx, false);
    server.checkKey(Requests.apiKey(ctx, body));
    String text = Requests.string(body, "text");
    String html = Requests.string(body, "html");
    String url = Requests.string(body, "url");
    if ((text != null ? 1 : 0) + (html != null ? 1 : 0) + (url != null ? 1 : 0) != 1) {
      throw new ApiError(400, "give the article as \"text\", as \"html\" or as \"url\" (exactly one of them)");
    }
    if (url != null) {
      return fetched(body, url);
    }
    String input = text != null ? text : html;
    if (input.isBlank()) {
      throw new ApiError(400, "the article is empty");
    }
    Job options = options(body);
    Article a;
    try {
      // the name only appears in messages; nothing here touches a file
      a = InputLimits.read(input.getBytes(StandardCharsets.UTF_8), text != null ? "text" : "html");
    } catch (InputTooLargeException e) {
      throw new ApiError(413, e.getMessage());
    } catch (BadInputException e) {
      throw new ApiError(400, e.getMessage());
    }
    // the limit is on what the model would see: a saved page's markup, menus and furniture do not count
    server.checkChars(Pipeline.segments(a).stream().mapToLong(String::length).sum(),
        text != null ? "the article" : "the article's text (extracted from the page)");
    return options.with(a, null);
  }

  /** A request's summary length and beams, checked, with the model loaded (503 while it loads); no article yet. */
  private Job options(ObjectNode body) {
    int summary = Requests.integer(body, "summary_sentences", DEFAULT_SUMMARY, 0, MAX_SUMMARY);
    Server.Loaded l = server.model();
    int beams = Requests.integer(body, "beams", l.settings().numBeams(), 1, MAX_BEAMS);
    GenerationSettings s = beams == l.settings().numBeams() ? l.settings() : l.settings().withNumBeams(beams);
    return new Job(null, summary, s, ModelInfo.of(l.translator(), s), null);
  }

  /**
   * {"url": ...}: only on a server started with --allow-fetch (403 otherwise); the fetcher's address policy refuses
   * internal addresses, after DNS and on every redirect (403); a page that cannot be fetched is a 502.
   */
  private Job fetched(ObjectNode body, String url) {
    Fetcher f = server.fetcher();
    if (f == null) {
      throw new ApiError(403, "this server does not fetch URLs (start it with --allow-fetch); send the page as \"html\"");
    }
    URI u;
    try {
      u = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new ApiError(400, "'url' is not a valid URL: " + e.getReason());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw new ApiError(400, "'url' must be an http or https URL with a host name");
    }
    Job options = options(body); // checked first: nothing is fetched for a request that cannot be answered
    Fetched page;
    try {
      page = f.get(u, Fetcher.Accept.PAGE);
    } catch (FetchException e) {
      if (e.kind() == FetchException.Kind.FORBIDDEN_ADDRESS) {
        throw new ApiError(403, e.getMessage() + " (this server fetches public addresses only)");
      }
      throw new ApiError(502, e.getMessage());
    }
    String name = page.url().toString();
    Article a;
    try {
      a = InputLimits.readPage(page.body(), name, page.charset());
    } catch (InputTooLargeException e) {
      throw new ApiError(413, e.getMessage());
    } catch (BadInputException e) {
      throw new ApiError(400, e.getMessage());
    }
    server.checkChars(Pipeline.segments(a).stream().mapToLong(String::length).sum(),
        "the article's text (extracted from " + name + ")");
    return options.with(a, new Origin(name, page.fetchedAt()));
  }

  void article(Context ctx) {
    Job j = job(ctx);
    Counts c = new Counts();
    Brief b = j.brief(pipeline(j, c).translate(j.article(), j.summarySentences()));
    Server.json(ctx, JsonDocument.toJson(b, j.model(), c.json(b)));
  }

  void brief(Context ctx) {
    Job j = job(ctx);
    Counts c = new Counts();
    Brief b = j.brief(pipeline(j, c).brief(j.article(), j.summarySentences()));
    Server.json(ctx, JsonDocument.toJson(b, j.model(), c.json(b)));
  }

  /**
   * The page's endpoint: {"type":"brief"} first (the fast path), then {"type":"paragraph"} per paragraph
   * in order as soon as its sentences are translated, then {"type":"document"} with the whole JSON
   * document; a failure after the first line is an {"type":"error"} line.
   */
  void stream(Context ctx) throws IOException {
    Job j = job(ctx);
    Brief brief = j.brief(pipeline(j, new Counts()).brief(j.article(), j.summarySentences()));
    Article a = j.article();
    List<String> segments = Pipeline.segments(a);
    int bodyStart = segments.size() - a.paragraphs().stream().mapToInt(p -> p.sentences().size()).sum();
    LinkedBlockingQueue<List<Translation>> progress = new LinkedBlockingQueue<>();
    CompletableFuture<List<Translation>> all = server.submit(segments, j.settings(), Pipeline.SPLITTER, progress::add);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(server.config.timeoutSeconds());
    ctx.status(200);
    ctx.res().setContentType("application/x-ndjson; charset=utf-8");
    OutputStream out = ctx.res().getOutputStream();
    ObjectNode first = Server.JSON.createObjectNode();
    first.put("type", "brief");
    first.set("brief", JsonDocument.toJson(brief, j.model(), null));
    line(out, first);
    try {
      int sent = 0;
      int start = bodyStart; // first segment of paragraph `sent`
      while (sent < a.paragraphs().size() && !all.isDone() && System.nanoTime() < deadline) {
        List<Translation> done = progress.poll(100, TimeUnit.MILLISECONDS);
        while (done != null && sent < a.paragraphs().size()) {
          Paragraph p = a.paragraphs().get(sent);
          int end = start + p.sentences().size();
          if (end > done.size()) {
            break;
          }
          paragraphLine(out, sent, Pipeline.paragraph(p, done.subList(start, end)));
          sent++;
          start = end;
        }
      }
      List<Translation> ts = server.await(all, deadline - System.nanoTime());
      Counts c = new Counts();
      c.add(ts);
      Brief b = j.brief(Pipeline.assemble(a, ts, j.summarySentences()));
      for (int pi = sent; pi < a.paragraphs().size(); pi++) {
        paragraphLine(out, pi, b.paragraphs().get(pi));
      }
      ObjectNode last = Server.JSON.createObjectNode();
      last.put("type", "document");
      last.set("document", JsonDocument.toJson(b, j.model(), c.json(b)));
      line(out, last);
    } catch (ApiError | InterruptedException e) {
      ObjectNode err = Server.JSON.createObjectNode();
      err.put("type", "error");
      err.put("error", e instanceof ApiError ? e.getMessage() : "interrupted");
      line(out, err);
    } catch (OutOfMemoryError | StackOverflowError e) {
      ObjectNode err = Server.JSON.createObjectNode();
      err.put("type", "error");
      err.put("error", arabrief.pipeline.JvmErrors.describe(e));
      line(out, err);
    }
  }

  private void paragraphLine(OutputStream out, int index, TranslatedParagraph tp) throws IOException {
    // the paragraph as the JSON document renders it, so the page reads one shape
    Brief one = new Brief(null, null, null, List.of(tp), List.of(), List.of(), 0, 0);
    ObjectNode o = Server.JSON.createObjectNode();
    o.put("type", "paragraph");
    o.put("index", index);
    o.set("paragraph", JsonDocument.toJson(one, null, null).get("paragraphs").get(0));
    line(out, o);
  }

  private static void line(OutputStream out, JsonNode n) throws IOException {
    out.write((n.toString() + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private Pipeline pipeline(Job j, Counts c) {
    return new Pipeline(segments -> server.translate(segments, j.settings(), Pipeline.SPLITTER))
        .onTranslations(c::add);
  }

  /** The "stats" object: what was translated (the CLI adds its wall-clock figures; a server's are in /metrics). */
  private static final class Counts {
    private final TranslationCounts counts = new TranslationCounts();

    void add(List<Translation> ts) {
      counts.add(ts);
    }

    ObjectNode json(Brief b) {
      ObjectNode o = counts.putInto(Server.JSON.createObjectNode());
      o.put("translated_sentences", b.translatedSentences());
      o.put("total_sentences", b.totalSentences());
      return o;
    }
  }
}

package arabrief.batch;

import arabrief.article.Article;
import arabrief.article.BadInputException;
import arabrief.fetch.FeedItem;
import arabrief.fetch.FetchException;
import arabrief.fetch.Fetched;
import arabrief.pipeline.Origin;
import arabrief.article.InputTooLargeException;
import arabrief.article.ClauseSplitter;
import arabrief.mt.Translation;
import arabrief.mt.Translator;
import arabrief.pipeline.Brief;
import arabrief.pipeline.FileModes;
import arabrief.pipeline.InputLimits;
import arabrief.pipeline.JvmErrors;
import arabrief.pipeline.Pipeline;
import arabrief.render.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Many documents through one loaded model. Reading, parsing, rendering and writing run on a pool of
 * {@code jobs} threads; the model runs on the calling thread, one window of documents per call. A window's
 * new translations are in the memory before any of its outputs is written, and windows are cut on input
 * positions, so a run killed anywhere and started again writes the same bytes an uninterrupted run would.
 */
public final class BatchRunner {
  /** Bump when the per-document output changes, so finished documents are redone. */
  static final String OUTPUT_VERSION = "3"; // 3: "url" and "fetched_at" in every document

  private static final String TEMP_SUFFIX = ".batch-tmp";
  /** Pages fetched at once, each from a host of its own (politeness serializes one host's). */
  private static final int FETCH_THREADS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BatchConfig c;
  private final Translator translator;
  private final BatchReport report = new BatchReport();
  private volatile Store store;
  private WebSource web;
  private ExecutorService fetchPool;
  private Progress progress;
  private String docEngine;
  private volatile WindowTranslator model;
  /** Whether _report.json has been written, by the end of the run or by an interruption (guarded by report). */
  private boolean reported;

  private BatchRunner(Translator translator, BatchConfig c) {
    this.translator = translator;
    this.c = c;
  }

  /**
   * Runs a batch and writes {@code _report.json}.
   *
   * @throws java.nio.file.NoSuchFileException when an input does not exist
   * @throws IllegalArgumentException when two inputs would write the same output
   * @throws IOException when the output directory or its database cannot be used
   */
  public static BatchReport run(Translator translator, BatchConfig c) throws IOException {
    return new BatchRunner(translator, c).run();
  }

  private BatchReport run() throws IOException {
    long t0 = System.nanoTime();
    Path out = c.out();
    Files.createDirectories(out);
    try (Store s = Store.open(out); WebSource w = new WebSource(c.fetching(), s)) {
      store = s;
      web = w;
      return run(t0, Discovery.find(c.inputs(), out, c.glob(), c.extension(), web));
    }
  }

  private BatchReport run(long t0, Discovery found) throws IOException {
    Path out = c.out();
    removeTemps(out);
    String memEngine = Digests.sha256(EngineKey.model(translator.modelDir()) + "\n" + EngineKey.settings(c.settings())
        + "\nshortlist=" + translator.shortlist()
        // a dialect's code changes the model's input (Marian models have none: their key stays as it was)
        + (translator.sourceLanguage() == null ? "" : "\nsource=" + translator.sourceLanguage())
        // a fast compute type may translate differently: its translations are not reused for another
        + (translator.computePlan().isExact() ? "" : "\ncompute=" + translator.computePlan()));
    docEngine = Digests.sha256(String.join("\n", OUTPUT_VERSION, memEngine, c.format().name(), "" + c.bilingual(),
        "" + c.summarySentences() + (c.summaryWords() > 0 ? " words=" + c.summaryWords() : ""), c.textField(), c.idField(), String.valueOf(c.model())));
    report.documents = found.total();
    report.skippedRecords(found.skippedRecords());
    report.warcResyncs = found.resyncs();
    // Ctrl-C or SIGTERM: the JVM runs its shutdown hooks and exits (130 or 143); this one writes the report of what
    // was finished and says how to resume. The outputs need nothing: each is whole or absent.
    Thread onInterrupt = new Thread(() -> interrupted(t0), "arabrief-batch-interrupted");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    ExecutorService pool = Executors.newFixedThreadPool(c.jobs(), r -> {
      Thread t = new Thread(r, "batch-io");
      t.setDaemon(true);
      return t;
    });
    // fetching waits on the network and on each host's turn, not on a core: pages of different hosts come in
    // side by side, politeness keeps each host to one request at a time
    fetchPool = Executors.newFixedThreadPool(FETCH_THREADS, r -> {
      Thread t = new Thread(r, "batch-fetch");
      t.setDaemon(true);
      return t;
    });
    try (Progress p = c.progressBar() ? Progress.bar(found.total()) : Progress.log(c.err(), found.total(), c.logInterval())) {
      progress = p;
      found.skippedRecords().forEach(p::skipped);
      p.resynced(found.resyncs());
      WindowTranslator model = new WindowTranslator(
          translator.withSplitter(ClauseSplitter::split), c.settings(), c.batchSize(), store, memEngine);
      this.model = model;
      Iterator<Doc> docs = found.documents();
      ArrayDeque<Pending> ahead = new ArrayDeque<>();
      ArrayDeque<Future<?>> writes = new ArrayDeque<>();
      int w = c.window();
      while (true) {
        fill(ahead, docs, pool, 2 * w);
        if (ahead.isEmpty()) {
          break;
        }
        int window = ahead.peek().doc().index() / w;
        List<Prepared> batch = new ArrayList<>();
        while (!ahead.isEmpty() && ahead.peek().doc().index() / w == window) {
          batch.add(ahead.poll().get());
          fill(ahead, docs, pool, 2 * w);
        }
        translateWindow(batch, model, pool, writes);
        while (writes.size() > 4 * w || (!writes.isEmpty() && writes.peek().isDone())) {
          await(writes.poll());
        }
      }
      while (!writes.isEmpty()) {
        await(writes.poll());
      }
      for (Doc.Archive a : found.archives()) {
        writeArchive(a);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      pool.shutdownNow();
      try {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      } catch (IllegalStateException e) {
        // the JVM is already exiting: the hook reports
      }
      fetchPool.shutdownNow();
    }
    writeReport(t0, false);
    return report;
  }

  /** Writes _report.json once: at the end of the run, or when it is interrupted, whichever comes first. */
  private boolean writeReport(long t0, boolean interrupted) throws IOException {
    synchronized (report) {
      if (reported) {
        return false;
      }
      reported = true;
      if (interrupted && store != null) {
        // while the report's lock holds back the count, every document counted as done gets its record on disk
        store.checkpoint();
      }
      WindowTranslator m = model;
      if (m != null) {
        report.sentencesTranslated = m.translated;
        report.sentencesFromMemory = m.fromMemory;
        report.sentencesRepeated = m.repeated;
      }
      report.interrupted = interrupted;
      report.elapsedSeconds = (System.nanoTime() - t0) / 1e9;
      writeAtomically(c.out().resolve(BatchReport.FILE),
          (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()) + "\n").getBytes(StandardCharsets.UTF_8));
      return true;
    }
  }

  /** The shutdown hook's work: the report of what was finished, and one line saying how to go on. */
  private void interrupted(long t0) {
    try {
      if (!writeReport(t0, true)) {
        return; // the run had finished
      }
    } catch (IOException | RuntimeException e) {
      c.err().println("arabrief batch: interrupted; writing " + BatchReport.FILE + " failed: " + e.getMessage());
    }
    var j = report.toJson();
    long finished = j.get("done").asLong() + j.get("skipped").asLong() + j.get("failed").asLong();
    c.err().printf("%narabrief batch: interrupted after %d of %d documents (%d done, %d skipped, %d failed; see %s);"
            + " run the same command to resume%n", finished, j.get("documents").asLong(), j.get("done").asLong(),
        j.get("skipped").asLong(), j.get("failed").asLong(), c.out().resolve(BatchReport.FILE));
    c.err().flush();
  }

  private record Pending(Doc doc, Future<Prepared> future) {
    Prepared get() {
      try {
        return future.get();
      } catch (ExecutionException e) {
        if (JvmErrors.recoverable(e.getCause())) {
          return Prepared.failed(doc, null, null, JvmErrors.describe(e.getCause()));
        }
        return Prepared.failed(doc, null, null, "internal error: " + e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private void fill(ArrayDeque<Pending> ahead, Iterator<Doc> docs, ExecutorService pool, int limit) {
    while (ahead.size() < limit && docs.hasNext()) {
      Doc d = docs.next();
      ahead.add(new Pending(d, (d instanceof Doc.Url ? fetchPool : pool).submit(() -> prepare(d))));
    }
  }

  private void translateWindow(List<Prepared> batch, WindowTranslator model, ExecutorService pool, ArrayDeque<Future<?>> writes) {
    List<Prepared> ready = new ArrayList<>();
    for (Prepared p : batch) {
      if (p.skip()) {
        report.skipped();
        progress.step(false);
      } else if (p.skipKey() != null) {
        Doc.Url u = (Doc.Url) p.doc();
        report.skippedUrl(u, p.skipKey(), p.failure());
        ObjectNode o = urlFields(u, null);
        o.put("skipped", p.failure());
        store.putLine(u.archive().output(), u.line(), p.inputSha(), docEngine, true, o.toString());
        progress.step(false);
      } else if (p.notArticle() != null) {
        Doc.Record r = (Doc.Record) p.doc();
        report.notArticle(r, p.notArticle(), p.failure());
        store.putLine(r.archive().output(), r.line(), p.inputSha(), docEngine, false, null);
        progress.skipped(p.notArticle(), 1);
        progress.step(false);
      } else if (p.failure() != null) {
        fail(p, p.failure());
      } else {
        ready.add(p);
      }
    }
    List<List<String>> segments = ready.stream().map(p -> Pipeline.segments(p.article())).toList();
    List<List<Translation>> translations = model.translateEach(segments, (i, reason) -> fail(ready.get(i), reason));
    for (int i = 0; i < ready.size(); i++) {
      Prepared p = ready.get(i);
      List<Translation> ts = translations.get(i);
      if (ts != null) {
        writes.add(pool.submit(() -> write(p, ts)));
      }
    }
  }

  private Prepared prepare(Doc d) {
    if (d instanceof Doc.Record r) {
      return prepareRecord(r);
    }
    if (d instanceof Doc.Url u) {
      return prepareUrl(u);
    }
    if (d instanceof Doc.File f) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f.file());
      } catch (IOException e) {
        return Prepared.failed(d, null, null, "cannot read the file: " + e.getMessage());
      }
      String sha = Digests.sha256(bytes);
      if (!c.force() && current(f, sha)) {
        return Prepared.skipped(d);
      }
      return parse(d, bytes, sha, null);
    }
    Doc.Line l = (Doc.Line) d;
    String sha = Digests.sha256(l.json());
    JsonlLine line = JsonlLine.parse(l.json(), c.textField(), c.idField());
    if (line.failure() != null) {
      return Prepared.failed(d, sha, line.id(), line.failure());
    }
    if (!c.force() && store.lineCurrent(l.archive().output(), l.line(), sha, docEngine)) {
      return Prepared.skipped(d);
    }
    return parse(d, line.text().getBytes(StandardCharsets.UTF_8), sha, line.id());
  }

  /** A WARC page: current, an article, a page that is not one (skipped and counted), or broken (failed). */
  private Prepared prepareRecord(Doc.Record r) {
    WarcRecords.Item i = r.item();
    var md = Digests.digest();
    md.update(String.join("\n", String.valueOf(i.url()), String.valueOf(i.recordId()), String.valueOf(i.date()),
        String.valueOf(i.charset()), i.error() == null ? "" : i.error(), "").getBytes(StandardCharsets.UTF_8));
    md.update(i.payload() == null ? new byte[0] : i.payload());
    String sha = java.util.HexFormat.of().formatHex(md.digest());
    if (i.error() != null) {
      return Prepared.failed(r, sha, null, i.error());
    }
    if (!c.force() && store.lineCurrent(r.archive().output(), r.line(), sha, docEngine)) {
      return Prepared.skipped(r);
    }
    try {
      return Prepared.ready(r, InputLimits.readPage(i.payload(), r.name(), i.charset()), sha, null);
    } catch (InputTooLargeException e) {
      // over a limit is a failure of the record, not a page to skip
      return Prepared.failed(r, sha, null, e.getMessage());
    } catch (BadInputException e) {
      String m = e.getMessage().startsWith(r.name() + ": ") ? e.getMessage().substring(r.name().length() + 2) : e.getMessage();
      return Prepared.notArticle(r, sha, m, WarcRecords.Skip.of(e.kind()));
    }
  }

  /**
   * A URL: current (done before at this line, or at another line of the same output: a feed whose entries moved),
   * fetched and read as an article, skipped with why (robots.txt, not a page, not Arabic, not an article), or failed
   * (the network, an HTTP status, a limit). Identity is the URL, so a re-run never fetches what is done.
   */
  private Prepared prepareUrl(Doc.Url u) {
    FeedItem item = u.item();
    String sha = Digests.sha256("url\n" + item.url());
    String output = u.archive().output();
    if (!c.force()) {
      if (store.lineCurrent(output, u.line(), sha, docEngine)) {
        return Prepared.skipped(u);
      }
      String done = store.lineJson(output, sha, docEngine);
      if (done != null) {
        store.putLine(output, u.line(), sha, docEngine, true, done);
        return Prepared.skipped(u);
      }
    }
    if (item.error() != null) {
      return Prepared.failed(u, sha, null, item.error());
    }
    Fetched page;
    try {
      page = web.page(item.url());
    } catch (FetchException e) {
      if (e.kind() == FetchException.Kind.ROBOTS || e.kind() == FetchException.Kind.NOT_HTML) {
        return Prepared.skippedUrl(u, sha, e.reason(), e.kind().key);
      }
      return Prepared.failed(u, sha, null, e.reason());
    }
    String name = page.url().toString();
    try {
      Article a = InputLimits.readPage(page.body(), name, page.charset());
      return Prepared.fetched(u, a, sha, new Origin(name, page.fetchedAt()));
    } catch (InputTooLargeException e) {
      return Prepared.failed(u, sha, null, reasonFor(name, e));
    } catch (BadInputException e) {
      return Prepared.skippedUrl(u, sha, reasonFor(name, e), WarcRecords.Skip.of(e.kind()).key);
    }
  }

  private static String reasonFor(String name, BadInputException e) {
    return e.getMessage().startsWith(name + ": ") ? e.getMessage().substring(name.length() + 2) : e.getMessage();
  }

  /** The fields every line of a URL input's output starts with: the URL and what the listing said of it. */
  private static ObjectNode urlFields(Doc.Url u, Origin origin) {
    ObjectNode o = JSON.createObjectNode();
    FeedItem i = u.item();
    o.put("url", origin == null ? i.url() : origin.url());
    o.put("fetched_at", origin == null || origin.fetchedAt() == null ? null : origin.fetchedAt().toString());
    o.set("listed", UrlList.listed(i));
    return o;
  }

  /** The WARC fields every line of a WARC input's output starts with. */
  private static ObjectNode warcFields(Doc.Record r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("url", r.item().url());
    o.put("warc_record_id", r.item().recordId());
    o.put("warc_date", r.item().date());
    return o;
  }

  private Prepared parse(Doc d, byte[] bytes, String sha, JsonNode id) {
    try {
      return Prepared.ready(d, InputLimits.read(bytes, d.name()), sha, id);
    } catch (BadInputException e) {
      return Prepared.failed(d, sha, id, reason(d, e));
    } catch (OutOfMemoryError | StackOverflowError e) {
      return Prepared.failed(d, sha, id, JvmErrors.describe(e));
    }
  }

  /** A bad input's message without the document's name, which the report row already gives. */
  private static String reason(Doc d, BadInputException e) {
    String m = e.getMessage();
    return m.startsWith(d.name() + ": ") ? m.substring(d.name().length() + 2) : m;
  }

  /** The output exists, is the one recorded, and was made from these bytes under this engine key. */
  private boolean current(Doc.File f, String sha) {
    String[] rec = store.doc(f.output());
    if (rec == null || !rec[0].equals(sha) || !rec[1].equals(docEngine)) {
      return false;
    }
    Path target = c.out().resolve(f.output());
    try {
      return Files.isRegularFile(target) && Digests.sha256(Files.readAllBytes(target)).equals(rec[2]);
    } catch (IOException e) {
      return false;
    }
  }

  private void write(Prepared p, List<Translation> ts) {
    try {
      Brief b = Pipeline.assemble(p.article(), ts, c.summarySentences(), c.summaryWords());
      ObjectNode stats = stats(ts);
      if (p.doc() instanceof Doc.File f) {
        byte[] bytes = c.format().render(b, c.bilingual(), c.model(), stats).getBytes(StandardCharsets.UTF_8);
        writeAtomically(c.out().resolve(f.output()), bytes);
        store.putDoc(f.output(), p.inputSha(), docEngine, Digests.sha256(bytes));
      } else if (p.doc() instanceof Doc.Url u) {
        ObjectNode o = urlFields(u, p.origin());
        o.setAll(JsonDocument.toJson(b.withOrigin(p.origin()), c.model(), stats));
        store.putLine(u.archive().output(), u.line(), p.inputSha(), docEngine, true, JSON.writeValueAsString(o));
      } else if (p.doc() instanceof Doc.Record r) {
        ObjectNode o = warcFields(r);
        // the record's URL; when it was fetched is its warc_date (Spark's rows have no fetched_at to match)
        o.setAll(JsonDocument.toJson(b.withOrigin(new Origin(r.item().url(), null)), c.model(), stats));
        store.putLine(r.archive().output(), r.line(), p.inputSha(), docEngine, true, JSON.writeValueAsString(o));
      } else {
        Doc.Line l = (Doc.Line) p.doc();
        ObjectNode o = JSON.createObjectNode();
        o.set("id", p.id());
        o.put("line", l.lineNo());
        o.setAll(JsonDocument.toJson(b, c.model(), stats));
        store.putLine(l.archive().output(), l.line(), p.inputSha(), docEngine, true, JSON.writeValueAsString(o));
      }
      report.done();
      progress.step(false);
    } catch (IOException | RuntimeException e) {
      fail(p, "writing the output failed: " + e.getMessage());
    } catch (OutOfMemoryError | StackOverflowError e) {
      fail(p, JvmErrors.describe(e));
    }
  }

  /** Per-document numbers that do not depend on timing, so outputs stay byte-identical between runs. */
  private static ObjectNode stats(List<Translation> ts) {
    int segments = 0;
    long src = 0;
    long gen = 0;
    for (Translation t : ts) {
      if (t.sourceTokens() > 0) {
        segments++;
        src += t.sourceTokens();
        gen += t.generatedTokens();
      }
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("segments", segments);
    o.put("source_tokens", src);
    o.put("generated_tokens", gen);
    return o;
  }

  private void fail(Prepared p, String reason) {
    report.fail(p.doc(), reason);
    if (p.doc() instanceof Doc.Url u) {
      ObjectNode o = urlFields(u, null);
      o.put("error", reason);
      store.putLine(u.archive().output(), u.line(), p.inputSha() == null ? "" : p.inputSha(), docEngine, false, o.toString());
    } else if (p.doc() instanceof Doc.Record r) {
      ObjectNode o = warcFields(r);
      o.put("error", reason);
      store.putLine(r.archive().output(), r.line(), p.inputSha() == null ? "" : p.inputSha(), docEngine, false, o.toString());
    } else if (p.doc() instanceof Doc.Line l) {
      ObjectNode o = JSON.createObjectNode();
      o.set("id", p.id() == null ? NullNode.getInstance() : p.id());
      o.put("line", l.lineNo());
      o.put("error", reason);
      store.putLine(l.archive().output(), l.line(), p.inputSha() == null ? "" : p.inputSha(), docEngine, false, o.toString());
    }
    progress.step(true);
  }

  /**
   * Writes an archive's output from the finished lines, streamed a page at a time into a temporary file
   * beside the target (an archive of a million lines is never held in memory), which replaces the target
   * only when its content differs, so an unchanged re-run leaves the file (and its time stamp) alone.
   */
  private void writeArchive(Doc.Archive a) throws IOException {
    Path target = c.out().resolve(a.output());
    Path temp = tempBeside(target);
    try (java.io.Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
      store.lines(a.output(), a.lines(), json -> {
        w.write(json);
        w.write('\n');
      });
    }
    if (Files.isRegularFile(target) && Files.mismatch(temp, target) == -1L) {
      Files.delete(temp);
      return;
    }
    moveOver(temp, target);
  }

  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a batch worker failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Whole or not at all: a temporary file beside the target, renamed over it. */
  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path temp = tempBeside(target);
    Files.write(temp, bytes);
    moveOver(temp, target);
  }

  /** The temporary file beside {@code target} (its directory created) that is renamed over it when whole. */
  private static Path tempBeside(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    return dir.resolve("." + target.getFileName() + TEMP_SUFFIX);
  }

  private static void moveOver(Path temp, Path target) throws IOException {
    FileModes.keep(target, temp);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Temporary files a killed run left behind. */
  private static void removeTemps(Path out) throws IOException {
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(TEMP_SUFFIX)).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

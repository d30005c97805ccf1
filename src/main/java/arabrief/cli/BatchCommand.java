package arabrief.cli;

import arabrief.batch.BatchConfig;
import arabrief.batch.BatchReport;
import arabrief.batch.BatchRunner;
import arabrief.batch.Fetching;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import arabrief.render.Format;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arabrief batch}: whole archives of articles through one loaded model, resumable, nothing lost. */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Translate many Arabic articles: directories, JSONL archives, web archives (WARC); resumable.",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    description = {
      "INPUT is a file, a directory (searched recursively for .txt, .html and .htm files, or for the files"
          + " --glob matches), or a .jsonl archive with one article per line (the article in --text-field,"
          + " its id in --id-field). Each document gets what `translate` writes for it, summary included:"
          + " sub/a01.txt becomes DIR/sub/a01.en.json (.en.md, .en.txt with --format); an archive x.jsonl"
          + " becomes DIR/x.en.jsonl, one JSON object per non-blank input line with \"id\" and \"line\","
          + " and \"error\" instead of the translation for a line that failed. Per-document \"stats\" hold"
          + " token counts only, never timings, so the same input always gives the same bytes.",
      "",
      "A .warc or .warc.gz file (Common Crawl's CC-NEWS, the Internet Archive's crawls) becomes DIR/x.en.jsonl with"
          + " one line per article, carrying the record's \"url\", \"warc_record_id\" and \"warc_date\": response"
          + " and resource records holding HTML, decoded by the HTTP header's charset, then the page's <meta>, then"
          + " detection. Requests, metadata, warcinfo, non-HTML payloads, non-2xx responses, pages that are not Arabic"
          + " and Arabic pages that are not articles (home and section pages) are skipped and counted by why in"
          + " _report.json (\"skipped_records\", \"not_articles\") and on the progress line, not failed. A record"
          + " that cannot be read (a truncated file, a lying Content-Length) fails, and ends its file.",
      "",
      "An INPUT that is an http(s) URL is fetched: a feed (RSS, Atom) or a sitemap (news sitemaps and sitemap indexes"
          + " included) stands for the pages it lists, anything else for itself; a file whose every line is a URL"
          + " (blank lines and # comments aside) is a list of pages. Each becomes DIR/<host>/<path>.en.jsonl (a list"
          + " file x.txt: DIR/x.en.jsonl) with one line per page, in the listing's order: the brief with \"url\""
          + " (after redirects), \"fetched_at\" and what the listing said (\"listed\"), or \"error\", or \"skipped\""
          + " with why. Fetching is polite: robots.txt is obeyed, one request at a time per host, --delay between"
          + " them (or the site's Crawl-delay), longer after failures; a feed or sitemap is asked for only if it"
          + " changed (ETag, Last-Modified). A page that cannot be fetched (DNS, refused, timeout, HTTP status, too"
          + " large) fails and is tried again on the next run; one robots.txt disallows, that is not a web page, not"
          + " Arabic or not an article is skipped. --warc FILE records every request and response; `batch FILE.warc.gz`"
          + " reads it again, offline.",
      "",
      "The model is loaded once; the sentences of a window of documents (--window) share its batches, and"
          + " a sentence seen before (site furniture, repeated quotes, wire copy) is translated once: the"
          + " translation memory in DIR/_memory.mv.db keeps it across runs, for the same model and settings.",
      "",
      "Every output appears whole or not at all. Run the same command again after an interruption (even"
          + " kill -9): documents whose output is complete and current (same input bytes, model, settings"
          + " and format) are skipped, the others are done, and the outputs are the bytes an uninterrupted"
          + " run writes. --force redoes every document.",
      "",
      "A document that cannot be read (binary, empty, no Arabic text, no article body) does not stop the"
          + " others: it is listed with its reason on stderr and in DIR/_report.json, and the exit code is 4."
          + " _report.json also counts the documents done, skipped and failed, the sentences translated and"
          + " those taken from memory, and the time taken.",
      "",
      "Progress: a bar with documents per second and time left on a terminal, a line on stderr every 10"
          + " seconds otherwise. Ctrl-C or SIGTERM stops the run: DIR/_report.json then has what was finished (with"
          + " \"interrupted\": true), and the same command resumes it."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.DONE, "1:an INPUT that does not exist, or an output directory that cannot be used",
      "2:usage: an unknown option or a bad value, or two inputs that would write the same output", ExitCodes.NO_MODEL,
      "4:finished, but some documents failed (listed in DIR/_report.json)", "5:the model does not fit in the Java heap",
      ExitCodes.BUG, "130:interrupted by Ctrl-C (SIGINT): DIR/_report.json has what was finished; run the same command to resume",
      "143:stopped by SIGTERM: likewise"},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief batch archive/ --out english/",
      "  ./arabrief batch wire.jsonl --out english/ --text-field body --id-field guid",
      "  ./arabrief batch CC-NEWS-20240305123456-00001.warc.gz --out english/",
    })
public final class BatchCommand implements Callable<Integer> {
  /** The longest a failing host is left alone: a batch should end, not wait for a site to come back. */
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, directories, .jsonl archives, .warc(.gz) files, files of URLs, or URLs of pages, feeds and sitemaps.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
  Path out;

  @Option(names = "--format", paramLabel = "FMT", description = "json (default), markdown or text, for file inputs.")
  String format = "json";

  @Option(names = "--bilingual", description = "Put each Arabic paragraph before its English (text, markdown).")
  boolean bilingual;

  @Mixin SummaryOptions summary;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description = "Threads reading, parsing and writing documents (the model runs on its own thread). More than 1"
          + " helps only with cores to spare beside PyTorch's: on 2 cores --jobs 2 measured twice as slow."
          + " Default: ${DEFAULT-VALUE}.",
      defaultValue = "1")
  int jobs;

  @Option(
      names = "--glob",
      paramLabel = "PATTERN",
      description = "Which files of a directory to take, as a glob on their path inside it (e.g. '**/*.txt').")
  String glob;

  @Option(names = "--text-field", paramLabel = "F", description = "JSONL field holding the article. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
  String textField;

  @Option(names = "--id-field", paramLabel = "F", description = "JSONL field holding the id. Default: ${DEFAULT-VALUE}.", defaultValue = "id")
  String idField;

  @Option(names = "--force", description = "Redo documents whose output is already complete and current.")
  boolean force;

  @Option(
      names = "--window",
      paramLabel = "N",
      description = "Documents whose sentences share one model call. Default: ${DEFAULT-VALUE}.",
      defaultValue = "" + BatchConfig.DEFAULT_WINDOW)
  int window;

  /** How often the plain progress line is printed; hidden: tests watch a child's progress with 0. */
  @Option(names = "--progress-seconds", hidden = true, defaultValue = "10")
  int progressSeconds;

  @Mixin CrawlOptions crawl;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws IOException {
    Format f = ArticleOutput.format(format);
    int summarySentences = summary.sentences();
    int summaryWords = summary.words();
    if (jobs < 1) {
      throw new UserException(ExitCodes.USAGE, "--jobs must be at least 1, got " + jobs);
    }
    if (window < 1) {
      throw new UserException(ExitCodes.USAGE, "--window must be at least 1, got " + window);
    }
    Fetching fetching = crawl.fetching(MAX_BACKOFF);
    PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    BatchReport report;
    try (Translator t = engine.load()) {
      GenerationSettings settings = engine.settings(t);
      BatchConfig config = new BatchConfig(inputs, out, f, bilingual, jobs, glob, textField, idField, force,
          summarySentences, summaryWords, window, engine.batchSize, settings, ArticleOutput.modelInfo(t, settings),
          System.console() != null, Duration.ofSeconds(progressSeconds), err, fetching);
      report = BatchRunner.run(t, config);
    } catch (NoSuchFileException e) {
      throw new UserException(ExitCodes.BAD_INPUT, e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCodes.USAGE, e.getMessage(), e);
    } catch (IOException e) {
      throw new UserException(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
    for (String[] failure : report.failures()) {
      err.println("arabrief batch: failed " + failure[0] + ": " + failure[1]);
    }
    var j = report.toJson();
    err.printf("arabrief batch: %d documents: %d done, %d skipped, %d failed; %d sentences translated, %d from memory; %.1f s%n",
        j.get("documents").asLong(), j.get("done").asLong(), j.get("skipped").asLong(), j.get("failed").asLong(),
        j.get("sentences_translated").asLong(), j.get("sentences_from_memory").asLong(), j.get("elapsed_seconds").asDouble());
    if (j.has("skipped_records")) {
      StringBuilder sb = new StringBuilder();
      j.get("skipped_records").fields().forEachRemaining(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getValue().asLong()).append(' ').append(e.getKey()));
      err.println("arabrief batch: WARC records skipped: " + sb);
    }
    if (engine.stats) {
      err.println(j.toString());
    }
    return report.failed() > 0 ? ExitCodes.PARTIAL : ExitCodes.OK;
  }
}

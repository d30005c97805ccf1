package arabrief.cli;

import arabrief.mt.Translation;
import arabrief.pipeline.Lines;
import arabrief.pipeline.ModelInfo;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arabrief translate}: Arabic text in, English out, line by line or as an article. */
@Command(
    name = "translate",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Translate an Arabic article (or lines) into English, with a summary on top.",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    description = {
      "FILE is a .txt file or a saved web page (UTF-8, UTF-16 or Windows-1256), or the http(s) URL of a page"
          + " (fetched, then read the same way; the output names the URL); - or none reads standard input. The headline, dateline, photo caption and body paragraphs are found and translated, and the byline"
          + " (author, place, agency) is reported as printed; site furniture (tag lists, \"read also\" boxes,"
          + " tickers) is left out and listed under \"dropped\" in JSON. Several FILEs share one model load.",
      "",
      "With --lines, every input line is one segment instead: one translation line comes out per input line, in"
          + " order, and an empty line stays empty.",
      "",
      "-o writes the file whole or not at all (an existing file keeps its mode); its directory must exist."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.DONE, ExitCodes.BAD, ExitCodes.BAD_OPTION, ExitCodes.NO_MODEL, ExitCodes.NO_MEMORY,
      ExitCodes.NETWORK_FAILED, ExitCodes.BUG, ExitCodes.CTRL_C, ExitCodes.SIGTERM},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief translate article.html -o article.en.txt",
      "  ./arabrief translate article.txt --format json --bilingual > article.en.json",
      "  printf 'وقال المتحدث باسم الوزارة\\n' | ./arabrief translate --lines",
    })
public final class TranslateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Lines translated per chunk: output flows while a long file is still being translated. */
  private static final int CHUNK = 256;

  @Parameters(arity = "0..*", paramLabel = "FILE|URL", description = "Input files or URLs; - or none for standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--lines", description = "Line mode: one segment per line.")
  boolean lines;

  @Option(
      names = "--format",
      paramLabel = "FMT",
      description = "Output format: text (default), markdown or json; with --lines: text or jsonl.")
  String format;

  @Option(names = "--bilingual", description = "Put each Arabic paragraph before its English (text, markdown).")
  boolean bilingual;

  @Mixin SummaryOptions summary;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
  Path output;

  @Mixin FetchOptions fetch;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws IOException {
    return lines ? translateLines() : translateArticles();
  }

  private int translateArticles() throws IOException {
    int n = summary.sentences();
    int words = summary.words();
    return ArticleOutput.run(files, fetch, format, output, bilingual, engine, (p, a) -> p.translate(a, n, words));
  }

  private int translateLines() throws IOException {
    String fmt = format == null ? "text" : format;
    if (!fmt.equals("text") && !fmt.equals("jsonl")) {
      throw new UserException(ExitCodes.USAGE, "--format with --lines is text or jsonl, not '" + fmt + "'");
    }
    if (files.size() > 1) {
      throw new UserException(ExitCodes.USAGE, "--lines reads one FILE (or standard input), got " + files.size());
    }
    AtomicOutput.check(output);
    String file = files.isEmpty() ? null : files.get(0);
    if (file != null && FetchOptions.isUrl(file)) {
      throw new UserException(ExitCodes.USAGE, "--lines reads a text file or standard input, not a URL (translate a page's article without --lines)");
    }
    List<String> input = splitLines(utf8(Inputs.read(file), Inputs.name(file)));
    Stats stats = new Stats();
    long t0 = System.nanoTime();
    try (Translator t = engine.load();
        AtomicOutput out = AtomicOutput.open(output)) {
      stats.loadSeconds = (System.nanoTime() - t0) / 1e9;
      ModelInfo.putCompute(stats.extra, t.computePlan());
      GenerationSettings settings = engine.settings(t);
      long t1 = System.nanoTime();
      for (int from = 0; from < input.size(); from += CHUNK) {
        List<String> chunk = input.subList(from, Math.min(input.size(), from + CHUNK));
        List<Translation> ts = t.translate(chunk, settings, engine.batchSize);
        stats.add(ts);
        write(out.stream(), ts, fmt);
      }
      stats.translateSeconds = (System.nanoTime() - t1) / 1e9;
      out.commit();
    }
    if (engine.stats) {
      stats.print();
    }
    return ExitCodes.OK;
  }

  private static void write(PrintStream out, List<Translation> ts, String fmt) {
    for (Translation tr : ts) {
      if (fmt.equals("jsonl")) {
        ObjectNode o = JSON.createObjectNode();
        o.put("source", tr.source());
        o.put("text", tr.text());
        o.put("score", tr.score());
        out.println(o.toString());
      } else {
        out.println(tr.text());
      }
    }
    out.flush();
  }

  static String utf8(byte[] bytes, String name) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new UserException(ExitCodes.BAD_INPUT, name + " is not UTF-8 text (line mode reads UTF-8)");
    }
  }

  static List<String> splitLines(String s) {
    return Lines.split(s);
  }
}

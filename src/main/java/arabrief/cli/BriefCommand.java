package arabrief.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arabrief brief}: headline, dateline and a summary in English, translating only what it shows. */
@Command(
    name = "brief",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Headline, dateline and summary in English: the fast path.",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    description = {
      "The headline, the dateline and a short English summary of an Arabic article (a .txt file or a saved web"
          + " page; - or none reads standard input).",
      "",
      "The body sentences are ranked on the Arabic side and only the chosen ones (and the headline) are"
          + " translated, so a brief costs a fraction of a full translation. --stats says how many sentences were"
          + " translated.",
      "",
      "A URL is fetched (redirects followed, gzip undone, at most 32 MB, --fetch-timeout) and read like a saved"
          + " page, its charset taken from the HTTP header first; the brief names the URL under the headline"
          + " (\"url\" and \"fetched_at\" in JSON). A URL that cannot be fetched exits with 6."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.DONE, ExitCodes.BAD, ExitCodes.BAD_OPTION, ExitCodes.NO_MODEL, ExitCodes.NO_MEMORY,
      ExitCodes.NETWORK_FAILED, ExitCodes.BUG, ExitCodes.CTRL_C, ExitCodes.SIGTERM},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief brief article.html",
      "  ./arabrief brief *.txt --format json --summary-sentences 2 -o briefs.json",
      "  ./arabrief brief article.txt --bilingual --summary-words 60",
    })
public final class BriefCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE|URL", description = "Articles: .txt or saved web page files, http(s) URLs of pages; - or none for standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FMT", description = "text (default), markdown or json.")
  String format;

  @Mixin SummaryOptions summary;

  @Option(names = "--bilingual", description = "Put each summary sentence's Arabic source before its English (text, markdown; json always has summary_source).")
  boolean bilingual;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
  Path output;

  @Mixin FetchOptions fetch;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws IOException {
    int n = summary.sentences();
    int words = summary.words();
    return ArticleOutput.run(files, fetch, format, output, bilingual, engine, (p, a) -> p.brief(a, n, words));
  }
}

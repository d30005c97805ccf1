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
    description = {
      "The fast path: the headline, the dateline and a short English summary of an Arabic article.",
      "",
      "The body sentences are ranked on the Arabic side and only the chosen ones (and the headline) are translated, so a brief costs a fraction of a full translation. --stats says how many sentences were translated.",
      "",
      "A URL is fetched (redirects followed, gzip undone, at most 32 MB, --fetch-timeout) and read like a saved page, its charset taken from the HTTP header first; the brief names the URL under the headline (\"url\" and \"fetched_at\" in JSON). A URL that cannot be fetched exits with 6."
    },
    footer = ExitCodes.HELP)
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

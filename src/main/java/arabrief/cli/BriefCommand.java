package arabrief.cli;

import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import arabrief.pipeline.Brief;
import arabrief.pipeline.Pipeline;
import arabrief.render.Format;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
      "The body sentences are ranked on the Arabic side and only the chosen ones (and the headline) are translated, so a brief costs a fraction of a full translation. --stats says how many sentences were translated."
    },
    footer = ExitCodes.HELP)
public final class BriefCommand implements Callable<Integer> {
  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Articles (.txt or saved web page); - or none for standard input.")
  List<String> files = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FMT", description = "text (default), markdown or json.")
  String format;

  @Option(
      names = "--summary-sentences",
      paramLabel = "N",
      description = "Sentences in the summary. Default: ${DEFAULT-VALUE}.",
      defaultValue = "3")
  int summarySentences;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
  Path output;

  @Mixin EngineOptions engine;

  @Override
  public Integer call() throws IOException {
    Format f = ArticleOutput.format(format);
    if (summarySentences < 0) {
      throw new UserException(ExitCodes.USAGE, "--summary-sentences must be 0 or more, got " + summarySentences);
    }
    List<ArticleInputs.Named> articles = ArticleInputs.read(files);
    Stats stats = new Stats();
    List<Brief> briefs = new ArrayList<>();
    ObjectNode model;
    long t0 = System.nanoTime();
    try (Translator t = engine.load()) {
      stats.loadSeconds = (System.nanoTime() - t0) / 1e9;
      GenerationSettings settings = engine.settings(t);
      model = ArticleOutput.modelInfo(t, settings);
      Pipeline pipeline = new Pipeline(t, settings, engine.batchSize).onTranslations(stats::add);
      long t1 = System.nanoTime();
      int translated = 0;
      int total = 0;
      for (ArticleInputs.Named a : articles) {
        Brief b = pipeline.brief(a.article(), summarySentences);
        translated += b.translatedSentences();
        total += b.totalSentences();
        briefs.add(b);
      }
      stats.translateSeconds = (System.nanoTime() - t1) / 1e9;
      stats.extra.put("translated_sentences", translated);
      stats.extra.put("total_sentences", total);
    }
    ArticleOutput.write(output, f, briefs, false, model, stats.toJson());
    if (engine.stats) {
      stats.print();
    }
    return ExitCodes.OK;
  }
}

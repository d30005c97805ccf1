package arabrief.cli;

import arabrief.article.BadInputException;
import arabrief.pipeline.InputLimits;
import arabrief.summary.Summarizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arabrief summarize}: the extractive summary of an English text, without any model. */
@Command(
    name = "summarize",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Summarize English text (no model needed).",
    description = {
      "Summarize English text: the most central sentences, favouring the lead as news does, without repeats, printed verbatim in their original order. Paragraphs are separated by blank lines."
    },
    footer = ExitCodes.HELP)
public final class SummarizeCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "FILE", description = "English text (UTF-8); - or none for standard input.")
  String file;

  @Mixin SummaryOptions summary;

  @Option(names = "--format", paramLabel = "FMT", description = "text (default: one sentence per line) or json (an array).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    String fmt = format == null ? "text" : format;
    if (!fmt.equals("text") && !fmt.equals("json")) {
      throw new UserException(ExitCodes.USAGE, "--format is text or json, not '" + fmt + "'");
    }
    int sentences = summary.sentences();
    int words = summary.words();
    String text = TranslateCommand.utf8(Inputs.read(file), Inputs.name(file));
    if (text.isBlank()) {
      throw new UserException(ExitCodes.BAD_INPUT, Inputs.name(file) + ": empty input, nothing to summarize");
    }
    try {
      InputLimits.checkChars(text.length(), Inputs.name(file));
    } catch (BadInputException e) {
      throw new UserException(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
    List<String> chosen = Summarizer.summarizeEnglish(text, sentences, words);
    try (AtomicOutput out = AtomicOutput.open(output)) {
      if (fmt.equals("json")) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode arr = json.createArrayNode();
        chosen.forEach(arr::add);
        out.stream().println(arr.toString());
      } else {
        chosen.forEach(out.stream()::println);
      }
      out.commit();
    }
    return ExitCodes.OK;
  }
}

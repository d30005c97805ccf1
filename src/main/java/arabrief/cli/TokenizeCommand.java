package arabrief.cli;

import arabrief.mt.tokenize.ModelTokenizer;
import arabrief.mt.tokenize.Tokenizers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arabrief tokenize}: what the model's tokenizer makes of each input line, ids or pieces. */
@Command(
    name = "tokenize",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Show the source token ids (or pieces) of each input line.",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    description = {
      "For each input line, one output line: the space-separated source ids that the model's transformers "
          + "tokenizer gives for tokenizer(line)[\"input_ids\"], the source language code and the final </s> "
          + "included; with --pieces, the tokens instead. Needs only the tokenizer files of the model directory: "
          + "source.spm, target.spm and vocab.json (Marian); sentencepiece.bpe.model and vocab.json (M2M100); "
          + "tokenizer.json (NLLB-200, mBART-50); with config.json and tokenizer_config.json where present."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.DONE, "1:bad input: a missing file, or text that is not UTF-8", "2:usage: an unknown option or a bad value",
      ExitCodes.NO_MODEL, ExitCodes.NO_MEMORY, ExitCodes.BUG, "130:interrupted by Ctrl-C (SIGINT)", "143:stopped by SIGTERM"},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief tokenize --model Helsinki-NLP/opus-mt-ar-en --pieces < lines.txt",
      "  echo 'وزير الدفاع' | ./arabrief tokenize --model ~/models/opus-mt-ar-en",
    })
public final class TokenizeCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "FILE", description = "Text (UTF-8), one sentence a line; - or none for standard input.")
  String file;

  @Option(names = "--model", paramLabel = "DIR|NAME", required = true,
      description = "The model whose tokenizer to use: a directory, or an installed model's name (never downloaded).")
  String model;

  @Option(names = "--pieces", description = "Print the tokens instead of their ids.")
  boolean pieces;

  @Option(names = "--source-lang", paramLabel = "CODE",
      description = "The source language code of a multilingual model (e.g. arz_Arab). Default: its Modern Standard"
          + " Arabic code.")
  String sourceLang;

  @Override
  public Integer call() throws IOException {
    Path dir = ModelResolver.local(model, Env.get());
    ModelTokenizer tok;
    try {
      tok = Tokenizers.load(dir);
    } catch (IOException | RuntimeException e) {
      throw new UserException(ExitCodes.MODEL, "the tokenizer in " + model + " cannot be used: " + e.getMessage(), e);
    }
    if (sourceLang != null) {
      try {
        tok.setSourceLanguage(sourceLang);
      } catch (IllegalArgumentException e) {
        tok.close();
        throw new UserException(ExitCodes.USAGE, "--source-lang: " + e.getMessage());
      }
    }
    String text = TranslateCommand.utf8(Inputs.read(file), Inputs.name(file));
    try (tok) {
      StringBuilder out = new StringBuilder();
      // lines as Python's str.splitlines() would not split them: only \n (and a \r before it) ends a line,
      // so Unicode separators inside a line reach the tokenizer as they are
      String[] lines = text.isEmpty() ? new String[0] : text.split("\n", -1);
      int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
      for (int i = 0; i < n; i++) {
        String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
        out.append(pieces
            ? String.join(" ", tok.tokens(line))
            : LongStream.of(tok.encode(line)).mapToObj(Long::toString).collect(Collectors.joining(" ")));
        out.append('\n');
      }
      System.out.print(out);
      System.out.flush();
    }
    return ExitCodes.OK;
  }
}

package arabrief.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code arabrief models path}: print the directory a model name resolves to. */
@Command(
    name = "path",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    header = "Print a model's directory.",
    description = "Prints the directory arabrief would load for NAME: its install, or its Hugging Face cache snapshot.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:done", "1:no model of that name", "2:usage: no NAME, or an unknown option", ExitCodes.BUG},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief models path Helsinki-NLP/opus-mt-ar-en",
      "  ls \"$(./arabrief models path opus-mt-ar-en)\"",
    })
final class ModelsPathCommand implements Callable<Integer> {
  @ParentCommand ModelsCommand parent;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "NAME", description = "Model name, ORG/NAME.")
  String name;

  @Override
  public Integer call() {
    Optional<Path> dir = parent.store().path(name);
    if (dir.isEmpty()) {
      spec.commandLine().getErr().println(
          "arabrief models path: no model named '" + name + "'; `arabrief models list` shows what is installed.");
      return ExitCodes.BAD_INPUT;
    }
    spec.commandLine().getOut().println(dir.get());
    return ExitCodes.OK;
  }
}

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
    description = "Prints the directory arabrief would load for NAME: its install, or its Hugging Face cache snapshot.")
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

package arabrief.cli;

import arabrief.models.MarianLayout;
import arabrief.models.ModelEntry;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code arabrief models list}: the installed models and those found in the Hugging Face cache. */
@Command(
    name = "list",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    header = "List installed models.",
    description = "Shows each model's name, size, origin and directory, including complete models found in the"
        + " Hugging Face cache (which arabrief reads but never changes).",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:done", "2:usage: an unknown option", ExitCodes.BUG},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief models list",
      "  ARABRIEF_HOME=/data/arabrief ./arabrief models list",
    })
final class ModelsListCommand implements Callable<Integer> {
  @ParentCommand ModelsCommand parent;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<ModelEntry> models = parent.store().list();
    if (models.isEmpty()) {
      out.println("No models installed in " + parent.store().modelsDir() + ".");
      out.println("Get the default one with: ./arabrief models pull " + MarianLayout.DEFAULT_REPO);
      return ExitCodes.OK;
    }
    int w = Math.max(4, models.stream().mapToInt(m -> m.name().length()).max().orElse(4));
    String fmt = "%-" + w + "s  %9s  %s%n    %s%n";
    for (ModelEntry m : models) {
      out.printf(fmt, m.name(), ModelsCommand.humanSize(m.sizeBytes()), m.origin(), m.path());
    }
    return ExitCodes.OK;
  }
}

package arabrief.cli;

import arabrief.models.ModelLayout;
import arabrief.models.ModelDescription;
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
    description = "Shows each model's name, size on disk, family (Marian, M2M100, NLLB-200, mBART-50), parameter"
        + " count, licence (from its model card, - when it declares none) and origin, then its directory; including"
        + " complete models found in the Hugging Face cache (which arabrief reads but never changes).",
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

  /** 77M, 1.3B: parameter counts as model cards write them. */
  static String count(long n) {
    if (n < 0) {
      return "?";
    }
    return n >= 1_000_000_000L ? String.format(java.util.Locale.ROOT, "%.1fB", n / 1e9)
        : String.format(java.util.Locale.ROOT, "%dM", Math.round(n / 1e6));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<ModelEntry> models = parent.store().list();
    if (models.isEmpty()) {
      out.println("No models installed in " + parent.store().modelsDir() + ".");
      out.println("Get the default one with: ./arabrief models pull " + ModelLayout.DEFAULT_REPO);
      return ExitCodes.OK;
    }
    int w = Math.max(4, models.stream().mapToInt(m -> m.name().length()).max().orElse(4));
    String fmt = "%-" + w + "s  %9s  %-8s  %6s  %-12s  %s%n    %s%n";
    for (ModelEntry m : models) {
      ModelDescription d = ModelDescription.of(m.path());
      out.printf(fmt, m.name(), ModelsCommand.humanSize(m.sizeBytes()), d.family(), count(d.parameters()),
          d.license() == null ? "-" : d.license(), m.origin(), m.path());
    }
    return ExitCodes.OK;
  }
}

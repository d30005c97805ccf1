package arabrief.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code arabrief models remove}: delete an installed model. */
@Command(
    name = "remove",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    header = "Delete an installed model.",
    description = "Deletes the model from arabrief's store. Models in the Hugging Face cache are left alone.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:removed", "1:no installed model of that name (or one in the Hugging Face cache)",
      "2:usage: no NAME, or an unknown option", "3:the model's files cannot be deleted", ExitCodes.BUG},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief models remove Helsinki-NLP/opus-mt-tc-big-ar-en",
      "  ./arabrief models remove opus-mt-tc-big-ar-en",
    })
final class ModelsRemoveCommand implements Callable<Integer> {
  @ParentCommand ModelsCommand parent;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "NAME", description = "Installed model, ORG/NAME.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      if (parent.store().remove(name)) {
        out.println("Removed " + name + ".");
        return ExitCodes.OK;
      }
    } catch (IOException e) {
      err.println("arabrief models remove: " + name + ": " + e.getMessage());
      return ExitCodes.MODEL;
    }
    var cached = parent.store().hfCacheSnapshot(name);
    if (cached.isPresent()) {
      err.println("arabrief models remove: " + name + " is in the Hugging Face cache (" + cached.get()
          + "), which arabrief does not manage; remove it with the Hugging Face tools.");
    } else {
      err.println("arabrief models remove: no installed model named '" + name + "'; `arabrief models list` shows what is installed.");
    }
    return ExitCodes.BAD_INPUT;
  }
}

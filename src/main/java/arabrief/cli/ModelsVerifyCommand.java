package arabrief.cli;

import arabrief.models.ModelLayout;
import arabrief.models.ModelSmokeTest;
import arabrief.models.ModelVerifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code arabrief models verify}: re-check an installed model's files and that it loads. */
@Command(
    name = "verify",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    header = "Check a model's files against its manifest, and that it translates.",
    description = {
      "Re-hashes every file against manifest.json, checks config.json parses, then translates one"
          + " sentence with it. Exits 3 when anything is wrong, naming the file.",
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:nothing wrong was found (files not checked when the model has no manifest.json)",
      "1:no model of that name", "2:usage: no NAME, or an unknown option",
      "3:a file is missing or does not match the manifest, or the model does not load or translate", ExitCodes.BUG},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief models verify Helsinki-NLP/opus-mt-ar-en",
      "  ./arabrief models verify ~/models/my-opus-mt",
    })
final class ModelsVerifyCommand implements Callable<Integer> {
  @ParentCommand ModelsCommand parent;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "NAME", description = "Installed model (ORG/NAME) or a model directory.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> dir = parent.store().resolve(name);
    if (dir.isEmpty()) {
      err.println("arabrief models verify: no model named '" + name + "'; `arabrief models list` shows what is installed.");
      return ExitCodes.BAD_INPUT;
    }
    ModelVerifier.Report r = ModelVerifier.verify(dir.get(), ModelSmokeTest.installed().orElse(null));
    for (String note : r.notes()) out.println("note: " + note);
    if (!r.ok()) {
      for (String p : r.problems()) err.println("arabrief models verify: " + name + ": " + p);
      err.println("Reinstall with: ./arabrief models pull --force " + name);
      return ExitCodes.MODEL;
    }
    // the smoke test ran when nothing was skipped (skips are the notes printed above)
    String loads = r.notes().isEmpty() ? "; it loads and translates a test sentence" : "";
    if (!r.manifest()) {
      // not "ok": nothing says these are the files the model was published with
      out.println(name + ": files not checked: " + dir.get() + " has no manifest.json to check them against (a model"
          + " copied in by hand or found in the Hugging Face cache has none; `./arabrief models pull "
          + (ModelLayout.isRepoId(name) ? name : "ORG/NAME") + "` installs one with it)" + loads);
      return ExitCodes.OK;
    }
    out.println(name + ": ok (" + r.filesHashed() + " files match the manifest" + loads + ") in " + dir.get());
    return ExitCodes.OK;
  }
}

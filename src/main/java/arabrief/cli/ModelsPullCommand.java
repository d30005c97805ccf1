package arabrief.cli;

import arabrief.models.ModelLayout;
import arabrief.models.ModelPuller;
import arabrief.models.PullResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code arabrief models pull}: download a model from the Hub into the store. */
@Command(
    name = "pull",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    sortOptions = false,
    header = "Download a model from the Hugging Face Hub and install it.",
    description = {
      "Downloads config.json, the tokenizer files the repo has (source.spm, target.spm and vocab.json for Marian;"
          + " sentencepiece.bpe.model and vocab.json for M2M100; tokenizer.json for NLLB-200 and mBART-50), the"
          + " weights (model.safetensors, else pytorch_model.bin; a sharded checkpoint's index and every shard it"
          + " names) and the optional files (generation_config.json, tokenizer_config.json, README.md ...), checks"
          + " sizes and sha256 digests, and installs them in one atomic step: an interrupted pull leaves nothing"
          + " half-installed. A broken transfer resumes where it stopped.",
      "",
      "Known repos: " + ModelLayout.DEFAULT_REPO + " (default), " + ModelLayout.BIG_REPO
          + ", facebook/nllb-200-distilled-600M, facebook/m2m100_418M, facebook/mbart-large-50-many-to-one-mmt"
          + " (README: \"Choosing a model\").",
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:installed, or already installed", "1:a name that is not ORG/NAME", "2:usage: an unknown option or a bad value",
      "3:the model cannot be downloaded (the message says why), or a file does not match its digest", ExitCodes.BUG,
      "130:interrupted by Ctrl-C (SIGINT); nothing half-installed is left"},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief models pull",
      "  ./arabrief models pull Helsinki-NLP/opus-mt-tc-big-ar-en",
      "  HF_ENDPOINT=https://hf-mirror.example ./arabrief models pull --force",
    })
final class ModelsPullCommand implements Callable<Integer> {
  @ParentCommand ModelsCommand parent;
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "REPO",
      description = "Hub repo id ORG/NAME (default: ${DEFAULT-VALUE}).",
      defaultValue = ModelLayout.DEFAULT_REPO)
  String repo;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      description = "Branch, tag or commit to fetch (default: ${DEFAULT-VALUE}).",
      defaultValue = ModelPuller.DEFAULT_REVISION)
  String revision;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description = "Server to fetch from (default: $HF_ENDPOINT, else https://huggingface.co).")
  String endpoint;

  @Option(names = "--force", description = "Download again even when this revision is installed.")
  boolean force;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      PullResult r = parent.puller().pull(repo, revision, endpoint, force, parent.progress());
      if (r.alreadyInstalled()) {
        out.println(repo + " is already installed in " + r.dir() + " (--force downloads it again).");
      } else {
        out.println(
            "Installed " + repo + " (" + ModelsCommand.humanSize(r.manifest().totalSize()) + ", "
                + (r.manifest().commit() != null ? "commit " + r.manifest().commit() : "revision " + revision)
                + ") in " + r.dir());
      }
      return ExitCodes.OK;
    } catch (IllegalArgumentException e) {
      err.println("arabrief models pull: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (IOException e) {
      err.println("arabrief models pull: " + repo + ": " + e.getMessage());
      return ExitCodes.MODEL;
    }
  }
}

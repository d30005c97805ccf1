package arabrief.cli;

import arabrief.models.ModelPuller;
import arabrief.models.ModelStore;
import arabrief.models.PullProgress;
import arabrief.models.TerminalProgress;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code arabrief models}: the parent of the commands that fetch, list, check and delete models. */
@Command(
    name = "models",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    sortOptions = false,
    synopsisSubcommandLabel = "COMMAND",
    header = "Fetch, list, check and remove translation models.",
    description = {
      "Models live in $ARABRIEF_HOME/models/ORG/NAME/ (default ~/.arabrief). A model already in the"
          + " Hugging Face cache ($HF_HUB_CACHE, $HF_HOME/hub or ~/.cache/huggingface/hub) is used in place.",
      "",
      "Known models:",
      "  Helsinki-NLP/opus-mt-ar-en                the default: small and fast (Marian, CC-BY-4.0)",
      "  Helsinki-NLP/opus-mt-tc-big-ar-en         larger, slower, better (Marian, CC-BY-4.0)",
      "  facebook/nllb-200-distilled-600M          NLLB-200, Arabic dialects (CC-BY-NC-4.0: not for commercial use)",
      "  facebook/nllb-200-distilled-1.3B          NLLB-200, larger (CC-BY-NC-4.0)",
      "  facebook/m2m100_418M                      M2M100 (MIT)",
      "  facebook/mbart-large-50-many-to-one-mmt   mBART-50, 49 languages into English (MIT)",
      "  (README: \"Choosing a model\")",
    },
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.DONE, "1:no model of that name, or a name that is not ORG/NAME",
      "2:usage: no command, an unknown option or a bad value",
      "3:the model cannot be downloaded, or is broken (the message names the file)", ExitCodes.BUG,
      "130:interrupted by Ctrl-C (SIGINT); a pull leaves nothing half-installed"},
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  ARABRIEF_HOME   where models are installed (default ~/.arabrief)",
      "  HF_ENDPOINT     the Hub or a mirror (default https://huggingface.co)",
      "  HF_TOKEN        sent as a bearer token, for gated or private repos",
      "",
      "Examples:",
      "  ./arabrief models pull Helsinki-NLP/opus-mt-ar-en",
      "  ./arabrief models list",
      "  ./arabrief models verify Helsinki-NLP/opus-mt-ar-en",
    },
    subcommands = {
      ModelsPullCommand.class,
      ModelsListCommand.class,
      ModelsVerifyCommand.class,
      ModelsRemoveCommand.class,
      ModelsPathCommand.class,
    })
public final class ModelsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  private final ModelStore store;
  private final Map<String, String> env;
  private PullProgress progress;

  /** Reads the real environment. */
  public ModelsCommand() {
    this(System.getenv());
  }

  public ModelsCommand(Map<String, String> env) {
    this(ModelStore.fromEnvironment(env), env);
  }

  /** A store and environment of the caller's choosing (tests, or Main sharing its own store). */
  public ModelsCommand(ModelStore store, Map<String, String> env) {
    this.store = store;
    this.env = Map.copyOf(env);
  }

  /** Overrides how pulls report progress (default: a bar on stderr when there is a terminal). */
  public ModelsCommand withProgress(PullProgress progress) {
    this.progress = progress;
    return this;
  }

  ModelStore store() {
    return store;
  }

  ModelPuller puller() {
    return new ModelPuller(store, env);
  }

  PullProgress progress() {
    return progress != null ? progress : TerminalProgress.forConsole();
  }

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("arabrief models: name a command: pull, list, verify, remove or path.");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  static String humanSize(long bytes) {
    if (bytes < 1024) return bytes + " B";
    double v = bytes;
    String[] units = {"KB", "MB", "GB", "TB"};
    int i = -1;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[i]);
  }
}

package arabrief.cli;

import arabrief.models.ModelSmokeTest;
import arabrief.mt.Translator;
import arabrief.pipeline.JvmErrors;
import java.io.PrintWriter;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code arabrief} command: subcommands, logging kept off the terminal, errors mapped to exit codes. */
@Command(
    name = "arabrief",
    mixinStandardHelpOptions = true,
    version = "arabrief " + arabrief.fetch.UserAgent.VERSION,
    description = "Arabic news into English: translation with MarianMT (opus-mt) and a short summary on top.",
    commandListHeading = "%nCommands:%n",
    subcommands = {
      TranslateCommand.class,
      BriefCommand.class,
      BatchCommand.class,
      WatchCommand.class,
      SummarizeCommand.class,
      ServeCommand.class,
      TokenizeCommand.class,
      ModelsCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.DONE, ExitCodes.BAD, ExitCodes.BAD_OPTION, ExitCodes.NO_MODEL, ExitCodes.SOME_FAILED,
      ExitCodes.NO_MEMORY, ExitCodes.NETWORK_FAILED, ExitCodes.BUG, ExitCodes.CTRL_C, ExitCodes.SIGTERM},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief translate article.html",
      "  ./arabrief brief article.txt --format json",
      "  ./arabrief serve --port 5000",
      "",
      "Each command's --help (./arabrief translate --help) has its options, examples and the exit codes it can"
          + " return.",
    })
public final class Main {
  public static void main(String[] args) {
    routeLogging();
    ModelSmokeTest.install(Main::translateOneSentence);
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code. */
  public static int run(String... args) {
    CommandLine cl = commandLine();
    try {
      return cl.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) { // picocli passes errors through; no stack trace for them
      PrintWriter err = cl.getErr();
      err.println("arabrief: " + JvmErrors.describe(e));
      err.flush();
      return ExitCodes.RESOURCES;
    }
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    // the terminal's width, wrapped at spaces (never inside a path or a URL)
    cl.setHelpFactory(SpaceWrappedHelp.FACTORY);
    cl.setUsageHelpAutoWidth(true);
    cl.setExecutionExceptionHandler(Main::handle);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("arabrief: " + ex.getMessage());
          err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more.");
          return ExitCodes.USAGE;
        });
    return cl;
  }

  private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof UserException u) {
      err.println("arabrief: " + u.getMessage());
      err.flush();
      return u.exitCode();
    }
    err.println("arabrief: internal error: " + ex);
    err.println("  please report it with the command line that caused it");
    err.flush();
    if (System.getenv("ARABRIEF_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    return ExitCodes.INTERNAL;
  }

  /** What `models verify` runs last: the model must load and translate a sentence into some English. */
  static void translateOneSentence(Path dir) throws Exception {
    try (Translator t = Translator.load(dir)) {
      String text = t.translate(List.of("وقال المتحدث باسم وزارة الدفاع إن الاتصال جاء بمبادرة من الجانب الأميركي.")).get(0).text();
      if (text.isBlank()) {
        throw new IllegalStateException("the model translated a test sentence into nothing");
      }
    }
  }

  /** DJL and PyTorch log INFO lines and a CUDA warning on start; they go to a log file, not the terminal. */
  static void routeLogging() {
    if (System.getProperty("org.slf4j.simpleLogger.logFile") != null) {
      return;
    }
    try {
      Path logs = Home.root().resolve("logs");
      Files.createDirectories(logs);
      System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("arabrief.log").toString());
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
      System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    } catch (Exception e) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "off");
    }
  }
}

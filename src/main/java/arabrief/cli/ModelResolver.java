package arabrief.cli;

import arabrief.models.ModelLayout;
import arabrief.models.ModelMissingException;
import arabrief.models.ModelPuller;
import arabrief.models.ModelStore;
import arabrief.models.TerminalProgress;
import arabrief.mt.Translator;
import arabrief.mt.model.ComputeType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Turns {@code --model} into a loaded translator: a directory, an installed name, a Hugging Face cache
 * snapshot, or — on first use, where the endpoint answers — a fresh pull. Otherwise exit 3 with the
 * command that fixes it.
 */
final class ModelResolver {
  static final String DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en";

  private ModelResolver() {}

  static Translator load(String model, boolean offline, ComputeType type) {
    Path dir = resolve(model, offline, Env.get());
    try {
      return Translator.load(dir, type, Home.root());
    } catch (IOException | RuntimeException e) {
      // a directory given by hand cannot be pulled again; an installed name can
      boolean local = Files.isDirectory(Path.of(model));
      throw new UserException(
          ExitCodes.MODEL,
          // one line: the problem, then what to do (a script reads the first line of stderr)
          "the model in " + dir + " cannot be used: " + e.getMessage()
              + " (check it with: ./arabrief models verify " + model
              + (local ? ")" : "; reinstall it with: ./arabrief models pull " + model + " --force)"),
          e);
    }
  }

  /**
   * A directory as given (whatever it holds: tokenize needs only the tokenizer files), or an installed model's,
   * in the store or the Hugging Face cache; never downloads. Otherwise exit 3 with the command that fixes it.
   */
  static Path local(String model, Map<String, String> env) {
    try {
      if (Files.isDirectory(Path.of(model))) {
        return Path.of(model);
      }
    } catch (java.nio.file.InvalidPathException e) {
      // not a path: try it as a name
    }
    ModelStore store = ModelStore.fromEnvironment(env);
    Optional<Path> installed = store.path(model);
    if (installed.isPresent()) {
      return installed.get();
    }
    throw new UserException(ExitCodes.MODEL, ModelLayout.isRepoId(model)
        ? new ModelPuller(store, env).missingMessage(model, null)
        : "--model " + model + ": no such directory, and no installed model has that name; `arabrief models list` shows what is installed");
  }

  static Path resolve(String model, boolean offline, Map<String, String> env) {
    ModelStore store = ModelStore.fromEnvironment(env);
    // only a Hub repo id has an install directory (and can be downloaded); anything else is reported by ensure()
    if (store.resolve(model).isEmpty() && !offline && ModelLayout.isRepoId(model)) {
      System.err.println("arabrief: " + model + " is not installed; downloading it into " + store.installDir(model));
    }
    try {
      return new ModelPuller(store, env).ensure(model, offline, TerminalProgress.forConsole());
    } catch (ModelMissingException e) {
      throw new UserException(ExitCodes.MODEL, e.getMessage(), e);
    }
  }
}

package arabrief.cli;

import arabrief.mt.Translator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns {@code --model} into a loaded translator, or a message that says how to get the model. */
final class ModelResolver {
  static final String DEFAULT_MODEL = "Helsinki-NLP/opus-mt-ar-en";

  private ModelResolver() {}

  static Translator load(String model, boolean offline) {
    Path dir = resolve(model, offline);
    try {
      return Translator.load(dir);
    } catch (IOException | RuntimeException e) {
      throw new UserException(
          ExitCodes.MODEL,
          "the model in " + dir + " cannot be used: " + e.getMessage()
              + "\n  reinstall it with: ./arabrief models pull " + model,
          e);
    }
  }

  static Path resolve(String model, boolean offline) {
    Path p = Path.of(model);
    if (Files.isDirectory(p)) {
      return p;
    }
    throw new UserException(ExitCodes.MODEL, "model '" + model + "' is not installed\n  install it with: ./arabrief models pull " + model);
  }
}

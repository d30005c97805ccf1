package arabrief.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the bytes of a FILE argument, or of standard input for "-" or no argument. */
final class Inputs {
  private Inputs() {}

  static byte[] read(String file) {
    try {
      if (file == null || file.equals("-")) {
        if (System.console() != null) {
          // a bare command at a prompt would otherwise sit there silently
          System.err.println("arabrief: reading from standard input; paste the text, then Ctrl-D");
        }
        return System.in.readAllBytes();
      }
      Path p = Path.of(file);
      if (Files.isDirectory(p)) {
        throw new UserException(ExitCodes.BAD_INPUT, file + " is a directory; give a file (or use `arabrief batch` for directories)");
      }
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw new UserException(ExitCodes.BAD_INPUT, file + ": no such file");
    } catch (IOException e) {
      throw new UserException(ExitCodes.BAD_INPUT, (file == null ? "standard input" : file) + ": " + e.getMessage(), e);
    }
  }

  static String name(String file) {
    return file == null || file.equals("-") ? "standard input" : file;
  }
}

package arabrief.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File permissions across an atomic replace (a temporary file renamed over the old one), for the CLI and batch. */
public final class FileModes {
  private FileModes() {}

  /**
   * Gives {@code replacement} the permissions of {@code target} when {@code target} is a file, so replacing a
   * file keeps its mode as rewriting it in place would; a new file keeps the mode it was created with.
   */
  public static void keep(Path target, Path replacement) throws IOException {
    if (!Files.isRegularFile(target)) {
      return;
    }
    try {
      Files.setPosixFilePermissions(replacement, Files.getPosixFilePermissions(target));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: there is no mode to keep
    }
  }
}

package arabrief.cli;

import arabrief.pipeline.FileModes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a command writes its result: standard output, or a file that appears whole or not at all
 * (written to a temporary file beside it, then renamed over it), so an interrupted run never leaves
 * half a file in place of a good one. The file ends with the mode a plain write gives it (the umask's),
 * or, when it replaces a file, that file's mode.
 */
public final class AtomicOutput implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final PrintStream out;
  private boolean committed;

  private AtomicOutput(Path target, Path temp, PrintStream out) {
    this.target = target;
    this.temp = temp;
    this.out = out;
  }

  /**
   * Refuses an {@code -o} that cannot be written, before any work is done: a directory, or a file in a
   * directory that does not exist. Missing directories are not created, as a shell's {@code >} does not
   * create them: a mistyped path should not scatter directories.
   */
  static void check(Path file) {
    if (file == null || file.toString().equals("-")) {
      return;
    }
    Path abs = file.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      throw new UserException(ExitCodes.USAGE, "-o " + file + " is a directory; give a file name (e.g. " + file.resolve("out.txt") + ")");
    }
    Path dir = abs.getParent();
    if (!Files.isDirectory(dir)) {
      throw new UserException(ExitCodes.USAGE,
          "-o " + file + ": the directory " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist; create it first (mkdir -p " + dir + ")"));
    }
  }

  /** Standard output when {@code file} is null or "-", else an atomic file; {@link #check} failures are exit 2. */
  public static AtomicOutput open(Path file) throws IOException {
    if (file == null || file.toString().equals("-")) {
      return new AtomicOutput(null, null, new PrintStream(new NonClosing(System.out), false, StandardCharsets.UTF_8));
    }
    check(file);
    Path abs = file.toAbsolutePath();
    Path temp;
    OutputStream stream;
    while (true) {
      // not Files.createTempFile: its file is 0600 whatever the umask, and the rename would keep that; a file
      // created without attributes gets 0666 less the umask, as a plain write would
      temp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        break;
      } catch (FileAlreadyExistsException e) {
        // another run picked the same name: pick again
      } catch (AccessDeniedException e) {
        throw new UserException(ExitCodes.USAGE, "-o " + file + ": cannot write in " + abs.getParent() + " (permission denied)", e);
      }
    }
    // Ctrl-C or SIGTERM ends the JVM without closing this output: the temporary file goes then too
    temp.toFile().deleteOnExit();
    return new AtomicOutput(abs, temp, new PrintStream(stream, false, StandardCharsets.UTF_8));
  }

  public PrintStream stream() {
    return out;
  }

  /** Makes the output visible: flushes standard output, or renames the temporary file into place. */
  public void commit() throws IOException {
    out.flush();
    if (out.checkError()) {
      throw new IOException("writing " + (target == null ? "standard output" : target) + " failed");
    }
    if (target != null) {
      out.close();
      FileModes.keep(target, temp);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed && target != null) {
      out.close();
      Files.deleteIfExists(temp);
    }
  }

  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream o) {
      super(o);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}

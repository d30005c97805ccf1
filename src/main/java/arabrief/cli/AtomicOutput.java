package arabrief.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command writes its result: standard output, or a file that appears whole or not at all
 * (written to a temporary file beside it, then renamed over it), so an interrupted run never leaves
 * half a file in place of a good one.
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

  /** Standard output when {@code file} is null or "-", else an atomic file. */
  public static AtomicOutput open(Path file) throws IOException {
    if (file == null || file.toString().equals("-")) {
      return new AtomicOutput(null, null, new PrintStream(new NonClosing(System.out), false, StandardCharsets.UTF_8));
    }
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
    return new AtomicOutput(abs, temp, new PrintStream(Files.newOutputStream(temp), false, StandardCharsets.UTF_8));
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

package arabrief.models;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Draws one progress bar per file on a terminal; meant for stderr when {@code System.console() != null}. */
public final class TerminalProgress implements PullProgress {
  private static final long SMALL = 1 << 20;
  private final PrintStream out;
  private ProgressBar bar;

  public TerminalProgress(PrintStream out) {
    this.out = out;
  }

  /** A bar on stderr when there is a terminal, otherwise silence. */
  public static PullProgress forConsole() {
    return System.console() != null ? new TerminalProgress(System.err) : PullProgress.NONE;
  }

  @Override
  public synchronized void fileStarted(String file, long offset, long total) {
    closeBar();
    if (total >= 0 && total < SMALL) return; // config and tokenizer files: a bar would only flicker
    bar =
        new ProgressBarBuilder()
            .setTaskName(file)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(out))
            .setUnit(" MB", 1 << 20)
            .showSpeed()
            .startsFrom(Math.max(0, offset), java.time.Duration.ZERO)
            .build();
  }

  @Override
  public synchronized void fileProgress(String file, long done) {
    if (bar != null) bar.stepTo(done);
  }

  @Override
  public synchronized void fileFinished(String file) {
    closeBar();
  }

  @Override
  public synchronized void note(String message) {
    closeBar();
    out.println(message);
  }

  private void closeBar() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}

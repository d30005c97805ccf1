package arabrief.models;

/** Callbacks a pull reports through; the CLI decides whether they draw anything. */
public interface PullProgress {
  /** A pull that reports nothing. */
  PullProgress NONE = new PullProgress() {};

  /** A file transfer starts or restarts at {@code offset}; {@code total} is -1 when unknown. */
  default void fileStarted(String file, long offset, long total) {}

  /** {@code done} bytes of the current file are on disk. */
  default void fileProgress(String file, long done) {}

  default void fileFinished(String file) {}

  /** Something worth a line: a retry, a skipped optional file, a fallback. */
  default void note(String message) {}
}

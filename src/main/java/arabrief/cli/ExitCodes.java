package arabrief.cli;

/** Process exit codes shared by every arabrief command. */
public final class ExitCodes {
  public static final int OK = 0;
  /** The input named something that does not exist or cannot be read (unknown model, bad repo id). */
  public static final int BAD_INPUT = 1;
  /** The command line itself is wrong (picocli's usage errors). */
  public static final int USAGE = 2;
  /** A model is missing or unusable: pull failed, verify found a mismatch. */
  public static final int MODEL = 3;
  /** Some of the work was done, some failed. */
  public static final int PARTIAL = 4;

  private ExitCodes() {}
}

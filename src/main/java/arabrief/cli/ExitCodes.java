package arabrief.cli;

/** The exit codes every arabrief command uses; documented in --help and the README. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int BAD_INPUT = 1;
  public static final int USAGE = 2;
  public static final int MODEL = 3;
  public static final int PARTIAL = 4;
  /** A JVM error on the input (heap or stack used up): split the input or give the JVM more. */
  public static final int RESOURCES = 5;
  /** A URL given as input could not be fetched (DNS, refused, timeout, HTTP status, too large, not a web page). */
  public static final int NETWORK = 6;
  public static final int INTERNAL = 70;

  public static final String HELP =
      "%nExit codes:%n"
          + "  0  done%n"
          + "  1  bad input (unreadable, binary, or no Arabic text)%n"
          + "  2  usage error (unknown option, bad value)%n"
          + "  3  model missing or unusable (the message names the command that fixes it)%n"
          + "  4  batch finished but some documents failed (see _report.json)%n"
          + "  5  the input used up the memory or the stack (the message says which and what to do)%n"
          + "  6  a URL could not be fetched (DNS, refused, timeout, HTTP status, too large, not a web page)%n";

  private ExitCodes() {}
}

package arabrief.cli;

/**
 * The exit codes every arabrief command uses, and the lines their --help lists them with ("code:meaning", as
 * picocli's exitCodeList takes them): each command lists only the codes it can return. The README's table
 * lists them all.
 */
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
  /** A bug: an exception no command turned into a message (sysexits' EX_SOFTWARE). */
  public static final int INTERNAL = 70;
  // 130 and 143 are not returned but made by the JVM, as a shell reports a process ended by SIGINT or SIGTERM
  // (128 + the signal's number), after the shutdown hooks ran

  static final String HEADING = "%nExit codes:%n";
  static final String DONE = "0:done";
  static final String BAD = "1:bad input: a missing, empty, binary or undecodable file, no Arabic text, no article body, or"
      + " over a size limit";
  static final String BAD_OPTION = "2:usage: an unknown option or a bad value (-o naming a directory, or a file in a"
      + " directory that does not exist)";
  static final String NO_MODEL = "3:the model is missing or unusable; the message names the command that fixes it";
  static final String SOME_FAILED = "4:finished, but some documents failed (listed in OUT/_report.json)";
  static final String NO_MEMORY = "5:the input used up the Java heap or a thread's stack; the message says which and"
      + " what to do";
  static final String NETWORK_FAILED = "6:a URL could not be fetched (DNS, refused, timeout, HTTP status, too large, not a"
      + " web page)";
  static final String BUG = "70:internal error, a bug: please report it with the command line";
  static final String CTRL_C = "130:interrupted by Ctrl-C (SIGINT); an -o file is left as it was";
  static final String SIGTERM = "143:stopped by SIGTERM; an -o file is left as it was";

  private ExitCodes() {}
}

package arabrief.pipeline;

/**
 * The JVM errors an input can cause (the heap or a thread's stack used up) as one line for the user. Every
 * entry point catches these two around one document or request, reports this line and goes on: the failed
 * input's objects are garbage once the catch is left, so the memory comes back. Other errors (a broken
 * JVM, a missing class) are not the input's fault and are not caught.
 */
public final class JvmErrors {
  private JvmErrors() {}

  /** True for the errors an input can cause and a run survives. */
  public static boolean recoverable(Throwable e) {
    return e instanceof OutOfMemoryError || e instanceof StackOverflowError;
  }

  /** One line saying what ran out and what to do. */
  public static String describe(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "the input is nested too deeply for the thread's stack (StackOverflowError); "
          + "simplify or split it, or raise the stack with -Xss (ARABRIEF_JAVA_OPTS)";
    }
    String what = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
    return "out of memory on this input (OutOfMemoryError" + what + "); "
        + "split it into smaller documents, or give Java more memory with -Xmx (ARABRIEF_JAVA_OPTS)";
  }
}

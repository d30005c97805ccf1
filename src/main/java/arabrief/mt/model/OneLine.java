package arabrief.mt.model;

/**
 * A message that quotes a model file's own content (tensor names, pickle strings, JSON keys) as one line: control
 * characters become {@code \n}-style or {@code \\uXXXX} escapes, so a crafted file can neither break the one-line
 * error into several nor send escape sequences to the terminal (found by CheckpointFuzzTest, issue 20). The
 * server's error messages, which quote request fields, go through it too (found by RequestFuzzTest).
 */
public final class OneLine {
  private OneLine() {}

  /** {@code value} as one line in single quotes, cut to {@code max} characters (an ellipsis marks the cut). */
  public static String quote(String value, int max) {
    int cut = max;
    if (cut > 0 && cut < value.length() && Character.isHighSurrogate(value.charAt(cut - 1))) {
      cut--; // never half a character
    }
    String v = value.length() > max ? value.substring(0, cut) + "\u2026" : value;
    return "'" + of(v) + "'";
  }

  public static String of(String message) {
    if (message == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (control && b == null) {
        b = new StringBuilder(message.length() + 16).append(message, 0, i);
      }
      if (b != null) {
        if (!control) {
          b.append(c);
        } else if (c == '\n') {
          b.append("\\n");
        } else if (c == '\r') {
          b.append("\\r");
        } else if (c == '\t') {
          b.append("\\t");
        } else {
          b.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return b == null ? message : b.toString();
  }
}

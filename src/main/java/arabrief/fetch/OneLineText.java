package arabrief.fetch;

/** Text from a server (a status phrase, a Location, an exception message) made safe for a one-line message. */
final class OneLineText {
  private static final int MAX = 120;

  private OneLineText() {}

  static String quote(String s) {
    String one = s.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    return one.length() <= MAX ? one : one.substring(0, MAX) + "...";
  }
}

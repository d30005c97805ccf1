package arabrief.article;

/** The input cannot be read as an Arabic article; the message is meant for the user and names the input. */
public class BadInputException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What kind of input it was, for callers that treat some kinds as skipped rather than failed (web archives). */
  public enum Kind {
    /** Text without Arabic letters (an English page, say). */
    NOT_ARABIC,
    /** Arabic, but no article body: a home page, a section page, a menu. */
    NOT_AN_ARTICLE,
    /** Empty, binary, or otherwise unreadable. */
    UNREADABLE
  }

  private final Kind kind;

  public BadInputException(String message) {
    this(message, Kind.UNREADABLE);
  }

  public BadInputException(String message, Kind kind) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}

package arabrief.article;

/** The input cannot be read as an Arabic article; the message is meant for the user and names the input. */
public class BadInputException extends Exception {

  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}

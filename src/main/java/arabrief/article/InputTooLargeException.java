package arabrief.article;

/** The input is over one of the size limits (see {@code pipeline.InputLimits}): bad input, HTTP 413. */
public class InputTooLargeException extends BadInputException {
  private static final long serialVersionUID = 1L;

  public InputTooLargeException(String message) {
    super(message);
  }
}

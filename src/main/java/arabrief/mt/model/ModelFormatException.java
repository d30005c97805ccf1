package arabrief.mt.model;

import java.io.IOException;

/** A model directory that cannot be used: a file missing, truncated, or with tensors of the wrong name or shape. */
public class ModelFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public ModelFormatException(String message) {
    super(OneLine.of(message));
  }

  public ModelFormatException(String message, Throwable cause) {
    super(OneLine.of(message), cause);
  }
}

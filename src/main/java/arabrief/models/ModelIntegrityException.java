package arabrief.models;

import java.io.IOException;

/** A downloaded or installed file does not have the size or digest it should. */
public class ModelIntegrityException extends IOException {
  private final String file;

  public ModelIntegrityException(String file, String message) {
    super(message);
    this.file = file;
  }

  /** The file name within the model directory. */
  public String file() {
    return file;
  }
}

package arabrief.models;

/** No usable model is on this machine and none could be fetched; the message says how to get one. */
public class ModelMissingException extends Exception {
  public ModelMissingException(String message, Throwable cause) {
    super(message, cause);
  }
}

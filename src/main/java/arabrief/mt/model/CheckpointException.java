package arabrief.mt.model;

import java.io.IOException;

/**
 * A model checkpoint file could not be read: it is damaged, in an unsupported format, or it asks
 * for something a plain state dict never needs (for example a pickle naming {@code os.system}).
 *
 * <p>The message always names the file and, where it is known, the tensor (state-dict key) or the
 * pickle global involved. It extends {@link IOException} so callers that already handle I/O
 * failures also handle bad checkpoints.
 */
public class CheckpointException extends IOException {
  private static final long serialVersionUID = 1L;

  public CheckpointException(String message) {
    super(OneLine.of(message));
  }

  public CheckpointException(String message, Throwable cause) {
    super(OneLine.of(message), cause);
  }
}

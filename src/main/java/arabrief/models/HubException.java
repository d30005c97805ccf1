package arabrief.models;

import java.io.IOException;

/** The Hub (or the server standing in for it) could not give us what a pull needs. */
public class HubException extends IOException {
  private final boolean unreachable;

  public HubException(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  public HubException(String message) {
    this(message, false, null);
  }

  /** True when no connection could be made at all (offline, DNS, refused). */
  public boolean unreachable() {
    return unreachable;
  }
}

package arabrief.server;

import arabrief.mt.model.OneLine;

/** A request the server refuses: the HTTP status and the message that goes out as {"error": ...}. */
final class ApiError extends RuntimeException {
  final int status;

  ApiError(int status, String message) {
    super(OneLine.of(message)); // messages quote request fields: one line whatever they hold
    this.status = status;
  }
}

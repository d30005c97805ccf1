package arabrief.server;

/** A request the server refuses: the HTTP status and the message that goes out as {"error": ...}. */
final class ApiError extends RuntimeException {
  final int status;

  ApiError(int status, String message) {
    super(message);
    this.status = status;
  }
}

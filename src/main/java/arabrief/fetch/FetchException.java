package arabrief.fetch;

/**
 * A URL that could not be fetched, with what went wrong as one line meant for the user: the message names the
 * URL and the failure (no stack trace, no exception class names).
 */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What failed; callers map kinds to exit codes, HTTP statuses and report rows. */
  public enum Kind {
    /** The host name does not resolve. */
    DNS("dns"),
    /** Nothing listens there, or the connection was reset. */
    REFUSED("refused"),
    /** No answer, or no whole answer, within the timeout. */
    TIMEOUT("timeout"),
    /** The server answered with a status other than 2xx (or 304 when asked). */
    HTTP_STATUS("http_status"),
    /** The body is over the size limit. */
    TOO_LARGE("too_large"),
    /** The body is not what was asked for (an image where a page was expected). */
    NOT_HTML("not_html"),
    /** Too many redirects, a redirect loop, or a redirect to something that is not http(s). */
    REDIRECTS("redirects"),
    /** The address policy forbids the address the host resolved to (a server's SSRF guard). */
    FORBIDDEN_ADDRESS("forbidden_address"),
    /** The site's robots.txt disallows the URL for arabrief. */
    ROBOTS("robots_txt"),
    /** Any other failure of the connection (TLS, a broken response). */
    NETWORK("network");

    /** The name in reports and JSON. */
    public final String key;

    Kind(String key) {
      this.key = key;
    }
  }

  private final Kind kind;
  private final String url;
  private final int status;
  /** The seconds an error answer's Retry-After asked for; 0 when none. */
  private long retryAfterSeconds;

  public FetchException(Kind kind, String url, String what) {
    this(kind, url, what, 0);
  }

  /** @param status the HTTP status for {@link Kind#HTTP_STATUS}, 0 otherwise */
  public FetchException(Kind kind, String url, String what, int status) {
    super(url + ": " + what);
    this.kind = kind;
    this.url = url;
    this.status = status;
  }

  public Kind kind() {
    return kind;
  }

  public String url() {
    return url;
  }

  /** The HTTP status for {@link Kind#HTTP_STATUS}; 0 otherwise. */
  public int status() {
    return status;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  FetchException retryAfter(long seconds) {
    this.retryAfterSeconds = seconds;
    return this;
  }

  /** The message without the URL in front (for rows that give the URL in a field of its own). */
  public String reason() {
    return getMessage().substring(url.length() + 2);
  }

  /** Worth trying again later: the network or the server, not the page itself. */
  public boolean worthRetrying() {
    return switch (kind) {
      case DNS, REFUSED, TIMEOUT, NETWORK -> true;
      case HTTP_STATUS -> status == 408 || status == 429 || status >= 500;
      default -> false;
    };
  }
}

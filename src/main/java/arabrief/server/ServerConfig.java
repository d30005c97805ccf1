package arabrief.server;

import arabrief.pipeline.InputLimits;
import java.util.Set;

/**
 * How a server is run: where it listens and its limits.
 *
 * @param maxChars most characters of text to translate in one request: q, or an article's text once extracted
 *     from its page (the markup, menus and furniture the model never sees do not count)
 * @param maxBodyBytes most bytes of a request body (a saved page with all its markup)
 * @param queue most requests accepted at once (waiting or in translation); past it 503
 * @param batchSize most sentences per model call
 * @param acrossRequests whether sentences of different requests share a model call
 * @param timeoutSeconds how long a request may wait for its translation before a 503
 * @param apiKeys accepted keys; empty when no key is required
 */
public record ServerConfig(
    String host,
    int port,
    int maxChars,
    long maxBodyBytes,
    int queue,
    int batchSize,
    boolean acrossRequests,
    int timeoutSeconds,
    Set<String> apiKeys) {

  /** One document's limit everywhere else: a page the CLI reads, the server takes. */
  public static final long DEFAULT_MAX_BODY_BYTES = InputLimits.MAX_DOCUMENT_BYTES;

  public static ServerConfig defaults() {
    return new ServerConfig("127.0.0.1", 5000, 20_000, DEFAULT_MAX_BODY_BYTES, 64, 16, true, 120, Set.of());
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(host, p, maxChars, maxBodyBytes, queue, batchSize, acrossRequests, timeoutSeconds, apiKeys);
  }
}

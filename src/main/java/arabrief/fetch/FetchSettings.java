package arabrief.fetch;

import java.time.Duration;

/**
 * How one fetch behaves.
 *
 * @param connectTimeout longest wait for a connection
 * @param totalTimeout longest a whole fetch may take, redirects and the body included (a body that never ends
 *     stops here)
 * @param maxBytes most bytes of a body, after its Content-Encoding is undone; reading stops past it
 * @param maxRedirects most redirects followed
 * @param policy which addresses may be connected to
 * @param resolver host names to addresses
 */
public record FetchSettings(
    Duration connectTimeout,
    Duration totalTimeout,
    long maxBytes,
    int maxRedirects,
    String userAgent,
    AddressPolicy policy,
    Resolver resolver) {
  /** The same limit as a file's (pipeline.InputLimits.MAX_DOCUMENT_BYTES); fetch sits below pipeline, so it is repeated. */
  public static final long MAX_BYTES = 32L << 20;

  public static FetchSettings defaults() {
    return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), MAX_BYTES, 5, UserAgent.DEFAULT,
        AddressPolicy.ANY, Resolver.SYSTEM);
  }

  public FetchSettings withTimeouts(Duration connect, Duration total) {
    return new FetchSettings(connect, total, maxBytes, maxRedirects, userAgent, policy, resolver);
  }

  public FetchSettings withMaxBytes(long bytes) {
    return new FetchSettings(connectTimeout, totalTimeout, bytes, maxRedirects, userAgent, policy, resolver);
  }

  public FetchSettings withPolicy(AddressPolicy p) {
    return new FetchSettings(connectTimeout, totalTimeout, maxBytes, maxRedirects, userAgent, p, resolver);
  }

  public FetchSettings withResolver(Resolver r) {
    return new FetchSettings(connectTimeout, totalTimeout, maxBytes, maxRedirects, userAgent, policy, r);
  }
}

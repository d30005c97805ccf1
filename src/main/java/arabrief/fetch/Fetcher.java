package arabrief.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * arabrief's one HTTP client (OkHttp): GET a URL and hand back its bytes, its final URL, headers and time. It
 * follows at most {@code maxRedirects} redirects itself, so that each hop is checked (a loop, the address policy,
 * the caller's {@link Hops}: politeness and robots.txt), undoes gzip and deflate, stops reading at the size limit
 * and at the total timeout, and records every request and response in a WARC file when one is attached. Failures
 * are {@link FetchException}s with a one-line message. Thread-safe.
 */
public final class Fetcher implements AutoCloseable {
  /** What a caller expects, checked on the Content-Type before the body is read. */
  public enum Accept {
    /** A web page or a text file: text/html, application/xhtml+xml, text/plain, or no type given. */
    PAGE,
    /** A feed or a sitemap: XML under many names, plain text, gzip; not an image, audio, video or font. */
    LISTING,
    /** Anything (robots.txt). */
    ANY
  }

  /** Called around every request a fetch makes, redirects included: where politeness waits and robots.txt is asked. */
  public interface Hops {
    Hops NONE = new Hops() {};

    /** Before the request to {@code url}; throw to refuse it. */
    default void before(URI url) throws FetchException {}

    /**
     * After it, whatever happened: {@code failed} when the server or network failed (an error status of 429 or
     * 5xx, a timeout, a refused connection), with the seconds a Retry-After header asked for (0 if none).
     */
    default void after(URI url, boolean failed, long retryAfterSeconds) {}
  }

  /** Bytes of a redirect's or an error page's body kept for the WARC record. */
  private static final int SMALL_BODY = 64 << 10;

  private final FetchSettings settings;
  private final OkHttpClient client;
  private volatile WarcLog warc;

  public Fetcher(FetchSettings settings) {
    this.settings = settings;
    OkHttpClient.Builder b = new OkHttpClient.Builder()
        .followRedirects(false)
        .followSslRedirects(false)
        .connectTimeout(settings.connectTimeout())
        .readTimeout(settings.totalTimeout())
        .writeTimeout(settings.totalTimeout())
        .dns(host -> resolve(host))
        .addNetworkInterceptor(chain -> {
          Capture c = chain.request().tag(Capture.class);
          if (c != null) {
            c.request = chain.request();
            Connection conn = chain.connection();
            if (conn != null) {
              c.ip = conn.route().socketAddress().getAddress();
              c.protocol = conn.protocol().toString().toUpperCase(Locale.ROOT);
            }
          }
          return chain.proceed(chain.request());
        });
    if (settings.policy().restricts()) {
      b.proxy(Proxy.NO_PROXY); // through a proxy, the proxy would resolve the name, past the policy
    }
    this.client = b.build();
  }

  public FetchSettings settings() {
    return settings;
  }

  /** Records every request and response from now on in {@code log} (null: none). */
  public void recordTo(WarcLog log) {
    this.warc = log;
  }

  /** GET {@code url} with no conditions and no hops to call. */
  public Fetched get(URI url, Accept accept) throws FetchException {
    return get(url, accept, null, Hops.NONE);
  }

  /**
   * GET {@code url}.
   *
   * @param validators a previous answer's ETag and Last-Modified (a conditional GET; a 304 comes back as a
   *     {@link Fetched} with an empty body), or null
   * @throws FetchException for every failure, with its kind and a one-line message
   */
  public Fetched get(URI url, Accept accept, Fetched.Validators validators, Hops hops) throws FetchException {
    String asked = url.toString();
    HttpUrl current = HttpUrl.parse(asked);
    if (current == null) {
      throw new FetchException(FetchException.Kind.NETWORK, asked, "not an http or https URL");
    }
    long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
    List<String> visited = new ArrayList<>();
    visited.add(current.toString());
    while (true) {
      URI here = current.uri();
      checkLiteral(current);
      hops.before(here);
      boolean failed = true;
      long retryAfter = 0;
      try {
        Hop hop = exchange(current, accept, validators, deadline, asked);
        failed = hop.status == 429 || hop.status >= 500;
        retryAfter = hop.retryAfter;
        if (hop.fetched != null) {
          return new Fetched(url, here, hop.fetched.status(), hop.fetched.headers(), hop.fetched.body(), hop.fetched.fetchedAt());
        }
        HttpUrl next = hop.location == null ? null : current.resolve(hop.location);
        if (next == null) {
          throw new FetchException(FetchException.Kind.REDIRECTS, asked,
              "HTTP " + hop.status + " redirects to " + OneLineText.quote(String.valueOf(hop.location)) + ", not an http or https URL");
        }
        if (visited.contains(next.toString())) {
          visited.add(next.toString());
          throw new FetchException(FetchException.Kind.REDIRECTS, asked, "redirect loop: " + String.join(" -> ", visited));
        }
        visited.add(next.toString());
        if (visited.size() - 1 > settings.maxRedirects()) {
          throw new FetchException(FetchException.Kind.REDIRECTS, asked,
              "more than " + settings.maxRedirects() + " redirects (last to " + next + ")");
        }
        current = next;
      } catch (FetchException e) {
        failed = e.worthRetrying();
        retryAfter = e.retryAfterSeconds();
        throw e;
      } finally {
        hops.after(here, failed, retryAfter);
      }
    }
  }

  /** One request: a final answer ({@code fetched}), or a redirect ({@code location}). */
  private record Hop(int status, Fetched fetched, String location, long retryAfter) {}

  /** What the network interceptor saw: the request as sent (Host header and all) and the address it went to. */
  private static final class Capture {
    Request request;
    InetAddress ip;
    String protocol = "HTTP/1.1";
  }

  private Hop exchange(HttpUrl url, Accept accept, Fetched.Validators validators, long deadline, String asked)
      throws FetchException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw timeout(asked);
    }
    Capture capture = new Capture();
    Request.Builder rb = new Request.Builder().url(url).get()
        .header("User-Agent", settings.userAgent())
        // named here, so OkHttp leaves the body as sent (the WARC keeps it so) and deflate is accepted too
        .header("Accept-Encoding", "gzip, deflate")
        .header("Accept", switch (accept) {
          case PAGE -> "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1";
          case LISTING -> "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1";
          case ANY -> "*/*";
        })
        .tag(Capture.class, capture);
    if (validators != null && validators.etag() != null) {
      rb.header("If-None-Match", validators.etag());
    }
    if (validators != null && validators.lastModified() != null) {
      rb.header("If-Modified-Since", validators.lastModified());
    }
    Call call = client.newCall(rb.build());
    call.timeout().timeout(left, TimeUnit.NANOSECONDS);
    Instant at = Instant.now();
    try (Response r = call.execute()) {
      int status = r.code();
      Map<String, List<String>> headers = headers(r);
      long retryAfter = retryAfter(r.header("Retry-After"));
      String where = url.toString();
      if (status >= 300 && status < 400 && status != 304 && r.header("Location") != null) {
        record(capture, url, at, r, readSmall(r.body()), WarcTruncationReason.NOT_TRUNCATED);
        return new Hop(status, null, r.header("Location"), retryAfter);
      }
      if (status == 304 && validators != null) {
        record(capture, url, at, r, new byte[0], WarcTruncationReason.NOT_TRUNCATED);
        return new Hop(status, new Fetched(url.uri(), url.uri(), status, headers, new byte[0], at), null, retryAfter);
      }
      if (status < 200 || status >= 300) {
        record(capture, url, at, r, readSmall(r.body()), WarcTruncationReason.NOT_TRUNCATED);
        String phrase = r.message() == null || r.message().isBlank() ? "" : " " + OneLineText.quote(r.message());
        String redirected = where.equals(asked) ? "" : " (at " + where + ")";
        throw new FetchException(FetchException.Kind.HTTP_STATUS, asked, "HTTP " + status + phrase + redirected, status)
            .retryAfter(retryAfter);
      }
      String type = Fetched.mediaType(r.header("Content-Type"));
      if (!accepts(accept, type)) {
        record(capture, url, at, r, new byte[0], WarcTruncationReason.UNSPECIFIED);
        throw new FetchException(FetchException.Kind.NOT_HTML, asked,
            (accept == Accept.PAGE ? "not a web page but " : "not a feed or sitemap but ") + type);
      }
      ResponseBody body = r.body();
      if (body.contentLength() > settings.maxBytes()) {
        record(capture, url, at, r, new byte[0], WarcTruncationReason.LENGTH);
        throw tooLarge(asked, "its Content-Length says " + mb(body.contentLength()));
      }
      BodyReader.Body read = BodyReader.read(body.byteStream(), r.header("Content-Encoding"), settings.maxBytes(), warc != null);
      record(capture, url, at, r, read.raw(), read.truncation());
      switch (read.stop()) {
        case TOO_LARGE -> throw tooLarge(asked, "more than " + mb(settings.maxBytes()) + " of body");
        case TIME -> throw timeout(asked);
        case ENCODING -> throw new FetchException(FetchException.Kind.NETWORK, asked,
            "the body has a Content-Encoding arabrief cannot undo: " + OneLineText.quote(read.detail()));
        case BROKEN -> throw new FetchException(FetchException.Kind.NETWORK, asked,
            "the body could not be read: " + OneLineText.quote(read.detail()));
        default -> {
          return new Hop(status, new Fetched(url.uri(), url.uri(), status, headers, read.decoded(), at), null, retryAfter);
        }
      }
    } catch (FetchException e) {
      throw e;
    } catch (IOException e) {
      throw describe(e, asked, url);
    }
  }

  /** Before connecting to an address literal: the policy's check (host names are checked where they resolve). */
  private void checkLiteral(HttpUrl url) throws FetchException {
    String host = url.host();
    if (!looksLiteral(host)) {
      return;
    }
    try {
      InetAddress a = InetAddress.getByName(host); // a literal: parsed, never looked up
      String why = settings.policy().refusal(a);
      if (why != null) {
        throw new FetchException(FetchException.Kind.FORBIDDEN_ADDRESS, url.toString(),
            "refused to connect to " + a.getHostAddress() + ", " + why);
      }
    } catch (UnknownHostException e) {
      throw new FetchException(FetchException.Kind.DNS, url.toString(), "cannot read the address " + host);
    }
  }

  private static boolean looksLiteral(String host) {
    return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
  }

  /** OkHttp's DNS hook: every address a name resolves to passes the policy, or the connection is never made. */
  private List<InetAddress> resolve(String host) throws UnknownHostException {
    List<InetAddress> all = settings.resolver().resolve(host);
    for (InetAddress a : all) {
      String why = settings.policy().refusal(a);
      if (why != null) {
        throw new AddressRefused(host + " resolves to " + a.getHostAddress() + ", " + why);
      }
    }
    if (all.isEmpty()) {
      throw new UnknownHostException(host);
    }
    return all;
  }

  /** The policy's refusal, carried out of OkHttp's DNS hook (which may only throw UnknownHostException). */
  private static final class AddressRefused extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    AddressRefused(String message) {
      super(message);
    }
  }

  private FetchException describe(IOException e, String asked, HttpUrl url) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof AddressRefused) {
        return new FetchException(FetchException.Kind.FORBIDDEN_ADDRESS, asked, "refused: " + t.getMessage());
      }
      t = t.getCause();
    }
    String hostPort = url.host() + ":" + url.port();
    if (e instanceof UnknownHostException) {
      return new FetchException(FetchException.Kind.DNS, asked, "cannot resolve the host name " + url.host());
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("timed out")) {
        return new FetchException(FetchException.Kind.TIMEOUT, asked,
            "could not connect to " + hostPort + " within " + settings.connectTimeout().toSeconds() + " s");
      }
      return new FetchException(FetchException.Kind.REFUSED, asked, "connection refused by " + hostPort);
    }
    if (e instanceof InterruptedIOException) { // OkHttp's call timeout, a socket timeout
      String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      if (m.contains("connect")) {
        return new FetchException(FetchException.Kind.TIMEOUT, asked,
            "could not connect to " + hostPort + " within " + settings.connectTimeout().toSeconds() + " s");
      }
      return timeout(asked);
    }
    if (e instanceof SSLException) {
      return new FetchException(FetchException.Kind.NETWORK, asked, "TLS failed: " + OneLineText.quote(String.valueOf(e.getMessage())));
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (m.toLowerCase(Locale.ROOT).contains("reset") || m.toLowerCase(Locale.ROOT).contains("unexpected end of stream")) {
      return new FetchException(FetchException.Kind.REFUSED, asked, "the connection to " + hostPort + " was closed: " + OneLineText.quote(m));
    }
    return new FetchException(FetchException.Kind.NETWORK, asked, "the connection failed: " + OneLineText.quote(m));
  }

  private FetchException timeout(String asked) {
    return new FetchException(FetchException.Kind.TIMEOUT, asked,
        "no complete answer within " + settings.totalTimeout().toMillis() / 1000.0 + " s");
  }

  private FetchException tooLarge(String asked, String what) {
    return new FetchException(FetchException.Kind.TOO_LARGE, asked,
        what + "; one document is limited to " + mb(settings.maxBytes()));
  }

  private static String mb(long bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
  }

  private static boolean accepts(Accept accept, String type) {
    if (accept == Accept.ANY || type == null) {
      return true;
    }
    if (accept == Accept.PAGE) {
      return type.equals("text/html") || type.equals("application/xhtml+xml") || type.equals("text/plain");
    }
    return !(type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/") || type.startsWith("font/"));
  }

  private static Map<String, List<String>> headers(Response r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : r.headers().names()) {
      out.put(name.toLowerCase(Locale.ROOT), r.headers(name));
    }
    return out;
  }

  /** Retry-After in seconds (its delta-seconds form; a date is rare and taken as no hint). */
  private static long retryAfter(String v) {
    if (v == null || !v.trim().matches("\\d{1,9}")) {
      return 0;
    }
    return Long.parseLong(v.trim());
  }

  private static byte[] readSmall(ResponseBody body) {
    try (InputStream in = body.byteStream()) {
      return in.readNBytes(SMALL_BODY);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private void record(Capture c, HttpUrl url, Instant at, Response r, byte[] body, WarcTruncationReason truncation) {
    WarcLog log = warc;
    if (log != null) {
      log.exchange(url, at, c.ip, c.request != null ? c.request : r.request(), r, c.protocol, body, truncation);
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}

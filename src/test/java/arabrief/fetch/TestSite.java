package arabrief.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A web site on a loopback address for tests (the JDK's own HTTP server): pages, feeds, redirects and
 * misbehaviour, each a handler on a path; every request is logged with its arrival time, and how many were being
 * answered at once is tracked. Nothing here ever listens beyond the machine.
 */
public final class TestSite implements AutoCloseable {
  /** Answers one request. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange ex) throws IOException;
  }

  /** A request as it arrived. */
  public record Hit(String path, long nanos, String userAgent, Map<String, List<String>> headers) {}

  private final HttpServer server;
  private final String host;
  private final Map<String, Handler> handlers = new ConcurrentHashMap<>();
  private final List<Hit> hits = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger active = new AtomicInteger();
  private final AtomicInteger maxActive = new AtomicInteger();

  private TestSite(String bind) throws IOException {
    InetAddress a = InetAddress.getByName(bind);
    host = a.getHostAddress().contains(":") ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    server = HttpServer.create(new InetSocketAddress(a, 0), 64);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test-site");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::dispatch);
    server.start();
  }

  /** A site on 127.0.0.1. */
  public static TestSite start() {
    return start("127.0.0.1");
  }

  /** A site on another loopback address (127.0.0.2: a "public" host for the address-policy tests). */
  public static TestSite start(String bind) {
    try {
      return new TestSite(bind);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String url(String path) {
    return "http://" + host + ":" + port() + path;
  }

  public java.net.URI uri(String path) {
    return java.net.URI.create(url(path));
  }

  public TestSite handle(String path, Handler h) {
    handlers.put(path, h);
    return this;
  }

  /** A page: status 200, this type, these bytes (with their length). */
  public TestSite page(String path, String contentType, byte[] body) {
    return handle(path, ex -> send(ex, 200, contentType, body));
  }

  public TestSite page(String path, String contentType, String body) {
    return page(path, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public TestSite redirect(String path, int status, String location) {
    return handle(path, ex -> {
      ex.getResponseHeaders().add("Location", location);
      send(ex, status, "text/html", new byte[0]);
    });
  }

  public List<Hit> hits() {
    synchronized (hits) {
      return List.copyOf(hits);
    }
  }

  public List<Hit> hits(String path) {
    return hits().stream().filter(h -> h.path().equals(path)).toList();
  }

  /** The most requests that were being answered at the same time. */
  public int maxConcurrent() {
    return maxActive.get();
  }

  private void dispatch(HttpExchange ex) throws IOException {
    int now = active.incrementAndGet();
    maxActive.accumulateAndGet(now, Math::max);
    try {
      String path = ex.getRequestURI().getRawPath() + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
      hits.add(new Hit(path, System.nanoTime(), ex.getRequestHeaders().getFirst("User-Agent"), Map.copyOf(ex.getRequestHeaders())));
      Handler h = handlers.get(path);
      if (h == null) {
        h = handlers.get(ex.getRequestURI().getRawPath());
      }
      if (h == null) {
        send(ex, 404, "text/html", "<html><body>not here</body></html>".getBytes(StandardCharsets.UTF_8));
      } else {
        h.handle(ex);
      }
    } catch (IOException e) {
      // the client went away (a size limit or a timeout on its side): what several tests provoke
    } finally {
      active.decrementAndGet();
      ex.close();
    }
  }

  public static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
    if (contentType != null) {
      ex.getResponseHeaders().set("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public static byte[] gzip(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}

package arabrief.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** A loopback server in the Hub's URL layout serving one small fake Marian repo, with knobs for misbehaving. */
public final class FakeHub implements AutoCloseable {
  static final String REPO = "Helsinki-NLP/opus-mt-ar-en";
  static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

  public final Map<String, byte[]> files = new LinkedHashMap<>();
  final List<String> authHeaders = Collections.synchronizedList(new ArrayList<>());
  final List<String> rangeHeaders = Collections.synchronizedList(new ArrayList<>());
  final Map<String, AtomicInteger> fileRequests = new ConcurrentHashMap<>();
  /** When on, answers /api/models/...; when off, 404 there like a plain file server. */
  volatile boolean api = true;
  /** Answer 200 with the whole file even when a Range is asked. */
  volatile boolean ignoreRange;
  /** The next {@code cutTimes} transfers of {@code cutFile} stop after {@code cutAfter} bytes. */
  volatile String cutFile;
  volatile int cutAfter;
  final AtomicInteger cutTimes = new AtomicInteger();
  /** Digests to lie about: in the API's lfs.sha256 and in ETag headers. */
  final Map<String, String> apiShaOverride = new ConcurrentHashMap<>();
  final Map<String, String> etagOverride = new ConcurrentHashMap<>();
  volatile long delayMillis;

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();

  public FakeHub() throws IOException {
    Random rnd = new Random(42);
    files.put("config.json", "{\"model_type\":\"marian\",\"d_model\":8}".getBytes(StandardCharsets.UTF_8));
    files.put("generation_config.json", "{\"num_beams\":4}".getBytes(StandardCharsets.UTF_8));
    files.put("source.spm", bytes(rnd, 3000));
    files.put("target.spm", bytes(rnd, 2500));
    files.put("vocab.json", "{\"<pad>\":0,\"</s>\":1}".getBytes(StandardCharsets.UTF_8));
    files.put("tokenizer_config.json", "{}".getBytes(StandardCharsets.UTF_8));
    files.put("README.md", "---\nlicense: cc-by-nc-4.0\n---\n# fake".getBytes(StandardCharsets.UTF_8));
    files.put("model.safetensors", bytes(rnd, 1 << 20));
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int requests(String file) {
    return fileRequests.computeIfAbsent(file, k -> new AtomicInteger()).get();
  }

  static boolean isLfs(String name) {
    return name.endsWith(".safetensors") || name.endsWith(".bin");
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String gitBlob(byte[] b) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      md.update(("blob " + b.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(md.digest(b));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A port nothing listens on. */
  public static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      authHeaders.add(auth == null ? "" : auth);
      String path = ex.getRequestURI().getPath();
      if (delayMillis > 0) Thread.sleep(delayMillis);
      if (path.startsWith("/api/models/" + REPO + "/revision/")) {
        if (!api) {
          send(ex, 404, "not found".getBytes(StandardCharsets.UTF_8));
          return;
        }
        send(ex, 200, apiJson().getBytes(StandardCharsets.UTF_8));
        return;
      }
      String prefix = "/" + REPO + "/resolve/";
      if (!path.startsWith(prefix)) {
        send(ex, 404, new byte[0]);
        return;
      }
      String rest = path.substring(prefix.length());
      String name = rest.substring(rest.indexOf('/') + 1);
      fileRequests.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
      byte[] body = files.get(name);
      if (body == null) {
        send(ex, 404, new byte[0]);
        return;
      }
      String etag = etagOverride.getOrDefault(name, isLfs(name) ? sha256(body) : gitBlob(body));
      ex.getResponseHeaders().add("ETag", "\"" + etag + "\"");
      String range = ex.getRequestHeaders().getFirst("Range");
      rangeHeaders.add(name + " " + (range == null ? "-" : range));
      long start = 0;
      int status = 200;
      if (range != null && !ignoreRange && range.startsWith("bytes=") && range.endsWith("-")) {
        start = Long.parseLong(range.substring(6, range.length() - 1));
        if (start >= body.length) {
          ex.getResponseHeaders().add("Content-Range", "bytes */" + body.length);
          send(ex, 416, new byte[0]);
          return;
        }
        status = 206;
        ex.getResponseHeaders()
            .add("Content-Range", "bytes " + start + "-" + (body.length - 1) + "/" + body.length);
      }
      int len = (int) (body.length - start);
      ex.sendResponseHeaders(status, len);
      OutputStream out = ex.getResponseBody();
      if (name.equals(cutFile) && cutTimes.getAndDecrement() > 0) {
        out.write(body, (int) start, Math.min(cutAfter, len));
        out.flush();
        // the exchange closing short of Content-Length makes the server drop the connection: a broken
        // transfer (closing the body stream first would leave the connection open instead)
        return;
      }
      out.write(body, (int) start, len);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String apiJson() {
    StringBuilder b = new StringBuilder("{\"id\":\"" + REPO + "\",\"sha\":\"" + COMMIT + "\",\"siblings\":[");
    boolean first = true;
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      if (!first) b.append(',');
      first = false;
      String n = e.getKey();
      byte[] body = e.getValue();
      b.append("{\"rfilename\":\"").append(n).append("\",\"size\":").append(body.length);
      if (isLfs(n)) {
        String sha = apiShaOverride.getOrDefault(n, sha256(body));
        b.append(",\"blobId\":\"").append(gitBlob(body)).append("\",\"lfs\":{\"sha256\":\"").append(sha)
            .append("\",\"size\":").append(body.length).append(",\"pointerSize\":134}");
      } else {
        b.append(",\"blobId\":\"").append(gitBlob(body)).append('"');
      }
      b.append('}');
    }
    return b.append("]}").toString();
  }

  private static void send(HttpExchange ex, int code, byte[] body) throws IOException {
    ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
    if (body.length > 0) ex.getResponseBody().write(body);
  }

  private static byte[] bytes(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}

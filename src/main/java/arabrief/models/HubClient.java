package arabrief.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Talks to the Hugging Face Hub, or any server with its URL layout ({@code /{repo}/resolve/{revision}/{file}},
 * optionally {@code /api/models/{repo}/revision/{revision}}): lists a repo and downloads files with resume.
 *
 * <p>HttpURLConnection rather than java.net.http: a read timeout is what turns a stalled transfer into a retry.
 */
public final class HubClient {
  public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_REDIRECTS = 10;

  private final URI endpoint;
  private final String token;
  private int maxAttempts = 5;
  private Duration backoff = Duration.ofSeconds(1);
  private int connectTimeoutMs = 10_000;
  private int readTimeoutMs = 30_000;

  /**
   * @param endpoint base URL, e.g. {@code https://huggingface.co}
   * @param token sent as {@code Authorization: Bearer} to the endpoint's host (not to CDN redirects); may be null
   */
  public HubClient(String endpoint, String token) {
    String e = Objects.requireNonNull(endpoint, "endpoint").strip();
    while (e.endsWith("/")) e = e.substring(0, e.length() - 1);
    URI uri;
    try {
      uri = URI.create(e);
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException("endpoint '" + endpoint + "' is not a URL: " + ex.getMessage());
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "endpoint '" + endpoint + "' is not an http(s) URL; expected e.g. " + DEFAULT_ENDPOINT);
    }
    this.endpoint = uri;
    this.token = token == null || token.isBlank() ? null : token.strip();
  }

  /** The endpoint: the option when given, else {@code HF_ENDPOINT}, else {@link #DEFAULT_ENDPOINT}. */
  public static String endpointFrom(String option, Map<String, String> env) {
    if (option != null && !option.isBlank()) return option.strip();
    String fromEnv = env.get("HF_ENDPOINT");
    if (fromEnv != null && !fromEnv.isBlank()) return fromEnv.strip();
    return DEFAULT_ENDPOINT;
  }

  public String endpoint() {
    return endpoint.toString();
  }

  /** Retries per file, and the first wait between them (doubling each time). */
  HubClient retries(int maxAttempts, Duration backoff) {
    this.maxAttempts = Math.max(1, maxAttempts);
    this.backoff = backoff;
    return this;
  }

  HubClient timeouts(int connectMs, int readMs) {
    this.connectTimeoutMs = connectMs;
    this.readTimeoutMs = readMs;
    return this;
  }

  /**
   * The repo's files at {@code revision} from the Hub API ({@code ?blobs=true} for sizes and LFS digests).
   *
   * @return empty when the server has no such API (any answer but 200 with a file list, 401 and 403 aside)
   * @throws HubException unreachable when no connection could be made; access denied on 401/403
   */
  public Optional<RepoInfo> repoInfo(String repo, String revision) throws HubException {
    URI uri = URI.create(endpoint + "/api/models/" + repo + "/revision/" + encode(revision) + "?blobs=true");
    Response r;
    try {
      r = open(uri, null);
    } catch (IOException e) {
      throw unreachable(e);
    }
    try {
      if (r.code == 401 || r.code == 403) throw accessDenied(repo, r.code);
      if (r.code != 200) return Optional.empty();
      JsonNode root;
      try (InputStream in = r.conn.getInputStream()) {
        root = JSON.readTree(in);
      } catch (IOException e) {
        return Optional.empty();
      }
      JsonNode siblings = root.path("siblings");
      if (!siblings.isArray()) return Optional.empty();
      Map<String, RemoteFile> files = new LinkedHashMap<>();
      for (JsonNode s : siblings) {
        String name = s.path("rfilename").asText(null);
        if (name == null) continue;
        JsonNode lfs = s.path("lfs");
        String sha = lfs.path("sha256").asText(null);
        long size = lfs.has("size") ? lfs.path("size").asLong(-1) : s.path("size").asLong(-1);
        String blob = lfs.isMissingNode() || lfs.isNull() ? s.path("blobId").asText(null) : null;
        if (sha != null) sha = sha.toLowerCase(java.util.Locale.ROOT);
        files.put(name, new RemoteFile(name, size, Digests.isSha256(sha) ? sha : null, blob));
      }
      String commit = root.path("sha").asText(null);
      return Optional.of(new RepoInfo(commit, files));
    } finally {
      r.conn.disconnect();
    }
  }

  /**
   * A downloaded file.
   *
   * @param size bytes on disk
   * @param headerSha256 the sha256 the server named in {@code X-Linked-Etag} or {@code ETag}, or null
   */
  public record Fetched(String name, long size, String headerSha256) {}

  /**
   * Downloads {@code file} into {@code part}, resuming with {@code Range} after a broken connection and
   * restarting from zero when the server ignores the range. Checks the length against
   * {@code Content-Length}, and against {@code expectedSize} when that is not -1.
   *
   * @return empty when the server answers 404 (the repo has no such file)
   */
  public Optional<Fetched> download(
      String repo, String revision, String file, Path part, long expectedSize, PullProgress progress)
      throws IOException {
    URI uri = URI.create(endpoint + "/" + repo + "/resolve/" + encode(revision) + "/" + encodePath(file));
    long total = expectedSize;
    String headerSha = null;
    IOException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1) sleep(backoff.multipliedBy(1L << Math.min(attempt - 2, 6)));
      long have = Files.exists(part) ? Files.size(part) : 0;
      if (total >= 0 && have > total) {
        truncate(part);
        have = 0;
      }
      Response r;
      try {
        r = open(uri, have > 0 ? "bytes=" + have + "-" : null);
      } catch (IOException e) {
        last = e;
        progress.note(file + ": " + describe(e) + "; retrying (" + attempt + "/" + maxAttempts + ")");
        continue;
      }
      try {
        if (r.linkedSha256 != null) headerSha = r.linkedSha256;
        if (total < 0 && r.linkedSize >= 0) total = r.linkedSize;
        boolean append;
        long bodyLength = r.conn.getContentLengthLong();
        switch (r.code) {
          case 404:
            if (have == 0) return Optional.empty();
            throw new HubException(uri + " answered 404 after part of " + file + " was downloaded");
          case 401:
          case 403:
            throw accessDenied(repo, r.code);
          case 416:
            if (total >= 0 && have == total) {
              return Optional.of(new Fetched(file, have, headerSha));
            }
            truncate(part);
            last = new IOException("server refused the range bytes=" + have + "-");
            continue;
          case 206:
            long start = contentRangeStart(r.conn.getHeaderField("Content-Range"));
            if (start != have) {
              truncate(part);
              last = new IOException("server sent a range starting at " + start + ", not " + have);
              continue;
            }
            long rangeTotal = contentRangeTotal(r.conn.getHeaderField("Content-Range"));
            if (total < 0) total = rangeTotal;
            append = true;
            break;
          case 200:
            have = 0; // the server ignored the range (or none was asked): start over
            if (total < 0) total = bodyLength;
            append = false;
            break;
          default:
            if (r.code == 429 || r.code >= 500) {
              last = new HubException(uri + " answered HTTP " + r.code);
              progress.note(file + ": HTTP " + r.code + "; retrying (" + attempt + "/" + maxAttempts + ")");
              continue;
            }
            throw new HubException(uri + " answered HTTP " + r.code + " for " + file);
        }
        if (total >= 0 && bodyLength >= 0 && have + bodyLength != total) {
          throw new ModelIntegrityException(
              file, file + ": server announced " + (have + bodyLength) + " bytes, expected " + total);
        }
        progress.fileStarted(file, have, total);
        long got = copy(r.conn, part, append, have, file, progress);
        if (bodyLength >= 0 && got < bodyLength) {
          throw new IOException("connection closed after " + got + " of " + bodyLength + " bytes");
        }
        long size = Files.size(part);
        if (total >= 0 && size != total) {
          throw new ModelIntegrityException(file, file + ": got " + size + " bytes, expected " + total);
        }
        progress.fileFinished(file);
        return Optional.of(new Fetched(file, size, headerSha));
      } catch (HubException | ModelIntegrityException e) {
        throw e;
      } catch (IOException e) {
        last = e;
        progress.note(file + ": " + describe(e) + "; resuming (" + attempt + "/" + maxAttempts + ")");
      } finally {
        r.conn.disconnect();
      }
    }
    throw new HubException(
        "downloading " + file + " from " + uri + " failed after " + maxAttempts + " attempts: "
            + describe(last) + ". Run the pull again to retry.",
        false,
        last);
  }

  private long copy(HttpURLConnection conn, Path part, boolean append, long have, String file, PullProgress progress)
      throws IOException {
    long got = 0;
    byte[] buf = new byte[1 << 16];
    StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
    try (InputStream in = conn.getInputStream();
        OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
      int n;
      long lastReport = 0;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        got += n;
        if (got - lastReport >= (1 << 18)) {
          progress.fileProgress(file, have + got);
          lastReport = got;
        }
      }
    } finally {
      progress.fileProgress(file, have + got);
    }
    return got;
  }

  /** One answered request, redirects followed; headers HF puts on the first (redirect) hop are kept. */
  private record Response(HttpURLConnection conn, int code, String linkedSha256, long linkedSize) {}

  private Response open(URI uri, String range) throws IOException {
    String linkedSha = null;
    long linkedSize = -1;
    URI current = uri;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      HttpURLConnection c = (HttpURLConnection) current.toURL().openConnection();
      c.setInstanceFollowRedirects(false);
      c.setConnectTimeout(connectTimeoutMs);
      c.setReadTimeout(readTimeoutMs);
      c.setRequestProperty("User-Agent", "arabrief/0.1");
      c.setRequestProperty("Accept-Encoding", "identity");
      // the token goes to the endpoint only; CDN redirects carry their own signature
      if (token != null && sameOrigin(current, endpoint)) c.setRequestProperty("Authorization", "Bearer " + token);
      if (range != null) c.setRequestProperty("Range", range);
      int code;
      try {
        code = c.getResponseCode();
      } catch (IOException e) {
        c.disconnect();
        throw e;
      }
      if (linkedSha == null) linkedSha = Digests.sha256FromEtag(c.getHeaderField("X-Linked-Etag"));
      if (linkedSize < 0) linkedSize = parseLong(c.getHeaderField("X-Linked-Size"));
      if (code == 301 || code == 302 || code == 303 || code == 307 || code == 308) {
        String location = c.getHeaderField("Location");
        c.disconnect();
        if (location == null) throw new HubException(current + " redirected without a Location");
        current = current.resolve(location);
        continue;
      }
      if (linkedSha == null && (code == 200 || code == 206)) {
        linkedSha = Digests.sha256FromEtag(c.getHeaderField("ETag"));
      }
      return new Response(c, code, linkedSha, linkedSize);
    }
    throw new HubException(uri + ": more than " + MAX_REDIRECTS + " redirects");
  }

  private HubException unreachable(IOException e) {
    // any failure on first contact counts: refused, DNS, timeout, reset
    return new HubException(
        "cannot reach " + endpoint + " (" + describe(e) + "). Check the network, or set --endpoint / HF_ENDPOINT"
            + " to a reachable mirror.",
        true,
        e);
  }

  private static HubException accessDenied(String repo, int code) {
    return new HubException(
        "the Hub refused access to " + repo + " (HTTP " + code + "): check the repo name; for a gated or"
            + " private repo set HF_TOKEN to a token that may read it.");
  }

  private static boolean sameOrigin(URI a, URI b) {
    return Objects.equals(a.getScheme(), b.getScheme())
        && Objects.equals(a.getHost(), b.getHost())
        && a.getPort() == b.getPort();
  }

  static String describe(Throwable e) {
    if (e == null) return "unknown error";
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encodePath(String path) {
    StringBuilder b = new StringBuilder();
    for (String seg : path.split("/")) {
      if (b.length() > 0) b.append('/');
      b.append(encode(seg));
    }
    return b.toString();
  }

  private static long contentRangeStart(String header) {
    // "bytes 100-999/1000"
    if (header == null) return -1;
    String h = header.trim();
    if (!h.startsWith("bytes ")) return -1;
    int dash = h.indexOf('-');
    return dash < 0 ? -1 : parseLong(h.substring(6, dash).trim());
  }

  private static long contentRangeTotal(String header) {
    if (header == null) return -1;
    int slash = header.indexOf('/');
    return slash < 0 ? -1 : parseLong(header.substring(slash + 1).trim());
  }

  private static long parseLong(String s) {
    if (s == null) return -1;
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void truncate(Path part) throws IOException {
    Files.deleteIfExists(part);
  }

  private static void sleep(Duration d) throws IOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting to retry");
    }
  }
}

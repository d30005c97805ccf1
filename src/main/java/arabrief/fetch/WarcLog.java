package arabrief.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.Warcinfo;

/**
 * A WARC file every request and response of a run is recorded in, through jwarc's writer: a {@code request}
 * record with the headers as sent and a {@code response} record with the status, headers and body as received
 * (chunking undone, Content-Encoding kept), linked by {@code WARC-Concurrent-To}, with the address connected to.
 * A body cut at the size limit or the timeout is marked {@code WARC-Truncated}. {@code .warc.gz} gets one gzip
 * member per record. The file is appended to across runs; a record cut short by a killed run is removed on open,
 * so what follows it stays readable.
 */
public final class WarcLog implements Closeable {
  private final Path file;
  private final FileChannel channel;
  private final org.netpreserve.jwarc.WarcWriter writer;

  private WarcLog(Path file, FileChannel channel, org.netpreserve.jwarc.WarcWriter writer) {
    this.file = file;
    this.channel = channel;
    this.writer = writer;
  }

  /** Opens (or creates) {@code file} for appending; gzip when its name ends in {@code .gz}. */
  public static WarcLog open(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    boolean fresh = !Files.exists(file) || Files.size(file) == 0;
    if (!fresh) {
      repair(file);
    }
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    boolean gz = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
    org.netpreserve.jwarc.WarcWriter w = new org.netpreserve.jwarc.WarcWriter(ch, gz ? WarcCompression.GZIP : WarcCompression.NONE);
    WarcLog log = new WarcLog(file, ch, w);
    log.write(new Warcinfo.Builder()
        .filename(file.getFileName().toString())
        .date(Instant.now())
        .fields(Map.of("software", List.of(UserAgent.DEFAULT), "format", List.of("WARC File Format 1.1"),
            "robots", List.of("obey")))
        .build());
    return log;
  }

  public Path file() {
    return file;
  }

  /**
   * Records one exchange: the request as sent ({@code sent}, its Host header added when OkHttp left it to the
   * connection) and the response with {@code body} as received. A failure to write is reported once on stderr and
   * does not fail the fetch.
   */
  void exchange(HttpUrl url, Instant date, InetAddress ip, Request sent, Response r, String protocol, byte[] body,
      WarcTruncationReason truncation) {
    StringBuilder req = new StringBuilder();
    String target = url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
    req.append("GET ").append(target).append(' ').append(protocol).append("\r\n");
    if (sent.header("Host") == null) {
      req.append("Host: ").append(url.host()).append(url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port()).append("\r\n");
    }
    for (int i = 0; i < sent.headers().size(); i++) {
      req.append(sent.headers().name(i)).append(": ").append(sent.headers().value(i)).append("\r\n");
    }
    req.append("\r\n");
    StringBuilder resp = new StringBuilder();
    resp.append(protocol).append(' ').append(r.code());
    if (r.message() != null && !r.message().isBlank()) {
      resp.append(' ').append(r.message());
    }
    resp.append("\r\n");
    for (int i = 0; i < r.headers().size(); i++) {
      // the body is stored de-chunked; a Transfer-Encoding header would tell a reader to de-chunk it again
      if (!r.headers().name(i).equalsIgnoreCase("Transfer-Encoding")) {
        resp.append(r.headers().name(i)).append(": ").append(r.headers().value(i)).append("\r\n");
      }
    }
    resp.append("\r\n");
    try {
      URI uri = url.uri();
      WarcRequest.Builder rq = new WarcRequest.Builder(uri).date(date)
          .body(MediaType.HTTP_REQUEST, req.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (ip != null) {
        rq.ipAddress(ip);
      }
      WarcRequest request = rq.build();
      byte[] head = resp.toString().getBytes(StandardCharsets.ISO_8859_1);
      byte[] block = new byte[head.length + body.length];
      System.arraycopy(head, 0, block, 0, head.length);
      System.arraycopy(body, 0, block, head.length, body.length);
      WarcResponse.Builder rs = new WarcResponse.Builder(uri).date(date).concurrentTo(request.id())
          .body(MediaType.HTTP_RESPONSE, block);
      if (ip != null) {
        rs.ipAddress(ip);
      }
      if (truncation != WarcTruncationReason.NOT_TRUNCATED) {
        rs.truncated(truncation);
      }
      write(request, rs.build());
    } catch (IOException e) {
      reportOnce(e);
    }
  }

  private boolean reported;

  private synchronized void reportOnce(IOException e) {
    if (!reported) {
      reported = true;
      System.err.println("arabrief: cannot write to " + file + ": " + e.getMessage() + " (the fetched pages are not being archived)");
    }
  }

  /** Writes the records together, in order, and pushes them to the file. */
  private synchronized void write(WarcRecord... records) throws IOException {
    for (WarcRecord r : records) {
      writer.write(r);
    }
  }

  /** Makes what was written survive a crash of the machine, not only of the process. */
  public synchronized void sync() throws IOException {
    channel.force(false);
  }

  /**
   * Cuts off a last record that a killed run left incomplete: records are read through to the end, and the file
   * is truncated where the first one that cannot be read starts.
   */
  static void repair(Path file) throws IOException {
    byte[] magic;
    try (java.io.InputStream in = Files.newInputStream(file)) {
      magic = in.readNBytes(5);
    }
    boolean warcLike = (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B)
        || new String(magic, StandardCharsets.ISO_8859_1).equals("WARC/");
    if (!warcLike) {
      throw new IOException(file + " exists and is not a WARC file; give another --warc file");
    }
    long good = 0;
    try (WarcReader r = new WarcReader(FileChannel.open(file, StandardOpenOption.READ))) {
      try {
        while (true) {
          Optional<WarcRecord> rec = r.next();
          if (rec.isEmpty()) {
            good = Files.size(file);
            break;
          }
          rec.get().body().consume();
        }
      } catch (IOException | RuntimeException e) {
        good = r.position(); // jwarc moves it to a record's start before parsing it
      }
    } catch (IOException | RuntimeException e) {
      // the first record itself is cut short: nothing before it to keep
    }
    if (good < Files.size(file)) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(good);
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    channel.force(false);
    writer.close();
  }

}

package arabrief.batch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * The records of one WARC file ({@code .warc}, or {@code .warc.gz} with one gzip member per record), read
 * through jwarc, each as a page to read as an article, a record skipped for a reason that is counted, or a
 * broken record. {@code response} records holding an HTML page with a 2xx status and {@code resource} records
 * holding HTML are pages; {@code request}, {@code metadata}, {@code warcinfo} and other records, non-HTML
 * payloads and other statuses are skipped. A record that cannot be read (a truncated file, a Content-Length
 * that does not match the bytes) ends the file: what follows it cannot be found reliably, so the rest is
 * reported as one broken record rather than guessed at.
 *
 * <p>Batch reads each file twice with this class (to count, then to translate) and the Spark job once per task;
 * both see the same items in the same order.
 */
public final class WarcRecords implements Iterator<WarcRecords.Item>, Closeable {
  /** Why a record is not an article; the names are the keys of the counts in reports. */
  public enum Skip {
    REQUEST("request"),
    METADATA("metadata"),
    WARCINFO("warcinfo"),
    REVISIT("revisit"),
    OTHER_RECORD("other_record"),
    NOT_HTML("not_html"),
    NOT_2XX("not_2xx"),
    NOT_TEXT("not_text"),
    NOT_ARABIC("not_arabic"),
    NOT_AN_ARTICLE("not_an_article");

    public final String key;

    Skip(String key) {
      this.key = key;
    }

    /** Why a page the article reader refused is skipped. */
    public static Skip of(arabrief.article.BadInputException.Kind kind) {
      return switch (kind) {
        case NOT_ARABIC -> NOT_ARABIC;
        case NOT_AN_ARTICLE -> NOT_AN_ARTICLE;
        case UNREADABLE -> NOT_TEXT;
      };
    }
  }

  /** One record: a page (payload set), a skipped record (skip set), or a broken one (error set). */
  public record Item(long ordinal, String url, String recordId, String date, byte[] payload, String charset, Skip skip, String error) {
    public boolean isPage() {
      return payload != null;
    }

    /** A page or a broken record: what becomes one output line. */
    public boolean isLine() {
      return skip == null;
    }
  }

  /** Pages larger than this are cut here: no article is that long, and memory stays bounded. */
  static final int MAX_PAYLOAD = 16 << 20;

  private final String name;
  private final WarcReader reader;
  private final String openError;
  private long ordinal;
  private Item next;
  private boolean done;

  /** @param name how messages name the file */
  public WarcRecords(InputStream in, String name) {
    this.name = name;
    WarcReader r = null;
    String error = null;
    try {
      r = new WarcReader(in);
    } catch (IOException | RuntimeException e) {
      error = describe(e);
    }
    this.reader = r;
    this.openError = error;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public Item next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Item i = next;
    next = null;
    return i;
  }

  private Item advance() {
    if (reader == null) {
      done = true;
      return broken(null, name + " cannot be read as a WARC file (" + openError + ")");
    }
    long at = reader.position();
    WarcRecord r;
    try {
      Optional<WarcRecord> o = reader.next();
      if (o.isEmpty()) {
        done = true;
        return null;
      }
      r = o.get();
    } catch (IOException | RuntimeException e) {
      done = true;
      return broken(null, "unreadable WARC record after byte " + at + " (" + describe(e) + "); the rest of " + name + " was not read");
    }
    long n = ordinal++;
    String url = r instanceof WarcTargetRecord t ? t.target() : null;
    String id = r.headers().first("WARC-Record-ID").orElse(null);
    String date = r.headers().first("WARC-Date").orElse(null);
    try {
      switch (r.type()) {
        case "response":
          if (!(r instanceof WarcResponse resp)
              || !(resp.contentType().base().equals(MediaType.HTTP) || (url != null && url.startsWith("http")))) {
            return skip(n, url, id, date, Skip.NOT_HTML);
          }
          HttpResponse http = resp.http();
          if (http.status() < 200 || http.status() > 299) {
            return skip(n, url, id, date, Skip.NOT_2XX);
          }
          MediaType type = http.contentType();
          if (!html(type)) {
            return skip(n, url, id, date, Skip.NOT_HTML);
          }
          return page(n, url, id, date, http.bodyDecoded(), type);
        case "resource":
          MediaType rtype = ((WarcResource) r).contentType();
          if (!html(rtype)) {
            return skip(n, url, id, date, Skip.NOT_HTML);
          }
          return page(n, url, id, date, r.body(), rtype);
        case "request":
          return skip(n, url, id, date, Skip.REQUEST);
        case "metadata":
          return skip(n, url, id, date, Skip.METADATA);
        case "warcinfo":
          return skip(n, url, id, date, Skip.WARCINFO);
        case "revisit":
          return skip(n, url, id, date, Skip.REVISIT);
        default:
          return skip(n, url, id, date, Skip.OTHER_RECORD);
      }
    } catch (IOException | RuntimeException e) {
      done = true;
      return new Item(n, url, id, date, null, null, null,
          "record " + n + " cannot be read (" + describe(e) + "); the rest of " + name + " was not read");
    }
  }

  private static boolean html(MediaType t) {
    if (t == null) {
      return false;
    }
    String base = t.base().toString().toLowerCase(Locale.ROOT);
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  private Item page(long n, String url, String id, String date, MessageBody body, MediaType type) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(8192);
    while (body.read(buf) >= 0) {
      buf.flip();
      int take = Math.min(buf.remaining(), MAX_PAYLOAD - out.size());
      out.write(buf.array(), buf.arrayOffset() + buf.position(), take);
      buf.clear();
    }
    String charset = type.parameters().get("charset");
    return new Item(n, url, id, date, out.toByteArray(), charset, null, null);
  }

  private static Item skip(long n, String url, String id, String date, Skip why) {
    return new Item(n, url, id, date, null, null, why, null);
  }

  private Item broken(String url, String message) {
    return new Item(ordinal++, url, null, null, null, null, null, message);
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    String kind = e instanceof java.io.EOFException ? "truncated" : e.getClass().getSimpleName();
    if (m == null || m.isBlank()) {
      return kind;
    }
    m = m.lines().findFirst().orElse(m);
    return kind + ": " + (m.length() > 80 ? m.substring(0, 80) + "..." : m);
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}

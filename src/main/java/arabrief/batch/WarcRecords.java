package arabrief.batch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * The documents of one WARC file ({@code .warc}, or {@code .warc.gz} with one gzip member per record), the
 * one reader {@code arabrief batch} and the Spark job both use. {@code response} records holding an HTML page
 * with a 2xx status and {@code resource} records holding HTML are pages (the documents); {@code request},
 * {@code metadata}, {@code warcinfo} and other records, non-HTML payloads and other statuses are skipped and
 * counted in a {@link Tally}.
 *
 * <p>A broken record does not end the file: it becomes one broken document with its byte offset, and reading
 * resynchronises at the next record ({@link WarcStream} says how). A record whose WARC framing is whole but
 * whose HTTP message cannot be read is a broken document too, and reading goes straight on.
 *
 * <p>Memory is bounded whatever the file: it is streamed, and a page's payload is kept up to {@link
 * #MAX_PAYLOAD}. Batch reads each file twice with this class (to count, then to translate) and the Spark job
 * once per task; both see the same documents in the same order.
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

  /** Receives what is read besides the documents: records skipped, by why, and resynchronisations. */
  public interface Tally {
    void skipped(Skip why);

    /** Reading resumed at a later record after a broken one. */
    void resynced();

    Tally NONE = new Tally() {
      @Override
      public void skipped(Skip why) {}

      @Override
      public void resynced() {}
    };
  }

  /**
   * One document: a page (payload set) or a broken record (error set). {@code ordinal} numbers every record
   * of the file from 0, skipped ones included; {@code offset} is the byte where the record starts (in a
   * {@code .warc.gz}, the gzip member holding it, as CDX indexes give it).
   */
  public record Item(long ordinal, long offset, String url, String recordId, String date, byte[] payload, String charset, String error) {
    public boolean isPage() {
      return payload != null;
    }
  }

  /** Pages larger than this are cut here: no article is that long, and memory stays bounded. */
  static final int MAX_PAYLOAD = 16 << 20;

  /** What a whole record is: a page, or a record skipped for a reason. */
  private record Kind(Item page, Skip skip) {}

  private final String name;
  private final WarcStream stream;
  private final Tally tally;
  private long ordinal;
  private Item next;
  private boolean done;

  /**
   * @param channel the file, at its start; closed with this reader
   * @param name how messages name the file; a name ending in {@code .gz} says the file is gzip when its
   *     first bytes are too damaged to tell
   */
  public WarcRecords(SeekableByteChannel channel, String name, Tally tally) throws IOException {
    this.name = name;
    this.tally = tally;
    this.stream = new WarcStream(channel, name);
  }

  /** The WARC file at {@code file}. */
  public static WarcRecords open(Path file, String name, Tally tally) throws IOException {
    return new WarcRecords(Files.newByteChannel(file), name, tally);
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      try {
        next = advance();
      } catch (IOException e) {
        // an I/O error of the file itself (not of its content): nothing after it can be read
        done = true;
        next = new Item(ordinal++, stream.position(), null, null, null, null, null, "reading " + name + " failed at byte "
            + stream.position() + " (" + WarcStream.describe(e) + "); the rest was not read");
      }
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

  private Item advance() throws IOException {
    while (true) {
      WarcStream.Read read = stream.next();
      if (read instanceof WarcStream.End) {
        done = true;
        return null;
      }
      if (read instanceof WarcStream.Broken b) {
        return broken(b);
      }
      WarcStream.Got g = (WarcStream.Got) read;
      WarcRecord r = g.record();
      Kind kind = null;
      Exception unreadable = null;
      try {
        kind = classify(ordinal, g.offset(), r);
      } catch (IOException | RuntimeException e) {
        unreadable = e;
      }
      WarcStream.Broken b = stream.finish(g); // what was read of it only counts when it was whole
      if (b != null) {
        return broken(b);
      }
      long n = ordinal++;
      if (unreadable != null) {
        return new Item(n, g.offset(), url(r), id(r), date(r), null, null,
            "WARC record at byte " + g.offset() + " cannot be read (" + WarcStream.describe(unreadable) + ")");
      }
      if (kind.skip() != null) {
        tally.skipped(kind.skip());
        continue;
      }
      return kind.page();
    }
  }

  private Item broken(WarcStream.Broken b) {
    WarcRecord r = b.record();
    String error = "broken WARC record at byte " + b.offset() + " (" + b.reason() + ")";
    if (b.resumedAt() >= 0) {
      tally.resynced();
      error += "; reading resumed at the next record, at byte " + b.resumedAt();
    } else {
      error += "; no readable record follows it in " + name;
    }
    return new Item(ordinal++, b.offset(), r == null ? null : url(r), r == null ? null : id(r), r == null ? null : date(r),
        null, null, error);
  }

  /** A page, read whole (up to {@link #MAX_PAYLOAD}), or why the record is skipped. */
  private static Kind classify(long n, long offset, WarcRecord r) throws IOException {
    String url = url(r);
    switch (r.type()) {
      case "response":
        if (!(r instanceof WarcResponse resp)
            || !(resp.contentType().base().equals(MediaType.HTTP) || (url != null && url.startsWith("http")))) {
          return skip(Skip.NOT_HTML);
        }
        HttpResponse http = resp.http();
        if (http.status() < 200 || http.status() > 299) {
          return skip(Skip.NOT_2XX);
        }
        MediaType type = http.contentType();
        if (!html(type)) {
          return skip(Skip.NOT_HTML);
        }
        return page(n, offset, r, http.bodyDecoded(), type);
      case "resource":
        MediaType rtype = ((WarcResource) r).contentType();
        if (!html(rtype)) {
          return skip(Skip.NOT_HTML);
        }
        return page(n, offset, r, r.body(), rtype);
      case "request":
        return skip(Skip.REQUEST);
      case "metadata":
        return skip(Skip.METADATA);
      case "warcinfo":
        return skip(Skip.WARCINFO);
      case "revisit":
        return skip(Skip.REVISIT);
      default:
        return skip(Skip.OTHER_RECORD);
    }
  }

  private static Kind skip(Skip why) {
    return new Kind(null, why);
  }

  private static String url(WarcRecord r) {
    return r instanceof WarcTargetRecord t ? t.target() : null;
  }

  private static String id(WarcRecord r) {
    return r.headers().first("WARC-Record-ID").orElse(null);
  }

  private static String date(WarcRecord r) {
    return r.headers().first("WARC-Date").orElse(null);
  }

  private static boolean html(MediaType t) {
    if (t == null) {
      return false;
    }
    String base = t.base().toString().toLowerCase(Locale.ROOT);
    return base.equals("text/html") || base.equals("application/xhtml+xml");
  }

  private static Kind page(long n, long offset, WarcRecord r, MessageBody body, MediaType type) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(8192);
    while (body.read(buf) >= 0) {
      buf.flip();
      int take = Math.min(buf.remaining(), MAX_PAYLOAD - out.size());
      out.write(buf.array(), buf.arrayOffset() + buf.position(), take);
      buf.clear();
    }
    String charset = type.parameters().get("charset");
    return new Kind(new Item(n, offset, url(r), id(r), date(r), out.toByteArray(), charset, null), null);
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}

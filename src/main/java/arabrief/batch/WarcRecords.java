package arabrief.batch;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.Inflater;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/**
 * The documents of one WARC file ({@code .warc}, or {@code .warc.gz} with one gzip member per record), the
 * one reader {@code arabrief batch} and the Spark job both use. Each record is parsed by jwarc; {@code
 * response} records holding an HTML page with a 2xx status and {@code resource} records holding HTML are
 * pages (the documents); {@code request}, {@code metadata}, {@code warcinfo} and other records, non-HTML
 * payloads and other statuses are skipped and counted in a {@link Tally}.
 *
 * <p>A broken record does not end the file. A record is whole when its block is followed by the record
 * trailer and then by the next record (or the file's end), and, in a {@code .warc.gz}, when its gzip member
 * decompresses and passes its CRC-32. A record that is not (corrupt or cut-short gzip data, a Content-Length
 * that does not match the bytes, garbage where a record should start) becomes one broken document with its
 * byte offset, and reading resynchronises: at the next gzip member that holds a WARC record ({@code .warc.gz};
 * Common Crawl and other crawlers write one member per record), or at the next {@code WARC/1.x} header that
 * parses ({@code .warc}), searched from just past the broken record's start. A record whose WARC framing is
 * whole but whose HTTP message cannot be read is a broken document too, and reading goes straight on.
 *
 * <p>Memory is bounded whatever the file: the file is streamed through one buffer, and a page's payload is
 * kept up to {@link #MAX_PAYLOAD}. Batch reads each file twice with this class (to count, then to translate)
 * and the Spark job once per task; both see the same documents in the same order.
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

  private static final byte[] WARC_HEADER = "WARC/1.".getBytes(StandardCharsets.US_ASCII);

  /** What reading at a place gave: a record (its header read), the end of the file, or a broken stretch. */
  private sealed interface Read {}

  private record Got(WarcRecord record, long offset) implements Read {}

  private record End() implements Read {}

  /** Reading failed at {@code offset}; {@code record} is set when its header was read; {@code gzip}: the gzip data failed. */
  private record Broken(long offset, String reason, WarcRecord record, boolean gzip) implements Read {}

  private final String name;
  private final WarcInput in;
  private final Tally tally;
  private final boolean gzip;
  private final Inflater inflater;
  /** The record parser of the current stretch: one gzip member, or the plain file from {@link #segment} on. */
  private WarcReader reader;
  private GzipMember member;
  private long segment;
  private boolean trailerWarning;
  private Read ahead;
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
    this.in = new WarcInput(channel);
    this.segment = in.position();
    int first = in.read();
    int second = in.read();
    in.seek(segment);
    if (first == 0x1f && second == 0x8b) {
      gzip = true;
    } else if (first == 'W' && second == 'A') {
      gzip = false;
    } else {
      gzip = name.toLowerCase(Locale.ROOT).endsWith(".gz");
    }
    inflater = gzip ? new Inflater(true) : null;
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
        next = new Item(ordinal++, in.position(), null, null, null, null, null,
            "reading " + name + " failed at byte " + in.position() + " (" + describe(e) + "); the rest was not read");
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
      Read cur = ahead != null ? ahead : readNext();
      ahead = null;
      if (cur instanceof End) {
        done = true;
        return null;
      }
      if (cur instanceof Broken b) {
        return resync(b);
      }
      Got g = (Got) cur;
      WarcRecord r = g.record();
      long n = ordinal;
      Item item = null;
      Exception unreadable = null;
      try {
        item = classify(n, g.offset(), r);
      } catch (IOException | RuntimeException e) {
        unreadable = e;
      }
      // the record is whole only when the rest of its block is there, and its trailer, and then the next record
      Broken framing = null;
      try {
        r.body().consume();
      } catch (IOException | RuntimeException e) {
        framing = new Broken(g.offset(), describe(e), r, e instanceof GzipMember.Corrupt);
      }
      if (framing == null) {
        trailerWarning = false;
        Read following = readNext();
        if (following instanceof Broken fb && fb.gzip() && fb.offset() == g.offset()) {
          framing = new Broken(g.offset(), fb.reason(), r, true); // its own member failed its check
        } else if (trailerWarning && following instanceof Broken) {
          framing = new Broken(g.offset(), "its Content-Length does not match the record's bytes", r, false);
        } else {
          ahead = following;
        }
      }
      if (framing != null) {
        return resync(framing);
      }
      ordinal++;
      if (unreadable != null) {
        return new Item(n, g.offset(), url(r), id(r), date(r), null, null,
            "WARC record at byte " + g.offset() + " cannot be read (" + describe(unreadable) + ")");
      }
      if (item == null) {
        continue; // skipped and counted
      }
      return item;
    }
  }

  /** The next record header from where reading is, moving on to the next gzip member when one ends. */
  private Read readNext() throws IOException {
    while (true) {
      Optional<WarcRecord> r;
      try {
        if (reader == null) {
          segment = in.position();
          if (gzip) {
            member = GzipMember.open(in, inflater);
            if (member == null) {
              return new End();
            }
            reader = new WarcReader(Channels.newChannel(member));
          } else {
            reader = new WarcReader(in.stream());
          }
          reader.onWarning(w -> trailerWarning = true);
        }
        r = reader.next();
      } catch (IOException | RuntimeException e) {
        boolean corrupt = e instanceof GzipMember.Corrupt;
        return new Broken(gzip || reader == null ? segment : segment + reader.position(), describe(e), null, corrupt);
      }
      if (r.isPresent()) {
        return new Got(r.get(), gzip ? segment : segment + reader.position());
      }
      reader = null;
      if (!gzip) {
        return new End();
      }
    }
  }

  /**
   * Finds the next record after broken stretch {@code b}, leaves it read ahead, and returns the broken
   * document. In a {@code .warc.gz} a record whose member is sound but whose framing is not is followed by the
   * next member; otherwise the search starts one byte past the broken start, at each gzip member start (or
   * {@code WARC/1.} in a plain file) whose first record header parses.
   */
  private Item resync(Broken b) throws IOException {
    long candidate = -1;
    long from = b.offset() + 1;
    String reason = b.reason();
    if (gzip && !b.gzip() && member != null && reader != null && segment == b.offset()) {
      try {
        member.drain();
        candidate = in.position();
      } catch (GzipMember.Corrupt e) {
        // the member is not sound either, which is why its record looked wrong: search from just past its start
        reason = describe(e);
      }
    }
    reader = null;
    member = null;
    Read found = new End();
    while (true) {
      if (candidate < 0) {
        in.seek(from);
        candidate = in.find(gzip ? GzipMember.MAGIC : WARC_HEADER);
        if (candidate < 0) {
          break;
        }
      }
      in.seek(candidate);
      Read r = readNext();
      if (r instanceof End || r instanceof Got g && plausible(g.record())) {
        found = r;
        break;
      }
      reader = null;
      member = null;
      from = candidate + 1;
      candidate = -1;
    }
    ahead = found;
    WarcRecord r = b.record();
    String where = "broken WARC record at byte " + b.offset() + " (" + reason + ")";
    String error;
    if (found instanceof Got g) {
      tally.resynced();
      error = where + "; reading resumed at the next record, at byte " + g.offset();
    } else {
      error = where + "; no readable record follows it in " + name;
    }
    return new Item(ordinal++, b.offset(), r == null ? null : url(r), r == null ? null : id(r), r == null ? null : date(r),
        null, null, error);
  }

  /**
   * Whether a header found by searching is a record's rather than text that happens to look like one (a
   * page about WARC files): it has the fields the WARC standard requires of every record.
   */
  private static boolean plausible(WarcRecord r) {
    return r.headers().first("WARC-Record-ID").isPresent() && r.headers().first("WARC-Type").isPresent()
        && r.headers().first("Content-Length").isPresent();
  }

  /** A page item, or null for a record that is skipped (counted in the tally). */
  private Item classify(long n, long offset, WarcRecord r) throws IOException {
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

  private Item skip(Skip why) {
    tally.skipped(why);
    return null;
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

  private static Item page(long n, long offset, WarcRecord r, MessageBody body, MediaType type) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(8192);
    while (body.read(buf) >= 0) {
      buf.flip();
      int take = Math.min(buf.remaining(), MAX_PAYLOAD - out.size());
      out.write(buf.array(), buf.arrayOffset() + buf.position(), take);
      buf.clear();
    }
    String charset = type.parameters().get("charset");
    return new Item(n, offset, url(r), id(r), date(r), out.toByteArray(), charset, null);
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    String kind = e instanceof java.io.EOFException ? "truncated"
        : e instanceof GzipMember.Corrupt ? null
        : e.getClass().getSimpleName();
    if (m == null || m.isBlank()) {
      return kind == null ? "corrupt gzip data" : kind;
    }
    m = m.lines().findFirst().orElse(m);
    m = m.length() > 80 ? m.substring(0, 80) + "..." : m;
    return kind == null ? m : kind + ": " + m;
  }

  @Override
  public void close() throws IOException {
    if (inflater != null) {
      inflater.end();
    }
    in.close();
  }
}

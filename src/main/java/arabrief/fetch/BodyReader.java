package arabrief.fetch;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * A response body read within the size limit, its Content-Encoding undone. Reading stops as soon as either the
 * bytes as sent or the decoded bytes pass the limit (a small gzip body may inflate to gigabytes), so no more than
 * the limit is ever held. The bytes as sent are kept apart only when a WARC file records them and they differ
 * from the decoded ones.
 */
final class BodyReader {
  /** Why reading stopped. */
  enum Stop {
    END,
    TOO_LARGE,
    /** The call's timeout: a body that trickles on. */
    TIME,
    ENCODING,
    BROKEN
  }

  /**
   * @param raw the bytes as sent, as far as they were read (for the WARC record)
   * @param decoded the body, when it was read whole ({@link Stop#END})
   * @param detail the unknown encoding, or what broke
   */
  record Body(byte[] raw, byte[] decoded, WarcTruncationReason truncation, Stop stop, String detail) {}

  private BodyReader() {}

  static Body read(InputStream in, String encoding, long max, boolean keepRaw) {
    String enc = encoding == null ? "identity" : encoding.trim().toLowerCase(Locale.ROOT);
    boolean identity = enc.isEmpty() || enc.equals("identity");
    Limited raw = new Limited(in, max, keepRaw && !identity);
    ByteArrayOutputStream decoded = new ByteArrayOutputStream();
    try {
      InputStream dec = switch (enc) {
        case "", "identity" -> raw;
        case "gzip", "x-gzip" -> new GZIPInputStream(raw, 8192);
        case "deflate" -> deflate(raw);
        default -> null;
      };
      if (dec == null) {
        return new Body(new byte[0], null, WarcTruncationReason.UNSPECIFIED, Stop.ENCODING, enc);
      }
      byte[] buf = new byte[64 << 10];
      int n;
      while ((n = dec.read(buf)) > 0) {
        decoded.write(buf, 0, n);
        if (decoded.size() > max) {
          throw new TooLarge();
        }
      }
      byte[] d = decoded.toByteArray();
      return new Body(identity ? d : raw.kept(), d, WarcTruncationReason.NOT_TRUNCATED, Stop.END, null);
    } catch (TooLarge e) {
      return new Body(identity ? decoded.toByteArray() : raw.kept(), null, WarcTruncationReason.LENGTH, Stop.TOO_LARGE, null);
    } catch (InterruptedIOException e) {
      return new Body(identity ? decoded.toByteArray() : raw.kept(), null, WarcTruncationReason.TIME, Stop.TIME, null);
    } catch (IOException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Body(identity ? decoded.toByteArray() : raw.kept(), null, WarcTruncationReason.DISCONNECT, Stop.BROKEN, m);
    }
  }

  /** "deflate" is zlib-wrapped by the standard, raw deflate from some servers: the zlib header tells them apart. */
  private static InputStream deflate(InputStream in) throws IOException {
    PushbackInputStream p = new PushbackInputStream(in, 2);
    byte[] head = p.readNBytes(2);
    p.unread(head);
    boolean zlib = head.length == 2 && (head[0] & 0x0F) == 8 && (((head[0] & 0xFF) << 8) | (head[1] & 0xFF)) % 31 == 0;
    return new InflaterInputStream(p, new Inflater(!zlib), 8192);
  }

  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
  }

  /** The body as sent, counted (past the limit it throws), and kept when asked. */
  private static final class Limited extends FilterInputStream {
    private final long max;
    private final ByteArrayOutputStream kept;
    private long count;

    Limited(InputStream in, long max, boolean keep) {
      super(in);
      this.max = max;
      this.kept = keep ? new ByteArrayOutputStream() : null;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
        if (kept != null) {
          kept.write(b, off, n);
        }
        if (count > max) {
          throw new TooLarge();
        }
      }
      return n;
    }

    byte[] kept() {
      return kept == null ? new byte[0] : kept.toByteArray();
    }
  }
}

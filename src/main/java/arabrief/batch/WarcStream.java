package arabrief.batch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Inflater;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * The records of a WARC file as they are framed: each header parsed by jwarc, each record checked whole once
 * its reader is done with it, and after a broken one, resynchronisation. A record is whole when its block is
 * followed by the record trailer and then by the next record (or the file's end), and, in a {@code .warc.gz},
 * when its gzip member decompresses and passes its CRC-32. After one that is not (corrupt or cut-short gzip
 * data, a Content-Length that does not match the bytes, garbage where a record should start) reading resumes
 * at the next gzip member that holds a WARC record ({@code .warc.gz}: Common Crawl and other crawlers write one
 * member per record), or at the next {@code WARC/1.x} header that parses ({@code .warc}), searched from just
 * past the broken record's start, so that a length that swallowed the start of the next record loses nothing.
 * A file compressed as one gzip stream has no later member to resume at. The file is streamed through one
 * buffer ({@link WarcInput}) whatever its size, and the size of its records or of a broken stretch.
 */
final class WarcStream implements Closeable {
  /** What reading gave: a record whose header was read, a broken stretch already read past, or the end. */
  sealed interface Read {}

  /** A record, its header read; {@code offset}: where it starts (in a {@code .warc.gz}, its gzip member). */
  record Got(WarcRecord record, long offset) implements Read {}

  record End() implements Read {}

  /**
   * A broken stretch from {@code offset}: why, its record when its header could be read, and where reading
   * resumed ({@code -1}: nowhere, the file ends broken).
   */
  record Broken(long offset, String reason, WarcRecord record, long resumedAt) implements Read {}

  /** Reading failed at {@code offset}, not yet read past; {@code gzip}: the gzip data itself failed. */
  private record Failure(long offset, String reason, WarcRecord record, boolean gzip) implements Read {}

  private static final byte[] WARC_HEADER = "WARC/1.".getBytes(StandardCharsets.US_ASCII);

  private final WarcInput in;
  private final boolean gzip;
  private final Inflater inflater;
  /** The record parser of the current stretch: one gzip member, or the plain file from {@link #segment} on. */
  private WarcReader reader;
  private GzipMember member;
  private long segment;
  private boolean trailerWarning;
  private Read ahead;

  /**
   * @param channel the file, at its start; closed with this stream
   * @param name a name ending in {@code .gz} says the file is gzip when its first bytes are too damaged to tell
   */
  WarcStream(SeekableByteChannel channel, String name) throws IOException {
    in = new WarcInput(channel);
    segment = in.position();
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

  /** Where reading is in the file: for messages about an I/O error of the file itself. */
  long position() {
    return in.position();
  }

  /** The next record (its header read), or the broken stretch before it, or the end of the file. */
  Read next() throws IOException {
    Read r = ahead != null ? ahead : readNext();
    ahead = null;
    return r instanceof Failure f ? resync(f) : r;
  }

  /**
   * Reads the rest of {@code g}'s block (what its reader left), its trailer and the next header, and says
   * whether {@code g} was whole: null when it was, else the broken stretch it starts, read past.
   */
  Broken finish(Got g) throws IOException {
    try {
      g.record().body().consume();
    } catch (IOException | RuntimeException e) {
      return resync(new Failure(g.offset(), describe(e), g.record(), e instanceof GzipMember.Corrupt));
    }
    trailerWarning = false;
    Read following = readNext();
    if (following instanceof Failure f && f.gzip() && f.offset() == g.offset()) {
      return resync(new Failure(g.offset(), f.reason(), g.record(), true)); // its own member failed its check
    }
    if (trailerWarning && following instanceof Failure) {
      return resync(new Failure(g.offset(), "its Content-Length does not match the record's bytes", g.record(), false));
    }
    ahead = following;
    return null;
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
        return new Failure(gzip || reader == null ? segment : segment + reader.position(), describe(e), null, corrupt);
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
   * Reads past failure {@code f} to the next record, left read ahead. In a {@code .warc.gz}, a record whose
   * member is sound but whose framing is not is followed by the next member; otherwise the search starts one
   * byte past the failure, at each gzip member start (or {@code WARC/1.} in a plain file) whose first record
   * header parses.
   */
  private Broken resync(Failure f) throws IOException {
    long candidate = -1;
    long from = f.offset() + 1;
    String reason = f.reason();
    if (gzip && !f.gzip() && member != null && reader != null && segment == f.offset()) {
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
    return new Broken(f.offset(), reason, f.record(), found instanceof Got g ? g.offset() : -1);
  }

  /**
   * Whether a header found by searching is a record's rather than text that happens to look like one (a
   * page about WARC files): it has the fields the WARC standard requires of every record.
   */
  private static boolean plausible(WarcRecord r) {
    return r.headers().first("WARC-Record-ID").isPresent() && r.headers().first("WARC-Type").isPresent()
        && r.headers().first("Content-Length").isPresent();
  }

  /** An exception as a short reason: "truncated", or its kind and first line. */
  static String describe(Throwable e) {
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

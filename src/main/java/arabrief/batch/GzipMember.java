package arabrief.batch;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One gzip member (RFC 1952) of a {@code .warc.gz}, its decompressed bytes as a stream that ends where the
 * member ends, checked against the member's CRC-32 and length there. Written by hand on {@link Inflater}
 * because the JDK's {@code GZIPInputStream} (and jwarc's reader) run a file's members together and read
 * ahead past a member's end: through them neither where a member starts nor where to resume after a
 * corrupt one can be known, and jwarc does not check the CRC, so a corruption could pass unseen.
 */
final class GzipMember extends InputStream {
  /** The member is not a valid gzip member: bad header, corrupt deflate data, cut short, or a failed check. */
  static final class Corrupt extends IOException {
    Corrupt(String message) {
      super(message);
    }
  }

  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED = 0xe0;
  /** Longest file name or comment read in a header: past it the "header" is noise, not a member. */
  private static final int MAX_HEADER_STRING = 64 << 10;

  /** The bytes a member starts with (ID1, ID2, CM = deflate): what a search for the next member looks for. */
  static final byte[] MAGIC = {0x1f, (byte) 0x8b, 8};

  private final WarcInput in;
  private final Inflater inflater;
  private final CRC32 crc = new CRC32();
  private boolean finished;
  /** Once the member has failed, every later read fails the same way: the inflater's state is no longer sound. */
  private Corrupt failure;

  private GzipMember(WarcInput in, Inflater inflater) {
    this.in = in;
    this.inflater = inflater;
  }

  /**
   * The member starting at {@code in}'s position, its header read; null at the end of the input.
   *
   * @param inflater reset and used for this member (one per file, so that no native memory waits for the GC)
   * @throws Corrupt when the bytes there are not a gzip member's header
   */
  static GzipMember open(WarcInput in, Inflater inflater) throws IOException {
    int id1 = in.read();
    if (id1 < 0) {
      return null;
    }
    if (id1 != 0x1f || in.read() != 0x8b) {
      throw new Corrupt("not the start of a gzip member");
    }
    int cm = in.read();
    int flags = in.read();
    if (cm != 8 || flags < 0 || (flags & RESERVED) != 0) {
      throw new Corrupt("not the start of a gzip member");
    }
    skip(in, 6); // mtime, xfl, os
    if ((flags & FEXTRA) != 0) {
      skip(in, byteOf(in) | byteOf(in) << 8);
    }
    if ((flags & FNAME) != 0) {
      skipString(in);
    }
    if ((flags & FCOMMENT) != 0) {
      skipString(in);
    }
    if ((flags & FHCRC) != 0) {
      skip(in, 2);
    }
    inflater.reset();
    return new GzipMember(in, inflater);
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (failure != null) {
      throw failure;
    }
    try {
      return inflate(b, off, len);
    } catch (Corrupt e) {
      failure = e;
      throw e;
    }
  }

  private int inflate(byte[] b, int off, int len) throws IOException {
    if (finished) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    while (true) {
      int n;
      try {
        n = inflater.inflate(b, off, len);
      } catch (DataFormatException e) {
        throw new Corrupt("corrupt gzip data (" + e.getMessage() + ")");
      }
      if (n > 0) {
        crc.update(b, off, n);
        return n;
      }
      if (inflater.finished()) {
        in.unread(inflater.getRemaining());
        checkTrailer();
        finished = true;
        return -1;
      }
      if (inflater.needsDictionary()) {
        throw new Corrupt("corrupt gzip data (asks for a preset dictionary)");
      }
      if (inflater.needsInput()) {
        if (!in.fill()) {
          throw new Corrupt("truncated: the file ends inside a gzip member");
        }
        inflater.setInput(in.array(), in.offset(), in.available());
        in.skip(in.available());
      }
    }
  }

  /** Reads to the member's end, checking it; the input is then at the next member. */
  void drain() throws IOException {
    byte[] scratch = new byte[8192];
    while (read(scratch, 0, scratch.length) >= 0) {
      // discarded: only the member's end and its check are wanted
    }
  }

  private void checkTrailer() throws IOException {
    long expectedCrc = le32(in);
    long size = le32(in);
    if (expectedCrc != crc.getValue()) {
      throw new Corrupt("corrupt gzip member (CRC-32 does not match)");
    }
    if (size != (inflater.getBytesWritten() & 0xffffffffL)) {
      throw new Corrupt("corrupt gzip member (length does not match)");
    }
  }

  private static long le32(WarcInput in) throws IOException {
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v |= (long) byteOf(in) << (8 * i);
    }
    return v;
  }

  private static int byteOf(WarcInput in) throws IOException {
    int c = in.read();
    if (c < 0) {
      throw new Corrupt("truncated: the file ends inside a gzip member");
    }
    return c;
  }

  private static void skip(WarcInput in, int n) throws IOException {
    for (int i = 0; i < n; i++) {
      byteOf(in);
    }
  }

  private static void skipString(WarcInput in) throws IOException {
    for (int i = 0; byteOf(in) != 0; i++) {
      if (i > MAX_HEADER_STRING) {
        throw new Corrupt("not the start of a gzip member");
      }
    }
  }
}

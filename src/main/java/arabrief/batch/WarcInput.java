package arabrief.batch;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The bytes of a WARC file as {@link WarcRecords} reads them: buffered, with the absolute position of every
 * byte known, and seekable, so that after a broken record reading can go back to just past where it began
 * and search forward for the next one. One fixed buffer: memory does not grow with the file or its records.
 */
final class WarcInput implements Closeable {
  private static final int BUFFER = 64 << 10;

  private final SeekableByteChannel channel;
  private final byte[] buf = new byte[BUFFER];
  /** File offset of {@code buf[0]}. */
  private long start;
  private int pos;
  private int limit;
  private boolean eof;

  WarcInput(SeekableByteChannel channel) throws IOException {
    this.channel = channel;
    this.start = channel.position();
  }

  /** The file offset of the next byte {@link #read} returns. */
  long position() {
    return start + pos;
  }

  /** Moves to file offset {@code p}, within the buffer when it is there. */
  void seek(long p) throws IOException {
    if (p >= start && p <= start + limit) {
      pos = (int) (p - start);
      return;
    }
    try {
      channel.position(p);
    } catch (EOFException pastTheEnd) {
      // some file systems refuse to seek past the end: what is read there is nothing, as for any channel
    }
    start = p;
    pos = 0;
    limit = 0;
    eof = false;
  }

  /** True when a byte is buffered; reads more when none is. */
  boolean fill() throws IOException {
    if (pos < limit) {
      return true;
    }
    if (eof) {
      return false;
    }
    start += limit;
    pos = 0;
    limit = 0;
    ByteBuffer b = ByteBuffer.wrap(buf);
    while (limit == 0) {
      int n = channel.read(b);
      if (n < 0) {
        eof = true;
        return false;
      }
      limit = b.position();
    }
    return true;
  }

  int read() throws IOException {
    return fill() ? buf[pos++] & 0xff : -1;
  }

  int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, n);
    pos += n;
    return n;
  }

  /** The buffered bytes not yet read are {@code array()[offset() .. offset() + available()]}. */
  byte[] array() {
    return buf;
  }

  int offset() {
    return pos;
  }

  int available() {
    return limit - pos;
  }

  /** Marks {@code n} buffered bytes as read. */
  void skip(int n) {
    pos += n;
  }

  /** Gives back the last {@code n} bytes read, which are still buffered (an inflater's unused input). */
  void unread(int n) {
    if (n > pos) {
      throw new IllegalStateException("cannot unread " + n + " bytes; " + pos + " are buffered");
    }
    pos -= n;
  }

  /**
   * The offset of the next occurrence of {@code pattern} at or after the current position, which is left
   * there; -1 when there is none before the end. The simple scan is right only for patterns no proper
   * prefix of which is also a suffix (the gzip magic, {@code WARC/1.}), which is all it is used for.
   */
  long find(byte[] pattern) throws IOException {
    int matched = 0;
    while (fill()) {
      byte c = buf[pos++];
      if (c == pattern[matched]) {
        if (++matched == pattern.length) {
          long at = position() - pattern.length;
          seek(at);
          return at;
        }
      } else {
        matched = c == pattern[0] ? 1 : 0;
      }
    }
    return -1;
  }

  /** The bytes from the current position on, for a parser that buffers on its own; closing it leaves this open. */
  InputStream stream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return WarcInput.this.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return WarcInput.this.read(b, off, len);
      }
    };
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}

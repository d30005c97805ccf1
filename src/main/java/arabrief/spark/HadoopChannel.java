package arabrief.spark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A file on any Hadoop file system (HDFS, S3A, local) as the read-only seekable channel the WARC reader
 * takes: it seeks back past a broken record to search for the next one, which a plain stream cannot.
 */
final class HadoopChannel implements SeekableByteChannel {
  private final FSDataInputStream in;
  private final long size;
  private boolean open = true;

  private HadoopChannel(FSDataInputStream in, long size) {
    this.in = in;
    this.size = size;
  }

  static HadoopChannel open(FileSystem fs, Path p) throws IOException {
    long size = fs.getFileStatus(p).getLen();
    return new HadoopChannel(fs.open(p), size);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    if (!dst.hasArray()) {
      throw new IllegalArgumentException("an array-backed buffer is expected");
    }
    int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
    if (n > 0) {
      dst.position(dst.position() + n);
    }
    return n;
  }

  @Override
  public long position() throws IOException {
    return in.getPos();
  }

  @Override
  public SeekableByteChannel position(long p) throws IOException {
    // past the end, reads give nothing (as for a file channel); Hadoop's streams refuse to seek there
    in.seek(Math.min(p, size));
    return this;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public SeekableByteChannel truncate(long s) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    open = false;
    in.close();
  }
}

package arabrief.models;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer per model at a time, across threads and processes: a JVM-wide lock (file locks are per
 * process, and a second lock from the same JVM would throw) and then a {@link FileLock} on
 * {@code <root>/locks/<org>--<name>.lock}. Both wait.
 */
final class StoreLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

  private final ReentrantLock jvmLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private StoreLock(ReentrantLock jvmLock, FileChannel channel, FileLock fileLock) {
    this.jvmLock = jvmLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  static StoreLock acquire(ModelStore store, String repo) throws IOException {
    Files.createDirectories(store.locksDir());
    Path file = store.locksDir().resolve(repo.replace("/", "--") + ".lock").toAbsolutePath();
    ReentrantLock jvm = JVM_LOCKS.computeIfAbsent(file, k -> new ReentrantLock());
    jvm.lock();
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock fl = ch.lock();
      return new StoreLock(jvm, ch, fl);
    } catch (IOException | RuntimeException e) {
      if (ch != null) ch.close();
      jvm.unlock();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      fileLock.release();
      channel.close();
    } finally {
      jvmLock.unlock();
    }
  }
}

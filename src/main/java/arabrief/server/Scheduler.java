package arabrief.server;

import arabrief.mt.InputSplitter;
import arabrief.mt.Translation;
import arabrief.mt.search.GenerationSettings;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The server's one piece of its own: sentences of concurrent requests go to the model together, up to the
 * batch size. One worker thread owns the model. A batch is filled round-robin, one sentence from each
 * waiting request in turn, so a long article cannot starve a one-line request behind it; only requests
 * with the same search settings and splitter share a batch. The engine translates every sentence
 * independently of its batch companions, so a request's answer does not depend on who else was waiting.
 * Hand-written: no library schedules work at this grain (sentences of many futures into one model call).
 */
final class Scheduler implements AutoCloseable {
  /** The model behind the scheduler: one call per batch, results in input order. */
  @FunctionalInterface
  interface Engine {
    List<Translation> translate(List<String> batch, GenerationSettings settings, InputSplitter splitter);
  }

  /** Thrown by {@link #submit} when the queue is full. */
  static final class Overloaded extends Exception {
    Overloaded(String message) {
      super(message);
    }
  }

  private static final class Job {
    final List<String> segments;
    final GenerationSettings settings;
    final InputSplitter splitter;
    final Translation[] results;
    final Consumer<List<Translation>> progress;
    int prefix; // leading segments translated
    final CompletableFuture<List<Translation>> future = new CompletableFuture<>();
    int next; // first segment not yet sent to the model
    int done;

    Job(List<String> segments, GenerationSettings settings, InputSplitter splitter, Consumer<List<Translation>> progress) {
      this.progress = progress;
      this.segments = segments;
      this.settings = settings;
      this.splitter = splitter;
      this.results = new Translation[segments.size()];
    }

    boolean sameKey(Job o) {
      return splitter == o.splitter && sameSettings(settings, o.settings);
    }
  }

  /** Field-by-field equality: the settings record holds arrays, which its own equals compares by identity. */
  static boolean sameSettings(GenerationSettings a, GenerationSettings b) {
    if (a == b) {
      return true;
    }
    try {
      for (RecordComponent c : GenerationSettings.class.getRecordComponents()) {
        if (!Objects.deepEquals(plain(c.getAccessor().invoke(a)), plain(c.getAccessor().invoke(b)))) {
          return false;
        }
      }
      return true;
    } catch (ReflectiveOperationException e) {
      return false;
    }
  }

  private static Object plain(Object v) {
    return v instanceof List<?> l ? l.toArray() : v; // so deepEquals reaches the arrays inside lists
  }

  private final Engine engine;
  private final int batchSize;
  private final int queueLimit;
  private final boolean acrossRequests;
  private final Metrics metrics;
  /** Requests with segments still to send, in turn order. */
  private final LinkedList<Job> turn = new LinkedList<>();
  private int pending; // requests accepted and not yet answered
  private boolean closed;
  private final Thread worker;

  Scheduler(Engine engine, int batchSize, int queueLimit, boolean acrossRequests, Metrics metrics) {
    this.engine = engine;
    this.batchSize = batchSize;
    this.queueLimit = queueLimit;
    this.acrossRequests = acrossRequests;
    this.metrics = metrics;
    this.worker = new Thread(this::run, "arabrief-scheduler");
    this.worker.setDaemon(true);
    this.worker.start();
  }

  /** Queues a request's segments; the future completes with their translations in order. */
  CompletableFuture<List<Translation>> submit(List<String> segments, GenerationSettings settings, InputSplitter splitter)
      throws Overloaded {
    return submit(segments, settings, splitter, done -> {});
  }

  /**
   * As {@link #submit(List, GenerationSettings, InputSplitter)}, handing {@code progress} the translations
   * of the leading segments each time more of them are done (for streaming answers). It runs on the
   * scheduler's thread: it must only hand the list on.
   */
  CompletableFuture<List<Translation>> submit(
      List<String> segments, GenerationSettings settings, InputSplitter splitter, Consumer<List<Translation>> progress)
      throws Overloaded {
    Job job = new Job(List.copyOf(segments), Objects.requireNonNull(settings), splitter, progress);
    synchronized (this) {
      if (closed) {
        throw new Overloaded("the server is shutting down");
      }
      if (pending >= queueLimit) {
        throw new Overloaded("the server is busy: " + pending + " requests are queued (the limit is " + queueLimit + ")");
      }
      if (job.segments.isEmpty()) {
        job.future.complete(List.of());
        return job.future;
      }
      pending++;
      turn.addLast(job);
      metrics.queueDepth(pending);
      notifyAll();
    }
    return job.future;
  }

  /** Requests accepted and not yet answered. */
  synchronized int pending() {
    return pending;
  }

  private void run() {
    while (true) {
      List<Job> owners = new ArrayList<>();
      List<Integer> index = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      Job first;
      synchronized (this) {
        while (turn.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (turn.isEmpty()) {
          return;
        }
        first = turn.getFirst();
        fill(first, owners, index, texts);
        // the next batch starts with the next request in turn
        if (!turn.isEmpty() && turn.getFirst() == first) {
          turn.addLast(turn.removeFirst());
        }
      }
      List<Translation> out;
      try {
        out = engine.translate(texts, first.settings, first.splitter);
      } catch (RuntimeException | Error e) {
        fail(owners, e);
        continue;
      }
      metrics.batch(out);
      deliver(owners, index, out);
    }
  }

  /** One sentence from each waiting request of {@code first}'s kind in turn, until the batch is full. */
  private void fill(Job first, List<Job> owners, List<Integer> index, List<String> texts) {
    boolean took = true;
    while (texts.size() < batchSize && took) {
      took = false;
      for (Iterator<Job> it = turn.iterator(); it.hasNext() && texts.size() < batchSize; ) {
        Job j = it.next();
        if (j.future.isDone()) { // timed out or cancelled: nobody waits for it any more
          it.remove();
          continue;
        }
        if (j != first && (!acrossRequests || !j.sameKey(first))) {
          continue;
        }
        owners.add(j);
        index.add(j.next);
        texts.add(j.segments.get(j.next++));
        took = true;
        if (j.next == j.segments.size()) {
          it.remove();
        }
      }
    }
  }

  private void deliver(List<Job> owners, List<Integer> index, List<Translation> out) {
    synchronized (this) {
      for (int i = 0; i < owners.size(); i++) {
        Job j = owners.get(i);
        j.results[index.get(i)] = out.get(i);
        int before = j.prefix;
        while (j.prefix < j.results.length && j.results[j.prefix] != null) {
          j.prefix++;
        }
        if (j.prefix > before) {
          j.progress.accept(List.of(Arrays.copyOf(j.results, j.prefix)));
        }
        if (++j.done == j.segments.size()) {
          finish(j);
          j.future.complete(List.of(j.results));
        }
      }
    }
  }

  private void fail(List<Job> owners, Throwable e) {
    synchronized (this) {
      for (Job j : owners) {
        if (!j.future.isDone()) {
          turn.remove(j);
          finish(j);
        }
        j.future.completeExceptionally(e);
      }
    }
  }

  /** Forgets a request that will get no more work (answered, failed or abandoned). */
  private void finish(Job j) {
    pending--;
    metrics.queueDepth(pending);
  }

  /** Called when a waiting request gives up (timeout): its remaining segments are not translated. */
  void abandon(CompletableFuture<List<Translation>> f) {
    synchronized (this) {
      for (Iterator<Job> it = turn.iterator(); it.hasNext(); ) {
        Job j = it.next();
        if (j.future == f) {
          it.remove();
          finish(j);
          j.future.cancel(false);
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
  }
}

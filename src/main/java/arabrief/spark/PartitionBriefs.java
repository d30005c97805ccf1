package arabrief.spark;

import arabrief.article.Article;
import arabrief.article.BadInputException;
import arabrief.article.InputTooLargeException;
import arabrief.batch.Memory;
import arabrief.batch.WarcRecords;
import arabrief.batch.WindowTranslator;
import arabrief.mt.Translation;
import arabrief.pipeline.Brief;
import arabrief.pipeline.InputLimits;
import arabrief.pipeline.JvmErrors;
import arabrief.pipeline.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.spark.TaskContext;

/**
 * One partition's articles through the executor's model, as {@code arabrief batch} does it: a window of
 * documents is read and parsed, all their sentences go to the model in one call (each distinct sentence
 * once, and never one already translated in this partition), then each document is assembled. Lazy:
 * one window is in memory at a time. A document that cannot be read or translated gets its error, and
 * the others go on.
 */
final class PartitionBriefs {
  /**
   * One input document: its bytes (file content, or a text column's UTF-8), or why there are none. A web
   * page ({@code page}, from a WARC record) is decoded by its HTTP {@code charset} first, and when it is not an
   * Arabic article it is skipped (its result says why) rather than failed.
   */
  record Source(String id, String path, byte[] bytes, String error, boolean page, String charset) {
    Source(String id, String path, byte[] bytes, String error) {
      this(id, path, bytes, error, false, null);
    }

    /** How messages name the document. */
    String name() {
      return path != null ? path : id != null ? id : "document";
    }
  }

  /** A brief, or the reason there is none; {@code skipped} set for a web page that is not an article. */
  record Result(Brief brief, String error, WarcRecords.Skip skipped) {
    Result(Brief brief, String error) {
      this(brief, error, null);
    }
  }

  private PartitionBriefs() {}

  /** Maps every element of {@code in} to {@code write(element, result)}, in order, leaving out nulls. */
  static <T, R> Iterator<R> map(Iterator<T> in, BriefSettings s, Function<T, Source> read, BiFunction<T, Result, R> write) {
    TaskContext task = TaskContext.get();
    if (task != null && task.partitionId() == s.faultPartition() && task.attemptNumber() == 0) {
      throw new IllegalStateException("injected fault in partition " + s.faultPartition() + " (first attempt)");
    }
    if (!in.hasNext()) {
      return List.<R>of().iterator();
    }
    ExecutorModel.Loaded model = ExecutorModel.get(s);
    WindowTranslator translator =
        new WindowTranslator(model.translator(), model.settings(), s.batchSize(), Memory.inMemory(), "partition");
    return new Iterator<>() {
      private final ArrayDeque<R> ready = new ArrayDeque<>();

      @Override
      public boolean hasNext() {
        while (ready.isEmpty() && in.hasNext()) {
          window();
        }
        return !ready.isEmpty();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return ready.poll();
      }

      private void window() {
        List<T> items = new ArrayList<>();
        List<Article> articles = new ArrayList<>();
        Result[] results = new Result[s.window()];
        while (items.size() < s.window() && in.hasNext()) {
          T item = in.next();
          int i = items.size();
          items.add(item);
          articles.add(null);
          try {
            Source src = read.apply(item);
            if (src.error() != null) {
              results[i] = new Result(null, src.error());
            } else if (src.page()) {
              try {
                articles.set(i, InputLimits.readPage(src.bytes(), src.name(), src.charset()));
              } catch (InputTooLargeException e) {
                results[i] = new Result(null, e.getMessage());
              } catch (BadInputException e) {
                results[i] = new Result(null, e.getMessage(), WarcRecords.Skip.of(e.kind()));
              }
            } else {
              articles.set(i, InputLimits.read(src.bytes(), src.name()));
            }
          } catch (BadInputException e) {
            results[i] = new Result(null, e.getMessage());
          } catch (RuntimeException e) {
            results[i] = new Result(null, "internal error: " + e);
          } catch (OutOfMemoryError | StackOverflowError e) { // this document fails; the partition goes on
            results[i] = new Result(null, JvmErrors.describe(e));
          }
        }
        List<Integer> ok = new ArrayList<>();
        List<List<String>> segments = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
          if (articles.get(i) != null) {
            ok.add(i);
            segments.add(Pipeline.segments(articles.get(i)));
          }
        }
        List<List<Translation>> ts;
        // one model call at a time per JVM: task threads would only fight over the same cores
        synchronized (model.translator()) {
          ts = translator.translateEach(segments, (k, reason) -> results[ok.get(k)] = new Result(null, reason));
        }
        for (int k = 0; k < ok.size(); k++) {
          int i = ok.get(k);
          if (ts.get(k) != null) {
            try {
              results[i] = new Result(Pipeline.assemble(articles.get(i), ts.get(k), s.summarySentences()), null);
            } catch (RuntimeException e) {
              results[i] = new Result(null, "internal error: " + e);
            } catch (OutOfMemoryError | StackOverflowError e) {
              results[i] = new Result(null, JvmErrors.describe(e));
            }
          }
        }
        for (int i = 0; i < items.size(); i++) {
          R out = write.apply(items.get(i), results[i]);
          if (out != null) { // a web page that is not an article: left out
            ready.add(out);
          }
        }
      }
    };
  }
}

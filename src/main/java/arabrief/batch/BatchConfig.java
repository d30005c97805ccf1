package arabrief.batch;

import arabrief.mt.search.GenerationSettings;
import arabrief.render.Format;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a batch run needs besides the loaded model.
 *
 * @param glob glob on paths relative to a directory input; null for .txt, .html and .htm
 * @param window documents whose sentences share one model call; windows are cut on the documents'
 *     positions in the whole input, so a resumed run batches exactly like an uninterrupted one
 * @param model the "model" object of every JSON output (as translate writes it)
 * @param summaryWords word budget of each summary, 0 for none (see Summarizer#select)
 * @param progressBar a progress bar (terminal) instead of log lines every {@code logInterval}
 * @param inputs paths of files, directories and archives, and http(s) URLs of pages, feeds and sitemaps
 * @param fetching how URLs are fetched
 */
public record BatchConfig(
    List<String> inputs,
    Path out,
    Format format,
    boolean bilingual,
    int jobs,
    String glob,
    String textField,
    String idField,
    boolean force,
    int summarySentences,
    int summaryWords,
    int window,
    int batchSize,
    GenerationSettings settings,
    JsonNode model,
    boolean progressBar,
    Duration logInterval,
    PrintStream err,
    Fetching fetching) {
  public static final int DEFAULT_WINDOW = 32;

  public BatchConfig {
    inputs = List.copyOf(inputs);
  }

  String extension() {
    return switch (format) {
      case JSON -> "json";
      case MARKDOWN -> "md";
      case TEXT -> "txt";
    };
  }
}

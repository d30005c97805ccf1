package arabrief.cli;

import arabrief.article.Article;
import arabrief.mt.Translator;
import arabrief.mt.model.ComputePlan;
import arabrief.mt.search.GenerationSettings;
import arabrief.pipeline.Brief;
import arabrief.pipeline.ModelInfo;
import arabrief.pipeline.Pipeline;
import arabrief.render.Format;
import arabrief.render.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes one or several rendered articles: concatenated for text and markdown, a JSON array for several JSON documents. */
final class ArticleOutput {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArticleOutput() {}

  static Format format(String name) {
    Format f = Format.of(name == null ? "text" : name);
    if (f == null) {
      throw new UserException(ExitCodes.USAGE, "--format is text, markdown or json, not '" + name + "'");
    }
    return f;
  }

  /** One article's trip through a loaded pipeline: a full translation or the brief fast path. */
  @FunctionalInterface
  interface Step {
    Brief apply(Pipeline pipeline, Article article);
  }

  /**
   * What {@code translate} and {@code brief} share: check -o, fetch and parse every input first (bad input fails
   * before the model loads), load the model once, run {@code step} on each article, write the result atomically,
   * then print --stats. Returns the exit code.
   */
  static int run(List<String> files, FetchOptions fetch, String format, Path output, boolean bilingual,
      EngineOptions engine, Step step) throws IOException {
    Format f = format(format);
    AtomicOutput.check(output);
    List<ArticleInputs.Named> articles = ArticleInputs.read(files, fetch);
    Stats stats = new Stats();
    List<Brief> briefs = new ArrayList<>();
    ObjectNode model;
    ComputePlan plan;
    long t0 = System.nanoTime();
    try (Translator t = engine.load()) {
      stats.loadSeconds = (System.nanoTime() - t0) / 1e9;
      plan = t.computePlan();
      GenerationSettings settings = engine.settings(t);
      model = modelInfo(t, settings);
      Pipeline pipeline = new Pipeline(t, settings, engine.batchSize).onTranslations(stats::add);
      long t1 = System.nanoTime();
      int translated = 0;
      int total = 0;
      for (ArticleInputs.Named a : articles) {
        Brief b = step.apply(pipeline, a.article());
        if (a.origin() != null) {
          b = b.withOrigin(a.origin());
        }
        translated += b.translatedSentences();
        total += b.totalSentences();
        briefs.add(b);
      }
      stats.translateSeconds = (System.nanoTime() - t1) / 1e9;
      stats.extra.put("translated_sentences", translated);
      stats.extra.put("total_sentences", total);
    }
    // timings only when asked for: without --stats the same input gives the same bytes every run
    write(output, f, briefs, bilingual, model, engine.stats ? stats.toJson() : null);
    if (engine.stats) {
      // the document's "model" object names the plan; the --stats line names it too (for scripts reading stderr)
      System.err.println(ModelInfo.putCompute(stats.toJson(), plan));
    }
    return ExitCodes.OK;
  }

  static ObjectNode modelInfo(Translator t, GenerationSettings s) {
    return ModelInfo.of(t, s);
  }

  static void write(Path output, Format f, List<Brief> briefs, boolean bilingual, JsonNode model, JsonNode stats)
      throws IOException {
    try (AtomicOutput out = AtomicOutput.open(output)) {
      if (f == Format.JSON && briefs.size() > 1) {
        ArrayNode arr = JSON.createArrayNode();
        for (Brief b : briefs) {
          arr.add(JsonDocument.toJson(b, model, stats));
        }
        out.stream().print(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(arr) + "\n");
      } else {
        for (int i = 0; i < briefs.size(); i++) {
          if (i > 0) {
            out.stream().print(f == Format.MARKDOWN ? "\n---\n\n" : "\n" + "=".repeat(72) + "\n\n");
          }
          out.stream().print(f.render(briefs.get(i), bilingual, model, stats));
        }
      }
      out.commit();
    }
  }
}

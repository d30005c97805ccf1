package arabrief.cli;

import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import arabrief.pipeline.Brief;
import arabrief.render.Format;
import arabrief.render.JsonDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
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

  static ObjectNode modelInfo(Translator t, GenerationSettings s) {
    ObjectNode m = JSON.createObjectNode();
    m.put("path", t.modelDir().toAbsolutePath().toString());
    m.put("num_beams", s.numBeams());
    m.put("max_length", s.effectiveMaxLength());
    m.put("length_penalty", s.lengthPenalty());
    return m;
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

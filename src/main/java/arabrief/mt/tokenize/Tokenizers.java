package arabrief.mt.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Picks a model directory's tokenizer as transformers' AutoTokenizer would: by {@code tokenizer_class} in
 * {@code tokenizer_config.json}, else by the model type in {@code config.json} and the files present.
 */
public final class Tokenizers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Tokenizers() {}

  public static ModelTokenizer load(Path dir) throws IOException {
    String cls = read(dir.resolve("tokenizer_config.json")).path("tokenizer_class").asText("");
    String type = read(dir.resolve("config.json")).path("model_type").asText("marian");
    if (cls.endsWith("Fast")) {
      cls = cls.substring(0, cls.length() - "Fast".length());
    }
    boolean json = Files.isRegularFile(dir.resolve("tokenizer.json"));
    if (cls.isEmpty()) {
      cls = switch (type) {
        case "m2m_100" -> json ? "NllbTokenizer" : "M2M100Tokenizer";
        case "mbart" -> "MBart50Tokenizer";
        default -> "MarianTokenizer";
      };
    }
    switch (cls) {
      case "MarianTokenizer":
        return MarianTokenizer.load(dir);
      case "M2M100Tokenizer":
        return M2M100Tokenizer.load(dir);
      case "NllbTokenizer":
      case "MBart50Tokenizer":
        if (!json) {
          throw new IOException(dir + " lacks tokenizer.json, which a " + cls + " needs");
        }
        return JsonTokenizer.load(dir, cls.equals("NllbTokenizer") ? JsonTokenizer.Kind.NLLB : JsonTokenizer.Kind.MBART50);
      default:
        throw new IOException(dir.resolve("tokenizer_config.json") + ": tokenizer_class '" + cls + "' is not one arabrief"
            + " runs (MarianTokenizer, M2M100Tokenizer, NllbTokenizer, MBart50Tokenizer)");
    }
  }

  /** A special token named in tokenizer_config.json: a string, or an AddedToken object with its content. */
  static String configText(JsonNode config, String key, String def) {
    JsonNode n = config.path(key);
    return n.isTextual() ? n.asText() : n.path("content").asText(def);
  }

  private static JsonNode read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }
}

package arabrief.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code models list} says of a model besides its name and size: its family, its parameter count (from
 * config.json: the stored parameters, as the Hub counts them, tied tables once, fixed sinusoidal tables and buffers
 * not at all) and the
 * licence its model card declares in its front matter (NLLB-200's CC-BY-NC-4.0 is not free for commercial use).
 *
 * @param family Marian, M2M100, NLLB-200 or mBART-50; "unknown" when config.json cannot be read
 * @param parameters the parameter count, or -1 when unknown
 * @param license the model card's {@code license:}, or null when it has none
 */
public record ModelDescription(String family, long parameters, String license) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static ModelDescription of(Path dir) {
    String family = "unknown";
    long params = -1;
    try {
      JsonNode c = JSON.readTree(dir.resolve("config.json").toFile());
      String type = c.path("model_type").asText("marian");
      family = switch (type) {
        case "marian" -> "Marian";
        case "m2m_100" -> Files.isRegularFile(dir.resolve("tokenizer.json")) ? "NLLB-200" : "M2M100";
        case "mbart" -> "mBART-50";
        default -> type;
      };
      params = parameters(c, type);
    } catch (IOException | RuntimeException e) {
      // an unreadable config: family and count unknown, the list still shows the model
    }
    return new ModelDescription(family, params, license(dir.resolve("README.md")));
  }

  /** The parameter count of an encoder-decoder of {@code type} shaped as config {@code c} says. */
  static long parameters(JsonNode c, String type) {
    long d = c.path("d_model").asLong(1024);
    long v = c.path("vocab_size").asLong();
    boolean marian = type.equals("marian");
    long dv = marian && c.hasNonNull("decoder_vocab_size") ? c.get("decoder_vocab_size").asLong() : v;
    boolean tied = c.path("tie_word_embeddings").asBoolean(true);
    boolean shared = !marian || c.path("share_encoder_decoder_embeddings").asBoolean(true);
    long attention = 4 * (d * d + d);
    long norm = 2 * d;
    long encFfn = c.path("encoder_ffn_dim").asLong(4096);
    long decFfn = c.path("decoder_ffn_dim").asLong(4096);
    long encLayer = attention + 2 * norm + (d * encFfn + encFfn) + (encFfn * d + d);
    long decLayer = 2 * attention + 3 * norm + (d * decFfn + decFfn) + (decFfn * d + d);
    long n = c.path("encoder_layers").asLong(12) * encLayer + c.path("decoder_layers").asLong(12) * decLayer;
    // tables: one shared table (and the head) when tied; otherwise each is its own tensor
    if (tied) {
      n += shared ? v * d : v * d + dv * d;
    } else {
      n += (shared ? v * d : 0) + v * d + dv * d + dv * d;
    }
    if (!marian) {
      n += 2 * norm; // the final layer norms
    }
    if (type.equals("mbart")) {
      n += 2 * norm + 2 * (c.path("max_position_embeddings").asLong(1024) + 2) * d; // layernorm_embedding, positions
    }
    return n;
  }

  /** The {@code license:} of a model card's YAML front matter (between the leading "---" lines), or null. */
  static String license(Path readme) {
    if (!Files.isRegularFile(readme)) {
      return null;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      return null;
    }
    for (String line : lines.subList(1, lines.size())) {
      if (line.strip().equals("---")) {
        break;
      }
      if (line.startsWith("license:")) {
        String value = line.substring("license:".length()).strip();
        if (value.length() >= 2 && (value.startsWith("'") || value.startsWith("\""))) {
          value = value.substring(1, value.length() - 1);
        }
        return value.isEmpty() ? null : value;
      }
    }
    return null;
  }
}

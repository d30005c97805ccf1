package arabrief.mt.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The generation parameters transformers would use for a model: {@code generation_config.json} first,
 * then {@code config.json}, then transformers' own defaults; command-line overrides come on top.
 */
public record GenerationSettings(
    int numBeams,
    double lengthPenalty,
    EarlyStopping earlyStopping,
    int maxLength,
    Integer maxNewTokens,
    int minLength,
    List<long[]> badWordsIds,
    long[] eosTokenIds,
    Long forcedEosTokenId,
    long padTokenId,
    long decoderStartTokenId,
    boolean renormalizeLogits,
    double repetitionPenalty,
    int noRepeatNgramSize) {

  /** transformers' {@code early_stopping}: true, false or "never". */
  public enum EarlyStopping {
    TRUE,
    FALSE,
    NEVER;

    static EarlyStopping of(JsonNode n) {
      if (n == null || n.isNull() || n.isMissingNode()) {
        return FALSE;
      }
      if (n.isTextual()) {
        return n.asText().equals("never") ? NEVER : (n.asText().equalsIgnoreCase("true") ? TRUE : FALSE);
      }
      return n.asBoolean() ? TRUE : FALSE;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] KEYS = {
    "num_beams", "length_penalty", "early_stopping", "max_length", "max_new_tokens", "min_length",
    "bad_words_ids", "eos_token_id", "forced_eos_token_id", "pad_token_id", "decoder_start_token_id",
    "renormalize_logits", "repetition_penalty", "no_repeat_ngram_size"
  };

  /** Reads the defaults of a model directory. */
  public static GenerationSettings read(Path modelDir) throws IOException {
    return read(modelDir, null);
  }

  /**
   * Reads the defaults of a model directory with {@code overrides} (generate() keyword arguments by their
   * transformers names, e.g. {@code num_beams}, {@code max_new_tokens}) on top.
   */
  public static GenerationSettings read(Path modelDir, JsonNode overrides) throws IOException {
    JsonNode gen = readJson(modelDir.resolve("generation_config.json"));
    JsonNode cfg = readJson(modelDir.resolve("config.json"));
    com.fasterxml.jackson.databind.node.ObjectNode merged = JSON.createObjectNode();
    for (String k : KEYS) {
      if (gen != null && gen.has(k)) {
        merged.set(k, gen.get(k));
      } else if (gen == null && cfg != null && cfg.has(k)) {
        // transformers only falls back to config.json when there is no generation_config.json
        merged.set(k, cfg.get(k));
      } else if (cfg != null && cfg.has(k) && (k.endsWith("token_id") || k.equals("decoder_start_token_id"))) {
        merged.set(k, cfg.get(k));
      }
    }
    if (overrides != null) {
      overrides.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
    }
    return fromJson(merged);
  }

  static GenerationSettings fromJson(JsonNode n) {
    List<long[]> bad = new ArrayList<>();
    for (JsonNode seq : n.path("bad_words_ids")) {
      long[] ids = new long[seq.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = seq.get(i).asLong();
      }
      bad.add(ids);
    }
    JsonNode eos = n.path("eos_token_id");
    long[] eosIds;
    if (eos.isArray()) {
      eosIds = new long[eos.size()];
      for (int i = 0; i < eosIds.length; i++) {
        eosIds[i] = eos.get(i).asLong();
      }
    } else {
      eosIds = eos.isMissingNode() || eos.isNull() ? new long[0] : new long[] {eos.asLong()};
    }
    long pad = n.path("pad_token_id").asLong(eosIds.length > 0 ? eosIds[0] : 0);
    return new GenerationSettings(
        n.path("num_beams").asInt(1),
        n.path("length_penalty").asDouble(1.0),
        EarlyStopping.of(n.get("early_stopping")),
        n.path("max_length").asInt(20),
        n.hasNonNull("max_new_tokens") ? n.get("max_new_tokens").asInt() : null,
        n.path("min_length").asInt(0),
        List.copyOf(bad),
        eosIds,
        n.hasNonNull("forced_eos_token_id") ? n.get("forced_eos_token_id").asLong() : null,
        pad,
        n.path("decoder_start_token_id").asLong(pad),
        n.path("renormalize_logits").asBoolean(false),
        n.path("repetition_penalty").asDouble(1.0),
        n.path("no_repeat_ngram_size").asInt(0));
  }

  private static JsonNode readJson(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** The total decoder length (start token included) that generation may reach, as transformers computes it. */
  public int effectiveMaxLength() {
    return maxNewTokens != null ? maxNewTokens + 1 : maxLength;
  }

  public GenerationSettings withNumBeams(int beams) {
    return new GenerationSettings(beams, lengthPenalty, earlyStopping, maxLength, maxNewTokens, minLength, badWordsIds,
        eosTokenIds, forcedEosTokenId, padTokenId, decoderStartTokenId, renormalizeLogits, repetitionPenalty,
        noRepeatNgramSize);
  }

  public GenerationSettings withMaxNewTokens(Integer n) {
    return new GenerationSettings(numBeams, lengthPenalty, earlyStopping, maxLength, n, minLength, badWordsIds,
        eosTokenIds, forcedEosTokenId, padTokenId, decoderStartTokenId, renormalizeLogits, repetitionPenalty,
        noRepeatNgramSize);
  }

  boolean isEos(long token) {
    for (long e : eosTokenIds) {
      if (e == token) {
        return true;
      }
    }
    return false;
  }
}

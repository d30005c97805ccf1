package arabrief.mt.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generation parameters transformers would use for a model: {@code generation_config.json} if it exists,
 * else the generation keys of {@code config.json}, then transformers' own defaults; command-line overrides on top.
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
    Long forcedBosTokenId,
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

  /**
   * Generation keys arabrief does not implement, with the value at which transformers' generate() leaves the
   * output of greedy and beam search unchanged (null: unset). A model file or override with any other value is
   * refused by name: running it without the key's effect would give output transformers does not.
   */
  private static final Map<String, Object> NEUTRAL = neutralValues();

  private static Map<String, Object> neutralValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("do_sample", false);
    m.put("num_return_sequences", 1);
    m.put("repetition_penalty", 1.0);
    m.put("no_repeat_ngram_size", 0);
    m.put("encoder_repetition_penalty", 1.0);
    m.put("encoder_no_repeat_ngram_size", 0);
    m.put("min_new_tokens", null);
    m.put("suppress_tokens", null);
    m.put("begin_suppress_tokens", null);
    m.put("sequence_bias", null);
    m.put("exponential_decay_length_penalty", null);
    m.put("remove_invalid_values", false);
    m.put("num_beam_groups", 1);
    m.put("diversity_penalty", 0.0);
    m.put("constraints", null);
    m.put("force_words_ids", null);
    m.put("max_time", null);
    m.put("stop_strings", null);
    m.put("guidance_scale", null);
    m.put("penalty_alpha", null);
    m.put("watermarking_config", null);
    m.put("prompt_lookup_num_tokens", null);
    m.put("assistant_early_exit", null);
    m.put("token_healing", false);
    m.put("dola_layers", null);
    return m;
  }

  /** Reads the defaults of a model directory. */
  public static GenerationSettings read(Path modelDir) throws IOException {
    return read(modelDir, null);
  }

  /**
   * Reads the defaults of a model directory with {@code overrides} (generate() keyword arguments by their
   * transformers names, e.g. {@code num_beams}, {@code max_new_tokens}) on top.
   *
   * <p>As transformers 5.18 ({@code GenerationMixin.adjust_generation_fn}): with a
   * {@code generation_config.json}, the generation config is that file alone — no key of {@code config.json}
   * is consulted, special tokens included. Without it, it is {@code GenerationConfig.from_model_config} of
   * {@code config.json}'s raw dictionary (every non-null key). {@code generate()} then fills what is still
   * unset with {@code _get_default_generation_params()} (the defaults in {@link #fromJson}), puts the keyword
   * arguments on top, and {@code _prepare_special_tokens} falls back from {@code decoder_start_token_id} to
   * {@code bos_token_id} and from {@code pad_token_id} to the first EOS id.
   */
  public static GenerationSettings read(Path modelDir, JsonNode overrides) throws IOException {
    Path genFile = modelDir.resolve("generation_config.json");
    JsonNode gen = readJson(genFile);
    Path source = gen != null ? genFile : modelDir.resolve("config.json");
    JsonNode from = gen != null ? gen : readJson(source);
    ObjectNode merged = JSON.createObjectNode();
    if (from != null) {
      from.fields().forEachRemaining(e -> {
        if (!e.getValue().isNull()) {
          merged.set(e.getKey(), e.getValue());
        }
      });
    }
    refuseUnsupported(merged, source.toString());
    if (overrides != null) {
      overrides.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
      refuseUnsupported(merged, "the generation options");
    }
    if (!merged.hasNonNull("decoder_start_token_id") && !merged.hasNonNull("bos_token_id")) {
      throw new IOException(source + ": neither decoder_start_token_id nor bos_token_id is set; transformers "
          + "refuses to generate without one (\"`decoder_start_token_id` or `bos_token_id` has to be defined\")");
    }
    return fromJson(merged);
  }

  /** Throws when {@code n} sets a generation key arabrief does not implement to a value that would matter. */
  static void refuseUnsupported(JsonNode n, String source) throws IOException {
    for (Map.Entry<String, Object> e : NEUTRAL.entrySet()) {
      JsonNode v = n.get(e.getKey());
      if (v == null || v.isNull()) {
        continue;
      }
      Object neutral = e.getValue();
      boolean same = neutral instanceof Boolean b ? v.isBoolean() && v.asBoolean() == b
          : neutral instanceof Integer i ? v.isNumber() && v.asDouble() == i
          : neutral instanceof Double d ? v.isNumber() && v.asDouble() == d
          : v.isArray() && v.isEmpty();
      if (!same) {
        throw new IOException(source + " sets the generation key '" + e.getKey() + "' to " + v
            + ", which arabrief does not implement; remove the key (or set it to "
            + (neutral == null ? "null" : neutral) + ") to run this model");
      }
    }
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
        n.hasNonNull("forced_bos_token_id") ? n.get("forced_bos_token_id").asLong() : null,
        pad,
        n.hasNonNull("decoder_start_token_id") ? n.get("decoder_start_token_id").asLong() : n.path("bos_token_id").asLong(),
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
        eosTokenIds, forcedEosTokenId, forcedBosTokenId, padTokenId, decoderStartTokenId, renormalizeLogits,
        repetitionPenalty, noRepeatNgramSize);
  }

  public GenerationSettings withMaxNewTokens(Integer n) {
    return new GenerationSettings(numBeams, lengthPenalty, earlyStopping, maxLength, n, minLength, badWordsIds,
        eosTokenIds, forcedEosTokenId, forcedBosTokenId, padTokenId, decoderStartTokenId, renormalizeLogits,
        repetitionPenalty, noRepeatNgramSize);
  }

  /**
   * These settings with generation forced to start with {@code token} (ForcedBOSTokenLogitsProcessor): how a
   * multilingual model is told to write English.
   */
  public GenerationSettings withForcedBos(Long token) {
    return new GenerationSettings(numBeams, lengthPenalty, earlyStopping, maxLength, maxNewTokens, minLength,
        badWordsIds, eosTokenIds, forcedEosTokenId, token, padTokenId, decoderStartTokenId, renormalizeLogits,
        repetitionPenalty, noRepeatNgramSize);
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

package arabrief.mt.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * transformers' NllbTokenizer and MBart50Tokenizer, which run a {@code tokenizer.json} through HF tokenizers (here
 * DJL's binding of the same library). transformers 5.18 does not run the file as it is: the class takes the
 * vocabulary (and merges) from it and builds the rest itself ({@code TokenizersBackend.convert_to_native_format}
 * and the class's {@code __init__}), so this does the same: the SentencePiece normalizer from the file's
 * precompiled charsmap followed by collapsing runs of spaces, Metaspace splitting and decoding, the file's added
 * tokens; NLLB's model is BPE (unknowns fused), mBART-50's Unigram with {@code <unk>} at 3.
 *
 * <p>The language code goes where the class puts it: first for mBART-50 and current NLLB ({@code [code] ...
 * </s>}), last for NLLB's legacy behaviour ({@code ... </s> [code]}, {@code legacy_behaviour: true} in
 * tokenizer_config.json).
 */
final class JsonTokenizer implements ModelTokenizer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPIECE_UNDERLINE = "\u2581";

  /** The tokenizer classes read here. */
  enum Kind {
    NLLB("eng_Latn"),
    MBART50("en_XX");

    final String english;

    Kind(String english) {
      this.english = english;
    }
  }

  private final HuggingFaceTokenizer hf;
  private final Kind kind;
  private final boolean legacy;
  private final boolean cleanUp;
  private final Map<String, Long> vocab;
  /** The ids of the added tokens (special tokens, language codes): never in a shortlist's frequent pieces. */
  private final java.util.Set<Long> added;
  /** Unigram scores by id (mBART-50), for a shortlist's order; null for BPE. */
  private final float[] scores;
  private final long eos;
  private final List<String> arabic;
  private volatile String source;

  private JsonTokenizer(HuggingFaceTokenizer hf, Kind kind, boolean legacy, boolean cleanUp, Map<String, Long> vocab,
      java.util.Set<Long> added, float[] scores, long eos) {
    this.added = added;
    this.hf = hf;
    this.kind = kind;
    this.legacy = legacy;
    this.cleanUp = cleanUp;
    this.vocab = vocab;
    this.scores = scores;
    this.eos = eos;
    arabic = kind == Kind.NLLB ? LanguageCodes.arabicNllb(vocab.keySet()) : LanguageCodes.arabicMbart(vocab.keySet());
    source = arabic.isEmpty() ? null : arabic.get(0);
  }

  static JsonTokenizer load(Path dir, Kind kind) throws IOException {
    Path file = dir.resolve("tokenizer.json");
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    if (!root.isObject() || !root.path("model").isObject()) {
      throw new IOException(file + " has no tokenizer model");
    }
    Path configFile = dir.resolve("tokenizer_config.json");
    JsonNode config = Files.isRegularFile(configFile) ? JSON.readTree(configFile.toFile()) : JSON.createObjectNode();
    ObjectNode t = (ObjectNode) root;
    ObjectNode model = (ObjectNode) t.get("model");
    Map<String, Long> vocab = new HashMap<>();
    float[] scores = null;
    String type = model.path("type").asText("");
    if (kind == Kind.NLLB) {
      if (!type.equals("BPE") || !model.path("vocab").isObject()) {
        throw new IOException(file + ": an NLLB tokenizer.json holds a BPE model, this one a '" + type + "' model");
      }
      model.get("vocab").fields().forEachRemaining(e -> vocab.put(e.getKey(), e.getValue().asLong()));
      // NllbTokenizer.__init__: BPE(vocab, merges, dropout=None, unk_token, fuse_unk=True, byte_fallback=False)
      model.putNull("dropout");
      model.put("unk_token", Tokenizers.configText(config, "unk_token", "<unk>"));
      model.put("fuse_unk", true);
      model.put("byte_fallback", false);
    } else {
      if (!type.equals("Unigram") || !model.path("vocab").isArray()) {
        throw new IOException(file + ": an mBART-50 tokenizer.json holds a Unigram model, this one a '" + type + "' model");
      }
      ArrayNode v = (ArrayNode) model.get("vocab");
      scores = new float[v.size()];
      for (int i = 0; i < v.size(); i++) {
        vocab.put(v.get(i).path(0).asText(), (long) i);
        scores[i] = (float) v.get(i).path(1).asDouble();
      }
      // MBart50Tokenizer.__init__: Unigram(vocab, unk_id=3, byte_fallback=False)
      model.put("unk_id", 3);
      model.put("byte_fallback", false);
    }
    java.util.Set<Long> added = new java.util.HashSet<>();
    for (JsonNode a : t.path("added_tokens")) {
      vocab.putIfAbsent(a.path("content").asText(), a.path("id").asLong());
      added.add(a.path("id").asLong());
    }
    t.set("normalizer", normalizer(root.get("normalizer"), kind));
    ObjectNode meta = JSON.createObjectNode().put("type", "Metaspace").put("replacement", SPIECE_UNDERLINE)
        .put("prepend_scheme", "always").put("split", true);
    t.set("pre_tokenizer", meta);
    t.set("decoder", meta.deepCopy());
    t.putNull("post_processor"); // the language code and </s> are placed below, per class
    t.putNull("truncation");
    t.putNull("padding");
    String eosToken = Tokenizers.configText(config, "eos_token", "</s>");
    Long eos = vocab.get(eosToken);
    if (eos == null) {
      throw new IOException(file + " has no end-of-sequence token '" + eosToken + "'");
    }
    Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");
    HuggingFaceTokenizer hf;
    try (ByteArrayInputStream in = new ByteArrayInputStream(JSON.writeValueAsBytes(t))) {
      hf = HuggingFaceTokenizer.newInstance(in, options);
    } catch (RuntimeException e) {
      throw new IOException(file + " cannot be loaded by HF tokenizers: " + e.getMessage(), e);
    }
    boolean legacy = kind == Kind.NLLB && config.path("legacy_behaviour").asBoolean(false);
    // transformers skips the clean-up for BPE models ("destructive for BPE")
    boolean cleanUp = kind == Kind.MBART50 && config.path("clean_up_tokenization_spaces").asBoolean(false);
    return new JsonTokenizer(hf, kind, legacy, cleanUp, vocab, added, scores, eos);
  }

  /**
   * The class's normalizer: the file's precompiled charsmap (when it has one) then runs of two or more spaces
   * collapsed; NLLB has no normalizer at all without a charsmap, mBART-50 still collapses spaces.
   */
  private static JsonNode normalizer(JsonNode fileNormalizer, Kind kind) {
    String charsmap = null;
    List<JsonNode> parts = new ArrayList<>();
    if (fileNormalizer != null && !fileNormalizer.isNull()) {
      if (fileNormalizer.path("type").asText().equals("Sequence")) {
        fileNormalizer.path("normalizers").forEach(parts::add);
      } else {
        parts.add(fileNormalizer);
      }
    }
    for (JsonNode n : parts) {
      if (n.path("type").asText().equals("Precompiled") && n.hasNonNull("precompiled_charsmap")) {
        charsmap = n.get("precompiled_charsmap").asText();
        break;
      }
    }
    if (charsmap == null && kind == Kind.NLLB) {
      return JSON.nullNode();
    }
    ObjectNode seq = JSON.createObjectNode().put("type", "Sequence");
    ArrayNode list = seq.putArray("normalizers");
    if (charsmap != null) {
      list.addObject().put("type", "Precompiled").put("precompiled_charsmap", charsmap);
    }
    ObjectNode rep = list.addObject().put("type", "Replace");
    rep.putObject("pattern").put("Regex", " {2,}");
    rep.put("content", " ");
    return seq;
  }

  @Override
  public long[] encode(String text) {
    long[] body = hf.encode(text, false, false).getIds();
    return place(body, source == null ? -1 : vocab.get(source));
  }

  private long[] place(long[] body, long code) {
    int extra = code < 0 ? 1 : 2;
    long[] out = new long[body.length + extra];
    int at = 0;
    if (code >= 0 && !legacy) {
      out[at++] = code;
    }
    System.arraycopy(body, 0, out, at, body.length);
    at += body.length;
    out[at++] = eos;
    if (code >= 0 && legacy) {
      out[at] = code;
    }
    return out;
  }

  @Override
  public List<String> tokens(String text) {
    Encoding e = hf.encode(text, false, false);
    List<String> out = new ArrayList<>();
    if (source != null && !legacy) {
      out.add(source);
    }
    out.addAll(Arrays.asList(e.getTokens()));
    out.add("</s>");
    if (source != null && legacy) {
      out.add(source);
    }
    return out;
  }

  @Override
  public String decode(long[] ids) {
    String text = hf.decode(ids, true);
    return cleanUp ? MarianTokenizer.cleanUpTokenization(text) : text;
  }

  @Override
  public long eosId() {
    return eos;
  }

  @Override
  public long maxId() {
    long max = 0;
    for (long v : vocab.values()) {
      max = Math.max(max, v);
    }
    return max;
  }

  /**
   * The pieces (no added token) by Unigram score (mBART-50), else by id (a BPE vocabulary is in merge order,
   * frequent pieces first).
   */
  @Override
  public long[] targetIdsByFrequency() {
    Long[] ids = vocab.values().stream().filter(id -> !added.contains(id)).distinct().sorted().toArray(Long[]::new);
    if (scores != null) {
      Arrays.sort(ids, java.util.Comparator.comparingDouble(id -> id < scores.length ? -scores[(int) (long) id] : 0.0));
    }
    return Arrays.stream(ids).mapToLong(Long::longValue).toArray();
  }

  @Override
  public List<String> sourceLanguages() {
    return arabic;
  }

  @Override
  public String sourceLanguage() {
    return source;
  }

  @Override
  public void setSourceLanguage(String code) {
    if (!arabic.contains(code)) {
      throw new IllegalArgumentException(ModelTokenizer.unknownCode(code, arabic));
    }
    source = code;
  }

  @Override
  public long targetLanguageId() {
    return vocab.getOrDefault(kind.english, -1L);
  }

  @Override
  public void close() {
    hf.close();
  }
}

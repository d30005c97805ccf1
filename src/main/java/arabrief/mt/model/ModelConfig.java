package arabrief.mt.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The architecture of a checkpoint, read from its {@code config.json} with the defaults of its family's
 * transformers config class ({@code MarianConfig}, {@code M2M100Config}, {@code MBartConfig}).
 */
public record ModelConfig(
    Family family,
    int vocabSize,
    int decoderVocabSize,
    int dModel,
    int encoderLayers,
    int decoderLayers,
    int encoderHeads,
    int decoderHeads,
    int encoderFfnDim,
    int decoderFfnDim,
    int maxPositions,
    String activation,
    boolean scaleEmbedding,
    boolean shareEncoderDecoderEmbeddings,
    boolean tieWordEmbeddings,
    int padTokenId,
    int eosTokenId,
    int decoderStartTokenId,
    JsonNode raw) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public static ModelConfig read(Path modelDir) throws IOException {
    Path file = modelDir.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " is missing: a model directory needs config.json");
    }
    JsonNode n;
    try {
      n = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    return parse(n, file.toString());
  }

  static ModelConfig parse(JsonNode n, String source) throws IOException {
    String type = n.path("model_type").asText("marian");
    Family family = Family.of(type);
    if (family == null) {
      throw new ModelFormatException(source + ": model_type is '" + type + "', which arabrief does not run (it runs "
          + Family.supported() + ")");
    }
    boolean marian = family == Family.MARIAN;
    int vocab = requireInt(n, "vocab_size", source);
    int dModel = n.path("d_model").asInt(1024);
    int pad = n.path("pad_token_id").asInt(marian ? 58100 : 1);
    // only MarianMTModel has separate vocabularies; the other families always share one table
    boolean share = !marian || n.path("share_encoder_decoder_embeddings").asBoolean(true);
    int decVocab = marian && n.hasNonNull("decoder_vocab_size") ? n.get("decoder_vocab_size").asInt() : vocab;
    ModelConfig c =
        new ModelConfig(
            family,
            vocab,
            decVocab, // decoder.embed_tokens is nn.Embedding(decoder_vocab_size) whether shared or not
            dModel,
            n.path("encoder_layers").asInt(12),
            n.path("decoder_layers").asInt(12),
            n.path("encoder_attention_heads").asInt(16),
            n.path("decoder_attention_heads").asInt(16),
            n.path("encoder_ffn_dim").asInt(4096),
            n.path("decoder_ffn_dim").asInt(4096),
            n.path("max_position_embeddings").asInt(1024),
            n.path("activation_function").asText(family == Family.M2M100 ? "relu" : "gelu"),
            n.path("scale_embedding").asBoolean(family == Family.M2M100),
            share,
            n.path("tie_word_embeddings").asBoolean(true),
            pad,
            n.path("eos_token_id").asInt(marian ? 0 : 2),
            n.path("decoder_start_token_id").asInt(marian ? pad : 2),
            n);
    if (dModel % c.encoderHeads != 0 || dModel % c.decoderHeads != 0) {
      throw new ModelFormatException(source + ": d_model " + dModel + " is not divisible by the attention heads");
    }
    if (marian && (n.path("normalize_before").asBoolean(false) || n.path("add_final_layer_norm").asBoolean(false))) {
      throw new ModelFormatException(source + ": pre-norm Marian variants (normalize_before) are not supported");
    }
    Activation.of(c.activation, source); // fail early on an unknown activation
    return c;
  }

  private static int requireInt(JsonNode n, String key, String source) throws IOException {
    if (!n.hasNonNull(key) || !n.get(key).canConvertToInt()) {
      throw new ModelFormatException(source + ": '" + key + "' is missing or not an integer");
    }
    return n.get(key).asInt();
  }

  public int targetVocabSize() {
    return shareEncoderDecoderEmbeddings ? vocabSize : decoderVocabSize;
  }
}

package arabrief.mt.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The architecture of a Marian checkpoint, read from its {@code config.json} with transformers' defaults. */
public record MarianConfig(
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

  public static MarianConfig read(Path modelDir) throws IOException {
    Path file = modelDir.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " is missing: a Marian model directory needs config.json");
    }
    JsonNode n;
    try {
      n = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    return parse(n, file.toString());
  }

  static MarianConfig parse(JsonNode n, String source) throws IOException {
    String type = n.path("model_type").asText("marian");
    if (!type.equals("marian")) {
      throw new IOException(source + ": model_type is '" + type + "', arabrief runs Marian models only");
    }
    int vocab = requireInt(n, "vocab_size", source);
    int dModel = n.path("d_model").asInt(1024);
    int pad = n.path("pad_token_id").asInt(58100);
    boolean share = n.path("share_encoder_decoder_embeddings").asBoolean(true);
    int decVocab = n.hasNonNull("decoder_vocab_size") ? n.get("decoder_vocab_size").asInt() : vocab;
    MarianConfig c =
        new MarianConfig(
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
            n.path("activation_function").asText("gelu"),
            n.path("scale_embedding").asBoolean(false),
            share,
            n.path("tie_word_embeddings").asBoolean(true),
            pad,
            n.path("eos_token_id").asInt(0),
            n.path("decoder_start_token_id").asInt(pad),
            n);
    if (dModel % c.encoderHeads != 0 || dModel % c.decoderHeads != 0) {
      throw new IOException(source + ": d_model " + dModel + " is not divisible by the attention heads");
    }
    if (n.path("normalize_before").asBoolean(false) || n.path("add_final_layer_norm").asBoolean(false)) {
      throw new IOException(source + ": pre-norm Marian variants (normalize_before) are not supported");
    }
    Activation.of(c.activation, source); // fail early on an unknown activation
    return c;
  }

  private static int requireInt(JsonNode n, String key, String source) throws IOException {
    if (!n.hasNonNull(key) || !n.get(key).canConvertToInt()) {
      throw new IOException(source + ": '" + key + "' is missing or not an integer");
    }
    return n.get(key).asInt();
  }

  public int targetVocabSize() {
    return shareEncoderDecoderEmbeddings ? vocabSize : decoderVocabSize;
  }
}

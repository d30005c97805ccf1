package arabrief.mt.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * transformers' MarianTokenizer on DJL's Hugging Face tokenizers: the source {@code .spm} (unigram
 * pieces and its normalizer) becomes a {@code tokenizer.json} in memory, its pieces are mapped to ids
 * through {@code vocab.json} (unknown pieces to {@code <unk>}) and {@code </s>} is appended. Decoding
 * follows {@code MarianTokenizer.decode(ids, skip_special_tokens=True)}.
 */
public final class MarianTokenizer implements ModelTokenizer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPIECE_UNDERLINE = "\u2581";

  private final HuggingFaceTokenizer source;
  private final Map<String, Long> encoder;
  private final Map<Long, String> decoder;
  private final Set<String> decodeControlPieces;
  private final long eosId;
  private final long unkId;
  private final long padId;
  private final Set<Long> specialIds = new HashSet<>();
  /** The special tokens transformers splits the text on before SentencePiece sees it. */
  private final AddedTokens specialTokens;
  private final boolean cleanUpSpaces;
  /** target.spm: read again only when a vocabulary shortlist asks for its pieces' scores. */
  private final Path targetSpm;

  private MarianTokenizer(HuggingFaceTokenizer source, Map<String, Long> encoder, Map<Long, String> decoder,
      Set<String> decodeControlPieces, boolean cleanUpSpaces, Path targetSpm) throws IOException {
    this.targetSpm = targetSpm;
    this.source = source;
    this.encoder = encoder;
    this.decoder = decoder;
    this.decodeControlPieces = decodeControlPieces;
    this.cleanUpSpaces = cleanUpSpaces;
    this.eosId = required(encoder, "</s>");
    this.unkId = required(encoder, "<unk>");
    this.padId = encoder.getOrDefault("<pad>", -1L);
    specialIds.add(eosId);
    specialIds.add(unkId);
    if (padId >= 0) {
      specialIds.add(padId);
    }
    specialTokens = AddedTokens.of(padId >= 0 ? List.of("</s>", "<unk>", "<pad>") : List.of("</s>", "<unk>"));
  }

  private static long required(Map<String, Long> vocab, String token) throws IOException {
    Long id = vocab.get(token);
    if (id == null) {
      throw new IOException("vocab.json has no '" + token + "' token");
    }
    return id;
  }

  /** Loads {@code source.spm}, {@code target.spm}, {@code vocab.json} (and {@code target_vocab.json}) of a model. */
  public static MarianTokenizer load(Path modelDir) throws IOException {
    SentencePieceModel src = SentencePieceModel.read(require(modelDir, "source.spm"));
    Path targetSpm = require(modelDir, "target.spm");
    Map<String, Long> encoder = VocabJson.read(require(modelDir, "vocab.json"));
    JsonNode tokConfig = readOptional(modelDir.resolve("tokenizer_config.json"));
    boolean separate = tokConfig != null && tokConfig.path("separate_vocabs").asBoolean(false);
    Path targetVocab = modelDir.resolve("target_vocab.json");
    Map<String, Long> targetEncoder = separate && Files.isRegularFile(targetVocab) ? VocabJson.read(targetVocab) : encoder;
    Map<Long, String> decoder = new HashMap<>();
    targetEncoder.forEach((k, v) -> decoder.put(v, k));
    // transformers decodes with the source spm when the vocabulary is shared, the target spm otherwise
    SentencePieceModel decodeSpm = separate ? SentencePieceModel.read(targetSpm) : src;
    Set<String> control = new HashSet<>();
    for (SentencePieceModel.Piece p : decodeSpm.pieces()) {
      if (p.type() == SentencePieceModel.CONTROL) {
        control.add(p.piece());
      }
    }
    boolean cleanUp = tokConfig != null && tokConfig.path("clean_up_tokenization_spaces").asBoolean(false);
    HuggingFaceTokenizer hf;
    Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");
    try (ByteArrayInputStream in = new ByteArrayInputStream(SpmTokenizerJson.of(src))) {
      hf = HuggingFaceTokenizer.newInstance(in, options);
    }
    return new MarianTokenizer(hf, encoder, decoder, control, cleanUp, targetSpm);
  }

  private static Path require(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new IOException(dir + " lacks " + name + ", which a Marian tokenizer needs");
    }
    return p;
  }

  private static JsonNode readOptional(Path p) throws IOException {
    return Files.isRegularFile(p) ? JSON.readTree(p.toFile()) : null;
  }

  /** Source pieces of {@code text} as SentencePiece gives them (no {@code </s>}). */
  public List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    for (String segment : specialTokens.split(text)) {
      if (specialTokens.contains(segment)) {
        out.add(segment);
        continue;
      }
      if (segment.isEmpty()) {
        continue;
      }
      Encoding e = source.encode(segment, false, false);
      for (String t : e.getTokens()) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The tokens of {@code text} that {@link #encode} maps to ids: a leading language code such as
   * {@code >>fra<<}, the SentencePiece pieces, then {@code </s>}.
   */
  public List<String> tokens(String text) {
    String body = text;
    List<String> toks = new ArrayList<>();
    // a leading target-language code such as >>fra<< is one token, as in MarianTokenizer
    if (body.startsWith(">>")) {
      int end = body.indexOf("<<");
      if (end >= 0) {
        toks.add(body.substring(0, end + 2));
        body = body.substring(end + 2);
      }
    }
    toks.addAll(pieces(body));
    toks.add("</s>");
    return toks;
  }

  /** Model input ids for {@code text}: {@code tokenizer(text)["input_ids"]}, {@code </s>} last. */
  public long[] encode(String text) {
    List<String> toks = tokens(text);
    long[] ids = new long[toks.size()];
    for (int i = 0; i < toks.size() - 1; i++) {
      ids[i] = encoder.getOrDefault(toks.get(i), unkId);
    }
    ids[toks.size() - 1] = eosId;
    return ids;
  }

  /** Text of the output ids, as {@code MarianTokenizer.decode(ids, skip_special_tokens=True)} gives it. */
  public String decode(long[] ids) {
    return decode(ids, true);
  }

  /**
   * Text of {@code ids} as {@code MarianTokenizer.decode} gives it: runs of ordinary pieces go through
   * SentencePiece's decoding (pieces joined, the first one's leading "▁" dropped, control pieces
   * invisible, pieces it does not know kept as they are), special tokens are kept verbatim followed by a
   * space unless skipped, then "▁" becomes a space and the ends are stripped.
   */
  public String decode(long[] ids, boolean skipSpecialTokens) {
    StringBuilder out = new StringBuilder();
    List<String> run = new ArrayList<>();
    for (long id : ids) {
      String piece = decoder.get(id);
      if (specialIds.contains(id)) {
        if (!skipSpecialTokens) {
          out.append(spmDecode(run)).append(piece).append(' ');
          run.clear();
        }
        continue;
      }
      if (piece != null) {
        run.add(piece);
      }
    }
    out.append(spmDecode(run));
    String text = out.toString().replace(SPIECE_UNDERLINE, " ").strip();
    return cleanUpSpaces ? cleanUpTokenization(text) : text;
  }

  private String spmDecode(List<String> pieces) {
    StringBuilder sb = new StringBuilder();
    for (String p : pieces) {
      if (!decodeControlPieces.contains(p)) {
        sb.append(p);
      }
    }
    int start = 0;
    while (sb.indexOf(SPIECE_UNDERLINE, start) == start) {
      start += SPIECE_UNDERLINE.length();
    }
    return sb.substring(start).replace(SPIECE_UNDERLINE, " ");
  }

  /** transformers' {@code clean_up_tokenization}, used when tokenizer_config.json asks for it. */
  static String cleanUpTokenization(String s) {
    return s.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",")
        .replace(" ' ", "'").replace(" n't", "n't").replace(" 'm", "'m").replace(" 's", "'s")
        .replace(" 've", "'ve").replace(" 're", "'re");
  }

  /**
   * Output ids of the target SentencePiece pieces, most likely first (unigram scores): a vocabulary
   * shortlist's order. Reads target.spm; only the opt-in shortlist needs it, so loading does not.
   */
  public long[] targetIdsByFrequency() throws IOException {
    Map<String, Long> ids = new HashMap<>();
    decoder.forEach((id, piece) -> ids.put(piece, id));
    List<SentencePieceModel.Piece> byScore = new ArrayList<>(SentencePieceModel.read(targetSpm).pieces());
    byScore.sort((a, b) -> Float.compare(b.score(), a.score()));
    List<Long> frequent = new ArrayList<>();
    for (SentencePieceModel.Piece p : byScore) {
      Long id = ids.get(p.piece());
      if (id != null && (p.type() == SentencePieceModel.NORMAL || p.type() == SentencePieceModel.USER_DEFINED)) {
        frequent.add(id);
      }
    }
    return frequent.stream().mapToLong(Long::longValue).toArray();
  }

  public long eosId() {
    return eosId;
  }

  @Override
  public long maxId() {
    long max = 0;
    for (long v : encoder.values()) {
      max = Math.max(max, v);
    }
    for (long v : decoder.keySet()) {
      max = Math.max(max, v);
    }
    return max;
  }

  /** opus-mt models translate one language pair: no source code. */
  @Override
  public List<String> sourceLanguages() {
    return List.of();
  }

  @Override
  public String sourceLanguage() {
    return null;
  }

  @Override
  public void setSourceLanguage(String code) {
    throw new IllegalArgumentException(ModelTokenizer.unknownCode(code, List.of()));
  }

  @Override
  public long targetLanguageId() {
    return -1;
  }

  @Override
  public void close() {
    source.close();
  }
}

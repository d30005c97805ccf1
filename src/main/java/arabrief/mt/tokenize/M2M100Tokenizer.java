package arabrief.mt.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * transformers' M2M100Tokenizer (a Python tokenizer: {@code vocab.json} and the SentencePiece BPE model
 * {@code sentencepiece.bpe.model}): the text is split on the added tokens, each run cut into SentencePiece pieces
 * that {@code vocab.json} maps to ids (unknown pieces to {@code <unk>}), and the source code {@code __ar__} goes
 * first, {@code </s>} last. The language codes' ids follow the vocabulary ({@code len(vocab.json)} + their index in
 * the tokenizer's code list). A code is a special token, matched in text and skipped in decoding, only when
 * {@code tokenizer_config.json} lists it, as the Hub repos do.
 */
final class M2M100Tokenizer implements ModelTokenizer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SPM = "sentencepiece.bpe.model";
  private static final String SPIECE_UNDERLINE = "\u2581";

  private final HuggingFaceTokenizer pieces;
  private final Map<String, Long> encoder;
  private final Map<Long, String> decoder = new HashMap<>();
  /** Language code (e.g. "ar") to its id. */
  private final Map<String, Long> codeIds = new HashMap<>();
  /** Added tokens (special tokens, listed language tokens) to their ids. */
  private final Map<String, Long> addedIds = new HashMap<>();
  private final Set<Long> specialIds = new HashSet<>();
  private final AddedTokens added;
  private final Path spm;
  private final long eos;
  private final long unk;
  private final List<String> arabic;
  private volatile String source;

  private M2M100Tokenizer(HuggingFaceTokenizer pieces, Map<String, Long> encoder, List<String> codes,
      JsonNode config, Path spm) throws IOException {
    this.pieces = pieces;
    this.encoder = encoder;
    this.spm = spm;
    encoder.forEach((k, v) -> decoder.put(v, k));
    for (int i = 0; i < codes.size(); i++) {
      codeIds.put(codes.get(i), (long) encoder.size() + i);
    }
    String eosToken = Tokenizers.configText(config, "eos_token", "</s>");
    String unkToken = Tokenizers.configText(config, "unk_token", "<unk>");
    List<AddedTokens.Token> tokens = new ArrayList<>();
    Set<String> special = new LinkedHashSet<>();
    for (String key : new String[] {"bos_token", "eos_token", "sep_token", "pad_token", "unk_token"}) {
      String def = switch (key) {
        case "bos_token" -> "<s>";
        case "pad_token" -> "<pad>";
        case "unk_token" -> "<unk>";
        default -> "</s>";
      };
      special.add(Tokenizers.configText(config, key, def));
    }
    for (String key : new String[] {"additional_special_tokens", "extra_special_tokens"}) {
      for (JsonNode t : config.path(key)) {
        special.add(t.isTextual() ? t.asText() : t.path("content").asText());
      }
    }
    // tokenizer_config.json's added_tokens_decoder gives the ids and whitespace flags transformers saved
    Map<String, JsonNode> saved = new HashMap<>();
    config.path("added_tokens_decoder").fields().forEachRemaining(e -> {
      saved.put(e.getValue().path("content").asText(), e.getValue());
      try {
        addedIds.put(e.getValue().path("content").asText(), Long.parseLong(e.getKey()));
      } catch (NumberFormatException ignored) {
        // not an id: the token is treated like one listed without flags
      }
    });
    for (String s : special) {
      JsonNode flags = saved.get(s);
      tokens.add(new AddedTokens.Token(s, flags != null && flags.path("lstrip").asBoolean(false),
          flags != null && flags.path("rstrip").asBoolean(false)));
      Long id = addedIds.containsKey(s) ? addedIds.get(s) : idOf(s);
      if (id != null) {
        addedIds.put(s, id);
        specialIds.add(id);
      }
    }
    added = new AddedTokens(tokens);
    eos = require(eosToken);
    unk = require(unkToken);
    arabic = LanguageCodes.arabicM2M100(codes);
    // the saved src_lang is whatever the converter used (often "en"): arabrief translates from Arabic
    source = arabic.isEmpty() ? null : arabic.get(0);
  }

  private long require(String token) throws IOException {
    Long id = idOf(token);
    if (id == null) {
      throw new IOException("vocab.json has no '" + token + "' token");
    }
    return id;
  }

  /** The id transformers gives a token: an added token's, a language token's, else vocab.json's (or null). */
  private Long idOf(String token) {
    if (addedIds.containsKey(token)) {
      return addedIds.get(token);
    }
    if (token.startsWith("__") && token.endsWith("__") && codeIds.containsKey(token.substring(2, token.length() - 2))) {
      return codeIds.get(token.substring(2, token.length() - 2));
    }
    return encoder.get(token);
  }

  static M2M100Tokenizer load(Path dir) throws IOException {
    Path spmFile = dir.resolve(SPM);
    Path vocabFile = dir.resolve("vocab.json");
    for (Path p : new Path[] {spmFile, vocabFile}) {
      if (!Files.isRegularFile(p)) {
        throw new IOException(dir + " lacks " + p.getFileName() + ", which an M2M100 tokenizer needs");
      }
    }
    Path configFile = dir.resolve("tokenizer_config.json");
    JsonNode config = Files.isRegularFile(configFile) ? JSON.readTree(configFile.toFile()) : JSON.createObjectNode();
    String codes = config.path("language_codes").asText("m2m100");
    List<String> list = switch (codes) {
      case "m2m100" -> LanguageCodes.M2M100;
      case "wmt21" -> LanguageCodes.WMT21;
      default -> throw new IOException(configFile + ": language_codes '" + codes + "' is not m2m100 or wmt21");
    };
    SentencePieceModel model = SentencePieceModel.read(spmFile);
    Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");
    HuggingFaceTokenizer hf;
    try (ByteArrayInputStream in = new ByteArrayInputStream(SpmTokenizerJson.of(model))) {
      hf = HuggingFaceTokenizer.newInstance(in, options);
    }
    try {
      return new M2M100Tokenizer(hf, VocabJson.read(vocabFile), list, config, spmFile);
    } catch (IOException | RuntimeException e) {
      hf.close();
      throw e;
    }
  }

  @Override
  public List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    if (source != null) {
      out.add("__" + source + "__");
    }
    for (String part : added.split(text)) {
      if (added.contains(part)) {
        out.add(part);
      } else {
        for (String t : pieces.encode(part, false, false).getTokens()) {
          out.add(t);
        }
      }
    }
    out.add(decoder.getOrDefault(eos, "</s>"));
    return out;
  }

  @Override
  public long[] encode(String text) {
    List<String> toks = tokens(text);
    long[] ids = new long[toks.size()];
    for (int i = 0; i < ids.length; i++) {
      Long id = i == 0 && source != null ? codeIds.get(source) : i == ids.length - 1 ? (Long) eos : null;
      if (id == null) {
        String t = toks.get(i);
        id = added.contains(t) ? addedIds.get(t) : encoder.get(t);
      }
      ids[i] = id == null ? unk : id;
    }
    return ids;
  }

  /**
   * {@code decode(ids, skip_special_tokens=True)}: special ids dropped, an id past the vocabulary that is no
   * language code read as {@code <unk>}, special tokens left verbatim between SentencePiece-decoded runs.
   */
  @Override
  public String decode(long[] ids) {
    Map<Long, String> codeTokens = new HashMap<>();
    codeIds.forEach((c, id) -> codeTokens.put(id, "__" + c + "__"));
    Map<Long, String> addedTokens = new HashMap<>();
    addedIds.forEach((t, id) -> addedTokens.put(id, t));
    StringBuilder out = new StringBuilder();
    List<String> run = new ArrayList<>();
    for (long id : ids) {
      if (specialIds.contains(id)) {
        continue;
      }
      String t = addedTokens.containsKey(id) ? addedTokens.get(id)
          : codeTokens.containsKey(id) ? codeTokens.get(id) : decoder.getOrDefault(id, "<unk>");
      if (added.contains(t)) {
        out.append(spmDecode(run)).append(t);
        run.clear();
      } else {
        run.add(t);
      }
    }
    out.append(spmDecode(run));
    return out.toString().strip();
  }

  /** SentencePiece's DecodePieces: pieces joined, "▁" read as a space, the leading one dropped. */
  private static String spmDecode(List<String> run) {
    String s = String.join("", run);
    if (s.startsWith(SPIECE_UNDERLINE)) {
      s = s.substring(1);
    }
    return s.replace(SPIECE_UNDERLINE, " ");
  }

  @Override
  public long eosId() {
    return eos;
  }

  @Override
  public long maxId() {
    long max = 0;
    for (long v : encoder.values()) {
      max = Math.max(max, v);
    }
    for (long v : codeIds.values()) {
      max = Math.max(max, v);
    }
    return max;
  }

  @Override
  public long[] targetIdsByFrequency() throws IOException {
    List<SentencePieceModel.Piece> byScore = new ArrayList<>(SentencePieceModel.read(spm).pieces());
    byScore.sort((a, b) -> Float.compare(b.score(), a.score()));
    List<Long> out = new ArrayList<>();
    for (SentencePieceModel.Piece p : byScore) {
      Long id = encoder.get(p.piece());
      if (id != null && p.type() == SentencePieceModel.NORMAL) {
        out.add(id);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
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
    return codeIds.getOrDefault("en", -1L);
  }

  @Override
  public void close() {
    pieces.close();
  }
}

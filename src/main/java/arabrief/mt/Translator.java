package arabrief.mt;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import arabrief.mt.model.ComputePlan;
import arabrief.mt.model.ComputeType;
import arabrief.mt.model.DecoderState;
import arabrief.mt.model.ModelFormatException;
import arabrief.mt.model.TransformerModel;
import arabrief.mt.search.BeamSearch;
import arabrief.mt.search.Decoder;
import arabrief.mt.search.GenerationSettings;
import arabrief.mt.search.GreedySearch;
import arabrief.mt.search.Hypothesis;
import arabrief.mt.search.TokenColumns;
import arabrief.mt.tokenize.ModelTokenizer;
import arabrief.mt.tokenize.Tokenizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A loaded model (any family {@link TransformerModel} runs) and its tokenizer: text in, {@link Translation}s
 * out. Sentences are sorted by length and batched; each batch's native memory lives in its own {@link NDManager} that closes when
 * the batch is done, so memory stays flat however many sentences go through.
 */
public final class Translator implements AutoCloseable {
  /**
   * Default sentences per batch. At beam 4 on 2 cores (60 seed lines, opus-mt shape) 16 to 32 measured
   * alike and 8 or 64 slower; 16 keeps the peak memory lower.
   */
  public static final int DEFAULT_BATCH_SIZE = 16;

  private final NDManager root;
  private final TransformerModel model;
  private final ModelTokenizer tokenizer;
  private final GenerationSettings defaults;
  private final Path modelDir;
  /** The default splitter: a sentence stays whole (an over-long one is then cut by characters). */
  public static final InputSplitter NO_SPLIT = (text, length, max) -> List.of(text);

  private InputSplitter splitter = NO_SPLIT;
  private TokenColumns columns;

  private Translator(Path modelDir, NDManager root, TransformerModel model, ModelTokenizer tokenizer, GenerationSettings defaults) {
    this.modelDir = modelDir;
    this.root = root;
    this.model = model;
    this.tokenizer = tokenizer;
    this.defaults = defaults;
    this.columns = TokenColumns.all(model.config().targetVocabSize());
  }

  /** Loads a model directory in a Hugging Face layout (Marian, M2M100, NLLB, mBART-50), exact (float32). */
  public static Translator load(Path modelDir) throws IOException {
    return load(modelDir, ComputeType.FLOAT32, null);
  }

  /**
   * Loads a model directory with its matrix products in {@code type}; {@code home} (the arabrief home, may
   * be null) holds the calibration cache that {@link ComputeType#AUTO} reads and writes.
   */
  public static Translator load(Path modelDir, ComputeType type, Path home) throws IOException {
    EngineSetup.configure();
    // the tokenizer (a few hundred ms for a 60k vocabulary) is built on another core while the engine
    // starts and the weights load
    CompletableFuture<ModelTokenizer> tokenizer = CompletableFuture.supplyAsync(() -> {
      try {
        return Tokenizers.load(modelDir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    NDManager root = null;
    try {
      root = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice(), "PyTorch");
      TransformerModel model = TransformerModel.load(modelDir, root, type, home);
      ModelTokenizer tok = join(tokenizer);
      long vocab = model.config().vocabSize();
      if (tok.maxId() >= vocab) {
        tok.close();
        throw new ModelFormatException(modelDir + ": the tokenizer has ids up to " + tok.maxId() + " but config.json's"
            + " vocab_size is " + vocab + "; the tokenizer files do not belong to this model");
      }
      GenerationSettings defaults = GenerationSettings.read(modelDir);
      return new Translator(modelDir, root, model, tok, defaults);
    } catch (IOException | RuntimeException e) {
      if (root != null) {
        root.close();
      }
      tokenizer.thenAccept(ModelTokenizer::close);
      throw e;
    }
  }

  private static ModelTokenizer join(CompletableFuture<ModelTokenizer> f) throws IOException {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** The model's own generation settings, as {@link #generate} runs them (see {@link #prepared}). */
  public GenerationSettings defaults() {
    return prepared(defaults);
  }

  /**
   * The model's generation settings with {@code overrides} (generate() keyword arguments by transformers' names) on
   * top, as {@link #generate} runs them.
   */
  public GenerationSettings settings(com.fasterxml.jackson.databind.JsonNode overrides) throws IOException {
    return prepared(GenerationSettings.read(modelDir, overrides));
  }

  /**
   * Translates from now on as text in {@code code}, a source language code the model knows (see {@link
   * ModelTokenizer#sourceLanguages}); null keeps the model's default (Modern Standard Arabic).
   *
   * @throws IllegalArgumentException for a code the model does not know, naming those it knows
   */
  public Translator withSourceLanguage(String code) {
    if (code != null) {
      tokenizer.setSourceLanguage(code);
    }
    return this;
  }

  /** The source language code in use (e.g. {@code arb_Arab}), or null for a model that takes none. */
  public String sourceLanguage() {
    return tokenizer.sourceLanguage();
  }

  /**
   * {@code s} as arabrief runs it: a multilingual model is told to write English (forced_bos_token_id = its English
   * code, what transformers' translation pipeline passes), and the decoder stops at the model's positions.
   */
  private GenerationSettings prepared(GenerationSettings s) {
    long english = tokenizer.targetLanguageId();
    return capped(english >= 0 ? s.withForcedBos(english) : s);
  }

  public ModelTokenizer tokenizer() {
    return tokenizer;
  }

  public Path modelDir() {
    return modelDir;
  }

  /** The precision of each group of the model's products (float32 throughout unless asked otherwise). */
  public ComputePlan computePlan() {
    return model.plan();
  }

  /** Sets how over-long inputs are cut at sentence or clause boundaries before translation. */
  public Translator withSplitter(InputSplitter splitter) {
    this.splitter = splitter;
    return this;
  }

  /**
   * Restricts the LM head to the {@code size} most frequent target pieces (by the target SentencePiece
   * model's unigram scores) plus EOS and unknown: faster, but no longer exact. 0 restores the whole
   * vocabulary. Off by default; see scripts/bench/ShortlistAgreement.java for its agreement.
   */
  public Translator withShortlist(int size) throws IOException {
    if (size <= 0 || size >= model.config().targetVocabSize()) {
      model.setShortlist(null);
      columns = TokenColumns.all(model.config().targetVocabSize());
      return this;
    }
    LinkedHashSet<Long> ids = new LinkedHashSet<>();
    for (long e : defaults.eosTokenIds()) {
      ids.add(e);
    }
    if (defaults.forcedEosTokenId() != null) {
      ids.add(defaults.forcedEosTokenId());
    }
    ids.add(tokenizer.eosId());
    if (tokenizer.targetLanguageId() >= 0) {
      ids.add(tokenizer.targetLanguageId());
    }
    for (long id : tokenizer.targetIdsByFrequency()) {
      if (ids.size() >= size) {
        break;
      }
      ids.add(id);
    }
    return withShortlist(ids.stream().mapToLong(Long::longValue).toArray());
  }

  /** Columns of the vocabulary shortlist in use, 0 when the whole vocabulary is scored. */
  public int shortlist() {
    return columns.size() < model.config().targetVocabSize() ? columns.size() : 0;
  }

  /** Restricts the LM head to exactly {@code tokens} (they must include EOS). */
  Translator withShortlist(long[] tokens) {
    long[] sorted = Arrays.stream(tokens).distinct().sorted().toArray();
    model.setShortlist(sorted);
    columns = TokenColumns.of(sorted);
    return this;
  }

  /** The longest source, in tokens with {@code </s>}, the model accepts. */
  public int maxSourceTokens() {
    return model.config().maxPositions();
  }

  /** Source token count of {@code text}, language code and {@code </s>} included. */
  public int sourceTokens(String text) {
    return tokenizer.encode(text).length;
  }

  /** Translates with the model's own generation settings. */
  public List<Translation> translate(List<String> sentences) {
    return translate(sentences, defaults, DEFAULT_BATCH_SIZE);
  }

  /**
   * Translates {@code sentences} in order. Blank ones translate to "". A sentence longer than the model's
   * positions is split at sentence or clause boundaries and the pieces' translations joined.
   */
  public List<Translation> translate(List<String> sentences, GenerationSettings settings, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
    GenerationSettings s = prepared(settings);
    // expand every sentence into pieces that fit, remembering where each piece belongs
    List<String> pieces = new ArrayList<>();
    List<long[]> pieceIds = new ArrayList<>();
    int[] firstPiece = new int[sentences.size() + 1];
    for (int i = 0; i < sentences.size(); i++) {
      firstPiece[i] = pieces.size();
      String text = sentences.get(i);
      if (text == null || text.isBlank()) {
        continue;
      }
      long[] ids = tokenizer.encode(text);
      if (ids.length <= maxSourceTokens()) {
        pieces.add(text);
        pieceIds.add(ids);
        continue;
      }
      for (String p : fitting(text)) {
        pieces.add(p);
        pieceIds.add(tokenizer.encode(p));
      }
    }
    firstPiece[sentences.size()] = pieces.size();
    Hypothesis[] hyps = new Hypothesis[pieces.size()];
    Integer[] order = new Integer[pieces.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> pieceIds.get(i).length));
    for (int from = 0; from < order.length; from += batchSize) {
      int to = Math.min(order.length, from + batchSize);
      long[][] batch = new long[to - from][];
      for (int j = from; j < to; j++) {
        batch[j - from] = pieceIds.get(order[j]);
      }
      List<Hypothesis> out = generate(batch, s);
      for (int j = from; j < to; j++) {
        hyps[order[j]] = out.get(j - from);
      }
    }
    List<Translation> result = new ArrayList<>(sentences.size());
    for (int i = 0; i < sentences.size(); i++) {
      int a = firstPiece[i];
      int b = firstPiece[i + 1];
      if (a == b) {
        result.add(Translation.empty(sentences.get(i)));
        continue;
      }
      StringBuilder text = new StringBuilder();
      double score = 0;
      int srcTok = 0;
      int genTok = 0;
      for (int p = a; p < b; p++) {
        String t = tokenizer.decode(hyps[p].ids());
        if (!t.isEmpty()) {
          if (text.length() > 0) {
            text.append(' ');
          }
          text.append(t);
        }
        score += hyps[p].score();
        srcTok += pieceIds.get(p).length;
        genTok += hyps[p].generatedLength();
      }
      // a split sentence reports the mean of its pieces' scores
      result.add(new Translation(sentences.get(i), text.toString(), score / (b - a), srcTok, genTok));
    }
    return result;
  }

  /**
   * An over-long {@code text} as pieces that fit the model: the splitter's pieces, and a piece the
   * splitter could not shorten (one enormous word) cut by characters, so nothing is dropped.
   */
  private List<String> fitting(String text) {
    int max = maxSourceTokens();
    List<String> out = new ArrayList<>();
    for (String piece : splitter.split(text, this::sourceTokens, max)) {
      String rest = piece;
      while (sourceTokens(rest) > max) {
        int lo = 1;
        int hi = rest.length() - 1;
        while (lo < hi) {
          int mid = (lo + hi + 1) >>> 1;
          if (sourceTokens(rest.substring(0, mid)) <= max) {
            lo = mid;
          } else {
            hi = mid - 1;
          }
        }
        out.add(rest.substring(0, lo));
        rest = rest.substring(lo);
      }
      if (!rest.isBlank()) {
        out.add(rest);
      }
    }
    return out;
  }

  /** Generated ids for a batch of encoded sources (ids and scores as transformers' generate gives them). */
  public List<Hypothesis> generate(long[][] batch, GenerationSettings settings) {
    GenerationSettings s = prepared(settings);
    try (NDManager scope = root.newSubManager();
        DecoderState state = model.encode(batch, scope)) {
      Decoder decoder =
          new Decoder() {
            @Override
            public NDArray step(long[] tokens, NDManager owner) {
              return model.step(state, tokens, owner);
            }

            @Override
            public void select(long[] rows) {
              state.select(rows);
            }
          };
      return s.numBeams() > 1
          ? BeamSearch.run(decoder, batch.length, s, columns, scope)
          : GreedySearch.run(decoder, batch.length, s, columns, scope);
    }
  }

  /** The decoder cannot go past its positions; transformers would fail there, we stop with EOS forced. */
  private GenerationSettings capped(GenerationSettings s) {
    int limit = model.config().maxPositions();
    if (s.effectiveMaxLength() > limit) {
      return s.withMaxNewTokens(limit - 1);
    }
    return s;
  }

  /** Native arrays alive under this translator (the weights, once a call has returned); for leak checks. */
  int liveArrays() {
    return root.getManagedArrays().size();
  }

  @Override
  public void close() {
    tokenizer.close();
    model.close();
    root.close();
  }
}

package arabrief.mt.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * transformers' logits processors that the supported generation configs use, in transformers' order:
 * bad words (NoBadWordsLogitsProcessor), min_length, forced BOS at the first position (a multilingual model's
 * target language code), forced EOS at the last position, then renormalization.
 * Scores stay on the engine; only token histories come from the host.
 */
final class LogitsProcessor {
  private final GenerationSettings settings;
  private final int maxLength;
  private final float[] staticBias;
  private final List<long[]> multiTokenBans = new ArrayList<>();
  private final int vocab;
  private final NDManager biasOwner;
  private NDArray staticBiasArray;

  /** {@code owner} holds the arrays the processor reuses across steps; it must outlive the search. */
  private final TokenColumns columns;

  LogitsProcessor(GenerationSettings settings, TokenColumns columns, NDManager owner) {
    this.settings = settings;
    this.biasOwner = owner;
    this.columns = columns;
    this.vocab = columns.size();
    for (long e : settings.eosTokenIds()) {
      if (columns.column(e) < 0) {
        throw new IllegalArgumentException("the vocabulary shortlist must contain the EOS token " + e);
      }
    }
    if (settings.forcedEosTokenId() != null && columns.column(settings.forcedEosTokenId()) < 0) {
      throw new IllegalArgumentException("the vocabulary shortlist must contain the forced EOS token");
    }
    if (settings.forcedBosTokenId() != null && columns.column(settings.forcedBosTokenId()) < 0) {
      throw new IllegalArgumentException("the vocabulary shortlist must contain the forced BOS token");
    }
    this.maxLength = settings.effectiveMaxLength();
    if (settings.repetitionPenalty() != 1.0 || settings.noRepeatNgramSize() > 0) {
      throw new IllegalArgumentException(
          "repetition_penalty and no_repeat_ngram_size are not supported; remove them from generation_config.json");
    }
    float[] bias = null;
    for (long[] seq : settings.badWordsIds()) {
      if (seq.length == 1 && settings.isEos(seq[0])) {
        continue; // transformers never bans EOS on its own
      }
      if (seq.length == 1) {
        if (bias == null) {
          bias = new float[vocab];
        }
        int c = columns.column(seq[0]);
        if (c >= 0) {
          bias[c] = Float.NEGATIVE_INFINITY;
        }
      } else if (seq.length > 1) {
        multiTokenBans.add(seq);
      }
    }
    staticBias = bias;
    float[] row = bias;
    int[] banned = row == null
        ? new int[0]
        : java.util.stream.IntStream.range(0, vocab).filter(c -> row[c] == Float.NEGATIVE_INFINITY).toArray();
    bannedColumns = banned.length <= FEW_COLUMNS ? banned : new int[0];
  }

  /** Up to this many banned tokens are set to -inf column by column; more are added as a -inf/0 row. */
  private static final int FEW_COLUMNS = 16;

  /** The banned columns when there are few of them (opus-mt bans only <pad>), else empty. */
  private final int[] bannedColumns;

  /**
   * Processes {@code scores} ({@code [rows, vocab]}, modified in place where possible) for rows whose
   * tokens so far (decoder start included) are {@code histories}; {@code curLen} is their common length.
   */
  NDArray apply(NDArray scores, List<long[]> histories, int curLen, NDManager m) {
    NDArray s = scores;
    if (bannedColumns.length > 0) {
      // as NoBadWordsLogitsProcessor's masked_fill; writes one value per row instead of a pass over all
      for (int c : bannedColumns) {
        s.set(new ai.djl.ndarray.index.NDIndex(":, {}", c), Float.NEGATIVE_INFINITY);
      }
    } else if (staticBias != null) {
      if (staticBiasArray == null) {
        staticBiasArray = biasOwner.create(staticBias);
        ai.djl.ndarray.NDScope.unregister(staticBiasArray); // lives for the whole search, not one step
      }
      s.addi(staticBiasArray);
    }
    if (!multiTokenBans.isEmpty()) {
      float[] extra = null;
      for (int r = 0; r < histories.size(); r++) {
        long[] h = histories.get(r);
        for (long[] ban : multiTokenBans) {
          if (endsWith(h, ban, ban.length - 1)) {
            if (extra == null) {
              extra = new float[histories.size() * vocab];
            }
            int c = columns.column(ban[ban.length - 1]);
            if (c >= 0) {
              extra[r * vocab + c] = Float.NEGATIVE_INFINITY;
            }
          }
        }
      }
      if (extra != null) {
        s.addi(m.create(extra, new Shape(histories.size(), vocab)));
      }
    }
    if (curLen < settings.minLength() && settings.eosTokenIds().length > 0) {
      for (long e : settings.eosTokenIds()) {
        int c = columns.column(e);
        if (c >= 0) {
          s.set(new ai.djl.ndarray.index.NDIndex(":, {}", c), Float.NEGATIVE_INFINITY);
        }
      }
    }
    if (settings.forcedBosTokenId() != null && curLen == 1) {
      s = m.full(s.getShape(), Float.NEGATIVE_INFINITY);
      s.set(new ai.djl.ndarray.index.NDIndex(":, {}", columns.column(settings.forcedBosTokenId())), 0f);
    }
    if (settings.forcedEosTokenId() != null && curLen == maxLength - 1) {
      s = m.full(s.getShape(), Float.NEGATIVE_INFINITY);
      s.set(new ai.djl.ndarray.index.NDIndex(":, {}", columns.column(settings.forcedEosTokenId())), 0f);
    }
    return s;
  }

  boolean renormalize() {
    return settings.renormalizeLogits();
  }

  private static boolean endsWith(long[] h, long[] ban, int prefixLen) {
    if (h.length < prefixLen) {
      return false;
    }
    for (int i = 0; i < prefixLen; i++) {
      if (h[h.length - prefixLen + i] != ban[i]) {
        return false;
      }
    }
    return true;
  }
}

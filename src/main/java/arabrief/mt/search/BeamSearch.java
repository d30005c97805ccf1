package arabrief.mt.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Beam search with the semantics of transformers' vectorized {@code _beam_search}: log-softmax, then the
 * processors, then the top 2K continuations per source; the top K of them that end (EOS or length limit)
 * are scored by sum(log p) / (generated length ^ length_penalty) and may enter the K finished
 * hypotheses; the best K that do not end run on. A source stops when it cannot improve (the early-stop
 * heuristic), when early_stopping is true and it has K finished hypotheses, or when no continuation is
 * left. A stopped source leaves the batch (as in CTranslate2), which does not change its result.
 *
 * <p>Scores are computed on the engine in float32 like transformers'; only the 2K candidates per source
 * come back to the host.
 */
public final class BeamSearch {
  private static final float DEAD = -1.0e9f;

  private BeamSearch() {}

  private static final class Source {
    final int index;
    long[][] beams; // running sequences, decoder start first
    float[] beamScores; // running cumulative log-probabilities
    final List<Hypothesis> finished = new ArrayList<>(); // best first, at most K
    boolean improvable = true;

    Source(int index, int k, long start) {
      this.index = index;
      beams = new long[k][];
      beamScores = new float[k];
      for (int b = 0; b < k; b++) {
        beams[b] = new long[] {start};
        beamScores[b] = b == 0 ? 0f : DEAD;
      }
    }
  }

  public static List<Hypothesis> run(
      Decoder decoder, int sources, GenerationSettings s, TokenColumns columns, NDManager manager) {
    int vocab = columns.size();
    int k = s.numBeams();
    int keepK = Math.max(2, 1 + s.eosTokenIds().length) * k;
    if (keepK > (long) k * vocab) {
      throw new IllegalArgumentException("num_beams " + k + " is too large for a vocabulary of " + vocab);
    }
    LogitsProcessor processor = new LogitsProcessor(s, columns, manager);
    int maxLength = s.effectiveMaxLength();
    double lp = s.lengthPenalty();
    List<Source> live = new ArrayList<>();
    for (int i = 0; i < sources; i++) {
      live.add(new Source(i, k, s.decoderStartTokenId()));
    }
    // transformers repeats every source K times before the first step. At that step the K beams of a
    // source are the same sequence (the decoder start), so the decoder runs once per source and its
    // log-probabilities are repeated K times instead: the same numbers, 1/K of the first step's work.
    // The decoder's rows become K per source at the first selection.
    Hypothesis[] out = new Hypothesis[sources];
    int curLen = 1;
    while (!live.isEmpty()) {
      int a = live.size();
      boolean first = curLen == 1;
      long[] last = new long[a * k];
      float[] running = new float[a * k];
      List<long[]> histories = new ArrayList<>(a * k);
      for (int i = 0; i < a; i++) {
        Source src = live.get(i);
        for (int b = 0; b < k; b++) {
          last[i * k + b] = src.beams[b][src.beams[b].length - 1];
          running[i * k + b] = src.beamScores[b];
          histories.add(src.beams[b]);
        }
      }
      float[] topScores;
      long[] topIndices;
      try (NDScope scope = new NDScope(); NDManager step = manager.newSubManager()) {
        scope.suppressNotUsedWarning();
        NDArray logits;
        if (first) {
          long[] starts = new long[a];
          for (int i = 0; i < a; i++) {
            starts[i] = last[i * k];
          }
          logits = decoder.step(starts, step).repeat(0, k);
        } else {
          logits = decoder.step(last, step);
        }
        NDArray logp;
        if (processor.renormalize()) {
          // transformers: log-softmax, the processors, log-softmax again. Every processor here only
          // masks (sets -inf, or forces one token), and a log-softmax after masking gives the same
          // values whether or not one came before: one pass over [rows, vocab] instead of two.
          logp = processor.apply(logits, histories, curLen, step).logSoftmax(-1);
        } else {
          logp = processor.apply(logits.logSoftmax(-1), histories, curLen, step);
        }
        SourceTopK.Result top = SourceTopK.select(logp, running, a, k, keepK, step);
        topScores = top.scores();
        topIndices = top.indices();
      }
      List<Source> next = new ArrayList<>();
      List<Long> rows = new ArrayList<>();
      for (int i = 0; i < a; i++) {
        Source src = live.get(i);
        long[][] candSeq = new long[keepK][];
        float[] candScore = new float[keepK];
        boolean[] hits = new boolean[keepK];
        int[] candBeam = new int[keepK];
        boolean allHit = true;
        for (int j = 0; j < keepK; j++) {
          long idx = topIndices[i * keepK + j];
          int beam = (int) (idx / vocab);
          long token = columns.token(idx % vocab);
          long[] prev = src.beams[beam];
          long[] seq = Arrays.copyOf(prev, prev.length + 1);
          seq[prev.length] = token;
          candSeq[j] = seq;
          candBeam[j] = beam;
          candScore[j] = topScores[i * keepK + j];
          hits[j] = s.isEos(token) || curLen + 1 >= maxLength;
          allHit &= hits[j];
        }
        // finished hypotheses: only the first K candidates may end, and only while the source can improve
        boolean full = src.finished.size() == k;
        if (src.improvable && !(full && s.earlyStopping() == GenerationSettings.EarlyStopping.TRUE)) {
          float norm = (float) Math.pow(curLen, lp);
          for (int j = 0; j < k; j++) {
            if (hits[j]) {
              offer(src.finished, new Hypothesis(candSeq[j], candScore[j] / norm), k);
            }
          }
        }
        // running beams: the best K candidates that did not end
        Integer[] order = new Integer[keepK];
        float[] adjusted = new float[keepK];
        for (int j = 0; j < keepK; j++) {
          order[j] = j;
          adjusted[j] = candScore[j] + (hits[j] ? DEAD : 0f);
        }
        Arrays.sort(order, (x, y) -> Float.compare(adjusted[y], adjusted[x]));
        long[][] beams = new long[k][];
        float[] scores = new float[k];
        int[] parents = new int[k];
        for (int b = 0; b < k; b++) {
          beams[b] = candSeq[order[b]];
          scores[b] = adjusted[order[b]];
          parents[b] = candBeam[order[b]];
        }
        src.beams = beams;
        src.beamScores = scores;
        // transformers' early-stop heuristic, evaluated at the new length
        if (src.improvable) {
          int hypothetical =
              s.earlyStopping() == GenerationSettings.EarlyStopping.NEVER && lp > 0 ? maxLength - 1 : curLen;
          float best = scores[0] / (float) Math.pow(hypothetical, lp);
          float worst = src.finished.size() == k ? src.finished.get(k - 1).score() : DEAD;
          src.improvable = best > worst;
        }
        boolean done =
            !src.improvable
                || (s.earlyStopping() == GenerationSettings.EarlyStopping.TRUE && src.finished.size() == k)
                || allHit;
        if (done) {
          out[src.index] = src.finished.get(0);
        } else {
          next.add(src);
          for (int b = 0; b < k; b++) {
            rows.add(first ? i : (long) i * k + parents[b]);
          }
        }
      }
      curLen++;
      live = next;
      if (!live.isEmpty()) {
        decoder.select(rows.stream().mapToLong(Long::longValue).toArray());
      }
    }
    return List.of(out);
  }

  /** Keeps the best {@code k} finished hypotheses, best first; an equal score does not displace an earlier one. */
  private static void offer(List<Hypothesis> finished, Hypothesis h, int k) {
    int pos = finished.size();
    while (pos > 0 && finished.get(pos - 1).score() < h.score()) {
      pos--;
    }
    if (pos < k) {
      finished.add(pos, h);
      if (finished.size() > k) {
        finished.remove(k);
      }
    }
  }
}

package arabrief.mt.search;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.List;

/**
 * Greedy decoding with transformers' semantics ({@code _sample} without sampling): processors on the raw
 * logits, argmax, a row stops at EOS or at the length limit. Finished rows leave the batch at once, so
 * the remaining rows never pay for them.
 */
public final class GreedySearch {
  private GreedySearch() {}

  public static List<Hypothesis> run(
      Decoder decoder, int rows, GenerationSettings s, TokenColumns columns, NDManager manager) {
    LogitsProcessor processor = new LogitsProcessor(s, columns, manager);
    int maxLength = s.effectiveMaxLength();
    List<long[]> seqs = new ArrayList<>();
    double[] logProbSums = new double[rows];
    Hypothesis[] out = new Hypothesis[rows];
    int[] live = new int[rows];
    for (int r = 0; r < rows; r++) {
      seqs.add(new long[] {s.decoderStartTokenId()});
      live[r] = r;
    }
    int curLen = 1;
    int nLive = rows;
    while (nLive > 0) {
      long[] last = new long[nLive];
      List<long[]> histories = new ArrayList<>(nLive);
      for (int i = 0; i < nLive; i++) {
        long[] h = seqs.get(live[i]);
        last[i] = h[h.length - 1];
        histories.add(h);
      }
      long[] chosen = new long[nLive];
      float[] chosenLogProb = new float[nLive];
      try (NDScope scope = new NDScope(); NDManager step = manager.newSubManager()) {
        scope.suppressNotUsedWarning();
        NDArray logits = decoder.step(last, step);
        NDArray scores = processor.apply(logits, histories, curLen, step);
        NDArray ids = scores.argMax(-1);
        NDArray logp = scores.logSoftmax(-1);
        chosen = ids.toLongArray();
        for (int i = 0; i < chosen.length; i++) {
          chosen[i] = columns.token(chosen[i]);
        }
        NDArray picked = logp.gather(ids.reshape(nLive, 1), 1);
        chosenLogProb = picked.toFloatArray();
      }
      curLen++;
      int keep = 0;
      long[] keepRows = new long[nLive];
      for (int i = 0; i < nLive; i++) {
        int r = live[i];
        long[] h = seqs.get(r);
        long[] next = java.util.Arrays.copyOf(h, h.length + 1);
        next[h.length] = chosen[i];
        seqs.set(r, next);
        logProbSums[r] += chosenLogProb[i];
        if (s.isEos(chosen[i]) || curLen >= maxLength) {
          double norm = Math.pow(next.length - 1, s.lengthPenalty());
          out[r] = new Hypothesis(next, (float) (logProbSums[r] / norm));
        } else {
          keepRows[keep] = i;
          live[keep++] = r;
        }
      }
      if (keep > 0 && keep < nLive) {
        decoder.select(java.util.Arrays.copyOf(keepRows, keep));
      }
      nLive = keep;
    }
    return List.of(out);
  }
}

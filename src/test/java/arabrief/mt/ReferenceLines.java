package arabrief.mt;

import arabrief.mt.search.Hypothesis;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/** The comparison both conformance suites make of generated lines against transformers' recorded ones. */
final class ReferenceLines {
  /** Beam scores are sums of float32 log-probabilities: they agree to rounding, far inside the issues' 2e-3. */
  static final double SCORE_TOLERANCE = 1e-4;

  private ReferenceLines() {}

  /**
   * Compares each hypothesis with its case's {@code output_ids}, {@code text_out} and {@code score}, adding one
   * line to {@code wrong} per case that differs (the first difference: ids, then text, then score).
   *
   * @return how many cases matched
   */
  static int compare(Translator t, JsonNode cases, List<Hypothesis> out, List<String> wrong) {
    int ok = 0;
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      long[] want = Fixtures.longs(c.get("output_ids"));
      Hypothesis h = out.get(i);
      String text = t.tokenizer().decode(h.ids());
      double score = c.get("score").asDouble();
      if (!Arrays.equals(want, h.ids())) {
        wrong.add(i + ": ids " + Arrays.toString(h.ids()) + " instead of " + Arrays.toString(want));
      } else if (!text.equals(c.get("text_out").asText())) {
        wrong.add(i + ": text '" + text + "' instead of '" + c.get("text_out").asText() + "'");
      } else if (Math.abs(score - h.score()) > SCORE_TOLERANCE) {
        wrong.add(i + ": score " + h.score() + " instead of " + score);
      } else {
        ok++;
      }
    }
    return ok;
  }
}

package arabrief.cli;

import arabrief.mt.Translation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The numbers --stats reports: what was translated and how fast. */
final class Stats {
  private static final ObjectMapper JSON = new ObjectMapper();
  int segments;
  long sourceTokens;
  long generatedTokens;
  double loadSeconds;
  double translateSeconds;
  final ObjectNode extra = JSON.createObjectNode();

  void add(List<Translation> ts) {
    for (Translation t : ts) {
      if (t.sourceTokens() > 0) {
        segments++;
        sourceTokens += t.sourceTokens();
        generatedTokens += t.generatedTokens();
      }
    }
  }

  ObjectNode toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("segments", segments);
    o.put("source_tokens", sourceTokens);
    o.put("generated_tokens", generatedTokens);
    o.put("load_seconds", round(loadSeconds));
    o.put("translate_seconds", round(translateSeconds));
    o.put("tokens_per_second", translateSeconds > 0 ? round(generatedTokens / translateSeconds) : 0.0);
    o.setAll(extra);
    return o;
  }

  void print() {
    System.err.println(toJson().toString());
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}

package arabrief.cli;

import arabrief.mt.Translation;
import arabrief.pipeline.TranslationCounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The numbers --stats reports: what was translated and how fast. */
final class Stats {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final TranslationCounts counts = new TranslationCounts();
  double loadSeconds;
  double translateSeconds;
  final ObjectNode extra = JSON.createObjectNode();

  void add(List<Translation> ts) {
    counts.add(ts);
  }

  ObjectNode toJson() {
    ObjectNode o = counts.putInto(JSON.createObjectNode());
    long generatedTokens = counts.generatedTokens();
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

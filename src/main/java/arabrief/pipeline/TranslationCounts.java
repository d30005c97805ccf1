package arabrief.pipeline;

import arabrief.mt.Translation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** What was translated: non-blank segments and their tokens, as the JSON document's "stats" counts them. */
public final class TranslationCounts {
  private int segments;
  private long sourceTokens;
  private long generatedTokens;

  public synchronized void add(List<Translation> ts) {
    for (Translation t : ts) {
      if (t.sourceTokens() > 0) {
        segments++;
        sourceTokens += t.sourceTokens();
        generatedTokens += t.generatedTokens();
      }
    }
  }

  public synchronized long generatedTokens() {
    return generatedTokens;
  }

  /** Puts segments, source_tokens and generated_tokens into {@code o}. */
  public synchronized ObjectNode putInto(ObjectNode o) {
    o.put("segments", segments);
    o.put("source_tokens", sourceTokens);
    o.put("generated_tokens", generatedTokens);
    return o;
  }
}

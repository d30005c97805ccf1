package arabrief.batch;

import arabrief.mt.Translation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a {@link WindowTranslator} looks up sentences translated before: the batch's database, which
 * outlives the run, or a map that lives as long as one caller (a Spark partition).
 */
public interface Memory {
  /** The remembered translations of those of {@code sources} that are known, keyed by source; mutable. */
  Map<String, Translation> recall(String engine, List<String> sources);

  void remember(String engine, List<Translation> ts);

  /** A memory in a map, for one engine: nothing is kept past the object's life. */
  static Memory inMemory() {
    Map<String, Translation> known = new HashMap<>();
    return new Memory() {
      @Override
      public Map<String, Translation> recall(String engine, List<String> sources) {
        Map<String, Translation> out = new HashMap<>();
        for (String s : sources) {
          Translation t = known.get(s);
          if (t != null) {
            out.put(s, t);
          }
        }
        return out;
      }

      @Override
      public void remember(String engine, List<Translation> ts) {
        for (Translation t : ts) {
          known.put(t.source(), t);
        }
      }
    };
  }
}

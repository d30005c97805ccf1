package arabrief.batch;

import arabrief.mt.Translation;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Translates the segments of a window of documents in one model call: each distinct normalized sentence
 * once, and none that the translation memory already holds. New translations are remembered before the
 * caller writes any output built from them.
 */
final class WindowTranslator {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private final Translator translator;
  private final GenerationSettings settings;
  private final int batchSize;
  private final Store store;
  private final String engine;
  long translated;
  long fromMemory;
  long repeated;

  WindowTranslator(Translator translator, GenerationSettings settings, int batchSize, Store store, String engine) {
    this.translator = translator;
    this.settings = settings;
    this.batchSize = batchSize;
    this.store = store;
    this.engine = engine;
  }

  /** The key of the memory: NFC, runs of white space as one space, trimmed. */
  static String normalize(String s) {
    return SPACE.matcher(Normalizer.normalize(s, Normalizer.Form.NFC)).replaceAll(" ").strip();
  }

  /** Translations of every document's segments, in order, each carrying its own source text. */
  List<List<Translation>> translate(List<List<String>> docs) {
    Set<String> distinct = new LinkedHashSet<>();
    for (List<String> d : docs) {
      for (String s : d) {
        String k = normalize(s);
        if (!k.isEmpty()) {
          distinct.add(k);
        }
      }
    }
    List<String> keys = new ArrayList<>(distinct);
    Map<String, Translation> known = store.recall(engine, keys);
    List<String> missing = keys.stream().filter(k -> !known.containsKey(k)).toList();
    List<Translation> fresh = missing.isEmpty() ? List.of() : translator.translate(missing, settings, batchSize);
    store.remember(engine, fresh);
    for (Translation t : fresh) {
      known.put(t.source(), t);
    }
    Set<String> freshKeys = new HashSet<>(missing);
    Set<String> seen = new HashSet<>();
    List<List<Translation>> out = new ArrayList<>();
    for (List<String> d : docs) {
      List<Translation> ts = new ArrayList<>(d.size());
      for (String s : d) {
        String k = normalize(s);
        if (k.isEmpty()) {
          ts.add(new Translation(s, "", 0.0, 0, 0));
          continue;
        }
        if (!freshKeys.contains(k)) {
          fromMemory++;
        } else if (!seen.add(k)) {
          repeated++;
        }
        Translation t = known.get(k);
        ts.add(new Translation(s, t.text(), t.score(), t.sourceTokens(), t.generatedTokens()));
      }
      out.add(ts);
    }
    translated += fresh.size();
    return out;
  }
}

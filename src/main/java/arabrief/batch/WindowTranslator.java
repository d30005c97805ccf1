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
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Translates the segments of a window of documents in one model call: each distinct normalized sentence
 * once, and none that the translation memory already holds. New translations are remembered before the
 * caller writes any output built from them. Used by the batch and by the Spark partitions.
 */
public final class WindowTranslator {
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private final Translator translator;
  private final GenerationSettings settings;
  private final int batchSize;
  private final Memory store;
  private final String engine;
  long translated;
  long fromMemory;
  long repeated;

  /** {@code translator} should already split long inputs as the pipeline does ({@code withSplitter}). */
  public WindowTranslator(Translator translator, GenerationSettings settings, int batchSize, Memory store, String engine) {
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
  public List<List<Translation>> translate(List<List<String>> docs) {
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

  /**
   * Like {@link #translate}, but one bad document must not take its window down: when the window's call
   * fails, the documents are translated one by one, and a document that still fails gets null and is
   * reported to {@code failed} with its position and the reason.
   */
  public List<List<Translation>> translateEach(List<List<String>> docs, BiConsumer<Integer, String> failed) {
    try {
      return translate(docs);
    } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
      List<List<Translation>> out = new ArrayList<>();
      for (int i = 0; i < docs.size(); i++) {
        try {
          out.add(translate(List.of(docs.get(i))).get(0));
        } catch (RuntimeException e1) {
          out.add(null);
          failed.accept(i, "translation failed: " + e1.getMessage());
        } catch (OutOfMemoryError | StackOverflowError e1) { // this document alone: the others went through
          out.add(null);
          failed.accept(i, "translation failed: " + arabrief.pipeline.JvmErrors.describe(e1));
        }
      }
      return out;
    }
  }
}

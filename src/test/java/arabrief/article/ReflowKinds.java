package arabrief.article;

import arabrief.summary.eval.HardWrap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The reflow's misses sorted into kinds ({@code scripts/eval_reflow.sh --kinds}): every BBC Arabic article's body
 * (the {@code article} field, as {@code eval_summary.sh --wrap} scores it) wrapped in one style, reflowed, and its
 * paragraph breaks compared with the clean article's. A missed break is a false join, an extra one a false split;
 * each is counted by how the line before it ends (a sentence's end, a colon, anything else) and, for a join,
 * whether the paragraph joined to the next holds no sentence end at all (a title or a subhead).
 *
 * <pre>
 * java ... arabrief.article.ReflowKinds [--half all|even|odd] [--wrap STYLE] [-v]
 * </pre>
 */
public final class ReflowKinds {
  private ReflowKinds() {}

  public static void main(String[] args) throws IOException {
    String half = "even";
    HardWrap.Spec spec = HardWrap.Spec.parse("lines");
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--kinds" -> { }
        case "--half" -> half = args[++i];
        case "--wrap" -> spec = HardWrap.Spec.parse(args[++i]);
        case "-v" -> verbose = true;
        default -> {
          System.err.println("usage: ReflowKinds [--half all|even|odd] [--wrap STYLE] [-v]");
          System.exit(2);
        }
      }
    }
    Path shared = ReflowCases.shared();
    if (shared == null) {
      System.err.println("eval_reflow: ../shared (summ-ar) is not beside the repository");
      System.exit(1);
    }
    ObjectMapper json = new ObjectMapper();
    Map<String, Integer> kinds = new TreeMap<>();
    Map<String, Set<String>> articles = new TreeMap<>();
    int n = 0;
    int whole = 0;
    int[] fullSentence = new int[2]; // full lines ending a sentence: inside a paragraph, at its end
    int[] fullFirst = new int[2]; // full first lines without a sentence end: prose going on, a one-line paragraph
    try (BufferedReader r = Files.newBufferedReader(shared.resolve("summ-ar/ant-bbc-dev.jsonl"), StandardCharsets.UTF_8)) {
      int index = 0;
      for (String record; (record = r.readLine()) != null; index++) {
        if (record.isBlank() || !half.equals("all") && (index % 2 == 1) != half.equals("odd")) {
          continue;
        }
        JsonNode o = json.readTree(record);
        String id = o.path("id").asText();
        String article = o.path("article").asText();
        List<String> words = new ArrayList<>();
        Set<Integer> want = breaks(Arrays.asList(article.split("\\r\\n|[\\n\\r]")), words);
        Set<Integer> have = breaks(Arrays.asList(Reflow.reflow(spec.apply(article, id)).split("\\n[ \\t]*\\n")), null);
        evidence(article, id, spec, fullSentence, fullFirst);
        n++;
        whole += want.equals(have) ? 1 : 0;
        for (int b : want) {
          if (!have.contains(b)) {
            count("false join after " + ending(words, b) + (titleBefore(words, want, b) ? " (a paragraph without a sentence end)" : ""), id, kinds, articles);
            if (verbose) {
              System.out.println(id + " JOIN  …" + around(words, b));
            }
          }
        }
        for (int b : have) {
          if (!want.contains(b)) {
            count("false split after " + ending(words, b), id, kinds, articles);
            if (verbose) {
              System.out.println(id + " SPLIT …" + around(words, b));
            }
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "BBC %s, %s: paragraphs whole in %d of %d articles (%.1f%%)%n", half, spec, whole, n,
        100.0 * whole / n);
    kinds.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-70s %4d in %d articles%n", k, v, articles.get(k).size()));
    System.out.printf(Locale.ROOT, "full lines ending a sentence: %d end their paragraph, %d are inside one%n",
        fullSentence[1], fullSentence[0]);
    System.out.printf(Locale.ROOT, "full first lines of a paragraph without a sentence end: %d are the whole paragraph,"
        + " %d go on%n", fullFirst[1], fullFirst[0]);
  }

  /**
   * What the text leaves to decide, whatever the reflow does: each clean paragraph wrapped alone, a line is full
   * when the next line's first word would not have fitted after it (the last line of the text excepted).
   */
  private static void evidence(String article, String id, HardWrap.Spec spec, int[] fullSentence, int[] fullFirst) {
    List<String> lines = new ArrayList<>();
    List<Boolean> last = new ArrayList<>();
    List<Boolean> first = new ArrayList<>();
    for (String p : article.split("\\r\\n|[\\n\\r]")) {
      if (p.isBlank()) {
        continue;
      }
      List<String> wrapped = spec.apply(p, id).lines().filter(l -> !l.isBlank()).toList();
      for (int i = 0; i < wrapped.size(); i++) {
        lines.add(wrapped.get(i));
        first.add(i == 0);
        last.add(i == wrapped.size() - 1);
      }
    }
    int width = spec.width() > 0 ? spec.width() : HardWrap.widthFor(id);
    for (int k = 0; k + 1 < lines.size(); k++) {
      String line = lines.get(k);
      String nextWord = lines.get(k + 1).split(" ", 2)[0];
      if (spec.bytes() || line.codePointCount(0, line.length()) + 1 + nextWord.codePointCount(0, nextWord.length()) <= width) {
        continue;
      }
      int ending = ReflowLine.ending(line, line.length());
      if (ending == ReflowLine.SENTENCE) {
        fullSentence[last.get(k) ? 1 : 0]++;
      } else if (first.get(k) && ending == ReflowLine.PLAIN && line.chars().noneMatch(c -> c == '.' || c == '؟')) {
        fullFirst[last.get(k) ? 1 : 0]++;
      }
    }
  }

  /** Where each paragraph after the first starts, in words; fills {@code words} with the text's words if given. */
  private static Set<Integer> breaks(List<String> paragraphs, List<String> words) {
    Set<Integer> out = new HashSet<>();
    int k = 0;
    for (String p : paragraphs) {
      String[] w = p.strip().split("\\s+");
      if (p.isBlank()) {
        continue;
      }
      if (k > 0) {
        out.add(k);
      }
      k += w.length;
      if (words != null) {
        words.addAll(Arrays.asList(w));
      }
    }
    return out;
  }

  private static String ending(List<String> words, int b) {
    String w = words.get(b - 1);
    return switch (ReflowLine.ending(w, w.length())) {
      case ReflowLine.SENTENCE -> "a sentence's end";
      case ReflowLine.COLON -> "a colon";
      default -> "no mark";
    };
  }

  /** The paragraph ending before word {@code b} holds no sentence end. */
  private static boolean titleBefore(List<String> words, Set<Integer> breaks, int b) {
    for (int i = b - 1; i >= 0 && (i == b - 1 || !breaks.contains(i + 1)); i--) {
      String w = words.get(i);
      if (ReflowLine.ending(w, w.length()) == ReflowLine.SENTENCE) {
        return false;
      }
    }
    return true;
  }

  private static String around(List<String> words, int b) {
    return String.join(" ", words.subList(Math.max(0, b - 6), b)) + " ‖ "
        + String.join(" ", words.subList(b, Math.min(words.size(), b + 5)));
  }

  private static void count(String kind, String id, Map<String, Integer> kinds, Map<String, Set<String>> articles) {
    kinds.merge(kind, 1, Integer::sum);
    articles.computeIfAbsent(kind, x -> new HashSet<>()).add(id);
  }
}

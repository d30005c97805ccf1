package arabrief.article;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reflow's metamorphic run in full ({@code scripts/eval_reflow.sh}): every BBC Arabic article and every
 * real page's text, wrapped in each style of {@link ReflowCases#SPECS}, parsed and compared with the clean
 * text's parse; and every clean text must come out of {@link Reflow} unchanged. Prints pass rates per style,
 * the BBC articles' held-out (odd) half first.
 *
 * <pre>
 * java ... arabrief.article.ReflowEval [--half all|even|odd] [-v]
 * </pre>
 */
public final class ReflowEval {
  private ReflowEval() {}

  /** Counts for one group of texts in one style. */
  static final class Tally {
    int n;
    int headline;
    int paragraphs;
    int sentences;
    int dateAndByline;
    int passed;

    void add(ReflowCases.Outcome o) {
      n++;
      headline += o.headline() ? 1 : 0;
      paragraphs += o.paragraphs() ? 1 : 0;
      sentences += o.sentences() ? 1 : 0;
      dateAndByline += o.dateAndByline() ? 1 : 0;
      passed += o.passed() ? 1 : 0;
    }

    String row(String group, String style) {
      return String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | **%s** |", group, style, n, pct(headline),
          pct(paragraphs), pct(sentences), pct(dateAndByline), pct(passed));
    }

    private String pct(int k) {
      return String.format(Locale.ROOT, "%.1f%%", n == 0 ? 0.0 : 100.0 * k / n);
    }
  }

  public static void main(String[] args) {
    String half = "all";
    boolean verbose = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--half" -> half = args[++i];
        case "-v" -> verbose = true;
        default -> {
          System.err.println("usage: ReflowEval [--half all|even|odd] [-v]");
          System.exit(2);
        }
      }
    }
    Path shared = ReflowCases.shared();
    if (shared == null) {
      System.err.println("eval_reflow: ../shared (summ-ar, corpus) is not beside the repository");
      System.exit(1);
    }
    List<String> groups = half.equals("all") ? List.of("odd", "even") : List.of(half);
    List<ReflowCases.Clean> bbc = ReflowCases.bbc(shared);
    List<ReflowCases.Clean> pages = ReflowCases.pages(shared);
    System.out.println("| texts | style | n | headline | paragraphs | sentences | date, byline | all three |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    int changed = 0;
    int clean = 0; // unwrapped texts: three forms of each clean text (ReflowCases.unwrapped)
    List<String> misses = new ArrayList<>();
    for (String group : groups) {
      List<ReflowCases.Clean> texts = bbc.stream().filter(c -> (c.bbcIndex() % 2 == 1) == group.equals("odd")).toList();
      changed += run("BBC " + group, texts, System.out, misses);
      clean += 3 * texts.size();
    }
    changed += run("real pages", pages, System.out, misses);
    clean += 3 * pages.size();
    System.out.printf(Locale.ROOT, "unwrapped texts (as they are, without blank lines, one sentence a line) changed by the"
        + " reflow: %d of %d%n", changed, clean);
    if (verbose) {
      misses.forEach(System.out::println);
    }
  }

  /** Runs one group in every style and prints a row per style; returns how many unwrapped texts the reflow changed. */
  private static int run(String group, List<ReflowCases.Clean> texts, PrintStream out, List<String> misses) {
    Tally[] tallies = new Tally[ReflowCases.SPECS.size()];
    for (int s = 0; s < tallies.length; s++) {
      tallies[s] = new Tally();
    }
    int changed = 0;
    for (ReflowCases.Clean c : texts) {
      ReflowCases.Check check = ReflowCases.check(c);
      for (int f : check.changedForms()) {
        changed++;
        misses.add("changed unwrapped text: " + c.id() + " (form " + f + ")");
      }
      for (int s = 0; s < tallies.length; s++) {
        ReflowCases.Outcome o = check.outcomes().get(s);
        tallies[s].add(o);
        if (!o.passed()) {
          misses.add(String.format(Locale.ROOT, "%s %s: %s", c.id(), ReflowCases.SPECS.get(s), o));
        }
      }
    }
    for (int s = 0; s < tallies.length; s++) {
      out.println(tallies[s].row(group, ReflowCases.SPECS.get(s).toString()));
    }
    return changed;
  }
}

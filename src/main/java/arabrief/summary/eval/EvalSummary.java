package arabrief.summary.eval;

import arabrief.summary.ArabicTerms;
import arabrief.summary.EnglishSentences;
import arabrief.summary.EnglishTerms;
import arabrief.summary.Settings;
import arabrief.summary.Summarizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores the English summarizer and lead-3 against human highlights with {@link Rouge} (stemmed F1);
 * on an Arabic set ({@code "references"} arrays of Arabic summaries) the Arabic-side ranking against
 * lead-1 and lead-3 with {@link ArabicEval}.
 *
 * <pre>
 * java -cp target/arabrief.jar arabrief.summary.eval.EvalSummary FILE.jsonl
 *     [--summary-sentences N] [--summary-words N] [--half all|even|odd] [--centrality pacsum|lexrank]
 *     [--wrap STYLE[:WIDTH][,crlf][,bytes]]
 * </pre>
 * FILE holds one {@code {"id","article","reference"}} object a line, highlights separated by newlines.
 * Both systems see the same sentences (one {@link EnglishSentences} split per article); each summary is
 * scored with one sentence a line, as ROUGE-Lsum expects. {@code --half even} keeps the 0th, 2nd, ...
 * article, {@code odd} the others: tune on one half, report the other. {@code --wrap} (Arabic sets) hard-wraps every
 * article as {@link HardWrap} says and scores the wrapped articles beside the clean ones. Exit 2 on bad usage, 1 on
 * bad input.
 */
public final class EvalSummary {
  private EvalSummary() {}

  /** Mean stemmed F1 (×100) of one system and its mean length in words. */
  record Totals(double r1, double r2, double rl, double words, int n) {
    String row(String name) {
      return String.format(Locale.ROOT, "%-24s %6.2f %6.2f %7.2f %8.1f", name, r1 / n, r2 / n, rl / n, words / n);
    }
  }

  public static void main(String[] args) throws IOException {
    try {
      run(args);
    } catch (NumberFormatException e) {
      usage("not a number: " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      System.err.println("eval_summary: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(String[] args) throws IOException {
    Path file = null;
    int sentences = -1;
    int words = 0;
    String half = "all";
    Settings.Centrality centrality = Settings.DEFAULTS.centrality();
    HardWrap.Spec wrap = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--summary-sentences" -> sentences = Integer.parseInt(value(args, ++i));
        case "--summary-words" -> words = Integer.parseInt(value(args, ++i));
        case "--half" -> half = value(args, ++i);
        case "--centrality" -> centrality = centrality(value(args, ++i));
        case "--wrap" -> wrap = wrap(value(args, ++i));
        default -> {
          if (file != null || args[i].startsWith("--")) {
            usage("unknown argument " + args[i]);
          }
          file = Path.of(args[i]);
        }
      }
    }
    if (file == null || !List.of("all", "even", "odd").contains(half)) {
      usage(file == null ? "no input file" : "--half is all, even or odd");
    }
    if (!Files.isReadable(file)) {
      System.err.println(file + ": cannot read");
      System.exit(1);
    }
    if (isArabic(file)) {
      // One run gives both lengths the issue compares (lead-1 and lead-3) unless a length is asked for.
      List<Integer> counts = sentences >= 0 ? List.of(sentences) : words > 0 ? List.of(Integer.MAX_VALUE) : List.of(1, 3);
      ArabicEval.run(file, new Summarizer(new ArabicTerms(), Settings.ARABIC.withCentrality(centrality)), counts,
          words, half, wrap, System.out);
      return;
    }
    if (wrap != null) {
      usage("--wrap is for an Arabic set (the article step reflows Arabic text)");
    }
    if (sentences < 0) {
      // A word budget alone leaves the number of sentences open; neither gives the default count.
      sentences = words > 0 ? Integer.MAX_VALUE : Summarizer.DEFAULT_COUNT;
    }
    Summarizer summarizer = new Summarizer(new EnglishTerms(), Settings.DEFAULTS.withCentrality(centrality));
    Rouge rouge = new Rouge(true);
    ObjectMapper json = new ObjectMapper();
    double[] mine = new double[4];
    double[] lead = new double[4];
    int n = 0;
    int index = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; index++) {
        if (line.isBlank() || !inHalf(half, index)) {
          continue;
        }
        JsonNode o = json.readTree(line);
        String article = o.path("article").asText();
        String reference = o.path("reference").asText();
        List<String> split = EnglishSentences.split(article);
        List<String> chosen = new ArrayList<>();
        summarizer.select(split, null, sentences, words).forEach(k -> chosen.add(split.get(k)));
        add(mine, rouge, reference, chosen);
        add(lead, rouge, reference, split.subList(0, Math.min(3, split.size())));
        n++;
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d articles (half: %s); ROUGE F1 x100, stemmed (rouge-score's algorithm)%n",
        file.getFileName(), n, half);
    System.out.printf(Locale.ROOT, "%-24s %6s %6s %7s %8s%n", "system", "R-1", "R-2", "R-Lsum", "words");
    String name = centrality.name().toLowerCase(Locale.ROOT) + " (" + (sentences < Integer.MAX_VALUE ? sentences + " sent." : "")
        + (sentences < Integer.MAX_VALUE && words > 0 ? ", " : "") + (words > 0 ? words + " words" : "") + ")";
    System.out.println(new Totals(mine[0], mine[1], mine[2], mine[3], n).row(name));
    System.out.println(new Totals(lead[0], lead[1], lead[2], lead[3], n).row("lead-3"));
  }

  /** Whether the record at 0-based {@code index} is in the half: even keeps 0, 2, 4, ..., odd the others. */
  static boolean inHalf(String half, int index) {
    return half.equals("all") || (half.equals("even") ? index % 2 == 0 : index % 2 == 1);
  }

  /** An Arabic summary set: its first record holds a "references" array and Arabic text. */
  private static boolean isArabic(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          JsonNode o = new ObjectMapper().readTree(line);
          return o.path("references").isArray() && o.path("article").asText().chars()
              .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
        }
      }
    }
    return false;
  }

  private static void add(double[] totals, Rouge rouge, String reference, List<String> summary) {
    String text = String.join("\n", summary);
    totals[0] += 100 * rouge.rougeN(reference, text, 1).f();
    totals[1] += 100 * rouge.rougeN(reference, text, 2).f();
    totals[2] += 100 * rouge.rougeLsum(reference, text).f();
    totals[3] += text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  private static HardWrap.Spec wrap(String spec) {
    try {
      return HardWrap.Spec.parse(spec);
    } catch (IllegalArgumentException e) {
      usage("--wrap: " + e.getMessage());
      return null;
    }
  }

  private static Settings.Centrality centrality(String name) {
    try {
      return Settings.Centrality.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      usage("--centrality is pacsum or lexrank, not '" + name + "'");
      return null;
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      usage(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    System.err.println("eval_summary: " + problem);
    System.err.println("usage: eval_summary FILE.jsonl [--summary-sentences N] [--summary-words N] [--half all|even|odd]"
        + " [--centrality pacsum|lexrank] [--wrap STYLE[:WIDTH][,crlf][,bytes]]");
    System.exit(2);
  }
}

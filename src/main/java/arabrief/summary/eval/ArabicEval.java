package arabrief.summary.eval;

import arabrief.article.Article;
import arabrief.article.ArticleReader;
import arabrief.article.BadInputException;
import arabrief.article.Paragraph;
import arabrief.summary.Summarizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Scores the Arabic-side ranking (what {@code brief} translates) against human Arabic summaries with
 * {@link Rouge#arabic()}: arabrief at k sentences against lead-k, on one sentence split.
 *
 * <p>Each record is {@code {"id","article","references":[...]}}; the article goes through the article
 * package as {@code brief} reads a file (headline, dateline, caption and furniture out, body split into
 * sentences), and both systems choose among the same body sentences: lead-k is the first k of them.
 * Every summary is scored with one sentence a line (ROUGE-Lsum) and F1 is averaged over the references.
 * A record whose article has no body counts 0 for both systems and is reported.
 */
final class ArabicEval {
  private ArabicEval() {}

  /** One system's running sums: F1 ×100 of ROUGE-1, -2, -Lsum and the summary length in words. */
  static final class Totals {
    double r1;
    double r2;
    double rl;
    double words;
    int n;

    void add(Rouge rouge, List<String> references, List<String> summary) {
      String text = String.join("\n", summary);
      r1 += 100 * Rouge.meanF(references, r -> rouge.rougeN(r, text, 1));
      r2 += 100 * Rouge.meanF(references, r -> rouge.rougeN(r, text, 2));
      rl += 100 * Rouge.meanF(references, r -> rouge.rougeLsum(r, text));
      words += summary.stream().mapToInt(Summarizer::wordCount).sum();
      n++;
    }

    String row(String name) {
      return String.format(Locale.ROOT, "%-28s %6.2f %6.2f %7.2f %8.1f", name, r1 / n, r2 / n, rl / n, words / n);
    }
  }

  /** The body sentences of an article, in order, with the paragraph each belongs to. */
  record Body(List<String> sentences, List<Integer> paragraphs) {
    /** The body of {@code a}; none when {@code a} is null (an article without a body). */
    static Body of(Article a) {
      if (a == null) {
        return new Body(List.of(), List.of());
      }
      List<String> sentences = new ArrayList<>();
      List<Integer> paragraphs = new ArrayList<>();
      for (int p = 0; p < a.paragraphs().size(); p++) {
        Paragraph para = a.paragraphs().get(p);
        for (String s : para.sentences()) {
          sentences.add(s);
          paragraphs.add(p);
        }
      }
      return new Body(sentences, paragraphs);
    }
  }

  /**
   * Runs the evaluation on {@code file} and prints the table.
   *
   * @param counts the summary lengths to report (each against lead of the same length)
   * @param words word budget for arabrief (0: none); lead-k ignores it
   * @param half all, even (0th, 2nd, ... record) or odd
   * @param wrap null, or how to hard-wrap every article: both systems are then scored on the wrapped article
   *     as well, and the share of briefs (body paragraphs and summary at each length) identical to the
   *     unwrapped article's is printed
   */
  static void run(Path file, Summarizer summarizer, List<Integer> counts, int words, String half, HardWrap.Spec wrap,
      PrintStream out) throws IOException {
    Rouge rouge = Rouge.arabic();
    ObjectMapper json = new ObjectMapper();
    ArticleReader reader = new ArticleReader();
    Totals[][] mine = new Totals[2][counts.size()]; // [0] as given, [1] wrapped
    Totals[][] lead = new Totals[2][counts.size()];
    for (int w = 0; w < 2; w++) {
      for (int c = 0; c < counts.size(); c++) {
        mine[w][c] = new Totals();
        lead[w][c] = new Totals();
      }
    }
    int index = 0;
    int noBody = 0;
    long sentences = 0;
    int sameParagraphs = 0;
    int sameSummaries = 0;
    int sameBriefs = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line; (line = r.readLine()) != null; index++) {
        if (line.isBlank() || !EvalSummary.inHalf(half, index)) {
          continue;
        }
        JsonNode o = json.readTree(line);
        List<String> references = new ArrayList<>();
        o.path("references").forEach(x -> references.add(x.asText()));
        if (references.isEmpty()) {
          throw new IOException(file + " line " + (index + 1) + ": no \"references\"");
        }
        String id = o.path("id").asText();
        String article = o.path("article").asText();
        Article read = read(reader, article, id);
        if (read == null) {
          noBody++;
        }
        Body body = Body.of(read);
        sentences += body.sentences().size();
        List<List<Integer>> chosen = score(summarizer, counts, words, rouge, references, body, mine[0], lead[0]);
        if (wrap != null) {
          Article wrapped = read(reader, wrap.apply(article, id), id);
          Body wrappedBody = Body.of(wrapped);
          List<List<Integer>> chosenWrapped =
              score(summarizer, counts, words, rouge, references, wrappedBody, mine[1], lead[1]);
          boolean paragraphs = Objects.equals(read == null ? null : read.paragraphs(),
              wrapped == null ? null : wrapped.paragraphs());
          boolean summaries = wrappedBody.sentences().equals(body.sentences()) && chosenWrapped.equals(chosen);
          sameParagraphs += paragraphs ? 1 : 0;
          sameSummaries += summaries ? 1 : 0;
          sameBriefs += paragraphs && summaries ? 1 : 0;
        }
      }
    }
    int n = mine[0][0].n;
    out.printf(Locale.ROOT, "%s: %d articles (half: %s), %.1f body sentences each%s; ROUGE F1 x100, Arabic tokens,"
            + " not stemmed, mean over references%n",
        file.getFileName(), n, half, n == 0 ? 0.0 : sentences / (double) n,
        noBody == 0 ? "" : " (" + noBody + " without a body, scored 0)");
    out.printf(Locale.ROOT, "%-28s %6s %6s %7s %8s%n", "system", "R-1", "R-2", "R-Lsum", "words");
    for (int c = 0; c < counts.size(); c++) {
      int k = counts.get(c);
      String name = "arabrief (" + k + " sent." + (words > 0 ? ", " + words + " words" : "") + ")";
      if (wrap != null) {
        out.println(mine[1][c].row(name + " wrapped"));
        out.println(lead[1][c].row("lead-" + k + " wrapped"));
      }
      out.println(mine[0][c].row(name));
      out.println(lead[0][c].row("lead-" + k));
    }
    if (wrap != null) {
      out.printf(Locale.ROOT, "wrapped %s: brief identical to the unwrapped article's (body paragraphs and the summary"
              + " at %s sentences) for %d of %d articles (%.1f%%); paragraphs %d, summaries %d%n",
          wrap, counts.stream().map(String::valueOf).collect(Collectors.joining(" and ")), sameBriefs,
          n, n == 0 ? 0.0 : 100.0 * sameBriefs / n, sameParagraphs, sameSummaries);
    }
  }

  /** The article as brief reads it from a file, or null when it has no body. */
  private static Article read(ArticleReader reader, String text, String id) {
    try {
      return reader.read(text.getBytes(StandardCharsets.UTF_8), id);
    } catch (BadInputException e) {
      return null;
    }
  }

  /** Adds arabrief's and lead's summary at each length to the totals; returns arabrief's choices. */
  private static List<List<Integer>> score(Summarizer summarizer, List<Integer> counts, int words, Rouge rouge,
      List<String> references, Body body, Totals[] mine, Totals[] lead) {
    List<List<Integer>> choices = new ArrayList<>();
    for (int c = 0; c < counts.size(); c++) {
      int k = counts.get(c);
      List<Integer> picked = summarizer.select(body.sentences(), body.paragraphs(), k, words);
      choices.add(picked);
      mine[c].add(rouge, references, picked.stream().map(body.sentences()::get).toList());
      lead[c].add(rouge, references, body.sentences().subList(0, Math.min(k, body.sentences().size())));
    }
    return choices;
  }
}

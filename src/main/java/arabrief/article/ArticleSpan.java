package arabrief.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the article is in a page pasted whole as text, from {@link LineModel}'s per-line log-odds:
 * the runs of lines with the largest total (Kadane), joined across boxes, and the first of them that
 * a headline announces. Iterative throughout; linear in the number of lines per run found.
 */
final class ArticleSpan {

  private ArticleSpan() {}

  /**
   * How a pasted text is cut: lines before {@code from} and from {@code to} on are furniture; the body
   * starts at {@code bodyStart} (-1: the parser decides); {@code boxLines} are boxes inside the article.
   */
  record Cut(int from, int to, int bodyStart, Set<String> boxLines) {}

  /** Cuts a text that may be a page pasted whole. */
  static Cut cut(List<String> all, LineModel model) {
    double[] odds = model.logOdds(all);
    int[] span = of(all, odds);
    // A box inside the article (read-also, suggested stories, a promo): a line the model reads as
    // furniture, and the non-prose lines after it (the box's headlines) until prose resumes.
    Set<String> box = new java.util.HashSet<>();
    boolean inBox = false;
    for (int i = span[0]; i < span[1]; i++) {
      boolean prose = ArticleParser.isProse(all.get(i));
      inBox = !prose && (inBox || odds[i] < 0);
      if (inBox) {
        box.add(all.get(i));
      }
    }
    if (span[1] <= span[0]) {
      return new Cut(0, all.size(), -1, box);
    }
    // The article's first prose line, not a prose-like line of a ticker in the header window above it.
    int start = ArticleParser.bodyStart(all.subList(span[0], span[1])) + span[0];
    int from = Math.max(0, Math.min(span[0], start) - ArticleParser.HEADER_WINDOW);
    return new Cut(from, span[1], start < span[1] ? start : -1, box);
  }

  /**
   * The article's lines as {start, end exclusive}; {0, 0} when no line reads as body. Candidates are
   * the runs of lines with the largest total log-odds (Kadane's best run, then the best runs left and
   * right of it, and so on). Runs split only by a box of a few non-prose lines (a read-also box, an
   * embedded teaser) are one article. The article is the first run that has a headline above it — a
   * line within {@link ArticleParser#HEADER_WINDOW} lines sharing {@link #MIN_HEADLINE_SUPPORT} content
   * words with its lead, as {@link HeadlineScorer} reads headlines — and {@link #MIN_ARTICLE_PARAGRAPHS}
   * sure prose lines: a page's comment rules or "about us" text are prose too, but they come after the
   * article and rarely have a headline. Failing that, the best run with a headline, else the best run.
   */
  static int[] of(LineModel model, List<String> lines) {
    return of(lines, model.logOdds(lines));
  }

  static int[] of(List<String> lines, double[] s) {
    List<int[]> runs = runs(s);
    runs.sort((a, b) -> Integer.compare(a[0], b[0]));
    List<int[]> merged = new ArrayList<>();
    for (int[] r : runs) {
      int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && r[0] - last[1] <= MAX_BOX_LINES && hasProse(lines, s, last) && hasProse(lines, s, r)
          && boxOnly(lines, last[1], r[0])) {
        last[1] = r[1];
      } else {
        merged.add(new int[] {r[0], r[1]});
      }
    }
    // The article comes before what follows it on a page (comments and their rules, "about us", the
    // footer): the first run with a headline above it and at least MIN_ARTICLE_PARAGRAPHS sure prose lines.
    for (int[] r : merged) {
      if (headlineAbove(lines, r) && sureProse(lines, s, r) >= MIN_ARTICLE_PARAGRAPHS) {
        return r;
      }
    }
    int[] best = {0, 0};
    double bestSum = 0;
    boolean bestSupported = false;
    for (int[] r : merged) {
      double sum = 0;
      for (int i = r[0]; i < r[1]; i++) {
        sum += Math.max(0, s[i]);
      }
      boolean supported = headlineAbove(lines, r);
      if ((supported && !bestSupported) || (supported == bestSupported && sum > bestSum)) {
        best = r;
        bestSum = sum;
        bestSupported = supported;
      }
    }
    return best;
  }

  /** A box inside an article is short lines that do not read as prose. */
  static final int MAX_BOX_LINES = 6;
  /** Content words a headline shares with its article's first paragraphs, at least. */
  static final int MIN_HEADLINE_SUPPORT = 3;

  private static boolean boxOnly(List<String> lines, int from, int to) {
    for (int i = from; i < to; i++) {
      if (ArticleParser.isProse(lines.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A run holds at least one prose line the model is fairly sure of (odds above 1: p > 0.73). */
  private static boolean hasProse(List<String> lines, double[] s, int[] r) {
    return sureProse(lines, s, r) > 0;
  }

  private static int sureProse(List<String> lines, double[] s, int[] r) {
    int n = 0;
    for (int i = r[0]; i < r[1]; i++) {
      if (s[i] > 1 && ArticleParser.isProse(lines.get(i))) {
        n++;
      }
    }
    return n;
  }

  /** An article has at least this many paragraphs of prose. */
  static final int MIN_ARTICLE_PARAGRAPHS = 2;

  private static boolean headlineAbove(List<String> lines, int[] r) {
    Set<String> lead = HeadlineScorer.leadWords(lines.subList(r[0], r[1]));
    for (int i = Math.max(0, r[0] - ArticleParser.HEADER_WINDOW); i < r[0]; i++) {
      int words = ArabicPatterns.wordCount(lines.get(i));
      if (words >= HeadlineScorer.MIN_WORDS && words <= HeadlineScorer.MAX_WORDS
          && HeadlineScorer.matches(lines.get(i), lead) >= MIN_HEADLINE_SUPPORT) {
        return true;
      }
    }
    return false;
  }

  /** Disjoint runs of positive total log-odds, best first within each stretch (iterative, no recursion). */
  private static List<int[]> runs(double[] s) {
    List<int[]> out = new ArrayList<>();
    java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
    todo.push(new int[] {0, s.length});
    while (!todo.isEmpty() && out.size() < MAX_RUNS) {
      int[] range = todo.pop();
      int[] best = kadane(s, range[0], range[1]);
      if (best == null) {
        continue;
      }
      out.add(best);
      todo.push(new int[] {range[0], best[0]});
      todo.push(new int[] {best[1], range[1]});
    }
    return out;
  }

  private static final int MAX_RUNS = 64;

  private static int[] kadane(double[] s, int from, int to) {
    double best = 0;
    double run = 0;
    int runStart = from;
    int[] span = null;
    for (int i = from; i < to; i++) {
      if (run <= 0) {
        run = 0;
        runStart = i;
      }
      run += s[i];
      if (run > best) {
        best = run;
        span = new int[] {runStart, i + 1};
      }
    }
    return span;
  }

}

package arabrief.article;

import static arabrief.article.ReflowLine.ENDINGS;
import static arabrief.article.ReflowLine.METRICS;
import static arabrief.article.ReflowLine.SENTENCE;

import java.util.List;

/**
 * Joins hard-wrapped lines back into the paragraphs they were cut from, before the parser reads each line as a
 * unit. Archive files, e-mail and text exports wrap at a fixed width, either with a blank line between
 * paragraphs or with a blank line after every wrapped line; the parser would read every fragment as a paragraph.
 *
 * <p>A greedy wrapper at width W leaves a trace no hand-typed text has: many lines of at most W columns whose
 * next line's first word would not have fitted after them (length + 1 + that word &gt; W), ending mid-sentence,
 * and almost no breakable line longer than W. The width is the one most lines agree on, in code points, display
 * columns or UTF-8 bytes (GNU fold counts bytes); the text counts as wrapped only when the agreeing lines are most
 * of the nearly full lines, few breakable lines are longer and most of them end mid-sentence. Then a line is
 * joined to the next when it is full in that sense, the blank lines between them are the ones the wrapped lines
 * have, and the next is not a list item, a rule or an indented paragraph start. A full line that ends a sentence
 * is joined when blank lines mark paragraphs apart; when they do not, the text's own counts of such endings at
 * paragraph ends and inside lines decide. Short lines (headlines, date lines, bylines, labels) are never full, so
 * they are never glued to prose. The lines' measures are {@link ReflowLine}'s.
 *
 * <p>Text that does not look wrapped is returned unchanged (the same string); a wrapped text changes only where
 * lines are joined: the line break, the blank lines and the spaces around them become one space.
 * Linear in the text's length.
 */
final class Reflow {

  /** Widths tried; narrower or wider wrapping is not worth the risk of joining a column of short lines. */
  private static final int MIN_WIDTH = 25;
  private static final int MAX_WIDTH = 250;
  /**
   * Lines that agree on a width, at least: one paragraph wrapped in two lines is no evidence. Under
   * {@link #SURE_WRAPS} of them, none may end a sentence.
   */
  private static final int MIN_WRAPS = 2;
  private static final int SURE_WRAPS = 4;
  /**
   * Agreeing lines among the breakable lines of more than {@link #NEAR} of the width, at least: a wrapper fills
   * nearly every line it cuts, while the longest lines of unwrapped text are as long as they happen to be.
   */
  private static final double MIN_NEAR_SHARE = 0.5;
  private static final double NEAR = 0.8;
  /** Breakable lines longer than the width among those longer than half of it, at most (a long URL, a table). */
  private static final double MAX_OVER_SHARE = 0.05;
  /** Agreeing lines that end a sentence, at most: a wrapper cuts mid-sentence, a writer ends paragraphs. */
  private static final double MAX_SENTENCE_END_SHARE = 0.5;
  /** How much a breakable line longer than a width counts against it, in agreeing lines. */
  private static final int OVER_WEIGHT = 2;
  /** Agreeing lines with a count of blank lines after them, at least, for that count to separate wrapped lines. */
  private static final double MIN_GAP_SHARE = 0.25;
  /** Paragraph ends followed by more blank lines than the wrapped lines, at least, for blank lines to mark paragraphs. */
  private static final double MIN_MARKED_SHARE = 0.5;

  private Reflow() {}

  /**
   * The width a wrapper used, the blank lines between its wrapped lines, and for each way a line can end
   * whether a full line so ending ends its paragraph.
   */
  private record Wrap(int metric, int width, int gap, boolean[] paragraphEnd) {}

  /** {@code text} with its wrapped lines joined, or {@code text} itself when it does not look wrapped. */
  static String reflow(String text) {
    List<ReflowLine> lines = ReflowLine.of(text);
    Wrap wrap = detect(lines);
    if (wrap == null) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int pos = 0;
    int leastIndent = lines.stream().mapToInt(l -> l.indent).min().orElse(0);
    Quotes quotes = new Quotes();
    boolean inItem = lines.get(0).listItem || lines.get(0).dash;
    for (int k = 0; k + 1 < lines.size(); k++) {
      ReflowLine line = lines.get(k);
      ReflowLine next = lines.get(k + 1);
      quotes.read(text, line.contentStart, line.end);
      // An indented line starts a paragraph, unless it hangs under a list item; a dash after a list item or a
      // sentence's end starts the next item (elsewhere it may be a spaced dash that the wrapper put first).
      boolean startsParagraph = next.indent > leastIndent && !inItem || next.dash && (inItem || line.ending == SENTENCE);
      if (!startsParagraph && joins(line, next, wrap, quotes.open())) {
        out.append(text, pos, line.end).append(' ');
        pos = next.contentStart;
      } else {
        quotes = new Quotes();
        inItem = next.listItem || next.dash;
      }
    }
    return pos == 0 ? text : out.append(text, pos, text.length()).toString();
  }

  /** The wrap the text shows, or null when it does not look wrapped. */
  private static Wrap detect(List<ReflowLine> lines) {
    if (lines.size() <= MIN_WRAPS) { // the last line is never cut
      return null;
    }
    Wrap best = null;
    int bestFit = 0;
    for (int m = 0; m < METRICS; m++) {
      int[] fit = new int[MAX_WIDTH + 2];
      for (int k = 0; k < lines.size(); k++) {
        ReflowLine line = lines.get(k);
        if (!line.breakable) {
          continue;
        }
        if (k + 1 < lines.size()) {
          // A wrapper at width W cut here when length <= W < length + 1 + next word, i.e. for W in [length, length + next word].
          int lo = Math.max(line.length[m], MIN_WIDTH);
          int hi = Math.min(line.length[m] + lines.get(k + 1).firstWord[m], MAX_WIDTH);
          if (lo <= hi) {
            fit[lo]++;
            fit[hi + 1]--;
          }
        }
      }
      // atLeast[w]: breakable lines of w columns or more (lengths capped at MAX_WIDTH + 1)
      int[] atLeast = new int[MAX_WIDTH + 3];
      for (ReflowLine line : lines) {
        if (line.breakable) {
          atLeast[Math.min(line.length[m], MAX_WIDTH + 1)]++;
        }
      }
      for (int w = MAX_WIDTH; w >= 0; w--) {
        atLeast[w] += atLeast[w + 1];
      }
      // The width most lines agree on, each breakable line longer than it counting against it: one width below
      // the wrapper's, the lines of exactly its length would be left unjoined.
      int run = 0;
      int width = -1;
      int widthFit = 0;
      int widthScore = Integer.MIN_VALUE;
      for (int w = 0; w <= MAX_WIDTH; w++) {
        run += fit[w];
        int over = atLeast[w + 1];
        int score = run - OVER_WEIGHT * over;
        if (w < MIN_WIDTH || score <= widthScore) {
          continue;
        }
        int overHalf = atLeast[w / 2 + 1];
        int near = atLeast[(int) (NEAR * w) + 1] - over;
        if (run >= MIN_WRAPS && run >= MIN_NEAR_SHARE * near && over <= MAX_OVER_SHARE * overHalf) {
          width = w;
          widthFit = run;
          widthScore = score;
        }
      }
      if (width < 0 || widthFit <= bestFit) {
        continue;
      }
      Wrap wrap = gaps(lines, m, width);
      if (wrap != null) {
        best = wrap;
        bestFit = widthFit;
      }
    }
    return best;
  }

  /**
   * For a width that lines agree on: refused when most agreeing lines end a sentence (paragraphs one a line,
   * some of them by chance near one length); else the blank lines the wrapped lines have between them, and for
   * each way a line ends whether a full line so ending ends its paragraph.
   */
  private static Wrap gaps(List<ReflowLine> lines, int m, int width) {
    int agreeing = 0;
    int ending = 0;
    int[] gapCounts = new int[4];
    for (int k = 0; k + 1 < lines.size(); k++) {
      ReflowLine line = lines.get(k);
      if (line.breakable && full(line, lines.get(k + 1), m, width)) {
        agreeing++;
        ending += line.ending == SENTENCE ? 1 : 0;
        gapCounts[Math.min(line.gapAfter, 3)]++;
      }
    }
    if (ending > MAX_SENTENCE_END_SHARE * agreeing || agreeing < SURE_WRAPS && ending > 0) {
      return null;
    }
    // The fewest blank lines that a good share of the agreeing lines have after them: in a page of one-line
    // paragraphs wrapped with blank lines between paragraphs, headlines of other stories near the width can
    // outnumber the article's wrapped lines, and they are one blank line apart.
    int gap = 0;
    while (gap + 1 < gapCounts.length && gapCounts[gap] < MIN_GAP_SHARE * agreeing) {
      gap++;
    }
    int[] ends = new int[ENDINGS]; // lines that are not full, so end a paragraph (or stand alone)
    int[] mids = new int[ENDINGS];
    int marked = 0;
    double firstWords = 0;
    for (int k = 0; k < lines.size(); k++) {
      ReflowLine line = lines.get(k);
      for (int e = 0; e < ENDINGS; e++) {
        mids[e] += line.inner[e];
      }
      firstWords += line.firstWord[m];
      if (k + 1 < lines.size() && !full(line, lines.get(k + 1), m, width)) {
        ends[line.ending]++;
        marked += line.ending == SENTENCE && line.gapAfter > gap ? 1 : 0;
      }
    }
    boolean[] paragraphEnd = new boolean[ENDINGS];
    if (ends[SENTENCE] > 0 && marked >= MIN_MARKED_SHARE * ends[SENTENCE]) {
      return new Wrap(m, width, gap, paragraphEnd); // blank lines tell paragraphs apart: every full line is cut
    }
    // Blank lines say nothing: a full line ending so is a paragraph's end when paragraph ends so ending, each
    // full with the chance a last line has to be full (the next line's first word did not fit), outnumber the
    // same marks inside paragraphs, each cut there with the chance a space has to be a wrap. Counted on this text.
    int spaces = 0;
    for (int e = 0; e < ENDINGS; e++) {
      spaces += mids[e];
    }
    double wrapChance = (double) agreeing / (spaces + agreeing);
    double fullChance = Math.min(1, (firstWords / lines.size() + 1) / width);
    for (int e = 0; e < ENDINGS; e++) {
      paragraphEnd[e] = (ends[e] + 1) * fullChance > (mids[e] + 1) * wrapChance;
    }
    return new Wrap(m, width, gap, paragraphEnd);
  }

  /** A wrapper at {@code width} would have put the next line's first word on this line had it fitted. */
  private static boolean full(ReflowLine line, ReflowLine next, int m, int width) {
    return line.length[m] <= width && line.length[m] + 1 + next.firstWord[m] > width;
  }

  /**
   * Whether {@code line} goes on into {@code next}.
   *
   * @param inQuote a quotation opened in the paragraph so far is still open at the line's end: a sentence
   *     ending there is inside it, not the paragraph's end
   */
  private static boolean joins(ReflowLine line, ReflowLine next, Wrap wrap, boolean inQuote) {
    return line.gapAfter == wrap.gap() && line.breakable && !line.rule && !next.rule && !next.listItem
        && full(line, next, wrap.metric(), wrap.width()) && (inQuote || !wrap.paragraphEnd()[line.ending]);
  }

  /**
   * Which quotations are open in the text read so far: «» nest; a straight or curly double quote opens or closes
   * by where it stands (sites print “ and ” either way round in Arabic, and a stray closing quote is common).
   */
  static final class Quotes {
    private static final String OPENERS = "([{«";
    private static final String AFTER_CLOSE = ".,،:;؛!?؟)]}»…";
    private int guillemets;
    private boolean straight;
    private boolean curly;

    void read(String text, int from, int to) {
      for (int i = from; i < to; i++) {
        switch (text.charAt(i)) {
          case '«' -> guillemets++;
          case '»' -> guillemets = Math.max(0, guillemets - 1);
          case '"' -> straight = opens(text, i, from, to, straight);
          case '“', '”' -> curly = opens(text, i, from, to, curly);
          default -> { }
        }
      }
    }

    /**
     * Whether the quotation mark at {@code i} leaves a quotation open. Where it stands tells which way it faces:
     * after a space and before a word it opens, after a word and before a space or a mark it closes, whatever
     * came before (a stray mark is not carried on to the paragraph's end); only a mark between two spaces, or
     * between two words, toggles.
     */
    private static boolean opens(String text, int i, int from, int to, boolean open) {
      boolean spaceBefore = i == from || Character.isWhitespace(text.charAt(i - 1)) || OPENERS.indexOf(text.charAt(i - 1)) >= 0;
      boolean spaceAfter = i + 1 == to || Character.isWhitespace(text.charAt(i + 1)) || AFTER_CLOSE.indexOf(text.charAt(i + 1)) >= 0;
      if (spaceBefore != spaceAfter) {
        return spaceBefore;
      }
      return !open;
    }

    boolean open() {
      return guillemets > 0 || straight || curly;
    }
  }
}

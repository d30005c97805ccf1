package arabrief.article;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The deck (standfirst) of a text copy: what a page prints under its headline to sum the story up, set
 * apart from the body by the page's own layout. Two layouts say so without any wording: bullet points
 * under the headline, before the first paragraph that is not one; and a paragraph under the headline that
 * the story's header elements — its date line, byline, or photo and caption — separate from the body.
 * A paragraph separated from the next only by an advertisement slot or a read-also box is no deck: pages
 * put those inside the body too.
 */
final class Standfirst {

  /** A deck is one paragraph or a few points; longer is the story itself. */
  static final int MAX_WORDS = 70;
  static final int MAX_POINTS = 4;
  /** A bullet point: «•», «*», «■», «-» and the like, then text. */
  private static final Pattern BULLET = Pattern.compile("^[•*■□▪▫●○◾◽►▶◆◇➢✓✔·–—-]\\s*\\S");

  private Standfirst() {}

  /** Lines {@code [from, to)} are the deck; the body starts at {@code bodyStart} (what lies between is header). */
  record Found(int from, int to, int bodyStart) {}

  static boolean isBullet(String line) {
    return BULLET.matcher(line).find();
  }

  /** The deck at the start of {@code lines[bodyStart, end)}, or null when the body starts there. */
  static Found find(List<String> lines, int bodyStart, int end) {
    if (bodyStart >= end) {
      return null;
    }
    // Bullet points, then a paragraph that is none: the points are the deck.
    int points = bodyStart;
    while (points < end && isBullet(lines.get(points)) && points - bodyStart < MAX_POINTS + 1) {
      points++;
    }
    if (points > bodyStart && points - bodyStart <= MAX_POINTS) {
      int next = nextProse(lines, points, end);
      if (next < end && !isBullet(lines.get(next)) && onlyHeaderLines(lines, points, next, true)) {
        return new Found(bodyStart, points, next);
      }
      return null;
    }
    String first = lines.get(bodyStart);
    if (ArabicPatterns.wordCount(first) > MAX_WORDS || BylineParser.ofPrefix(first) != null) {
      return null; // a wire dateline opens the body's first paragraph, not a deck
    }
    int next = nextProse(lines, bodyStart + 1, end);
    if (next >= end || next == bodyStart + 1 || !onlyHeaderLines(lines, bodyStart + 1, next, false)) {
      return null;
    }
    return new Found(bodyStart, bodyStart + 1, next);
  }

  /**
   * Labels one to a line (a tag list, a menu): lines without punctuation of at most {@link #MAX_LABEL_WORDS}
   * words, at least {@link #MIN_LABEL_RUN} in a row, most of them no longer than {@link #SHORT_LABEL_WORDS}.
   */
  static final int MIN_LABEL_RUN = 3;
  private static final int MAX_LABEL_WORDS = 10;
  private static final int SHORT_LABEL_WORDS = 3;

  private static boolean isLabel(String line) {
    return ArabicPatterns.wordCount(line) <= MAX_LABEL_WORDS && line.codePoints().anyMatch(Character::isLetter)
        && !line.matches(".*[.،,؛:؟?!«»\"].*");
  }

  /** Line {@code i} is one of a run of labels within {@code [from, to)}. */
  static boolean inLabelRun(List<String> lines, int i, int from, int to) {
    if (!isLabel(lines.get(i))) {
      return false;
    }
    int a = i;
    while (a > from && isLabel(lines.get(a - 1))) {
      a--;
    }
    int b = i + 1;
    while (b < to && isLabel(lines.get(b))) {
      b++;
    }
    long shortOnes = lines.subList(a, b).stream().filter(l -> ArabicPatterns.wordCount(l) <= SHORT_LABEL_WORDS).count();
    return b - a >= MIN_LABEL_RUN && 3 * shortOnes >= 2 * (b - a);
  }

  private static int nextProse(List<String> lines, int from, int end) {
    int i = from;
    while (i < end && !(ArticleParser.isProse(lines.get(i)) && !Furniture.isFurniture(lines.get(i))
        && DatelineParser.parse(lines.get(i)) == null)) {
      i++;
    }
    return i;
  }

  /**
   * Lines {@code [from, to)} are all header elements, and (unless {@code anyHeader}) one of them is a
   * date line, a byline or a photo line: the layout that sets a deck apart. Nothing else may stand between
   * (a subheading would mean the body had begun).
   */
  private static boolean onlyHeaderLines(List<String> lines, int from, int to, boolean anyHeader) {
    boolean marked = anyHeader;
    for (int i = from; i < to; i++) {
      String line = lines.get(i);
      boolean date = DatelineParser.parse(line) != null;
      boolean byline = BylineParser.ofLine(line) != null || BylineParser.isSourceLabel(line);
      boolean photo = Furniture.isPhotoCredit(line) || Furniture.endsWithPhotoCredit(line) || HeadlineScorer.isCredited(line)
          || ArticleParser.saysPhoto(line);
      boolean other = Furniture.isFurniture(line) || line.codePoints().noneMatch(Character::isLetter)
          || inLabelRun(lines, i, from, to);
      if (!(date || byline || photo || other)) {
        return false;
      }
      marked |= date || byline || photo;
    }
    return marked;
  }
}

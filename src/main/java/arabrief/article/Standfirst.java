package arabrief.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The deck (standfirst) of a text copy: what a page prints under its headline to sum the story up, set
 * apart from the body by the page's own layout. Two layouts say so without any wording: bullet points
 * under the headline, before the first paragraph that is not one; and a paragraph under the headline that
 * the story's header elements — its date line, byline, or photo and caption — separate from the body. A
 * deck printed as a plain line right above the body is told from a lede by what it says: the lede under it
 * restates it ({@link #summarizes}).
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

  /**
   * What {@link #take} found: the deck's text (null when none), how many lines right above the first prose
   * line it takes out of the header, the header lines between it and the body, the captions among them that
   * repeat the deck or the lede, and where the body starts.
   */
  record Taken(String text, int taken, List<String> header, List<String> echoes, int bodyStart) {}

  /**
   * The deck of {@code lines}, whose header starts at {@code headerFrom} and whose first prose line is
   * {@code bodyStart}: a deck found there ({@link #find}) with the bullet points right above it (those that
   * do not end like sentences are no prose), or those points alone; and past a caption that repeats the lede.
   */
  static Taken take(List<String> lines, int headerFrom, int bodyStart, int end) {
    List<String> header = new ArrayList<>();
    List<String> echoes = new ArrayList<>();
    int body = bodyStart;
    while (body < end && echoes(lines, body, end, null)) { // the lede's first sentence as a caption above it
      echoes.add(lines.get(body));
      int next = nextProse(lines, body + 1, end, null);
      header.addAll(lines.subList(body + 1, next));
      body = next;
    }
    Found deck = find(lines, body, end);
    int at = deck == null ? bodyStart : deck.from();
    // (points above a caption are not looked for: the points taken come off the end of the header)
    int points = at == bodyStart && (deck == null || isBullet(lines.get(at))) ? pointsAbove(lines, at, headerFrom) : at;
    String deckText = null;
    if (deck != null) {
      deckText = String.join("\n", lines.subList(deck.from(), deck.to()));
      for (int i = deck.to(); i < deck.bodyStart(); i++) {
        (echoes(lines, i, end, deckText) ? echoes : header).add(lines.get(i));
      }
      body = deck.bodyStart();
    }
    String text = points < at ? String.join("\n", lines.subList(points, at)) + (deckText == null ? "" : "\n" + deckText) : deckText;
    return new Taken(text, at - points, header, echoes, body);
  }

  static boolean isBullet(String line) {
    return BULLET.matcher(line).find();
  }

  /** A point of a deck has at least this many words (a shorter bulleted line is a menu item). */
  private static final int MIN_POINT_WORDS = 3;

  /**
   * Where the bullet points that stand right above line {@code at} start (at most {@link #MAX_POINTS} with
   * it, none above {@code floor + 1}: the headline stands above them), or {@code at} when none do. Points
   * that do not end like sentences are no prose, so the body's first line may be found under them.
   */
  static int pointsAbove(List<String> lines, int at, int floor) {
    int from = at;
    int room = MAX_POINTS - (at < lines.size() && isBullet(lines.get(at)) ? 1 : 0);
    while (from - 1 > floor && at - from < room && isPoint(lines.get(from - 1))) {
      from--;
    }
    return from - 1 > floor && isPoint(lines.get(from - 1)) ? at : from; // a longer list is no deck
  }

  private static boolean isPoint(String line) {
    return isBullet(line) && ArabicPatterns.wordCount(line) >= MIN_POINT_WORDS && !Furniture.isFurniture(line);
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
      int next = nextProse(lines, points, end, null);
      if (next < end && !isBullet(lines.get(next)) && onlyHeaderLines(lines, points, next, end, true, null)) {
        return new Found(bodyStart, points, next);
      }
      return null;
    }
    String first = lines.get(bodyStart);
    if (ArabicPatterns.wordCount(first) > MAX_WORDS || BylineParser.ofPrefix(first) != null) {
      return null; // a wire dateline opens the body's first paragraph, not a deck
    }
    int next = nextProse(lines, bodyStart + 1, end, first);
    if (next >= end) {
      return null;
    }
    boolean setApart = next > bodyStart + 1 && onlyHeaderLines(lines, bodyStart + 1, next, end, false, first);
    if (!setApart && !(onlyHeaderLines(lines, bodyStart + 1, next, end, true, first) && summarizes(first, lines.get(next)))) {
      return null;
    }
    return new Found(bodyStart, bodyStart + 1, next);
  }

  /** A deck restates the lede: this share of each one's content words recurs in the other, added up. */
  static final double MIN_RESTATED = 1.2;
  /** ... and at least this share of the deck's own words recurs in the lede. */
  static final double MIN_DECK_RESTATED = 0.4;

  /**
   * A deck printed as a plain line right above the body, which no layout sets apart: one sentence that the
   * next paragraph restates (measured on BBC Arabic's standfirsts against their articles' ledes: most decks
   * share more than half their content words with the lede both ways, while a lede shares about a tenth with
   * the paragraph after it), and the next paragraph does not go on from it with a conjunction — a story's
   * second paragraph mostly opens with «و»/«ف», a lede under a deck almost never.
   */
  static boolean summarizes(String line, String lede) {
    if (SentenceSplitter.split(line).size() != 1 || continues(lede)) {
      return false;
    }
    double deckShare = HeadlineScorer.overlap(line, HeadlineScorer.words(lede));
    return deckShare >= MIN_DECK_RESTATED && deckShare + HeadlineScorer.overlap(lede, HeadlineScorer.words(line)) >= MIN_RESTATED;
  }

  /** The line opens with the conjunction «و» or «ف» (alone, or joined to a word of three letters or more). */
  private static boolean continues(String line) {
    String first = line.strip().split("\\s+", 2)[0];
    return first.matches("[وف](?:\\p{L}{3,}.*)?");
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

  /** The first line from {@code from} that reads as prose and is neither furniture, a date nor an echo. */
  static int nextProse(List<String> lines, int from, int end, String deck) {
    int i = from;
    while (i < end && !(ArticleParser.isProse(lines.get(i)) && !Furniture.isFurniture(lines.get(i))
        && DatelineParser.parse(lines.get(i)) == null && !echoes(lines, i, end, deck))) {
      i++;
    }
    return i;
  }

  /** A photo's line: a credit, a placeholder, or a line that says it shows a photo. */
  static boolean isPhotoLine(String line) {
    return Furniture.isPhotoCredit(line) || Furniture.isImagePlaceholder(line) || Furniture.endsWithPhotoCredit(line)
        || HeadlineScorer.isCredited(line) || ArticleParser.saysPhoto(line);
  }

  /** A caption repeating a line has at least this many words; shorter lines repeat by chance. */
  private static final int MIN_ECHO_WORDS = 4;
  /** A caption repeats the body's first sentence within this many lines above it. */
  private static final int ECHO_REACH = 2;

  /**
   * Line {@code i} is a photo's caption that prints the deck or the lede's first sentence again between the
   * headline and the body: it opens one of the next {@link #ECHO_REACH} lines word for word, or, under a photo
   * line, it is the deck or such a line again (of two copies, the one under the photo is the caption).
   */
  static boolean echoes(List<String> lines, int i, int end, String deck) {
    String line = ArticleParser.squash(lines.get(i));
    if (ArabicPatterns.wordCount(line) < MIN_ECHO_WORDS) {
      return false;
    }
    boolean underPhoto = i > 0 && isPhotoLine(lines.get(i - 1));
    if (underPhoto && deck != null && line.equals(ArticleParser.squash(deck))) {
      return true;
    }
    for (int k = i + 1; k < Math.min(end, i + 1 + ECHO_REACH); k++) {
      String later = ArticleParser.squash(lines.get(k));
      if (later.startsWith(line) && (later.length() > line.length() ? later.charAt(line.length()) == ' ' : underPhoto)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lines {@code [from, to)} are all header elements, and (unless {@code anyHeader}) one of them is a
   * date line, a byline, a photo line or a caption repeating the deck or the lede: the layout that sets a
   * deck apart. Nothing else may stand between (a subheading would mean the body had begun).
   */
  private static boolean onlyHeaderLines(List<String> lines, int from, int to, int end, boolean anyHeader, String deck) {
    boolean marked = anyHeader;
    for (int i = from; i < to; i++) {
      String line = lines.get(i);
      if (echoes(lines, i, end, deck)) {
        marked = true; // a caption printed again under a photo
        continue;
      }
      boolean date = DatelineParser.parse(line) != null;
      boolean byline = BylineParser.ofLine(line) != null || BylineParser.isSourceLabel(line);
      boolean photo = isPhotoLine(line);
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

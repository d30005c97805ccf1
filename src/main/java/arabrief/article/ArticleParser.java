package arabrief.article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalized text to an {@link Article}. A copied or scraped news page reads top to bottom as a
 * header (masthead, ticker, section labels, headline — often twice —, date line, byline, caption), the
 * body, then more furniture (tags, related links, labels). Each non-blank line is one unit.
 *
 * <p>The body starts at the first line that reads as prose ({@link #isProse}: ending in a full stop,
 * or long and ending like a sentence, or very long with punctuation); the header is everything above it. In the header every line is classed — furniture,
 * date line, byline, or a candidate — and the headline is chosen among the candidates by
 * {@link HeadlineScorer} (overlap with the lead paragraphs, repetition, punctuation, position), not by
 * where it stands alone; the caption is a caption-like candidate after it. Every line that is none of these
 * goes to {@code dropped}, in order.
 */
final class ArticleParser {

  /** A line ending in a full stop is prose from this many words (headlines do not end so). */
  static final int MIN_PROSE_WORDS = 3;
  /** Headlines may end with a question mark, a colon or a closing quote; prose so ending is longer. */
  static final int MIN_OPEN_PROSE_WORDS = 12;
  static final int LONG_PROSE_WORDS = 25;
  private static final int MAX_CAPTION_WORDS = 30;
  private static final int MIN_CAPTION_WORDS = 3;
  private static final double MIN_CAPTION_OVERLAP = 0.2;
  /** A name printed under a masthead label («رئيس التحرير» / «سامي عبد الله») has at most this many words. */
  private static final int MAX_NAME_WORDS = 4;
  private static final Pattern SENTENCE_END = Pattern.compile("[.؟?!؛…:»\"”]$");
  private static final Pattern FULL_STOP = Pattern.compile("[.!؛…]$");
  private static final Pattern ANY_SENTENCE_MARK = Pattern.compile("[.؟?!؛،,]");
  private static final Pattern AGENCY_CREDIT =
      Pattern.compile("\\((?:" + String.join("|",
          "إ\\.?\\s?ب\\.?\\s?أ", "أ\\.?\\s?ف\\.?\\s?ب", "أ\\.?\\s?ب", "رويترز", "د\\.?\\s?ب\\.?\\s?أ", "الأناضول",
          "أسوشييتد برس", "غيتي", "غيتي إيميجز", "واس", "سانا", "وام", "قنا", "كونا", "واع", "وفا",
          "الشرق الأوسط", "أرشيفية", "أرشيف", "AFP", "Reuters", "AP", "EPA", "Getty Images?")
          + ")[^()]{0,20}\\)$");
  /** A text of more lines than this may be a whole page pasted; the line model looks for the article in it. */
  static final int MIN_PASTED_LINES = 40;
  /** A page pasted whole has at least this many lines (and a tenth of its lines) around the article. */
  static final int MIN_PAGE_LINES = 8;
  /** Lines above the article's span read as its header (headline, date, byline, caption, share buttons). */
  static final int HEADER_WINDOW = 15;
  private static final Pattern PHOTO_PREFIX = Pattern.compile("^(?:صورة|صور|الصورة)\\s");

  /** What an HTML page already said about itself; null parts are guessed from the text. */
  record Hints(String headline, String caption, String author, String source) {
    static final Hints NONE = new Hints(null, null, null, null);
  }

  private final List<String> dropped = new ArrayList<>();
  /** Lines of a pasted page's article span that the line model reads as furniture and that are not prose. */
  private final Set<String> weak = new HashSet<>();
  private String headline;
  private String standfirst;
  private Dateline dateline;
  private String caption;
  private Byline byline;
  /** The header's date stands above the headline, where a page's clock stands too. */
  private boolean dateAboveHeadline;

  private ArticleParser() {}

  static Article parse(String normalized) {
    return parse(normalized, Hints.NONE);
  }

  static Article parse(String normalized, Hints hints) {
    return parse(normalized, hints, LineModel.shipped());
  }

  static Article parse(String normalized, Hints hints, LineModel model) {
    return new ArticleParser().run(normalized, hints, model);
  }

  private Article run(String text, Hints hints, LineModel model) {
    List<String> all = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    // A text copy may be a whole page pasted: the fitted line model finds the article's span, and only
    // the HEADER_WINDOW lines above it are read as its header. HTML pages arrive cut to their content.
    ArticleSpan.Cut cut = hints == Hints.NONE && all.size() > MIN_PASTED_LINES
        ? ArticleSpan.cut(all, model) : new ArticleSpan.Cut(0, all.size(), -1, Set.of());
    if (cut.from() + all.size() - cut.to() < Math.max(MIN_PAGE_LINES, all.size() / 10)) {
      // Only a few lines around the span: a long article with a little furniture, not a page pasted whole;
      // read it as the short texts are, so that its length alone changes nothing.
      cut = new ArticleSpan.Cut(0, all.size(), -1, Set.of());
    }
    int from = cut.from();
    int to = cut.to();
    int spanStart = cut.bodyStart();
    weak.addAll(cut.boxLines());
    dropped.addAll(all.subList(0, from));
    List<String> lines = all.subList(from, to);
    // The article's first prose line, not a prose-like line of a ticker in the header window above it.
    int bodyStart = spanStart >= 0 ? spanStart - from : bodyStart(lines);
    int headerFrom = 0;
    if (spanStart < 0 && hints == Hints.NONE) {
      bodyStart = pastTeaser(lines, bodyStart);
    }
    if (hints == Hints.NONE) {
      int[] past = pastListing(lines, bodyStart);
      bodyStart = past[0];
      headerFrom = past[1];
    }
    int end = tailStart(lines, bodyStart);
    // a listing of other stories walked past is no part of the header: its titles never compete as the headline
    dropped.addAll(lines.subList(0, headerFrom));
    List<String> headerLines = new ArrayList<>(lines.subList(headerFrom, bodyStart));
    List<String> echoes = new ArrayList<>();
    String forcedHeadline = hints.headline();
    if (hints == Hints.NONE) {
      if (bodyStart < end && titleOfWhatFollows(lines, bodyStart, end) && firstLineIsHeadline(headerLines, lines, bodyStart, end)) {
        // The first prose-like line ends like a title and says what the body says, better than any line
        // above it: a text pasted from its headline down whose headline is long or ends with a quote.
        forcedHeadline = lines.get(bodyStart);
        int next = pastHeadline(lines, bodyStart, end);
        headerLines.addAll(lines.subList(bodyStart, next));
        bodyStart = next;
      }
      // A deck under the headline (set apart by the page's header elements, or restated by the lede): its own
      // part, never the body's first paragraph; captions repeating it or the lede are no paragraphs either
      Standfirst.Taken deck = Standfirst.take(lines, headerFrom, bodyStart, end);
      headerLines.subList(headerLines.size() - deck.taken(), headerLines.size()).clear();
      headerLines.addAll(deck.header());
      echoes.addAll(deck.echoes());
      standfirst = deck.text();
      bodyStart = deck.bodyStart();
    }
    if (hints != Hints.NONE && forcedHeadline != null && bodyStart < end
        && squash(lines.get(bodyStart)).equals(squash(forcedHeadline))) {
      // an HTML page's headline that ends like a sentence (a closing quote, a question mark) read as the first
      // prose line: it and the date, caption and byline lines under it are the header
      int next = pastHeadline(lines, bodyStart, end);
      headerLines.addAll(lines.subList(bodyStart, next));
      bodyStart = next;
    }
    while (bodyStart < end && truncatedHeaderCopy(lines.get(bodyStart), headerLines)) {
      // a header line printed again cut short («TITLE-START…»: an image's alt text), read as prose by its ellipsis
      headerLines.add(lines.get(bodyStart++));
    }
    List<String> bodyLines = lines.subList(bodyStart, end);
    header(headerLines, bodyLines, hints, forcedHeadline);
    for (String echo : echoes) { // kept out of the header, where a line printed twice would compete as the headline
      int words = ArabicPatterns.wordCount(echo);
      if (caption == null && words >= MIN_CAPTION_WORDS && words <= MAX_CAPTION_WORDS) { // a sentence, as a caption may be
        caption = echo;
      } else {
        dropped.add(echo);
      }
    }
    List<Paragraph> paragraphs = body(bodyLines);
    List<String> tail = lines.subList(end, lines.size());
    if (hints == Hints.NONE && (dateline == null || dateAboveHeadline)) {
      // a date among the body's first lines (under a deck or a photo) or right under the story is nearer the story
      // than one above the headline, which was then the page's clock
      Dateline below = earlyDate(bodyLines);
      below = below != null ? below : lateDate(bodyLines, tail);
      if (below != null && (dateline == null || !DatelineParser.isUpdateStamp(below.source()))) {
        dateline = below;
      }
    }
    if (dateline == null && byline != null && byline.printed() != null) {
      // no date line anywhere: a wire dateline opening the story («القاهرة في 12 مارس 2024 /أ ش أ/ -»), which the
      // byline has taken off the first paragraph as its credit, dates it
      dateline = DatelineParser.opening(byline.printed());
    }
    if (dateline == null && !paragraphs.isEmpty()) {
      dateline = DatelineParser.opening(paragraphs.get(0).source());
    }
    Set<String> storyWords = new HashSet<>(HeadlineScorer.leadWords(bodyLines));
    if (headline != null) {
      storyWords.addAll(HeadlineScorer.words(headline));
    }
    for (int i = 0; i < tail.size(); i++) {
      dropped.add(tail.get(i));
      String next = i + 1 < tail.size() ? tail.get(i + 1) : null;
      if (i == 0 || !BylineParser.isSourceLabel(tail.get(i - 1))) {
        noteByline(BylineParser.ofLine(tail.get(i), next));
      }
      // the writer signing under the story: a name over a role line, or, right after the last paragraph, beside a
      // date line (further down, a title beside a date is a related story's)
      if ((byline == null || byline.author() == null) && placedName(tail, i, next, storyWords, i <= 1)) {
        noteByline(new Byline(null, null, tail.get(i), tail.get(i)));
      }
    }
    dropped.addAll(all.subList(to, all.size()));
    if (hints.author() != null || hints.source() != null) {
      Byline b = byline == null ? new Byline(null, null, null, null) : byline;
      byline = new Byline(b.source() != null ? b.source() : hints.source(), b.place(),
          b.author() != null ? b.author() : hints.author(), b.printed());
    }
    return new Article(headline, dateline, caption, paragraphs, dropped, byline, standfirst);
  }

  /**
   * Where the body starts under the headline at {@code lines[at]} that reads like prose: past its copies
   * printed again right under it, then past the header lines (date, caption, byline) to the first prose line.
   */
  private static int pastHeadline(List<String> lines, int at, int end) {
    int next = at + 1;
    while (next < end && squash(lines.get(next)).equals(squash(lines.get(at)))) {
      next++;
    }
    return next + bodyStart(lines.subList(next, end));
  }

  /**
   * Where the body starts when the first prose line is a lone teaser above the article (a "most read"
   * headline long enough to read as prose, a teaser sentence): no line above it says what follows it,
   * it has no prose line after it before a title-like line that does (shares {@link
   * ArticleSpan#MIN_HEADLINE_SUPPORT} content words with the prose under it), and it is about another story
   * (few of its words recur there). Else {@code first}.
   */
  private static int pastTeaser(List<String> lines, int first) {
    int after = first + 1;
    if (first >= lines.size() || after >= lines.size() || isProse(lines.get(after))
        || support(lines, Math.max(0, first - HEADER_WINDOW), first, first) >= MIN_TITLE_SUPPORT) {
      return first;
    }
    for (int s = after + 1; s < Math.min(lines.size(), after + HEADER_WINDOW); s++) {
      if (isProse(lines.get(s)) && !Furniture.isFurniture(lines.get(s)) && DatelineParser.parse(lines.get(s)) == null) {
        boolean otherStory = HeadlineScorer.overlap(lines.get(first), HeadlineScorer.leadWords(lines.subList(s, lines.size())))
            < MAX_TEASER_OVERLAP;
        return otherStory && support(lines, after, s, s) >= ArticleSpan.MIN_HEADLINE_SUPPORT ? s : first;
      }
    }
    return first;
  }

  /**
   * Where the body starts when the first prose lines are the teasers of a listing above the article ("latest
   * news": a title, its one-sentence teaser, the next title, …): from a lone prose line about another story,
   * step to the next prose line that a title between them supports, as long as the steps lead to a start
   * that reads more like an article's than the first one does: a date or byline under its title, or, after
   * two or more items, a run of prose ({@link #startWeight}). The same steps from an article's lone paragraph
   * into related stories after it end at another lone teaser, and are not taken. Returns where the body
   * starts and where the header starts (under the listing's last teaser), else {@code {first, 0}}.
   */
  private static int[] pastListing(List<String> lines, int first) {
    if (first >= lines.size()) {
      return new int[] {first, 0};
    }
    if (openTitle(lines.get(first)) && first + 1 < lines.size() && isProse(lines.get(first + 1))
        && !openTitle(lines.get(first + 1))) {
      // the listing's first title ends like a sentence and was taken for prose: walk from its teaser
      int[] past = walkListing(lines, first + 1);
      return past[0] > first + 1 ? past : new int[] {first, 0};
    }
    return walkListing(lines, first);
  }

  /** {@link #pastListing} from a teaser: where the body starts, and where the header starts under the listing. */
  private static int[] walkListing(List<String> lines, int first) {
    int[] stay = {first, 0};
    List<Integer> chain = new ArrayList<>(List.of(first));
    int at = first;
    while (chain.size() <= MAX_LISTING_ITEMS && at + 1 < lines.size()
        && (!isProse(lines.get(at + 1)) || openTitle(lines.get(at + 1)))) {
      // an item's title may end like a sentence (a quote, a question): it is still no teaser
      int next = nextProse(lines, isProse(lines.get(at + 1)) ? at + 2 : at + 1);
      if (next < 0 || !titled(lines, at + 1, next)) {
        break;
      }
      chain.add(next);
      at = next;
    }
    if (at == first) {
      return stay;
    }
    Set<String> lead = HeadlineScorer.leadWords(lines.subList(at, lines.size()));
    for (int teaser : chain.subList(0, chain.size() - 1)) {
      if (HeadlineScorer.overlap(lines.get(teaser), lead) >= MAX_TEASER_OVERLAP) {
        return stay; // a paragraph of the same story: an article with subheadings, not a listing
      }
    }
    // One step over a lone paragraph and a subheading is what an article with subheadings looks like, so a
    // single step needs the header of an article (a date or byline) above where it lands; a listing repeats.
    int steps = chain.size() - 1;
    boolean headed = headerAbove(lines, at) && !headerAbove(lines, first);
    // the line after the first teaser is the next item's title (the walk stepped over it), never its second
    // prose line, even when that title ends like a sentence
    int firstWeight = headerAbove(lines, first) ? 1 : 0;
    return headed || steps >= 2 && startWeight(lines, at) > firstWeight ? new int[] {at, chain.get(steps - 1) + 1} : stay;
  }

  /**
   * A title-sized line that reads as prose only by its last mark: one clause of at most {@link
   * #MAX_OPEN_TITLE_WORDS} words ending with a question mark, a colon or a closing quote, never with a full stop,
   * as titles may and a teaser of one sentence does not; a question among an article's paragraphs is longer or
   * asks more than once.
   */
  private static boolean openTitle(String line) {
    int n = ArabicPatterns.wordCount(line);
    return n >= HeadlineScorer.MIN_WORDS && n <= MAX_OPEN_TITLE_WORDS && !FULL_STOP.matcher(line).find()
        && !INNER_SENTENCE_END.matcher(line).find() && !Furniture.isFurniture(line);
  }

  /** News titles run to about twenty words; a longer line ending like a sentence is prose. */
  private static final int MAX_OPEN_TITLE_WORDS = 20;
  /** A sentence ending inside a line («…؟ و…», «…. …»): two sentences, so no title. */
  private static final Pattern INNER_SENTENCE_END = Pattern.compile("[.؟?!](?=\\s+\\S)");

  /** A title-sized line among {@code lines[from, to)}: an item's title, no prose and no furniture. */
  private static boolean titled(List<String> lines, int from, int to) {
    for (int i = from; i < to; i++) {
      int n = ArabicPatterns.wordCount(lines.get(i));
      if (n >= HeadlineScorer.MIN_WORDS && n <= HeadlineScorer.MAX_WORDS && !Furniture.isFurniture(lines.get(i))
          && DatelineParser.parse(lines.get(i)) == null) {
        return true;
      }
    }
    return false;
  }

  /** A listing above an article has at most this many items read through. */
  private static final int MAX_LISTING_ITEMS = 12;

  /** The first prose line at or after {@code from} that is no furniture or date, or -1. */
  private static int nextProse(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (isProse(lines.get(i)) && !Furniture.isFurniture(lines.get(i)) && DatelineParser.parse(lines.get(i)) == null) {
        return i;
      }
    }
    return -1;
  }

  /**
   * How much a prose line reads like an article's start: one for a second prose line after it (furniture
   * such as an ad marker between them allowed), one for a date or byline line between it and the title
   * above it.
   */
  private static int startWeight(List<String> lines, int at) {
    int weight = headerAbove(lines, at) ? 1 : 0;
    for (int i = at + 1; i < lines.size(); i++) {
      if (isProse(lines.get(i))) {
        return weight + 1;
      }
      if (!Furniture.isFurniture(lines.get(i))) {
        break;
      }
    }
    return weight;
  }

  /** A date or byline line just above {@code lines[at]}, furniture between them allowed. */
  private static boolean headerAbove(List<String> lines, int at) {
    for (int i = at - 1; i >= 0 && i >= at - NAME_REACH - 1; i--) {
      String line = lines.get(i);
      if (DatelineParser.parse(line) != null || BylineParser.ofLine(line) != null) {
        return true;
      }
      if (!Furniture.isFurniture(line)) {
        return false;
      }
    }
    return false;
  }

  /** A teaser of another story shares less than this share of its content words with the article. */
  private static final double MAX_TEASER_OVERLAP = 0.2;

  /** The most content words a title-sized line of {@code [from, to)} shares with the lead starting at {@code lead}. */
  private static long support(List<String> lines, int from, int to, int lead) {
    Set<String> words = HeadlineScorer.leadWords(lines.subList(lead, lines.size()));
    long best = 0;
    for (int i = from; i < to; i++) {
      int n = ArabicPatterns.wordCount(lines.get(i));
      if (n >= HeadlineScorer.MIN_WORDS && n <= HeadlineScorer.MAX_WORDS && !Furniture.isFurniture(lines.get(i))) {
        best = Math.max(best, HeadlineScorer.matches(lines.get(i), words));
      }
    }
    return best;
  }

  /**
   * True when {@code lines[at]} reads as the title of the body after it: a title's length, no full stop at
   * its end, and at least {@link #MIN_TITLE_SUPPORT} of its content words in the lines that follow.
   */
  private static boolean titleOfWhatFollows(List<String> lines, int at, int end) {
    String line = lines.get(at);
    int words = ArabicPatterns.wordCount(line);
    if (words < HeadlineScorer.MIN_WORDS || words > HeadlineScorer.MAX_WORDS || endsFullStop(line)
        || INNER_STOP.matcher(line).find() || line.endsWith(":") || Furniture.isFurniture(line) || at + 1 >= end) {
      return false;
    }
    Set<String> rest = HeadlineScorer.leadWords(lines.subList(at + 1, end));
    // The text's very first line, of a title's length, needs less: of 1,328 BBC Arabic articles, every
    // headline has fewer than 20 words and 15 first paragraphs lack a full stop.
    int support = at == 0 && words < FIRST_LINE_TITLE_WORDS ? 1 : MIN_TITLE_SUPPORT;
    return HeadlineScorer.matches(line, rest) >= support;
  }

  private static final int FIRST_LINE_TITLE_WORDS = 20;

  /** The header's lines and the first body line compete as headlines for the rest of the body; true when that line wins. */
  private static boolean firstLineIsHeadline(List<String> header, List<String> lines, int at, int end) {
    String first = squash(lines.get(at));
    if (header.stream().anyMatch(h -> HeadlineScorer.titledCopy(squash(h), first))) {
      return true; // the page's title above prints it with the site's name: it is the heading
    }
    int h = headlineIndex(header, lines.subList(at, end));
    if (h >= 0 && HeadlineScorer.matches(header.get(h), HeadlineScorer.leadWords(lines.subList(at, end))) >= MIN_TITLE_SUPPORT) {
      return false; // the header has a headline that says what the body says
    }
    List<String> candidates = new ArrayList<>(header);
    candidates.add(lines.get(at));
    return headlineIndex(candidates, lines.subList(at + 1, end)) == header.size();
  }

  /** Content words a title shares with the paragraphs under it, at least. */
  private static final int MIN_TITLE_SUPPORT = 2;
  /** A full stop inside a line: two sentences, no title. */
  private static final Pattern INNER_STOP = Pattern.compile("[\\p{L}\\p{N}][.!؛]\\s+\\S");
  private static final Pattern CLOSING = Pattern.compile("[»\"”’')\\]\\s]+$");

  /** Ends with a full stop, also inside closing quotes or brackets («… نهائي."»). */
  static boolean endsFullStop(String line) {
    return FULL_STOP.matcher(CLOSING.matcher(line).replaceAll("")).find();
  }

  /** The first line that reads as prose and is not furniture; lines.size() when there is none. */
  static int bodyStart(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (isProse(line) && !Furniture.isFurniture(line) && DatelineParser.parse(line) == null
          && Furniture.wrapperStart(line) != 0) {
        return i;
      }
    }
    // No line reads as prose (telegraphic copy): the first line that says something is the
    // headline and the body follows it.
    for (int i = 0; i < lines.size(); i++) {
      if (!Furniture.isFurniture(lines.get(i)) && DatelineParser.parse(lines.get(i)) == null) {
        return i + 1;
      }
    }
    return lines.size();
  }

  static boolean isProse(String line) {
    int words = ArabicPatterns.wordCount(line);
    if (AGENCY_CREDIT.matcher(line).find() && words < LONG_PROSE_WORDS) {
      return false;
    }
    return (words >= MIN_PROSE_WORDS && FULL_STOP.matcher(line).find())
        || (words >= MIN_OPEN_PROSE_WORDS && SENTENCE_END.matcher(line).find())
        || (words >= LONG_PROSE_WORDS && ANY_SENTENCE_MARK.matcher(line).find());
  }

  /**
   * The index in {@code lines} of the header line that is the headline for {@code body}, or -1: the
   * candidates scored by {@link HeadlineScorer}. Rank counts only the earlier candidates that share a word
   * with the lead: a menu or a ticker of other stories above the headline says nothing about this story.
   */
  static int headlineIndex(List<String> lines, List<String> body) {
    List<String> lead = body.stream().filter(l -> !Furniture.isFurniture(l)).toList();
    Set<String> leadWords = HeadlineScorer.leadWords(lead);
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new HashSet<>();
    for (String line : lines) {
      String inner = Furniture.wrapperHeadline(line);
      String key = inner != null ? squash(inner) : squash(line);
      if (!seen.add(key) || inner != null) {
        repeated.add(key);
      }
    }
    // the page's title with the site's name beside it («TITLE - SITE») over or under its heading: the heading
    // printed twice, and the copy with the site's name no candidate
    Set<String> titled = new HashSet<>();
    for (String key : seen) {
      for (String other : seen) {
        if (HeadlineScorer.titledCopy(key, other)) {
          titled.add(key);
          repeated.add(other);
        }
      }
    }
    Set<String> leadStems = HeadlineScorer.leadStems(lead);
    List<String> texts = new ArrayList<>();
    List<Integer> candidateLines = new ArrayList<>();
    List<Boolean> echoed = new ArrayList<>();
    boolean afterStrong = false;
    Set<String> echoes = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = candidateText(lines.get(i));
      if (!isCandidate(line, i > 0 ? lines.get(i - 1) : null)) {
        continue;
      }
      String key = squash(line);
      if (titled.contains(key)) {
        continue;
      }
      if (afterStrong && !seenBefore(lines, i, key)) {
        echoes.add(key); // first printed right under a title that says what the body says: a caption and its copy
      }
      texts.add(line);
      candidateLines.add(i);
      echoed.add(echoes.contains(key));
      afterStrong = HeadlineScorer.matches(line, leadWords) >= MIN_TITLE_SUPPORT;
    }
    // A line about the story shares stems with its lead; another story's title (a ticker's, a "most read" box's)
    // shares fewer. Rank counts the lines about the story above a candidate in its own block (since the last other
    // title): the headline comes first of them. Other titles below it, between it and the body, say it is one of
    // a box of titles above the story, whose own title is the last title-like line before the body.
    List<Boolean> other = texts.stream().map(t -> titleLike(t) && HeadlineScorer.stemMatches(t, leadStems) < MIN_TITLE_SUPPORT
        && !isNameLine(t, Set.of()) && !LABEL_END.matcher(t).find()).toList();
    // lines under the last title-like line that names anything of the lead are the story's own header (a byline's
    // fields, a role, a label), not a box of other titles
    int anchor = -1;
    for (int c = 0; c < texts.size(); c++) {
      if (titleLike(texts.get(c)) && HeadlineScorer.stemMatches(texts.get(c), leadStems) > 0) {
        anchor = c;
      }
    }
    int[] below = new int[texts.size()];
    java.util.Map<String, Integer> lastBelow = new java.util.HashMap<>();
    for (int c = 0; c < texts.size(); c++) {
      String key = squash(texts.get(c));
      for (int d = c + 1; d < anchor; d++) {
        if (other.get(d) && !squash(texts.get(d)).equals(key)) {
          below[c]++;
        }
      }
      lastBelow.put(key, below[c]);
    }
    List<HeadlineScorer.Candidate> candidates = new ArrayList<>();
    int rank = 0;
    for (int c = 0; c < texts.size(); c++) {
      String key = squash(texts.get(c));
      // printed twice says "headline" when its last copy stands under every other title (a scrolling ticker
      // prints its items twice too)
      boolean twice = repeated.contains(key) && !echoed.get(c) && lastBelow.get(key) == 0;
      candidates.add(new HeadlineScorer.Candidate(texts.get(c), twice, rank, below[c]));
      if (other.get(c)) {
        rank = 0;
      } else if (HeadlineScorer.stemMatches(texts.get(c), leadStems) >= MIN_TITLE_SUPPORT) {
        rank++;
      }
    }
    String best = HeadlineScorer.best(candidates, lead, Set.of());
    for (int c = 0; c < candidates.size() && best != null; c++) {
      if (candidates.get(c).text().equals(best)) {
        return candidateLines.get(c);
      }
    }
    return -1;
  }

  private static boolean truncatedHeaderCopy(String line, List<String> header) {
    String key = squash(line);
    return header.stream().anyMatch(h -> HeadlineScorer.truncatedCopy(key, squash(h)));
  }

  /** A label announcing what follows («التعليق على الصورة،», «المصدر:»): no title. */
  private static final Pattern LABEL_END = Pattern.compile("[،,:]$");

  /** A line of a title's length: what a box of other stories' titles is made of. */
  private static boolean titleLike(String line) {
    int n = ArabicPatterns.wordCount(line);
    return n >= HeadlineScorer.MIN_WORDS && n <= HeadlineScorer.MAX_WORDS;
  }

  private static boolean seenBefore(List<String> lines, int i, String key) {
    for (int j = 0; j < i; j++) {
      if (squash(candidateText(lines.get(j))).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** A header line as a headline candidate: the story inside a syndication wrapper, else the line. */
  private static String candidateText(String line) {
    String inner = Furniture.wrapperHeadline(line);
    return inner != null ? inner : line;
  }

  /**
   * Classes every header line: the headline (chosen by {@link #headlineIndex}, or given), the article's
   * own date ({@link #dateIndex}), the caption after the headline, a deck of bullet points, the byline's
   * parts (lines, fields of a date line, a name alone under the headline, a source label); everything else
   * goes to {@code dropped}, in order.
   */
  private void header(List<String> lines, List<String> body, Hints hints, String given) {
    List<String> lead = body.stream().filter(l -> !Furniture.isFurniture(l)).toList();
    Set<String> leadWords = HeadlineScorer.leadWords(lead);
    int chosen = given == null ? headlineIndex(lines, body) : -1;
    headline = given != null ? given : chosen >= 0 ? candidateText(lines.get(chosen)) : null;
    int headlineAt = chosen;
    for (int i = 0; i < lines.size() && headlineAt < 0 && headline != null; i++) {
      if (squash(candidateText(lines.get(i))).equals(squash(headline))) {
        headlineAt = i;
      }
    }
    Set<String> storyWords = new HashSet<>(leadWords);
    if (headline != null) {
      storyWords.addAll(HeadlineScorer.words(headline));
    }
    int dateAt = dateIndex(lines, headlineAt);
    dateAboveHeadline = dateAt >= 0 && dateAt < headlineAt;
    List<String> points = new ArrayList<>();
    // the headline (perhaps printed twice) is no label of a tag list or a menu
    String squashed = headline == null ? null : squash(headline);
    List<String> labels = lines.stream().map(l -> squash(l).equals(squashed) ? "." : l).toList();
    boolean headlineTaken = false;
    Byline withPlace;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String next = i + 1 < lines.size() ? lines.get(i + 1) : body.isEmpty() ? null : body.get(0);
      String inner = Furniture.wrapperHeadline(line);
      if (inner != null && headline != null && squash(inner).equals(squash(headline)) && !headlineTaken) {
        dropped.add(line); // the wrapper around the headline: the headline is kept, the wrapper dropped
        headlineTaken = true;
      } else if (headline != null && squash(line).equals(squash(headline))) {
        if (headlineTaken) {
          dropped.add(line); // the headline printed a second time
        }
        headlineTaken = true;
      } else if (DatelineParser.parse(line) != null) {
        if (i == dateAt) {
          dateline = DatelineParser.parse(line);
        } else {
          dropped.add(line);
        }
        for (String field : FIELD_SEPARATOR.split(line)) { // «DATE | كتب: NAME |», «DATE | NAME»
          Byline b = BylineParser.ofLine(field.strip());
          noteByline(b != null || DatelineParser.parse(field) != null || !isNameLine(field, storyWords, true)
              ? b : new Byline(null, null, field.strip(), field.strip()));
          if (DatelineParser.parse(field) != null && (byline == null || byline.author() == null)) {
            for (String words : besideTheDate(field)) { // «NAME 12 مارس 2024», no separator between
              if (!words.isBlank() && isNameLine(words, storyWords, true)) {
                noteByline(new Byline(null, null, words, words));
              }
            }
          }
        }
      } else if (standfirst == null && headlineAt >= 0 && i > headlineAt && Standfirst.isBullet(line)
          && ArabicPatterns.wordCount(line) >= MIN_CAPTION_WORDS && !Furniture.isFurniture(line)
          && points.size() < Standfirst.MAX_POINTS) {
        points.add(line); // a bullet point of the deck under the headline
      } else if (hints.caption() != null && caption == null && squash(line).equals(squash(hints.caption()))) {
        caption = line;
      } else if (hints.caption() == null && caption == null && headlineAt >= 0 && (i > headlineAt || saysPhoto(line))
          && isCandidate(line, i > 0 ? lines.get(i - 1) : null) && isCaption(line)
          && (aboutTheStory(line, leadWords) || afterPhotoCredit(lines, i))) {
        caption = line;
      } else if (headlineAt >= 0 && i > headlineAt && (byline == null || byline.author() == null)
          && (placedName(lines, i, next, storyWords, true)
              || (i <= headlineAt + NAME_REACH || i >= lines.size() - NAME_REACH) && isNameLine(line, storyWords)
                  && !Standfirst.inLabelRun(labels, i, 0, labels.size()))) {
        noteByline(new Byline(null, null, line, line)); // a reporter's name alone under the headline
        dropped.add(line);
      } else if (headlineAt > 0 && i == headlineAt - 1 && (byline == null || byline.author() == null)
          && isNameLine(line, storyWords) && !Standfirst.inLabelRun(labels, i, 0, labels.size()) && mayBeColumnist(lines, i)) {
        // a columnist's name printed right above the column's title, as opinion pages print it
        noteByline(new Byline(null, null, line, line));
        dropped.add(line);
      } else if (headlineAt >= 0 && i > headlineAt && i <= headlineAt + NAME_REACH && (byline == null || byline.author() == null)
          && (withPlace = placedWithPlace(line, storyWords)) != null) {
        noteByline(withPlace); // «القاهرة - NAME», «NAME (جدة)» under the headline
        dropped.add(line);
      } else {
        dropped.add(line);
        // (a photo's credit names who took the picture, not who filed the story)
        if (!isPictureLine(line) && (i == 0 || !BylineParser.isSourceLabel(lines.get(i - 1)))) { // else the source of the label above
          // a label above the headline labels a genre or a section, not the headline's words
          noteByline(BylineParser.ofLine(line, squashed != null && next != null && squash(next).equals(squashed) ? null : next));
        }
      }
    }
    if (!points.isEmpty()) {
      standfirst = String.join("\n", points);
    }
    if (headline != null) {
      noteByline(BylineParser.ofHeadline(headline));
    }
  }

  /** A reporter's name stands this close under the headline, or this close above the body. */
  private static final int NAME_REACH = 3;

  /**
   * A name line whose position says byline, so that a name the given-name list lacks is found: directly
   * beside a date line or a relative stamp (above or below it), or over a line of its role («صحفي», «مراسل … في …»). (After an
   * author label on the line above, {@link BylineParser#ofLine(String, String)} reads it.) {@code besideDate}
   * false counts only the role line.
   */
  private static boolean placedName(List<String> lines, int i, String next, Set<String> storyWords, boolean besideDate) {
    boolean beside = besideDate && (i > 0 && isStamp(lines.get(i - 1)) || next != null && isStamp(next));
    return (beside || next != null && BylineParser.isRoleLine(next)) && isNameLine(lines.get(i), storyWords, true);
  }

  /**
   * False for a name the page prints more than once above its story, or under a line of a role («رئيس التحرير»):
   * a masthead's credit of its editors, not the story's writer. True when line {@code i} may be a columnist's name.
   */
  private static boolean mayBeColumnist(List<String> lines, int i) {
    String key = squash(lines.get(i));
    if (lines.stream().filter(l -> squash(l).equals(key)).count() > 1) {
      return false;
    }
    if (i == 0) {
      return true;
    }
    String above = lines.get(i - 1).strip();
    return !(BylineParser.isRoleLine(above) || NOT_NAME_NOUNS.contains(above.split("\\s+")[0]));
  }

  /**
   * A name beside the place it filed from, close under the headline: the place the gazetteer knows and the
   * position say byline, so the name may be one the list lacks. Null when the line is not one.
   */
  private static Byline placedWithPlace(String line, Set<String> storyWords) {
    String[] pn = BylineParser.placeAndName(line);
    return pn != null && isNameLine(pn[1], storyWords, true) ? new Byline(null, pn[0], pn[1], line) : null;
  }

  /** A date line, or a relative date stamp («منذ ساعتين»): what publishing systems print beside the author. */
  private static boolean isStamp(String line) {
    return DatelineParser.parse(line) != null || DatelineParser.isRelative(line);
  }

  /**
   * The words a date field prints before its date and after it («جوناثان حداد 12 مارس 2024», «الثلاثاء 12/3/2024
   * سامي علي»): the date's words are those with a digit or a month's name, and the signs between them.
   */
  private static List<String> besideTheDate(String field) {
    String[] w = field.strip().split("\\s+");
    int first = -1;
    int last = -1;
    for (int k = 0; k < w.length; k++) {
      if (DATE_WORD.matcher(w[k]).find() || java.util.Arrays.stream(w[k].split("/")).anyMatch(DatelineParser::isMonth)) {
        first = first < 0 ? k : first;
        last = k;
      }
    }
    return first < 0 ? List.of() : List.of(String.join(" ", java.util.Arrays.copyOfRange(w, 0, first)),
        String.join(" ", java.util.Arrays.copyOfRange(w, last + 1, w.length)));
  }

  private static final Pattern DATE_WORD = Pattern.compile(ArabicPatterns.DIGIT + "|^[\\p{P}\\p{S}]+$");

  /** Fields of a date line: «الأربعاء 26-06-2019 14:45 | كتب: سوزان عاطف |», «2021-10-23 - المصدر: CNN». */
  private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s*[|•·]\\s*|\\s+[-–—]\\s+");

  /**
   * Which header line is the article's own date, or -1. Pages print the story's date under its headline
   * (after a label such as «نشر في», or in a line with the byline) and a clock of the day at the top of
   * the page, often beside the weather. So: the first date under the headline that is not an "updated"
   * stamp, else such a stamp (htmldate's rule: "updated" only when nothing else is printed); else the line
   * just above the headline (or above it and a byline); a date further up is the page's clock. Without a
   * headline, the first date as printed. A date line among weather, market or prayer-time widgets, or one that
   * says it is today's («اليوم …»), is never the story's.
   */
  static int dateIndex(List<String> lines, int headlineAt) {
    int stamp = -1;
    for (int i = Math.max(0, headlineAt + 1); i < lines.size(); i++) {
      if (DatelineParser.parse(lines.get(i)) != null && !besideWidgets(lines, i)) {
        if (!DatelineParser.isUpdateStamp(lines.get(i))) {
          return i;
        }
        stamp = stamp < 0 ? i : stamp;
      }
    }
    if (stamp >= 0) {
      return stamp;
    }
    for (int i = Math.max(0, headlineAt + 1); i < Math.min(lines.size(), headlineAt + 1 + RELATIVE_REACH) && headlineAt >= 0; i++) {
      if (DatelineParser.isRelative(lines.get(i))) {
        return -1; // the story's date is printed as «منذ 3 ساعات»: a date above the headline is the page's clock
      }
    }
    if (headlineAt > 0) {
      for (int i = headlineAt - 1; i >= Math.max(0, headlineAt - 2); i--) {
        if (DatelineParser.parse(lines.get(i)) != null && !besideWidgets(lines, i)) {
          return i;
        }
        if (BylineParser.ofLine(lines.get(i)) == null) {
          break;
        }
      }
    }
    return -1;
  }

  /** A relative date stamp («منذ 3 ساعات») stands this close under the headline. */
  private static final int RELATIVE_REACH = 4;
  /** A date line among the body's first lines (under a deck, a photo or a byline the header did not take). */
  private static final int EARLY_DATE_REACH = 4;

  /**
   * A date line among the first lines of the body, before its second paragraph — under a deck or a photo the
   * header did not take: nearer the headline than any date above it or under the story. A publication date wins
   * over an "updated" stamp. Null if none.
   */
  private static Dateline earlyDate(List<String> bodyLines) {
    Dateline stamp = null;
    int paragraphs = 0;
    for (int i = 0; i < Math.min(bodyLines.size(), EARLY_DATE_REACH) && paragraphs < 2; i++) {
      String line = bodyLines.get(i);
      Dateline d = DatelineParser.parse(line);
      if (d != null && !besideWidgets(bodyLines, i)) {
        if (!DatelineParser.isUpdateStamp(line)) {
          return d;
        }
        stamp = stamp == null ? d : stamp;
      } else if (isParagraphLine(line)) {
        paragraphs++;
      }
    }
    return stamp;
  }

  /** A date printed under the story stands within this many lines of its last paragraph. */
  private static final int LATE_DATE_REACH = 3;

  /**
   * A date printed right under the story («نشر في …», or alone after the last paragraph), before anything
   * but bylines and furniture (share buttons, tags): the story's own, as some pages print it there and
   * not under the headline. A publication date wins over an "updated" stamp printed with it. Null if none.
   */
  private static Dateline lateDate(List<String> bodyLines, List<String> tail) {
    int last = bodyLines.size() - 1;
    while (last >= 0 && !isParagraphLine(bodyLines.get(last))) {
      last--;
    }
    if (last < 0) {
      return null;
    }
    List<String> after = new ArrayList<>(bodyLines.subList(last + 1, bodyLines.size()));
    after.addAll(tail);
    Dateline stamp = null;
    for (int i = 0; i < Math.min(after.size(), LATE_DATE_REACH); i++) {
      String line = after.get(i);
      Dateline d = DatelineParser.parse(line);
      if (d != null) {
        if (besideWidgets(after, i)) {
          return null;
        }
        if (!DatelineParser.isUpdateStamp(line)) {
          return d;
        }
        stamp = stamp == null ? d : stamp;
      } else if (BylineParser.ofLine(line) == null && !Furniture.isFurniture(line)) {
        break; // a related story's headline, a widget: what follows is not the story's
      }
    }
    return stamp;
  }

  /** A body line that {@link #body} keeps as a paragraph. */
  private static boolean isParagraphLine(String line) {
    return !(Furniture.isFurniture(line) || Byline.isBylineLine(line) || BylineParser.ofLine(line) != null
        || DatelineParser.parse(line) != null || line.codePoints().noneMatch(Character::isLetter));
  }

  /** A date line that opens with «اليوم» (today). */
  private static final Pattern TODAY = Pattern.compile("[^\\p{L}]*" + ArabicPatterns.loose("اليوم") + "(?![\\p{L}])");

  /** Widget lines this close to a date line, with nothing but furniture between them, make it the page's clock. */
  private static final int WIDGET_REACH = 2;

  private static boolean besideWidgets(List<String> lines, int at) {
    if (TODAY.matcher(lines.get(at)).lookingAt()) {
      return true; // «اليوم الجمعة 29 مارس 2024»: the page says it is today's date, not the story's
    }
    for (int step : new int[] {-1, 1}) {
      for (int i = at + step; i >= 0 && i < lines.size() && Math.abs(i - at) <= WIDGET_REACH; i += step) {
        String line = lines.get(i);
        if (Furniture.isWidget(line)) {
          return true;
        }
        if (!Furniture.isFurniture(line) && DatelineParser.parse(line) == null) {
          break; // a headline or a byline between them: the widget is the page's, the date the story's
        }
      }
    }
    return false;
  }

  /**
   * A reporter's name printed alone under the headline: two to four words of letters (an initial or «د.»
   * allowed), none of them a function word, a section's word or a word of the story (a caption names the
   * story's people; a reporter is not in the story), and no place or agency the gazetteer knows.
   */
  static boolean isNameLine(String line, Set<String> storyWords) {
    return isNameLine(line, storyWords, false);
  }

  /**
   * As {@link #isNameLine(String, Set)}; when {@code placed} (the line's position says byline: in a date line,
   * beside it, after an author label, over a role line) the first word need not be a given name of the list,
   * only name-like: it takes no article (a given name does not, unless the list has it, as the Maghreb's
   * «الطاهر»), and no word is a place the gazetteer knows or a noun that names an institution or a time.
   */
  static boolean isNameLine(String line, Set<String> storyWords, boolean placed) {
    String[] words = line.strip().split("\\s+");
    if (words.length < 1 || words.length > MAX_NAME_WORDS || Furniture.isFurniture(line) && !Furniture.isForeign(line)
        || BylineParser.ofLine(line) != null
        || DatelineParser.parse(line) != null || HeadlineScorer.matches(line, storyWords) > 0
        || Gazetteer.english(line.strip()) != null || Gazetteer.isAgency(line.strip())) {
      return false;
    }
    boolean latin = Furniture.isForeign(line);
    if (latin ? !LATIN_NAME.matcher(line.strip()).matches() : words.length < 2) {
      return false;
    }
    if (!latin && !GivenNames.startsName(words) && !(placed && unlistedName(words))) {
      return false;
    }
    for (String w : words) {
      if (!NAME_WORD.matcher(w).matches() || NOT_NAME_WORDS.contains(w) || Gazetteer.isAgency(w)
          || latin && (w.equals(w.toUpperCase(java.util.Locale.ROOT)) || PHOTO_WORD.matcher(w).matches())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A name the list lacks, after its titles: two words or more, the first without the article (unless the list
   * has it), and no word a place, a common noun of institutions, time or the trade, or a clitic with the article.
   */
  private static boolean unlistedName(String[] words) {
    int i = 0;
    while (i < words.length - 1 && GivenNames.isTitle(words[i])) {
      i++;
    }
    if (words.length - i < 2 || words[i].startsWith("ال") && !GivenNames.isGivenName(words[i])) {
      return false;
    }
    for (int k = i; k < words.length; k++) {
      // «والثقافة», «بالفيديو», «للأخبار»: a conjunction or preposition joined to the article opens no name's word
      if (NOT_NAME_NOUNS.contains(words[k]) || CLITIC_ARTICLE.matcher(words[k]).lookingAt() || Gazetteer.english(words[k]) != null
          || k + 1 < words.length && Gazetteer.english(words[k] + " " + words[k + 1]) != null) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern CLITIC_ARTICLE = Pattern.compile("(?:وال|بال|فال|كال|لل)");

  /**
   * Nouns that open the short lines a date line stands beside and that a name never is: institutions and
   * media («وزارة», «صحيفة»), the clock («بتوقيت», «منذ»), reading and counting («قراءة», «مشاهدة»), and the
   * trade's roles — vocabulary of the language, not of any site.
   */
  private static final Set<String> NOT_NAME_NOUNS = Set.of(
      "وزارة", "وزير", "هيئة", "مجلس", "جامعة", "شركة", "مؤسسة", "مركز", "منظمة", "جمعية", "نادي", "قسم", "إدارة", "مكتب",
      "موقع", "صحيفة", "جريدة", "مجلة", "قناة", "إذاعة", "وكالة", "دار", "بنك", "كأس", "دوري", "منتخب", "مباراة", "سوق",
      "أسعار", "سعر", "طقس", "حالة", "درجات", "بتوقيت", "توقيت", "غرينتش", "جرينتش", "مكة", "الساعة", "ساعة", "ساعات",
      "دقيقة", "دقائق", "صباحا", "مساء", "آخر", "اخر", "تحديث", "نشر", "قراءة", "للقراءة", "مشاهدة", "مشاهدات", "زيارة",
      "تعليق", "طباعة", "مشاركة", "نسخ", "رابط", "عدد", "العدد", "صفحة", "الصفحة", "بيان", "مصدر", "المصدر", "صحفي", "صحفية",
      "مراسل", "مراسلة", "محرر", "كاتب", "كاتبة", "رئيس", "مدير", "نائب", "حكومة", "جيش", "شرطة", "محكمة", "حزب",
      "حركة", "قوات", "مدينة", "محافظة", "ولاية", "منطقة", "شارع", "ميدان", "مطار", "ملف", "ملفات", "قصة", "قصص", "صور",
      "فيديو", "بث", "برنامج", "حلقة", "نشرة", "موجز", "ملخص", "كلمة", "كلمات", "وسوم", "تصنيف", "التصنيف", "القسم");

  private static final Pattern PHOTO_WORD = Pattern.compile("(?i:getty|images?|photos?|photography|shutterstock)");
  /** A name's word: letters (no tatweel: «بـ» is a clipped preposition), an initial's dot allowed. */
  private static final Pattern NAME_WORD = Pattern.compile("(?:[\\p{L}\\p{M}&&[^\\u0640]]){2,}\\.?|[\\p{L}]\\.(?:[\\p{L}&&[^\\u0640]])+|د\\.?");
  /** «M.Adam», «Sara Ali»: capitalised Latin words, two or three, or one with an initial (an outlet's name is one word). */
  private static final Pattern LATIN_NAME = Pattern.compile("\\p{Lu}\\.\\s?\\p{Lu}\\p{Ll}+|\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*){1,2}");
  /**
   * Words a name never is: function words, and the words sections and labels are made of (news, politics,
   * sport, opinion, photos …) — vocabulary of the language, not of any site.
   */
  private static final Set<String> NOT_NAME_WORDS = Set.of(
      "في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "ان", "إن", "التي", "الذي", "هذا", "هذه", "ذلك", "بعد", "قبل",
      "بين", "حتى", "عند", "كان", "قد", "لم", "لن", "منذ", "خلال", "حول", "أو", "ثم", "لكن", "كل", "لا", "ما", "هو", "هي",
      "أخبار", "اخبار", "الأخبار", "الاخبار", "خبر", "شؤون", "سياسة", "السياسة", "رياضة", "الرياضة", "اقتصاد", "الاقتصاد",
      "محليات", "دولي", "دولية", "عربي", "عربية", "عالمي", "عالمية", "منوعات", "تقارير", "تقرير", "مقالات", "مقال", "رأي",
      "الرأي", "فيديو", "صور", "صورة", "ثقافة", "فن", "فنون", "مجتمع", "تكنولوجيا", "صحة", "حوادث", "عاجل", "الرئيسية",
      "المزيد", "اليوم", "الآن", "الان", "مباشر", "بث", "تابع", "تابعونا", "شارك", "اقرأ", "أيضا", "ايضا", "تعليق",
      "تعليقات", "متابعات", "حوار", "ملفات", "قضايا", "آراء", "اراء", "برلمان", "محافظات", "العالم", "مصر", "الخليج");

  /** A line that might be the headline or the caption: not furniture, not a date, not a byline. */
  private static boolean isCandidate(String line, String previous) {
    return !Furniture.isFurniture(line) && !Byline.isBylineLine(line) && DatelineParser.parse(line) == null
        && BylineParser.ofLine(line) == null
        && !(previous != null && Furniture.isMastheadLabel(previous) && ArabicPatterns.wordCount(line) <= MAX_NAME_WORDS);
  }

  /**
   * A caption credits a photo agency, says it is a photo, or is a short line that is not a
   * sentence sitting between the headline block and the body.
   */
  static boolean isCaption(String line) {
    int words = ArabicPatterns.wordCount(line);
    if (words > MAX_CAPTION_WORDS || words < MIN_CAPTION_WORDS || Furniture.isFurniture(line)
        || line.matches(".*[،,:]$")) { // «التعليق على الصورة،»: a label announces a caption, it is none
      return false;
    }
    return AGENCY_CREDIT.matcher(line).find()
        || PHOTO_PREFIX.matcher(line).find()
        || !SENTENCE_END.matcher(line).find();
  }

  /** A line just after a photo credit («صدر الصورة، …», «تصوير: …»), or after a credit and a caption label, is the photo's caption. */
  private static boolean afterPhotoCredit(List<String> lines, int i) {
    return (i >= 1 && Furniture.isPhotoCredit(lines.get(i - 1)))
        || (i >= 2 && Furniture.isPhotoCredit(lines.get(i - 2)) && ArabicPatterns.wordCount(lines.get(i - 1)) <= 4
            && lines.get(i - 1).matches(".*[،,:]$"));
  }

  /** A line that says it is about a photo (a credit in brackets, «صورة …») is a caption before the headline too. */
  static boolean saysPhoto(String line) {
    return AGENCY_CREDIT.matcher(line).find() || PHOTO_PREFIX.matcher(line).find();
  }

  /**
   * A caption shows the story's people and places, so some of its content words recur in the lead
   * (share at least {@link #MIN_CAPTION_OVERLAP}); a teaser for another story shares none. A credited
   * or "صورة …" line is a caption whatever it names.
   */
  private static boolean aboutTheStory(String line, Set<String> leadWords) {
    return AGENCY_CREDIT.matcher(line).find() || PHOTO_PREFIX.matcher(line).find()
        || HeadlineScorer.overlap(line, leadWords) >= MIN_CAPTION_OVERLAP;
  }

  /** Where the trailing furniture starts: tag lists, related headlines and labels after the body. */
  private static int tailStart(List<String> lines, int bodyStart) {
    int end = lines.size();
    // A related-links heading followed only by headline-sized lines: the links may end with "؟",
    // which the line-by-line rule below would take for a sentence.
    for (int h = bodyStart; h < end; h++) {
      if (Furniture.isRelatedHeading(lines.get(h)) && onlyHeadlines(lines.subList(h + 1, end))) {
        end = h;
        break;
      }
    }
    while (end > bodyStart && Furniture.isTailLine(lines.get(end - 1)) && !signedOff(lines.get(end - 1))) {
      end--;
    }
    return end;
  }

  /** A paragraph that an agency's sign-off closes («… المواطنين --(بترا)»): the body's last, not a tail line. */
  private static boolean signedOff(String line) {
    int at = BylineParser.signOffStart(line);
    return at > 0 && ArabicPatterns.wordCount(line.substring(0, at)) >= MIN_PROSE_WORDS;
  }

  /** Related stories: headlines, and teasers cut short with an ellipsis. */
  private static boolean onlyHeadlines(List<String> lines) {
    return lines.stream().allMatch(l -> Furniture.isFurniture(l)
        || ArabicPatterns.wordCount(l) <= HeadlineScorer.MAX_WORDS && !l.endsWith(".")
        || TRUNCATED.matcher(l).find() && ArabicPatterns.wordCount(l) <= Standfirst.MAX_WORDS);
  }

  /** A teaser cut short: «… وإدارة وتشغيل المرافق الطبية …». */
  private static final Pattern TRUNCATED = Pattern.compile("(?:…|\\.\\.\\.)$");

  private List<Paragraph> body(List<String> lines) {
    List<Paragraph> paragraphs = new ArrayList<>();
    for (String line : lines) {
      if (!isParagraphLine(line) || weak.contains(line)) { // furniture, a byline, a date, «...», «***», a bare number
        dropped.add(line);
        if (!isPictureLine(line)) {
          noteByline(BylineParser.ofLine(line));
        }
        continue;
      }
      if (caption == null && paragraphs.isEmpty() && PHOTO_PREFIX.matcher(line).find() && isCaption(line)) {
        caption = line;
        continue;
      }
      String text = line;
      int wrapper = Furniture.wrapperStart(text);
      if (wrapper > 0) {
        dropped.add(text.substring(wrapper).strip());
        text = text.substring(0, wrapper).strip();
      }
      if (paragraphs.isEmpty()) {
        Byline prefix = BylineParser.ofPrefix(text);
        if (prefix != null) {
          String printed = BylineParser.prefixOf(text);
          dropped.add(printed.strip());
          text = text.substring(printed.length()).strip();
          noteByline(prefix);
        }
      }
      paragraphs.add(new Paragraph(text, SentenceSplitter.split(text)));
    }
    if (!paragraphs.isEmpty()) {
      Paragraph last = paragraphs.get(paragraphs.size() - 1);
      int at = BylineParser.signOffStart(last.source());
      if (at > 0 && ArabicPatterns.wordCount(last.source().substring(0, at)) >= MIN_PROSE_WORDS) {
        String signOff = last.source().substring(at).strip();
        String text = last.source().substring(0, at).strip();
        dropped.add(signOff);
        noteByline(new Byline(signOff.replaceAll("^[-–—\\s]*[(\\[]|[)\\]]\\.?$", "").strip(), null, null, signOff));
        paragraphs.set(paragraphs.size() - 1, new Paragraph(text, SentenceSplitter.split(text)));
      }
    }
    return paragraphs;
  }

  /** A photo's credit line or an image placeholder: it credits the picture, never the story. */
  private static boolean isPictureLine(String line) {
    return Furniture.isPhotoCredit(line) || Furniture.isImagePlaceholder(line);
  }

  /** Merges what one more byline says into the article's byline; the first value of each part wins. */
  private void noteByline(Byline b) {
    if (b == null) {
      return;
    }
    if (byline == null) {
      byline = b;
      return;
    }
    byline = new Byline(byline.source() != null ? byline.source() : b.source(),
        byline.place() != null ? byline.place() : b.place(),
        byline.author() != null ? byline.author() : b.author(),
        byline.printed() + " / " + b.printed());
  }

  static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}

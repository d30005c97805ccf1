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
  private Dateline dateline;
  private String caption;
  private Byline byline;

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
    int from = cut.from();
    int to = cut.to();
    int spanStart = cut.bodyStart();
    weak.addAll(cut.boxLines());
    dropped.addAll(all.subList(0, from));
    List<String> lines = all.subList(from, to);
    // The article's first prose line, not a prose-like line of a ticker in the header window above it.
    int bodyStart = spanStart >= 0 ? spanStart - from : bodyStart(lines);
    int end = tailStart(lines, bodyStart);
    List<String> bodyLines = lines.subList(bodyStart, end);
    header(lines.subList(0, bodyStart), bodyLines, hints);
    List<Paragraph> paragraphs = body(bodyLines);
    for (String tail : lines.subList(end, lines.size())) {
      dropped.add(tail);
      noteByline(BylineParser.ofLine(tail));
    }
    dropped.addAll(all.subList(to, all.size()));
    if (hints.author() != null || hints.source() != null) {
      Byline b = byline == null ? new Byline(null, null, null, null) : byline;
      byline = new Byline(b.source() != null ? b.source() : hints.source(), b.place(),
          b.author() != null ? b.author() : hints.author(), b.printed());
    }
    return new Article(headline, dateline, caption, paragraphs, dropped, byline);
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

  /** Classes every header line; picks the headline among the candidates, then the caption after it. */
  private void header(List<String> lines, List<String> body, Hints hints) {
    List<String> lead = body.stream().filter(l -> !Furniture.isFurniture(l)).toList();
    Set<String> leadWords = HeadlineScorer.leadWords(lead);
    List<HeadlineScorer.Candidate> candidates = new ArrayList<>();
    List<Integer> candidateLines = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new HashSet<>();
    for (String line : lines) {
      String inner = Furniture.wrapperHeadline(line);
      String key = inner != null ? squash(inner) : squash(line);
      if (!seen.add(key) || inner != null) {
        repeated.add(key);
      }
    }
    // Rank counts only the earlier candidates that share a word with the lead: a menu or a ticker of
    // other stories above the headline (a page pasted whole) says nothing about this story.
    int rank = 0;
    for (int i = 0; i < lines.size(); i++) {
      String inner = Furniture.wrapperHeadline(lines.get(i));
      String line = inner != null ? inner : lines.get(i);
      if (isCandidate(line, i > 0 ? lines.get(i - 1) : null)) {
        candidates.add(new HeadlineScorer.Candidate(line, repeated.contains(squash(line)), rank));
        candidateLines.add(i);
        if (HeadlineScorer.matches(line, leadWords) > 0) {
          rank++;
        }
      }
    }
    headline = hints.headline() != null ? hints.headline() : HeadlineScorer.best(candidates, lead, Set.of());
    int headlineAt = -1;
    for (int c = 0; c < candidates.size() && headline != null; c++) {
      if (squash(candidates.get(c).text()).equals(squash(headline))) {
        headlineAt = candidateLines.get(c);
        break;
      }
    }
    boolean headlineTaken = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String inner = Furniture.wrapperHeadline(line);
      if (inner != null && headline != null && squash(inner).equals(squash(headline)) && !headlineTaken) {
        dropped.add(line); // the wrapper around the headline: the headline is kept, the wrapper dropped
        headlineTaken = true;
      } else if (headline != null && squash(line).equals(squash(headline))) {
        if (headlineTaken) {
          dropped.add(line); // the headline printed a second time
        }
        headlineTaken = true;
      } else if ((dateline == null || DatelineParser.isUpdateStamp(dateline.source()) && !DatelineParser.isUpdateStamp(line))
          && DatelineParser.parse(line) != null) {
        // htmldate's rule: an "updated" stamp is the date only when the page prints no other
        if (dateline != null) {
          dropped.add(dateline.source());
        }
        dateline = DatelineParser.parse(line);
      } else if (hints.caption() != null && caption == null && squash(line).equals(squash(hints.caption()))) {
        caption = line;
      } else if (hints.caption() == null && caption == null && headlineAt >= 0 && (i > headlineAt || saysPhoto(line))
          && isCandidate(line, i > 0 ? lines.get(i - 1) : null) && isCaption(line)
          && (aboutTheStory(line, leadWords) || afterPhotoCredit(lines, i))) {
        caption = line;
      } else {
        dropped.add(line);
        noteByline(BylineParser.ofLine(line));
      }
    }
  }

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
  private static boolean saysPhoto(String line) {
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
    while (end > bodyStart && Furniture.isTailLine(lines.get(end - 1))) {
      end--;
    }
    return end;
  }

  private static boolean onlyHeadlines(List<String> lines) {
    return lines.stream().allMatch(l -> Furniture.isFurniture(l)
        || ArabicPatterns.wordCount(l) <= HeadlineScorer.MAX_WORDS && !l.endsWith("."));
  }

  private List<Paragraph> body(List<String> lines) {
    List<Paragraph> paragraphs = new ArrayList<>();
    for (String line : lines) {
      if (Furniture.isFurniture(line) || Byline.isBylineLine(line) || BylineParser.ofLine(line) != null || weak.contains(line)
          || line.codePoints().noneMatch(Character::isLetter)) { // «...», «***», a bare number: no paragraph
        dropped.add(line);
        noteByline(BylineParser.ofLine(line));
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
        noteByline(new Byline(signOff.replaceAll("^[(\\[]|[)\\]]\\.?$", "").strip(), null, null, signOff));
        paragraphs.set(paragraphs.size() - 1, new Paragraph(text, SentenceSplitter.split(text)));
      }
    }
    return paragraphs;
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

  private static String squash(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}

package arabrief.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalized text to an {@link Article}. A copied or scraped news page reads top to bottom as:
 * furniture (masthead, ticker), headline (often twice), date line, photo caption, body, then more
 * furniture (tags, related links, section labels). Each non-blank line is one unit; the parser
 * walks the three zones in that order and sends every furniture line to {@code dropped}.
 */
final class ArticleParser {

  /** A headline is a line, not a paragraph. */
  private static final int MAX_HEADLINE_WORDS = 30;
  private static final int MAX_CAPTION_WORDS = 30;
  private static final Pattern SENTENCE_END = Pattern.compile("[.؟?!؛…]$");
  private static final Pattern AGENCY_CREDIT =
      Pattern.compile("\\((?:" + String.join("|",
          "إ\\.?\\s?ب\\.?\\s?أ", "أ\\.?\\s?ف\\.?\\s?ب", "أ\\.?\\s?ب", "رويترز", "د\\.?\\s?ب\\.?\\s?أ", "الأناضول",
          "أسوشييتد برس", "غيتي", "غيتي إيميجز", "واس", "سانا", "وام", "قنا", "كونا", "واع", "وفا",
          "الشرق الأوسط", "أرشيفية", "أرشيف", "AFP", "Reuters", "AP", "EPA", "Getty Images?")
          + ")[^()]{0,20}\\)$");
  private static final Pattern PHOTO_PREFIX = Pattern.compile("^(?:صورة|صور|الصورة)\\s");

  private final List<String> dropped = new ArrayList<>();
  private String headline;
  private Dateline dateline;
  private String caption;

  private ArticleParser() {}

  static Article parse(String normalized) {
    return new ArticleParser().run(normalized);
  }

  private Article run(String text) {
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    int i = top(lines);
    i = header(lines, i);
    int end = tailStart(lines, i);
    List<Paragraph> paragraphs = body(lines.subList(i, end));
    dropped.addAll(lines.subList(end, lines.size()));
    return new Article(headline, dateline, caption, paragraphs, dropped);
  }

  /** Furniture and a date line above the headline, then the headline itself. */
  private int top(List<String> lines) {
    int i = 0;
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      if (Furniture.isFurniture(line) || Byline.isBylineLine(line)) {
        dropped.add(line);
      } else if (dateline == null && DatelineParser.parse(line) != null) {
        dateline = DatelineParser.parse(line);
      } else {
        break;
      }
    }
    if (i < lines.size() && isHeadline(lines.get(i))) {
      headline = lines.get(i++);
    }
    return i;
  }

  private static boolean isHeadline(String line) {
    return ArabicPatterns.wordCount(line) <= MAX_HEADLINE_WORDS && !line.endsWith(".");
  }

  /** Repeated headline, date line, bylines and the caption, up to the first body line. */
  private int header(List<String> lines, int i) {
    for (; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean lastLine = i == lines.size() - 1;
      if (headline != null && sameText(line, headline)) {
        dropped.add(line); // the headline printed a second time
      } else if (dateline == null && DatelineParser.parse(line) != null) {
        dateline = DatelineParser.parse(line);
      } else if (Furniture.isFurniture(line) || Byline.isBylineLine(line)) {
        dropped.add(line);
      } else if (caption == null && !lastLine && isCaption(line)) {
        caption = line;
      } else {
        break;
      }
    }
    return i;
  }

  /**
   * A caption credits a photo agency, says it is a photo, or is a short line that is not a
   * sentence sitting between the headline block and the body.
   */
  static boolean isCaption(String line) {
    if (ArabicPatterns.wordCount(line) > MAX_CAPTION_WORDS) {
      return false;
    }
    return AGENCY_CREDIT.matcher(line).find()
        || PHOTO_PREFIX.matcher(line).find()
        || !SENTENCE_END.matcher(line).find();
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
    return lines.stream().allMatch(l -> Furniture.isFurniture(l) || isHeadline(l));
  }

  private List<Paragraph> body(List<String> lines) {
    List<Paragraph> paragraphs = new ArrayList<>();
    for (String line : lines) {
      if (Furniture.isFurniture(line) || Byline.isBylineLine(line)) {
        dropped.add(line);
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
        String byline = Byline.prefixOf(text);
        if (byline != null) {
          dropped.add(byline.strip());
          text = text.substring(byline.length()).strip();
        }
      }
      paragraphs.add(new Paragraph(text, SentenceSplitter.split(text)));
    }
    return paragraphs;
  }

  private static boolean sameText(String a, String b) {
    return a.replaceAll("\\s+", " ").equals(b.replaceAll("\\s+", " "));
  }
}

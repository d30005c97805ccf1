package arabrief.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Parts of an HTML page found by markup and position, for {@link HtmlExtractor}: the author the markup
 * names, the caption shown beside the lead image, the lead paragraph a page keeps in its own container,
 * and paragraph breaks written as a single {@code <br>}. Every rule reads markup conventions that hold
 * across sites (class words such as "author" and "caption", link density, sentence punctuation), never
 * one site's wording. No recursion: jsoup's selectors and sibling links are iterative.
 */
final class PageParts {

  /** Class or id words of an element that holds the author's name. */
  private static final Pattern AUTHOR_CLASS = Pattern.compile("(?i)(?:^|[-_\\s])(?:author|authors|byline|writer|reporter)(?:$|[-_\\s])");
  /** Class or id words of an element that holds an image's caption. */
  private static final Pattern CAPTION_CLASS = Pattern.compile("(?i)caption");
  /** A name: two to five words of letters, nothing else (no digits, no punctuation, no label). */
  private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{M}]{2,}(?:\\s+[\\p{L}\\p{M}]+){1,4}$");
  private static final Pattern SENTENCE_END = Pattern.compile("[.؟?!:…»\"”]\\s*$");
  private static final Pattern FULL_STOP = Pattern.compile("[.؟?!…]\\s*$");
  private static final int MIN_CAPTION_WORDS = 2;
  /** A date line is short: a weekday, a date, a time, perhaps a label. */
  private static final int MAX_DATE_LINE = 60;
  private static final int MAX_CAPTION_WORDS = 40;
  /** Readability's sibling rule: a paragraph of at least this many characters, with few links, belongs to the story. */
  private static final int MIN_LEAD_CHARS = 80;
  private static final double MAX_LEAD_LINKS = 0.25;

  private PageParts() {}

  /** The name in the first element whose class, id, itemprop or rel says author; null when none reads as a name. */
  static String authorFromMarkup(Document doc) {
    List<HtmlExtractor.Labelled> all = authorsFromMarkup(doc);
    return all.isEmpty() ? null : all.get(0).name();
  }

  /** Every element whose class, id, itemprop or rel says author and whose text reads as a name, in document order. */
  static List<HtmlExtractor.Labelled> authorsFromMarkup(Document doc) {
    List<HtmlExtractor.Labelled> out = new ArrayList<>();
    for (Element e : doc.select("[itemprop=author], [rel=author], [class], [id]")) {
      boolean marked = e.attr("itemprop").equalsIgnoreCase("author") || e.attr("rel").equalsIgnoreCase("author")
          || AUTHOR_CLASS.matcher(e.className() + " " + e.id()).find();
      if (!marked) {
        continue;
      }
      String text = e.text().replaceAll("\\s+", " ").strip();
      Byline printed = BylineParser.ofLine(Normalizer.normalize(text)); // «كتبت نورهان نبيل»
      if (printed != null && printed.author() != null && TextDecoder.hasArabicLetter(printed.author())) {
        out.add(new HtmlExtractor.Labelled(e, printed.author()));
      } else if (NAME.matcher(text).matches() && TextDecoder.hasArabicLetter(text)) {
        out.add(new HtmlExtractor.Labelled(e, text));
      }
    }
    return out;
  }

  /**
   * The caption the page shows beside an image: an element whose class says caption, else an image's
   * {@code caption}/{@code data-caption} attribute when that same text is printed on the page. Never
   * the alt text and never the headline.
   */
  static String shownImageCaption(Document doc, List<String> h1s, PageMetadata meta) {
    List<String> titles = new ArrayList<>();
    h1s.forEach(h -> titles.add(squash(h)));
    for (String t : new String[] {meta.headline(), meta.ogTitle()}) {
      if (t != null) {
        titles.add(squash(t));
      }
    }
    for (Element e : doc.select("[class]")) {
      if (CAPTION_CLASS.matcher(e.className()).find() && e.select("[class]").stream().skip(1).noneMatch(c -> CAPTION_CLASS.matcher(c.className()).find())) {
        String text = squash(e.text());
        if (isCaption(text, titles)) {
          return text;
        }
      }
    }
    String shown = null;
    for (Element img : doc.select("img[caption], img[data-caption]")) {
      String text = squash(img.hasAttr("caption") ? img.attr("caption") : img.attr("data-caption"));
      if (!isCaption(text, titles)) {
        continue;
      }
      if (shown == null) {
        shown = squash(doc.body() == null ? "" : doc.body().text());
      }
      if (shown.contains(text)) {
        return text;
      }
    }
    return null;
  }

  private static boolean isCaption(String text, List<String> titles) {
    int words = ArabicPatterns.wordCount(text);
    return words >= MIN_CAPTION_WORDS && words <= MAX_CAPTION_WORDS && TextDecoder.hasArabicLetter(text)
        && !titles.contains(text) && !Furniture.isFurniture(Normalizer.normalize(text));
  }

  /**
   * Where a single {@code <br>} follows the end of a sentence it separates paragraphs (interviews
   * print question and answer so); it becomes a double break, which the block splitter reads as one.
   */
  static void splitSentenceBreaks(Document doc) {
    for (Element br : doc.select("br")) {
      Node prev = br.previousSibling();
      while (prev instanceof TextNode t && t.isBlank()) {
        prev = prev.previousSibling();
      }
      Node next = br.nextSibling();
      while (next instanceof TextNode t && t.isBlank()) {
        next = next.nextSibling();
      }
      if (prev == null || next == null || isBr(prev) || isBr(next)) {
        continue;
      }
      String before = prev instanceof TextNode t ? t.text() : prev instanceof Element e ? e.text() : "";
      String after = next instanceof TextNode t ? t.text() : next instanceof Element e ? e.text() : "";
      // a date printed under the headline with one <br> is a line of its own (no markup says "date")
      if (SENTENCE_END.matcher(before).find() || isDateLine(before) || isDateLine(after)) {
        br.after(new Element("br"));
      }
    }
  }

  private static boolean isDateLine(String text) {
    String t = text.strip();
    return !t.isEmpty() && t.length() <= MAX_DATE_LINE && DatelineParser.parse(Normalizer.normalize(t)) != null;
  }

  private static boolean isBr(Node n) {
    return n instanceof Element e && e.nameIs("br");
  }

  /**
   * Containers just before the content root that hold a paragraph of the story: a lead or standfirst
   * kept in its own element (readability's sibling rule: long, few links, ends a sentence). Nearest
   * first is checked; the first sibling that is not such a paragraph ends the search.
   */
  static List<Element> leadSiblings(Element content) {
    List<Element> out = new ArrayList<>();
    for (Element sib = content.previousElementSibling(); sib != null; sib = sib.previousElementSibling()) {
      String text = squash(sib.text());
      if (text.isEmpty()) {
        continue;
      }
      int links = sib.select("a").stream().mapToInt(a -> a.text().length()).sum();
      if (text.length() < MIN_LEAD_CHARS || (double) links / text.length() > MAX_LEAD_LINKS
          || !FULL_STOP.matcher(text).find() || !sib.select("h1, h2, h3, img, figure, ul, ol, table").isEmpty()) {
        break;
      }
      out.add(0, sib);
    }
    return out;
  }

  private static String squash(String s) {
    return s.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
  }
}

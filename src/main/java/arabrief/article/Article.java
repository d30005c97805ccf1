package arabrief.article;

import java.util.List;

/**
 * One Arabic news article, taken apart: what the translator needs, and what was thrown away.
 *
 * @param headline the headline, once; null when none was found
 * @param dateline the date line, or null
 * @param caption the photo caption, or null
 * @param paragraphs the body paragraphs in reading order, each split into sentences
 * @param dropped site furniture removed from the text (tag lists, bylines, "اقرأ أيضا"...),
 *     exactly as it stood, in order, so a reader can check nothing of value was lost
 * @param byline the author, place and source the page credits, or null when it credits none
 * @param standfirst the deck printed under the headline (a summary sentence or a few bullet points, one per
 *     line), which is not the body's first paragraph; null when the article has none
 */
public record Article(
    String headline,
    Dateline dateline,
    String caption,
    List<Paragraph> paragraphs,
    List<String> dropped,
    Byline byline,
    String standfirst) {

  public Article {
    paragraphs = List.copyOf(paragraphs);
    dropped = List.copyOf(dropped);
  }

  /** An article without a standfirst. */
  public Article(String headline, Dateline dateline, String caption, List<Paragraph> paragraphs, List<String> dropped,
      Byline byline) {
    this(headline, dateline, caption, paragraphs, dropped, byline, null);
  }

  /** An article with no byline (the constructor before bylines were reported). */
  public Article(String headline, Dateline dateline, String caption, List<Paragraph> paragraphs, List<String> dropped) {
    this(headline, dateline, caption, paragraphs, dropped, null, null);
  }
}

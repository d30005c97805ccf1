package arabrief.pipeline;

import arabrief.article.Byline;
import arabrief.article.Dateline;
import java.util.List;

/**
 * An article in English: headline, dateline (rendered without the model), caption, translated body
 * paragraphs, the summary drawn verbatim from the translation, and the furniture that was left out.
 * The {@code brief} fast path fills the summary and leaves {@code paragraphs} empty.
 *
 * @param headline null when the article has none
 * @param dateline null when the article has none
 * @param caption null when the article has none
 * @param translatedSentences how many body sentences went through the model
 * @param totalSentences how many body sentences the article has
 * @param byline source, place and author as the page credits them (no model involved), or null
 */
public record Brief(
    Segment headline,
    Dateline dateline,
    Segment caption,
    List<TranslatedParagraph> paragraphs,
    List<String> summary,
    List<String> dropped,
    int translatedSentences,
    int totalSentences,
    Byline byline) {
  public Brief {
    paragraphs = List.copyOf(paragraphs);
    summary = List.copyOf(summary);
    dropped = List.copyOf(dropped);
  }

  /** A brief without a byline (the constructor before bylines were reported). */
  public Brief(Segment headline, Dateline dateline, Segment caption, List<TranslatedParagraph> paragraphs,
      List<String> summary, List<String> dropped, int translatedSentences, int totalSentences) {
    this(headline, dateline, caption, paragraphs, summary, dropped, translatedSentences, totalSentences, null);
  }
}

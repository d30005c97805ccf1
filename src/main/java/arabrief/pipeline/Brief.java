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
 * @param summarySource the Arabic sentence behind each {@code summary} line, same order and length, so a
 *     reader can check a translation against its source; empty when not known (briefs built by hand)
 * @param standfirst the deck under the headline, one line per point, or null when the article has none
 * @param origin the URL the article was fetched from, and when; null for files and pasted text
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
    Byline byline,
    List<String> summarySource,
    Segment standfirst,
    Origin origin) {
  public Brief {
    paragraphs = List.copyOf(paragraphs);
    summary = List.copyOf(summary);
    dropped = List.copyOf(dropped);
    summarySource = List.copyOf(summarySource);
    if (!summarySource.isEmpty() && summarySource.size() != summary.size()) {
      throw new IllegalArgumentException("summarySource has " + summarySource.size() + " sentences for "
          + summary.size() + " summary lines; give one Arabic sentence per line, or none");
    }
  }

  /** A brief of an article that was not fetched. */
  public Brief(Segment headline, Dateline dateline, Segment caption, List<TranslatedParagraph> paragraphs,
      List<String> summary, List<String> dropped, int translatedSentences, int totalSentences, Byline byline,
      List<String> summarySource, Segment standfirst) {
    this(headline, dateline, caption, paragraphs, summary, dropped, translatedSentences, totalSentences, byline,
        summarySource, standfirst, null);
  }

  /** A brief without a standfirst. */
  public Brief(Segment headline, Dateline dateline, Segment caption, List<TranslatedParagraph> paragraphs,
      List<String> summary, List<String> dropped, int translatedSentences, int totalSentences, Byline byline,
      List<String> summarySource) {
    this(headline, dateline, caption, paragraphs, summary, dropped, translatedSentences, totalSentences, byline,
        summarySource, null);
  }

  /** This brief, of an article fetched from {@code origin}. */
  public Brief withOrigin(Origin o) {
    return new Brief(headline, dateline, caption, paragraphs, summary, dropped, translatedSentences, totalSentences,
        byline, summarySource, standfirst, o);
  }

  /** A brief whose summary's Arabic sources are not known. */
  public Brief(Segment headline, Dateline dateline, Segment caption, List<TranslatedParagraph> paragraphs,
      List<String> summary, List<String> dropped, int translatedSentences, int totalSentences, Byline byline) {
    this(headline, dateline, caption, paragraphs, summary, dropped, translatedSentences, totalSentences, byline,
        List.of());
  }

  /** A brief without a byline (the constructor before bylines were reported). */
  public Brief(Segment headline, Dateline dateline, Segment caption, List<TranslatedParagraph> paragraphs,
      List<String> summary, List<String> dropped, int translatedSentences, int totalSentences) {
    this(headline, dateline, caption, paragraphs, summary, dropped, translatedSentences, totalSentences, null);
  }
}

package arabrief.pipeline;

import arabrief.article.Article;
import arabrief.article.ArticleReader;
import arabrief.article.BadInputException;
import arabrief.article.InputTooLargeException;
import arabrief.article.Paragraph;
import java.util.Locale;

/**
 * The size limits of one article, the same in the CLI, batch, the server and Spark: every entry point reads
 * an article through {@link #read}. They are far above any news article and keep memory and time bounded for
 * inputs that only look like one (an unsplit archive dump, a whole site saved as one page): the summary
 * compares every pair of sentences, so its cost grows with the square of {@link #MAX_SENTENCES}.
 */
public final class InputLimits {
  /** Bytes of one document as given (a page with its markup, a text file, one JSONL line's text). */
  public static final int MAX_DOCUMENT_BYTES = 32 << 20;
  /** Characters of article text, after HTML extraction, before it is parsed (about 50,000 Arabic words). */
  public static final int MAX_TEXT_CHARS = 300_000;
  /** Sentences of one article (the summary's similarity matrix is then at most 32 MB). */
  public static final int MAX_SENTENCES = 2_000;

  /** What to do instead, said by every limit's message. */
  static final String ADVICE = "split it into separate articles, or translate it line by line (translate --lines)";

  private InputLimits() {}

  /** Reads one article within the limits; a limit passed is an {@link InputTooLargeException} naming it. */
  public static Article read(byte[] bytes, String name) throws BadInputException {
    checkBytes(bytes.length, name);
    return checkSentences(new ArticleReader(MAX_TEXT_CHARS, ADVICE).read(bytes, name), name);
  }

  /** {@link #read}, for a web page that came with a declared charset (a web archive's HTTP header; null if none). */
  public static Article readPage(byte[] bytes, String name, String charset) throws BadInputException {
    checkBytes(bytes.length, name);
    return checkSentences(new ArticleReader(MAX_TEXT_CHARS, ADVICE).readPage(bytes, name, charset), name);
  }

  private static Article checkSentences(Article a, String name) throws InputTooLargeException {
    int sentences = 0;
    for (Paragraph p : a.paragraphs()) {
      sentences += p.sentences().size();
    }
    if (sentences > MAX_SENTENCES) {
      throw new InputTooLargeException(String.format(Locale.ROOT,
          "%s: %,d sentences; an article is limited to %,d: %s", name, sentences, MAX_SENTENCES, ADVICE));
    }
    return a;
  }

  /** Refuses a document over {@link #MAX_DOCUMENT_BYTES} before anything reads it. */
  public static void checkBytes(long bytes, String name) throws InputTooLargeException {
    if (bytes > MAX_DOCUMENT_BYTES) {
      throw new InputTooLargeException(String.format(Locale.ROOT,
          "%s: %.1f MB; one document is limited to %d MB: %s", name, bytes / 1048576.0, MAX_DOCUMENT_BYTES >> 20, ADVICE));
    }
  }

  /** Refuses a text over {@link #MAX_TEXT_CHARS} (the English text `summarize` reads). */
  public static void checkChars(long chars, String name) throws InputTooLargeException {
    if (chars > MAX_TEXT_CHARS) {
      throw new InputTooLargeException(String.format(Locale.ROOT,
          "%s: %,d characters of text; one text is limited to %,d: split it into parts", name, chars, MAX_TEXT_CHARS));
    }
  }

}

package arabrief.article;

/**
 * The article step of the pipeline: bytes of a file (plain text or an HTML page, in any of the
 * encodings Arabic sites use) to an {@link Article} whose paragraphs are split into sentences.
 */
public final class ArticleReader {
  private final LineModel model;
  private final int maxTextChars;
  private final String advice;

  /** A reader without a size limit (callers that bound their input themselves). */
  public ArticleReader() {
    this(LineModel.shipped(), Integer.MAX_VALUE, "");
  }

  /**
   * A reader that refuses article text (after HTML extraction) over {@code maxTextChars} before parsing it,
   * with a message that ends in {@code advice}; the limits themselves live in {@code pipeline.InputLimits}.
   */
  public ArticleReader(int maxTextChars, String advice) {
    this(LineModel.shipped(), maxTextChars, advice);
  }

  /** A reader with other fitted weights: the leave-one-site-out evaluation fits one per held-out site. */
  ArticleReader(LineModel model) {
    this(model, Integer.MAX_VALUE, "");
  }

  private ArticleReader(LineModel model, int maxTextChars, String advice) {
    this.model = model;
    this.maxTextChars = maxTextChars;
    this.advice = advice;
  }

  /**
   * Reads one article.
   *
   * @param bytes the file's content
   * @param name how to name the input in error messages (usually the file name)
   * @throws BadInputException when the input is empty, binary, or holds no Arabic text
   */
  public Article read(byte[] bytes, String name) throws BadInputException {
    return parse(TextDecoder.decode(bytes, name), name);
  }

  /**
   * Reads one web page that came with a declared charset (a web archive's HTTP header): the BOM, then
   * {@code charset}, then the page's {@code <meta>} declaration, then detection as for files.
   *
   * @param charset the HTTP header's charset, null when it named none
   */
  public Article readPage(byte[] bytes, String name, String charset) throws BadInputException {
    return parse(TextDecoder.decodePage(bytes, name, charset), name);
  }

  private Article parse(String text, String name) throws BadInputException {
    ArticleParser.Hints hints = ArticleParser.Hints.NONE;
    boolean html = HtmlExtractor.looksLikeHtml(text);
    if (html) {
      HtmlExtractor.Page page = HtmlExtractor.page(text);
      if (!TextDecoder.hasArabicLetter(page.text())) {
        // Arabic only in the menus: a section or home page when most of the page's letters are Arabic, a page in
        // another language with a language switcher ("العربية") when few are
        BadInputException.Kind kind = arabicShare(text) >= 0.5 ? BadInputException.Kind.NOT_AN_ARTICLE : BadInputException.Kind.NOT_ARABIC;
        throw new BadInputException(name + ": no Arabic text found in the page's article content", kind);
      }
      text = page.text();
      hints = new ArticleParser.Hints(normalized(page.headline()), normalized(page.caption()), normalized(page.author()), normalized(page.source()));
    }
    if (text.length() > maxTextChars) {
      throw new InputTooLargeException(String.format(java.util.Locale.ROOT,
          "%s: %,d characters of article text; an article is limited to %,d: %s", name, text.length(), maxTextChars, advice));
    }
    // A text file may be hard-wrapped (archives, e-mail, PDF exports); an HTML page's blocks are its paragraphs.
    Article article = ArticleParser.parse(Normalizer.normalize(html ? text : Reflow.reflow(text)), hints, model);
    if (article.paragraphs().isEmpty()) {
      throw new BadInputException(name + ": no article body found (only a headline, dates or site menus)", BadInputException.Kind.NOT_AN_ARTICLE);
    }
    return article;
  }

  /**
   * The article text of an HTML page in any language (the content the extractor finds, menus and footers left
   * out; paragraphs apart): what {@code summarize} reads of an English page it fetched.
   */
  public static String htmlText(String html) {
    return HtmlExtractor.page(html).text();
  }

  /** Arabic letters among the letters of a page's text outside its tags. */
  private static double arabicShare(String html) {
    String visible = TAG.matcher(html).replaceAll(" ");
    long letters = visible.codePoints().filter(Character::isLetter).count();
    long arabic = visible.codePoints()
        .filter(cp -> Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC).count();
    return letters == 0 ? 0 : (double) arabic / letters;
  }

  private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("<[^>]*>");

  private static String normalized(String s) {
    return s == null ? null : Normalizer.normalize(s);
  }

}

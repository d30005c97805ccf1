package arabrief.cli;

import arabrief.article.ArticleReader;
import arabrief.article.BadInputException;
import arabrief.fetch.Fetched;
import arabrief.pipeline.InputLimits;
import arabrief.pipeline.Pipeline;
import arabrief.summary.Summarizer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code arabrief summarize}: the extractive summary of an English text or an Arabic article, without any model. */
@Command(
    name = "summarize",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    header = "Summarize English text or an Arabic article (no model needed).",
    descriptionHeading = "%n",
    parameterListHeading = "%nParameters:%n",
    optionListHeading = "%nOptions:%n",
    description = {
      "Summarize English text: the most central sentences, favouring the lead as news does, without repeats, printed verbatim in their original order. Paragraphs are separated by blank lines.",
      "",
      "Arabic input (a .txt or a saved web page, in any encoding the other commands read) is read as an article first: headline, dateline, caption and site furniture are left out, and the body's sentences are ranked on the Arabic side, as brief does before translating; they are printed in Arabic, verbatim and in article order.",
      "",
      "A URL is fetched first (exit 6 when it cannot be): an Arabic page is read as an article, an English page by its article text."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.DONE, ExitCodes.BAD, ExitCodes.BAD_OPTION, ExitCodes.NO_MEMORY, ExitCodes.NETWORK_FAILED, ExitCodes.BUG,
      ExitCodes.CTRL_C, ExitCodes.SIGTERM},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./arabrief summarize story.en.txt --summary-words 60",
      "  ./arabrief summarize article.html --summary-sentences 1",
      "  ./arabrief summarize article.txt --format json -o summary.json",
    })
public final class SummarizeCommand implements Callable<Integer> {
  @Parameters(arity = "0..1", paramLabel = "FILE|URL", description = "English text (UTF-8) or an Arabic article, or the URL of a page; - or none for standard input.")
  String file;

  @Mixin FetchOptions fetch;

  @Mixin SummaryOptions summary;

  @Option(names = "--format", paramLabel = "FMT", description = "text (default: one sentence per line) or json (an array).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here (atomically) instead of standard output.")
  Path output;

  @Override
  public Integer call() throws IOException {
    String fmt = format == null ? "text" : format;
    if (!fmt.equals("text") && !fmt.equals("json")) {
      throw new UserException(ExitCodes.USAGE, "--format is text or json, not '" + fmt + "'");
    }
    int sentences = summary.sentences();
    int words = summary.words();
    AtomicOutput.check(output);
    if (file != null && FetchOptions.isUrl(file)) {
      return write(fmt, page(sentences, words));
    }
    byte[] bytes = Inputs.read(file);
    String name = Inputs.name(file);
    String text = strictUtf8(bytes);
    if (text != null && text.isBlank()) {
      throw new UserException(ExitCodes.BAD_INPUT, name + ": empty input, nothing to summarize");
    }
    List<String> chosen;
    if (text == null || mostlyArabic(text)) {
      // Not UTF-8: an Arabic file in one of the legacy encodings the article reader decodes, or bad input
      // that the reader names.
      try {
        chosen = Pipeline.arabicSummary(InputLimits.read(bytes, name), sentences, words);
      } catch (BadInputException e) {
        throw new UserException(ExitCodes.BAD_INPUT, e.getMessage(), e);
      }
    } else {
      try {
        InputLimits.checkChars(text.length(), name);
      } catch (BadInputException e) {
        throw new UserException(ExitCodes.BAD_INPUT, e.getMessage(), e);
      }
      chosen = Summarizer.summarizeEnglish(text, sentences, words);
    }
    return write(fmt, chosen);
  }

  /** A fetched page's summary: Arabic as an article, English by the text of its article (or as text). */
  private List<String> page(int sentences, int words) {
    Fetched page;
    try (FetchOptions f = fetch) {
      page = f.page(file);
    }
    String name = page.url().toString();
    try {
      String text = decode(page);
      if (text == null || mostlyArabic(text)) {
        return Pipeline.arabicSummary(InputLimits.readPage(page.body(), name, page.charset()), sentences, words);
      }
      String english = "text/plain".equals(page.mediaType()) ? text : ArticleReader.htmlText(text);
      if (english.isBlank()) {
        throw new UserException(ExitCodes.BAD_INPUT, name + ": no text found in the page");
      }
      InputLimits.checkChars(english.length(), name);
      return Summarizer.summarizeEnglish(english, sentences, words);
    } catch (BadInputException e) {
      throw new UserException(ExitCodes.BAD_INPUT, e.getMessage(), e);
    }
  }

  /** The page's text in the charset its header names, else UTF-8; null when the bytes are not valid in it. */
  private static String decode(Fetched page) {
    java.nio.charset.Charset cs = StandardCharsets.UTF_8;
    try {
      if (page.charset() != null) {
        cs = java.nio.charset.Charset.forName(page.charset());
      }
    } catch (IllegalArgumentException e) {
      // an unknown charset name: UTF-8, and the Arabic reader's detection if that fails
    }
    if (!cs.equals(StandardCharsets.UTF_8)) {
      return new String(page.body(), cs);
    }
    return strictUtf8(page.body());
  }

  private int write(String fmt, List<String> chosen) throws IOException {
    try (AtomicOutput out = AtomicOutput.open(output)) {
      if (fmt.equals("json")) {
        ObjectMapper json = new ObjectMapper();
        ArrayNode arr = json.createArrayNode();
        chosen.forEach(arr::add);
        out.stream().println(arr.toString());
      } else {
        chosen.forEach(out.stream()::println);
      }
      out.commit();
    }
    return ExitCodes.OK;
  }

  /** The text when {@code bytes} are valid UTF-8 (a BOM dropped), else null. */
  private static String strictUtf8(byte[] bytes) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static final java.util.regex.Pattern MARKUP =
      java.util.regex.Pattern.compile("(?is)<(script|style)\\b.*?</\\1\\s*>|<[^>]*>");

  /**
   * More Arabic letters than Latin ones outside HTML markup: an English text quoting an Arabic name
   * stays English, a saved Arabic page (Latin tags and scripts) is Arabic.
   */
  static boolean mostlyArabic(String input) {
    String text = MARKUP.matcher(input).replaceAll(" ");
    long arabic = 0;
    long latin = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.ARABIC) {
          arabic++;
        } else if (script == Character.UnicodeScript.LATIN) {
          latin++;
        }
      }
    }
    return arabic > latin;
  }
}

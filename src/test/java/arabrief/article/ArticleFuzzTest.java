package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * Fuzz tests of the article step's parsers of untrusted input (issue 20). Under {@code mvn verify} each replays
 * its seeds in {@code src/test/resources/arabrief/article/ArticleFuzzTestInputs/<method>/} (and every crash
 * found, kept there); {@code scripts/fuzz.sh} runs them in fuzzing mode. Each asserts what the parser promises,
 * not only that it returns.
 */
class ArticleFuzzTest {

  /** Decoding: valid UTF-8 round-trips; a BOM decides; whatever comes out is refused or has Arabic in it. */
  @FuzzTest(maxDuration = "10m")
  void textDecoding(byte[] bytes) {
    String text = TextDecoder.decodeBytes(bytes);
    assertNotNull(text);
    boolean bom = bytes.length >= 2 && ((bytes[0] & 0xff) == 0xFF || (bytes[0] & 0xff) == 0xFE || (bytes[0] & 0xff) == 0xEF);
    if (!bom && validUtf8(bytes)) {
      assertArrayEquals(bytes, text.getBytes(StandardCharsets.UTF_8), "valid UTF-8 must round-trip");
    }
    try {
      String checked = TextDecoder.decode(bytes, "input");
      assertEquals(text, checked);
      assertFalse(checked.isBlank());
      assertTrue(TextDecoder.hasArabicLetter(checked));
      assertFalse(TextDecoder.looksBinary(checked));
    } catch (BadInputException e) {
      assertTrue(e.getMessage().startsWith("input: "), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
    }
  }

  /** HTML extraction never invents characters: everything it returns stands in the page (entities decoded). */
  @FuzzTest(maxDuration = "10m")
  void htmlExtraction(byte[] input) {
    String html = new String(input, StandardCharsets.UTF_8);
    HtmlExtractor.Page page = HtmlExtractor.page(html);
    assertNotNull(page.text());
    String source = Parser.unescapeEntities(html, false) + Parser.unescapeEntities(html, true) + Jsoup.parse(html).wholeText();
    page.text().codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && cp != '\uFFFD' && cp != 'و' && cp != '\u00A0')
        .forEach(cp -> assertTrue(source.indexOf(cp) >= 0, () -> "invented U+" + Integer.toHexString(cp)));
    for (String paragraph : page.text().split("\n\n")) {
      assertEquals(paragraph.strip(), paragraph, "paragraphs come stripped");
    }
  }

  /** The article parser: body sentences are pieces of the input; what it drops is input too. */
  @FuzzTest(maxDuration = "10m")
  void articleParser(byte[] input) {
    String raw = new String(input, StandardCharsets.UTF_8);
    String text = Normalizer.normalize(raw);
    Article a = ArticleParser.parse(text);
    String squeezed = squeeze(text);
    for (Paragraph p : a.paragraphs()) {
      assertFalse(p.sentences().isEmpty(), "a paragraph has sentences");
      assertTrue(squeezed.contains(squeeze(p.source())), "paragraph not in the input: " + p.source());
      for (String s : p.sentences()) {
        assertFalse(s.isBlank());
        assertTrue(squeeze(p.source()).contains(squeeze(s)), "sentence not in its paragraph: " + s);
      }
    }
    if (a.headline() != null) {
      assertTrue(squeezed.contains(squeeze(a.headline())), "headline not in the input");
    }
  }

  /** Date lines: a date read is a real date, and its source is the line (or part of it). */
  @FuzzTest(maxDuration = "10m")
  void dateline(byte[] input) {
    String line = new String(input, StandardCharsets.UTF_8);
    Dateline d = DatelineParser.parse(Normalizer.normalize(line));
    if (d == null) {
      return;
    }
    assertNotNull(d.english());
    LocalDate g = d.gregorian();
    if (g != null) {
      assertTrue(g.getYear() >= 1 && g.getYear() <= 9999, "year " + g);
    }
    if (d.hijri() != null) {
      assertTrue(d.hijri().matches("\\d{4}-\\d{2}-\\d{2}"), d.hijri());
      int month = Integer.parseInt(d.hijri().substring(5, 7));
      int day = Integer.parseInt(d.hijri().substring(8));
      assertTrue(month >= 1 && month <= 12 && day >= 1 && day <= 30, d.hijri());
    }
    assertTrue(g != null || d.hijri() != null, "a date line without a date");
  }

  /** Bylines: every part read is text of the line; a prefix is a prefix. */
  @FuzzTest(maxDuration = "10m")
  void byline(byte[] input) {
    String line = Normalizer.normalize(new String(input, StandardCharsets.UTF_8));
    Byline b = BylineParser.ofLine(line);
    if (b != null) {
      assertEquals(line, b.printed());
      for (String part : new String[] {b.source(), b.author()}) {
        assertTrue(part == null || line.contains(part), "not in the line: " + part);
      }
    }
    String prefix = BylineParser.prefixOf(line);
    if (prefix != null) {
      assertTrue(line.startsWith(prefix));
      Byline p = BylineParser.ofPrefix(line);
      if (p != null && p.author() != null) {
        assertTrue(line.contains(p.author()), "author not in the line: " + p.author());
      }
    }
  }

  /** Sentence splitting loses and adds nothing but whitespace, and every sentence has text. */
  @FuzzTest(maxDuration = "10m")
  void sentenceSplitting(byte[] input) {
    String paragraph = new String(input, StandardCharsets.UTF_8);
    List<String> sentences = SentenceSplitter.split(paragraph);
    StringBuilder joined = new StringBuilder();
    for (String s : sentences) {
      assertFalse(s.isBlank(), "blank sentence");
      joined.append(s);
    }
    assertEquals(squeeze(paragraph), squeeze(joined.toString()), "sentences must give the paragraph back");
  }

  /** The text without whitespace, as {@link String#strip} counts it (U+001C..U+001F too, unlike regex \\s). */
  private static String squeeze(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().filter(cp -> !Character.isWhitespace(cp)).forEach(b::appendCodePoint);
    return b.toString();
  }

  private static boolean validUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}

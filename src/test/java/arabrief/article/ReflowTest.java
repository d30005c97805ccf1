package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.summary.eval.HardWrap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReflowTest {

  private static final String SEED = new String(Fixtures.seedBytes(), StandardCharsets.UTF_8);

  /** The text's units as the parser reads them: non-blank lines, whitespace tidied. */
  private static List<String> units(String text) {
    return Normalizer.normalize(text).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** The seed's body paragraphs: its lines after the headline, date and caption, blank lines left out. */
  private static List<String> seedBody() {
    return SEED.lines().skip(7).filter(l -> !l.isBlank()).toList();
  }

  private static String wrap(String text, int width, HardWrap.Style style) {
    return HardWrap.wrap(text, width, style, false, false);
  }

  @Test
  void unwrappedTextComesBackAsTheSameString() {
    assertSame(SEED, Reflow.reflow(SEED));
    for (String name : List.of("aljazeera_style.txt", "lebanese_style.txt", "levant_portal.txt", "reuters_wire.txt",
        "youm7_style.txt", "aggregator_wrapper.txt", "photo_caption_style.txt")) {
      String text = new String(Fixtures.article(name), StandardCharsets.UTF_8);
      assertSame(text, Reflow.reflow(text), name);
    }
  }

  @Test
  void oneSentenceALineIsNotWrapping() {
    // lines of similar length, but each ends a sentence: a writer's breaks, not a wrapper's
    List<String> sentences = new ArrayList<>();
    SEED.lines().forEach(l -> sentences.addAll(SentenceSplitter.split(l)));
    String text = String.join("\n", sentences);
    assertSame(text, Reflow.reflow(text));
  }

  @ParameterizedTest
  @ValueSource(ints = {60, 72, 80, 100})
  void paragraphsApartAreJoinedBack(int width) {
    String wrapped = wrap(SEED, width, HardWrap.Style.PARAGRAPHS);
    assertNotEquals(units(SEED), units(wrapped), "the wrapped seed has more lines than paragraphs");
    assertEquals(units(SEED), units(Reflow.reflow(wrapped)));
  }

  @ParameterizedTest
  @ValueSource(ints = {60, 72, 80, 100})
  void doubleSpacedLinesAreJoinedBack(int width) {
    assertEquals(units(SEED), units(Reflow.reflow(wrap(SEED, width, HardWrap.Style.DOUBLE))));
  }

  /**
   * With a blank line after every wrapped line the paragraph breaks are gone. Every unit break that comes back
   * is a paragraph break of the clean text or follows a sentence's end (a full line ending a sentence is read as
   * a paragraph's end or not by how often the text's paragraphs end so), and no text is lost.
   */
  @ParameterizedTest
  @ValueSource(ints = {60, 72, 80, 100})
  void everyLineApartBreaksOnlyAtParagraphsOrSentenceEnds(int width) {
    List<String> clean = units(SEED);
    List<String> reflowed = units(Reflow.reflow(wrap(SEED, width, HardWrap.Style.LINES)));
    assertEquals(String.join(" ", clean), String.join(" ", reflowed));
    java.util.Set<Integer> paragraphBreaks = new java.util.HashSet<>();
    int at = 0;
    for (String unit : clean) {
      at += unit.length() + 1;
      paragraphBreaks.add(at);
    }
    at = 0;
    for (String unit : reflowed) {
      at += unit.length() + 1;
      assertTrue(paragraphBreaks.contains(at) || ReflowLine.ending(unit, unit.length()) == ReflowLine.SENTENCE,
          "a paragraph made to end at «" + unit.substring(Math.max(0, unit.length() - 30)) + "»");
    }
    assertTrue(reflowed.size() <= clean.size() + 2, reflowed.size() + " units for " + clean.size() + " paragraphs");
  }

  @Test
  void crlfLinesAreJoinedAndTheOtherBreaksKept() {
    String wrapped = HardWrap.wrap(SEED, 70, HardWrap.Style.PARAGRAPHS, true, false);
    String reflowed = Reflow.reflow(wrapped);
    assertEquals(units(SEED), units(reflowed));
    assertEquals(reflowed.split("\r\n", -1).length - 1, reflowed.split("\n", -1).length - 1, "no bare LF is made");
  }

  @Test
  void widthCountedInBytesAsGnuFoldDoes() {
    String wrapped = HardWrap.wrap(SEED, 130, HardWrap.Style.PARAGRAPHS, false, true);
    assertEquals(units(SEED), units(Reflow.reflow(wrapped)));
  }

  @Test
  void onlyTheLineBreakBetweenJoinedLinesChanges() {
    String text = "العنوان\n\n" + wrap(SEED.lines().skip(7).findFirst().orElseThrow() + "\n"
        + SEED.lines().skip(9).findFirst().orElseThrow() + "\n" + SEED.lines().skip(11).findFirst().orElseThrow(), 64,
        HardWrap.Style.PARAGRAPHS);
    String reflowed = Reflow.reflow(text);
    assertEquals(text.replaceAll("(?<=\\S)\n(?=\\S)", " "), reflowed);
  }

  @Test
  void headerLinesAboveAWrappedBodyAreNotGlued() {
    // no blank line between the header lines and the body: short lines are never full
    String body = wrap(String.join("\n", seedBody()), 72,
        HardWrap.Style.PARAGRAPHS);
    String header = "أرفع اتصال عسكري أميركي - روسي منذ بدء الحرب على أوكرانيا\n"
        + "الجمعة - 12 شوال 1443 هـ - 13 مايو 2022 مـ\nكتب: سامي عبد الله\n";
    List<String> units = units(Reflow.reflow(header + body));
    assertEquals(List.of("أرفع اتصال عسكري أميركي - روسي منذ بدء الحرب على أوكرانيا",
        "الجمعة - 12 شوال 1443 هـ - 13 مايو 2022 مـ", "كتب: سامي عبد الله"), units.subList(0, 3));
    assertEquals(units(body.replaceAll("(?<=\\S)\n(?=\\S)", " ")), units.subList(3, units.size()));
  }

  @Test
  void listItemsAreNeverGluedToEachOther() {
    List<String> paragraphs = seedBody();
    StringBuilder text = new StringBuilder(wrap(paragraphs.get(0), 66, HardWrap.Style.PARAGRAPHS)).append('\n');
    List<String> items = new ArrayList<>();
    for (String marker : List.of("• ", "- ", "1. ", "* ")) {
      String item = marker + paragraphs.get(items.size() + 1);
      items.add(item);
      text.append(wrap(item, 66, HardWrap.Style.PARAGRAPHS)); // items one under the other, each wrapped
    }
    List<String> units = units(Reflow.reflow(text.toString()));
    assertEquals(paragraphs.get(0), units.get(0));
    assertEquals(items, units.subList(1, units.size()));
  }

  @Test
  void anIndentedLineStartsAParagraph() {
    // the plain-text habit: no blank lines, each paragraph's first line indented within the width
    List<String> paragraphs = seedBody();
    StringBuilder text = new StringBuilder();
    for (String p : paragraphs) {
      text.append(indented(p, 70));
    }
    assertEquals(paragraphs, units(Reflow.reflow(text.toString())));
  }

  /** Greedy wrapping with the first line indented by four spaces that count against the width. */
  private static String indented(String paragraph, int width) {
    StringBuilder out = new StringBuilder("    ");
    int used = 4;
    int lineStart = 4;
    for (String word : paragraph.split(" ")) {
      if (used > lineStart && used + 1 + word.length() > width) {
        out.append('\n');
        used = 0;
        lineStart = 0;
      } else if (used > lineStart) {
        out.append(' ');
        used++;
      }
      out.append(word);
      used += word.length();
    }
    return out.append('\n').toString();
  }

  @Test
  void rulesAreNotPartOfParagraphs() {
    List<String> paragraphs = seedBody();
    String rule = "_".repeat(66);
    String text = wrap(String.join("\n", paragraphs.subList(0, 4)), 66, HardWrap.Style.LINES) + "\n" + rule + "\n\n"
        + wrap(String.join("\n", paragraphs.subList(4, 8)), 66, HardWrap.Style.LINES);
    assertTrue(units(Reflow.reflow(text)).contains(rule));
  }

  @Test
  void twoOrThreeLinesAreNoEvidence() {
    String text = "العنوان\nيصادف اليوم ذكرى ميلاد الفنانة التي ولدت في مثل هذا اليوم عام 1929، ورحلت عن\nعالمنا سنة 1966.";
    assertSame(text, Reflow.reflow(text));
  }

  @Test
  void lineEndingsReadAsTheSentenceSplitterReadsThem() {
    assertEquals(ReflowLine.SENTENCE, ending("وقال إن الوضع خطير."));
    assertEquals(ReflowLine.SENTENCE, ending("وقال: «الوضع خطير»."));
    assertEquals(ReflowLine.SENTENCE, ending("وقال: «الوضع خطير.»"));
    assertEquals(ReflowLine.SENTENCE, ending("هل انتهى؟"));
    assertEquals(ReflowLine.PLAIN, ending("والسندريلا.."));
    assertEquals(ReflowLine.PLAIN, ending("والسندريلا…"));
    assertEquals(ReflowLine.COLON, ending("وأضاف:"));
    assertEquals(ReflowLine.PLAIN, ending("فإن تدقيق تاريخ الممثلين"));
  }

  /**
   * A quote mark faces the way its neighbours say: a stray closing quote earlier in the paragraph does not leave
   * the rest of it "inside a quotation" (a full line ending a sentence there would be glued to the next paragraph).
   */
  @Test
  void quotationMarksOpenOrCloseByWhereTheyStand() {
    assertTrue(quotesOpen("وقال إن \"الوضع خطير. ونحن"));
    assertTrue(quotesOpen("وقال: «الوضع خطير. ونحن"));
    assertTrue(quotesOpen("كتابه الجديد \" الممثلون اليهود")); // between two spaces: toggles
    assertTrue(quotesOpen("وقال “الوضع خطير. ونحن"));
    assertTrue(quotesOpen("وقال ”الوضع خطير. ونحن")); // printed the other way round
    // a stray closing quote, then a quotation opened and closed (straight marks would toggle to "open")
    assertFalse(quotesOpen("قرب منشآت مدرسية\"، حسب بحث لمؤسسة \"إيفري تاون غان سيفتي\"."));
    assertFalse(quotesOpen("بنسبة قليلة\"."));
    // a quotation inside a quotation, both in straight marks: closed at the end
    assertFalse(quotesOpen("فرد عليه: \"أشكرك ولكنني سألعب في \"أحسن فريق في العالم\"."));
    assertFalse(quotesOpen("وقال: «الوضع «خطير» جدا»."));
  }

  private static boolean quotesOpen(String s) {
    Reflow.Quotes quotes = new Reflow.Quotes();
    quotes.read(s, 0, s.length());
    return quotes.open();
  }

  private static int ending(String s) {
    return ReflowLine.ending(s, s.length());
  }
}

package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 24-sentence wire story: ceasefire extension (lead), terms, reactions, a repeated lead with one
 * word changed (10), a paragraph repeated verbatim (17 = 2), a reworded quote (18 ≈ 5), and an
 * off-topic tail (19–23) with a three-word sentence (20).
 */
class EnglishArticleTest {
  private static final String LEAD =
      "Military commanders from Ethiopia and Tigray agreed on Friday to extend a fragile ceasefire by 60"
      + " days, the African Union said, after three days of talks in Nairobi.";
  private static final String TERMS =
      "Under the extension, both sides will withdraw heavy weapons from a 20-kilometre buffer zone around"
      + " the town of Alamata and allow aid convoys to reach Mekelle, the Tigrayan capital.";
  private static final String SHELLS =
      "He said Addis Ababa expected the Tigrayan forces to hand over 3.5 tonnes of artillery shells by Jan. 15.";

  private static String article() throws IOException {
    try (InputStream in = EnglishArticleTest.class.getResourceAsStream("/fixtures/summary/english-ceasefire.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> sentences() throws IOException {
    return EnglishSentences.splitParagraphs(article()).stream().flatMap(List::stream).toList();
  }

  @Test
  void splitsIntoTwentyFourSentencesWithAbbreviationsIntact() throws IOException {
    List<String> s = sentences();
    assertEquals(24, s.size());
    assertTrue(s.get(4).startsWith("Dr. Abebe Tadesse"));
    assertTrue(s.get(5).endsWith("3.5 tonnes of artillery shells by Jan. 15."));
    assertTrue(s.get(6).startsWith("Mr. Getachew Reda"));
    assertTrue(s.get(7).startsWith("The U.S. special envoy"));
    assertTrue(s.get(9).startsWith("The U.N. World Food Programme"));
    assertEquals(s.get(2), s.get(17));
  }

  @Test
  void briefOfThreeIsLeadTermsAndTheHandover() throws IOException {
    // The handover of shells (5) is restated later (18), which PacSum's directed centrality counts for
    // it; LexRank chose the monitoring sentence (14) instead.
    assertEquals(List.of(LEAD, TERMS, SHELLS), Summarizer.summarizeEnglish(article(), 3));
  }

  @Test
  void longerBriefSkipsRepeatsAndTheOffTopicTail() throws IOException {
    List<String> s = sentences();
    List<Integer> paragraphs = paragraphIndices();
    List<Integer> chosen = Summarizer.english().select(s, paragraphs, 5);
    assertEquals(List.of(0, 1, 2, 3, 5), chosen);
    assertFalse(chosen.contains(10), "near-duplicate of the lead");
    assertFalse(chosen.contains(17), "verbatim repeat of sentence 2");
    assertFalse(chosen.contains(18), "reworded sentence 5");
    assertTrue(chosen.stream().allMatch(i -> i < 19), "off-topic tail");
  }

  @Test
  void chosenSentencesAreVerbatimFromTheInputInArticleOrder() throws IOException {
    String text = article();
    List<String> brief = Summarizer.summarizeEnglish(text, 6);
    int from = 0;
    for (String sentence : brief) {
      int at = text.indexOf(sentence, from);
      assertTrue(at >= 0, "not verbatim or out of order: " + sentence);
      from = at + sentence.length();
    }
  }

  private static List<Integer> paragraphIndices() throws IOException {
    List<List<String>> split = EnglishSentences.splitParagraphs(article());
    List<Integer> out = new ArrayList<>();
    for (int p = 0; p < split.size(); p++) {
      for (int k = 0; k < split.get(p).size(); k++) {
        out.add(p);
      }
    }
    return out;
  }
}

package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummarizerTest {
  private final Summarizer english = Summarizer.english();
  /** The lead prior on its own is easiest to see under LexRank, where disjoint sentences are equally central. */
  private final Summarizer lexrank =
      new Summarizer(new EnglishTerms(), Settings.DEFAULTS.withCentrality(Settings.Centrality.LEXRANK));

  private static final List<String> TWO = List.of(
      "Ethiopian and Tigrayan commanders agreed to extend the ceasefire in Nairobi on Friday.",
      "Aid convoys will reach Mekelle once heavy weapons leave the buffer zone.");

  @Test
  void countAtLeastTheSentenceCountGivesAllInOrder() {
    assertEquals(List.of(0, 1), english.select(TWO, 3));
    assertEquals(List.of(0, 1), english.select(TWO, 2));
    assertEquals(List.of(0), english.select(List.of("Only one sentence here."), 1));
    assertEquals(List.of("Only one sentence here."),
        Summarizer.summarizeEnglish("Only one sentence here.", 1));
  }

  @Test
  void zeroCountAndEmptyInputGiveNothing() {
    assertEquals(List.of(), english.select(TWO, 0));
    assertEquals(List.of(), english.select(List.of(), 3));
    assertEquals(List.of(), english.select(List.of()));
    assertEquals(List.of(), Summarizer.summarizeEnglish("", 3));
    assertEquals(List.of(), Summarizer.summarizeEnglish(TWO.get(0), 0));
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> english.select(TWO, -1));
    assertTrue(e.getMessage().contains("count"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> english.select(TWO, List.of(0), 1));
    assertTrue(e.getMessage().contains("paragraphs"), e.getMessage());
  }

  @Test
  void equalSentencesTieToTheEarlierOne() {
    // No lead prior and no shared terms: every score is equal, so position decides.
    Summarizer flat = new Summarizer(new EnglishTerms(), Settings.DEFAULTS.withoutLeadPrior());
    List<String> s = List.of(
        "alpha bravo charlie delta echo", "foxtrot golf hotel india juliet",
        "kilo lima mike november oscar", "papa quebec romeo sierra tango");
    assertEquals(List.of(0, 1), flat.select(s, 2));
  }

  @Test
  void leadPriorFavoursTheFirstOfEquallyCentralSentences() {
    List<String> s = List.of(
        "kilo lima mike november oscar", "alpha bravo charlie delta echo",
        "foxtrot golf hotel india juliet", "papa quebec romeo sierra tango");
    double[] score = lexrank.scores(s, null);
    assertTrue(score[0] > score[1] && score[1] > score[2] && score[2] > score[3]);
    assertEquals(List.of(0), lexrank.select(s, 1));
    // PacSum gives disjoint sentences no centrality at all; the tie still goes to the lead.
    assertEquals(List.of(0), english.select(s, 1));
  }

  @Test
  void firstParagraphIsBoosted() {
    List<String> s = List.of(
        "alpha bravo charlie delta echo", "foxtrot golf hotel india juliet",
        "kilo lima mike november oscar");
    double[] together = lexrank.scores(s, List.of(0, 0, 1));
    double[] apart = lexrank.scores(s, List.of(0, 1, 1));
    assertTrue(together[1] > apart[1]);
    assertEquals(apart[2], together[2], 1e-12);
  }

  @Test
  void shortSentencesArePenalised() {
    List<String> s = List.of(
        "Ceasefire holds.",
        "The ceasefire in northern Ethiopia held through the weekend, monitors reported.",
        "Monitors reported the ceasefire held across northern Ethiopia despite tension.");
    // Sentence 0 has two content terms; it would win on position alone.
    assertEquals(List.of(1), english.select(s, 1));
  }

  @Test
  void exactDuplicatesAreChosenOnce() {
    String dup = "Commanders agreed to extend the ceasefire by sixty days in Nairobi.";
    List<String> s = List.of(
        dup,
        "Aid convoys will reach Mekelle once heavy weapons leave the buffer zone.",
        "  Commanders agreed to extend the ceasefire  by sixty days in Nairobi. ",
        "Monitors from the African Union will inspect the buffer zone every two weeks.");
    List<Integer> chosen = english.select(s, 3);
    assertEquals(3, chosen.size());
    assertTrue(!(chosen.contains(0) && chosen.contains(2)), chosen.toString());
  }

  @Test
  void directedCentralityPrefersTheSentenceLaterOnesTakeUp() {
    // 1 and 2 say the same; 3 elaborates on both. PacSum counts 1's link to 2 and 3 for it, 2's link
    // back to 1 against it: 1 outranks its echo 2 even without any lead prior.
    Summarizer flat = new Summarizer(new EnglishTerms(), Settings.DEFAULTS.withoutLeadPrior());
    List<String> s = List.of(
        "Weather stations recorded heavy rain across the region overnight.",
        "Commanders agreed to extend the ceasefire in Nairobi.",
        "The ceasefire agreed in Nairobi was extended by the commanders.",
        "The extended ceasefire lets aid convoys reach Mekelle.");
    double[] score = flat.scores(s, null);
    assertTrue(score[1] > score[2], java.util.Arrays.toString(score));
    assertTrue(score[2] < 0, "an echo of an earlier sentence scores below zero");
    assertEquals(List.of(1), flat.select(s, 1));
  }

  @Test
  void wordBudgetCapsTheSummaryButNeverEmptiesIt() {
    List<String> s = List.of(
        "Commanders agreed to extend the ceasefire in Nairobi on Friday after three days of talks.", // 15
        "Aid convoys will reach Mekelle once heavy weapons leave the buffer zone.", // 12
        "The ceasefire terms let aid convoys reach Mekelle.", // 8
        "Monitors will inspect the buffer zone.");
    List<Integer> chosen = english.select(s, null, Integer.MAX_VALUE, 25);
    int words = chosen.stream().mapToInt(i -> Summarizer.wordCount(s.get(i))).sum();
    assertTrue(words <= 25 && chosen.size() >= 2, chosen + " has " + words + " words");
    assertEquals(english.select(s, 1), english.select(s, null, Integer.MAX_VALUE, 3), "the best sentence even if longer");
    assertEquals(english.select(s, 1), english.select(s, null, 1, 1000), "the count still caps");
    assertThrows(IllegalArgumentException.class, () -> english.select(s, null, 3, -1));
  }

  @Test
  void redundancyCanLeaveTheSummaryShorter() {
    List<String> s = List.of(
        "Commanders agreed to extend the ceasefire by sixty days in Nairobi.",
        "Commanders agreed on Friday to extend the ceasefire by sixty days in Nairobi.",
        "Commanders agreed to extend the fragile ceasefire by sixty days in Nairobi.",
        "Commanders in Nairobi agreed to extend the ceasefire by sixty days.");
    assertEquals(List.of(0), english.select(s, 2));
  }
}

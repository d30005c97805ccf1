package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishSentencesTest {
  @Test
  void titlesDoNotEndSentences() {
    assertEquals(
        List.of("Mr. Smith met Dr. Jones and Gen. Lee on Friday.", "They talked."),
        EnglishSentences.split("Mr. Smith met Dr. Jones and Gen. Lee on Friday. They talked."));
  }

  @Test
  void initialismsEndSentencesOnlyBeforeAFunctionWord() {
    assertEquals(
        List.of("The U.S. President met U.N. officials.", "Sanctions were imposed by the U.S.",
            "The talks ended."),
        EnglishSentences.split(
            "The U.S. President met U.N. officials. Sanctions were imposed by the U.S. The talks ended."));
  }

  @Test
  void monthsNumbersAndDecimals() {
    assertEquals(
        List.of("On Jan. 5 the No. 10 office said prices rose 3.5 per cent to $1.2 billion.", "Next."),
        EnglishSentences.split(
            "On Jan. 5 the No. 10 office said prices rose 3.5 per cent to $1.2 billion. Next."));
  }

  @Test
  void quotedExclamationBeforeLowercaseStaysInTheSentence() {
    assertEquals(
        List.of("\"Stop the war!\" she said.", "Is it over?", "Yes."),
        EnglishSentences.split("\"Stop the war!\" she said. Is it over? Yes."));
  }

  @Test
  void sentencesAreVerbatimApartFromSurroundingWhitespace() {
    String text = "  First   one,  oddly spaced.\nSecond one  ";
    assertEquals(List.of("First   one,  oddly spaced.", "Second one"), EnglishSentences.split(text));
  }

  @Test
  void paragraphsAreSplitAtBlankLines() {
    assertEquals(
        List.of(List.of("One.", "Two."), List.of("Three.")),
        EnglishSentences.splitParagraphs("One. Two.\n\n \r\nThree.\n\n\n"));
  }

  @Test
  void captionRunIntoTheNextSentenceIsCut() {
    // A photo caption without a full stop, flattened into the story.
    assertEquals(
        List.of("People who never divorced can expect an income 13% higher than a colleague",
            "The cost of divorce can wreck retirement, according to research."),
        EnglishSentences.split("People who never divorced can expect an income 13% higher than a colleague"
            + " The cost of divorce can wreck retirement, according to research."));
  }

  @Test
  void capitalisedWordsInsideASentenceStayWhole() {
    for (String s : List.of(
        "The owner told The Hollywood Reporter about it.", // a name: the next word is capitalised
        "She starred in Ten Things I Hate About You last year.", // title case before it
        "He said I would go there soon.", // "I" is always capitalised
        "Rain fell in Paris The day after.")) { // a name before it
      assertEquals(List.of(s), EnglishSentences.split(s), s);
    }
  }

  @Test
  void emptyTextHasNoSentences() {
    assertEquals(List.of(), EnglishSentences.split(""));
    assertEquals(List.of(), EnglishSentences.splitParagraphs("  \n\n "));
  }
}

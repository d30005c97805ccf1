package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishTermsTest {
  private final EnglishTerms terms = new EnglishTerms();

  @Test
  void lowercasesSplitsDropsStopwordsAndStems() {
    assertEquals(
        List.of("u", "president", "talk", "agr", "jan", "5", "cost", "3.5", "billion"),
        terms.terms("The U.S. President's talks, agreed on Jan. 5, cost $3.5 billion."));
  }

  @Test
  void reportingVerbsAndTitlesAreStopwords() {
    assertEquals(List.of("smith"), terms.terms("Mr. Smith said so, Dr. Who told them."));
  }

  @Test
  void emptyAndPunctuationOnlyGiveNoTerms() {
    assertEquals(List.of(), terms.terms(""));
    assertEquals(List.of(), terms.terms(" -- ... !"));
  }
}

package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The body of seed article 000 (Austin–Shoigu call, May 2022), one paragraph a line. Sentences are cut
 * naively at "." here; the real splitter lives in the article package and is tested there.
 */
class ArabicArticleTest {
  private static final List<String> SENTENCES = new ArrayList<>();
  private static final List<Integer> PARAGRAPHS = new ArrayList<>();

  @BeforeAll
  static void load() throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ArabicArticleTest.class.getResourceAsStream("/fixtures/summary/arabic-000-body.txt"),
        StandardCharsets.UTF_8))) {
      int p = 0;
      for (String line; (line = r.readLine()) != null; p++) {
        for (String s : line.split("\\.")) {
          if (!s.isBlank()) {
            SENTENCES.add(s.strip());
            PARAGRAPHS.add(p);
          }
        }
      }
    }
  }

  @Test
  void fixtureHasThirteenSentences() {
    assertEquals(13, SENTENCES.size());
    assertTrue(SENTENCES.get(0).startsWith("حض وزير الدفاع الأميركي لويد أوستن"));
  }

  @Test
  void briefOfThreeKeepsTheLead() {
    // 0: Austin urged Shoigu to cease fire; 2: their first talk since 18 February; 3: for two months
    // the Pentagon had said Russian commanders refused Austin's calls (taken up by 4 and later
    // sentences, so PacSum ranks it over the Biden sentence 12 that LexRank chose). Sentence 1 (Kirby
    // repeating the call for a ceasefire) is skipped as too close to the lead.
    List<Integer> chosen = Summarizer.arabic().select(SENTENCES, PARAGRAPHS, 3);
    assertEquals(List.of(0, 2, 3), chosen);
  }

  @Test
  void briefWithoutParagraphsStillKeepsTheLead() {
    assertTrue(Summarizer.arabic().select(SENTENCES, 1).contains(0));
    assertEquals(List.of(0), Summarizer.arabic().select(SENTENCES, 1));
  }
}

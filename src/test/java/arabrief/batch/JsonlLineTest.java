package arabrief.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import arabrief.pipeline.InputLimits;
import org.junit.jupiter.api.Test;

/** Batch's archive lines: a long article meets the document limit's message, not Jackson's (issue 20). */
class JsonlLineTest {
  @Test
  void aLineOverTheDocumentLimitSaysTheLimit() {
    String line = "{\"id\": 1, \"text\": \"" + "x".repeat(InputLimits.MAX_DOCUMENT_BYTES + 10) + "\"}";
    JsonlLine l = JsonlLine.parse(line, "text", "id");
    assertNull(l.text());
    assertEquals("32.0 MB; one document is limited to 32 MB: " + "split it into separate articles, or translate it line by line (translate --lines)",
        l.failure());
  }

  @Test
  void aStringLongerThanJacksonsDefaultIsRead() {
    // 21 M characters: over Jackson's default 20 M, under the document limit
    String text = "ق".repeat(21_000_000);
    JsonlLine l = JsonlLine.parse("{\"text\": \"" + text + "\"}", "text", "id");
    assertNull(l.failure());
    assertEquals(text.length(), l.text().length());
  }
}

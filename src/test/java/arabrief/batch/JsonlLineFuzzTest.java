package arabrief.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fuzz test of batch's JSONL line reader (issue 20): every line is either an article (its text field, exactly
 * as a JSON parser reads it) or a one-line reason; never an exception that would stop the run. Seeds:
 * {@code src/test/resources/arabrief/batch/JsonlLineFuzzTestInputs/}.
 */
class JsonlLineFuzzTest {
  private static final ObjectMapper PLAIN = new ObjectMapper();

  @FuzzTest(maxDuration = "10m")
  void jsonlLine(byte[] input) {
    String json = new String(input, java.nio.charset.StandardCharsets.UTF_8);
    JsonlLine line = JsonlLine.parse(json, "text", "id");
    assertTrue((line.text() == null) != (line.failure() == null), "an article or a reason, never both");
    if (line.failure() != null) {
      assertFalse(line.failure().isBlank());
      assertFalse(line.failure().contains("\n"), line.failure());
      return;
    }
    JsonNode n;
    try {
      n = PLAIN.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("accepted a line Jackson refuses: " + e.getMessage());
    }
    assertEquals(n.get("text").asText(), line.text());
    assertNotNull(line.id());
    if (n.hasNonNull("id")) {
      assertEquals(n.get("id"), line.id());
    } else {
      assertTrue(line.id().isNull());
    }
    assertNull(line.failure());
  }
}

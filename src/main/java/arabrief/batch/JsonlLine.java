package arabrief.batch;

import arabrief.article.InputTooLargeException;
import arabrief.pipeline.InputLimits;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One line of a JSONL archive read: the article's text and id, or why the line holds no article (a reason
 * for the report row, without the document's name).
 */
record JsonlLine(String text, JsonNode id, String failure) {
  /**
   * Jackson's own string limit (20M characters) sits below the document limit; raised to it, so a long
   * article meets {@link InputLimits}'s message (which says the limit and what to do), not Jackson's.
   */
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(InputLimits.MAX_DOCUMENT_BYTES).build())
      .build());

  static JsonlLine parse(String json, String textField, String idField) {
    JsonNode node;
    try {
      InputLimits.checkBytes(json.length(), "line"); // characters: at most the line's bytes
      node = JSON.readTree(json);
    } catch (InputTooLargeException e) {
      return failed(null, e.getMessage().substring("line: ".length()));
    } catch (JsonProcessingException e) {
      return failed(null, "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return failed(null, "not a JSON object");
    }
    JsonNode id = node.hasNonNull(idField) ? node.get(idField) : NullNode.getInstance();
    JsonNode text = node.get(textField);
    if (text == null || !text.isTextual()) {
      return failed(id, "no \"" + textField + "\" string field with the article");
    }
    return new JsonlLine(text.asText(), id, null);
  }

  private static JsonlLine failed(JsonNode id, String reason) {
    return new JsonlLine(null, id, reason);
  }
}

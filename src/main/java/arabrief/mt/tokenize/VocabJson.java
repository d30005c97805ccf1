package arabrief.mt.tokenize;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A {@code vocab.json} (piece to id), as the Marian and M2M100 tokenizers keep their vocabularies. */
final class VocabJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private VocabJson() {}

  /**
   * vocab.json (piece → id), read as a stream: a 60k-entry vocabulary is on the load's critical path, and
   * a JSON tree of it costs about twice as much in a fresh JVM.
   */
  static Map<String, Long> read(Path p) throws IOException {
    Map<String, Long> m = new HashMap<>(1 << 17);
    try (JsonParser in = JSON.getFactory().createParser(p.toFile())) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(p + " is not a JSON object of piece ids");
      }
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String piece = in.currentName();
        if (in.nextToken() != JsonToken.VALUE_NUMBER_INT) {
          throw new IOException(p + ": the id of '" + piece + "' is not an integer");
        }
        m.put(piece, in.getLongValue());
      }
    } catch (JsonProcessingException e) {
      throw new IOException(p + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    return m;
  }
}

package arabrief.mt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Locates the committed fixture models and transformers' reference outputs for them. */
public final class Fixtures {
  public static final List<String> MODELS = List.of("tiny-opus");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  public static Path root() {
    try {
      return Path.of(Fixtures.class.getResource("/fixtures").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Path model(String name) {
    return root().resolve("models").resolve(name);
  }

  public static JsonNode reference(String name) {
    try {
      return JSON.readTree(root().resolve("reference").resolve(name + ".json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }
}

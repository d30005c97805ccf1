package arabrief.render;

import arabrief.pipeline.Brief;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** The output formats of a translated article; each renders a {@link Brief} to a string. */
public enum Format {
  TEXT,
  MARKDOWN,
  JSON;

  /** Parses a --format value; null when it names no format. */
  public static Format of(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Renders {@code b}. {@code bilingual} puts each Arabic paragraph before its English (text, markdown);
   * {@code model} and {@code stats} go into the JSON.
   */
  public String render(Brief b, boolean bilingual, JsonNode model, JsonNode stats) {
    switch (this) {
      case TEXT:
        return PlainText.render(b, bilingual);
      case MARKDOWN:
        return Markdown.render(b, bilingual);
      default:
        return JsonDocument.render(b, model, stats);
    }
  }
}

package arabrief.server;

import arabrief.mt.model.OneLine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request body as a JSON object, from JSON or (where allowed) a form; anything else is a 400. */
final class Requests {
  private Requests() {}

  static ObjectNode body(Context ctx, boolean formAllowed) {
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    if (type.startsWith("application/json")) {
      JsonNode n;
      try {
        n = Server.JSON.readTree(ctx.body());
      } catch (JsonProcessingException e) {
        throw new ApiError(400, "malformed JSON: " + e.getOriginalMessage());
      }
      if (n == null || !n.isObject()) {
        throw new ApiError(400, "the JSON body must be an object");
      }
      return (ObjectNode) n;
    }
    if (formAllowed && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"))) {
      ObjectNode o = Server.JSON.createObjectNode();
      Map<String, List<String>> form;
      try {
        form = ctx.formParamMap();
      } catch (io.javalin.http.HttpResponseException e) { // Javalin's own 413 and 400 keep their status
        throw e;
      } catch (Exception e) { // Jetty's ServletException for a form it cannot parse (a Jazzer finding: it was a 500)
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        throw new ApiError(400, "malformed form body: " + why);
      }
      for (Map.Entry<String, List<String>> e : form.entrySet()) {
        if (e.getValue().size() == 1) {
          o.put(e.getKey(), e.getValue().get(0));
        } else {
          ArrayNode a = o.putArray(e.getKey());
          e.getValue().forEach(a::add);
        }
      }
      return o;
    }
    throw new ApiError(
        400,
        "Content-Type must be application/json" + (formAllowed ? " or a form" : "") + ", not " + OneLine.quote(String.valueOf(ctx.contentType()), 80));
  }

  /** A string field, or null when absent; 400 when present but not a string. */
  static String string(ObjectNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new ApiError(400, "'" + field + "' must be a string");
    }
    return n.asText();
  }

  /** An integer field in [min, max], or {@code dflt} when absent. */
  static int integer(ObjectNode body, String field, int dflt, int min, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return dflt;
    }
    int v;
    if (n.isInt()) {
      v = n.asInt();
    } else if (n.isTextual() && n.asText().matches("-?\\d{1,9}")) {
      v = Integer.parseInt(n.asText());
    } else {
      throw new ApiError(400, "'" + field + "' must be an integer");
    }
    if (v < min || v > max) {
      throw new ApiError(400, "'" + field + "' must be from " + min + " to " + max + ", got " + v);
    }
    return v;
  }

  /** The API key from the body, the query string or an X-API-Key header. */
  static String apiKey(Context ctx, ObjectNode body) {
    String k = body == null ? null : string(body, "api_key");
    if (k == null) {
      k = ctx.queryParam("api_key");
    }
    if (k == null) {
      k = ctx.header("X-API-Key");
    }
    return k;
  }
}

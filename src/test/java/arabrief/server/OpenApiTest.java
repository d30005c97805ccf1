package arabrief.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.json} against the running server: every documented request shape (each example of each
 * request body, each GET) is sent, and the answer must have the example's {@code x-status}, a status the
 * operation documents, and a body the documented schema accepts. Then the documented error statuses are
 * provoked (no API key, text over the limit, the model still loading) and checked the same way, and every
 * status an operation with a request body documents, but 500, must have been seen.
 */
class OpenApiTest {
  private static final String BASE = "https://arabrief.test/openapi.json";
  private static final String KEY = "test-key";
  private static final int MAX_CHARS = 1000;

  static Server server;
  static Server loading;
  static JsonNode spec;
  static SchemaRegistry schemas;
  /** "METHOD path status" of every answer seen. */
  static final Set<String> seen = new TreeSet<>();
  static final Set<String> needsNoModel = new TreeSet<>();

  @BeforeAll
  static void start() throws IOException {
    String text;
    try (InputStream in = Server.class.getResourceAsStream("openapi.json")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    spec = Http.JSON.readTree(text);
    schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(Map.of(BASE, text)));
    ServerConfig d = ServerConfig.defaults();
    server = ServerFixture.start(new ServerConfig("127.0.0.1", 0, MAX_CHARS, d.maxBodyBytes(), 64, 16, true, 60, Set.of(KEY)));
    // the documented {"url": ...} answers: a server that fetches, its own machine allowed (the example's port 1 refuses)
    server.fetching(new arabrief.fetch.Fetcher(arabrief.fetch.FetchSettings.defaults()));
    loading = new Server(new ServerConfig("127.0.0.1", 0, MAX_CHARS, d.maxBodyBytes(), 64, 16, true, 60, Set.of())).start();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (loading != null) {
      loading.close();
    }
  }

  @Test
  void theServerServesTheCheckedInDocument() {
    Http.Reply r = Http.get(server.port(), "/openapi.json");
    assertEquals(200, r.status(), r.body());
    assertEquals(spec, r.json());
    assertEquals("3.1.0", spec.get("openapi").asText());
  }

  @Test
  void everyDocumentedRequestGetsItsDocumentedAnswer() {
    int sent = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toUpperCase();
        JsonNode body = op.getValue().get("requestBody");
        if (body == null) {
          check(server, method, p.getKey(), null, null, 200, true);
          sent++;
          continue;
        }
        JsonNode first = null;
        String firstType = null;
        for (Iterator<Map.Entry<String, JsonNode>> types = body.get("content").fields(); types.hasNext(); ) {
          Map.Entry<String, JsonNode> t = types.next();
          JsonNode examples = t.getValue().get("examples");
          assertTrue(examples != null && examples.size() > 0, method + " " + p.getKey() + " " + t.getKey() + " has no examples");
          for (JsonNode e : examples) {
            int status = e.get("x-status").asInt();
            check(server, method, p.getKey(), t.getKey(), e.get("value"), status, true);
            sent++;
            if (status == 200 && first == null) {
              first = e.get("value");
              firstType = t.getKey();
            }
          }
        }
        assertTrue(first != null, method + " " + p.getKey() + " documents no request that succeeds");
        // the documented errors every request can meet
        check(server, method, p.getKey(), firstType, first, 403, false);
        check(server, method, p.getKey(), firstType, oversized(first), 413, true);
        // while the model loads: 503, except for an operation that needs no model (then 503 only on shutdown)
        if (check(loading, method, p.getKey(), firstType, first, -1, true) == 200) {
          needsNoModel.add(method + " " + p.getKey() + " 503");
        }
        sent += 3;
      }
    }
    check(loading, "GET", "/health", null, null, 503, true);
    assertTrue(sent > 40, "requests sent: " + sent);

    assertTrue(needsNoModel.size() <= 1, "only /detect answers without the model: " + needsNoModel);
    List<String> missing = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (op.getValue().has("requestBody")) {
          op.getValue().get("responses").fieldNames().forEachRemaining(status -> {
            String k = op.getKey().toUpperCase() + " " + p.getKey() + " " + status;
            if (!status.equals("500") && !seen.contains(k) && !needsNoModel.contains(k)) {
              missing.add(k);
            }
          });
        }
      }
    }
    assertEquals(List.of(), missing, "documented statuses never seen; seen: " + seen);
  }

  /** {@code value} with its article or q made longer than the server's character limit (as text to translate). */
  private static JsonNode oversized(JsonNode value) {
    var o = value.deepCopy();
    String field = o.has("q") ? "q" : o.has("text") ? "text" : "html";
    String sentence = "وقال المتحدث باسم وزارة الدفاع إن الاتصال جاء بمبادرة من الجانب الأميركي. ";
    ((com.fasterxml.jackson.databind.node.ObjectNode) o).put(field, sentence.repeat(MAX_CHARS / sentence.length() + 1));
    return o;
  }

  /**
   * Sends one request and checks its status ({@code expected}, or any documented one when -1) and its body
   * against the operation's documented response; returns the status.
   */
  private static int check(Server s, String method, String path, String type, JsonNode value, int expected, boolean withKey) {
    HttpRequest.Builder b = HttpRequest.newBuilder(Http.uri(s.port(), path));
    if (withKey) {
      b.header("X-API-Key", KEY);
    }
    if (value == null) {
      b.GET();
    } else {
      b.header("Content-Type", type);
      b.POST(HttpRequest.BodyPublishers.ofString(type.equals("application/json") ? value.toString() : form(value), StandardCharsets.UTF_8));
    }
    Http.Reply r = Http.send(b.build());
    String what = method + " " + path + " " + value;
    if (expected != -1) {
      assertEquals(expected, r.status(), what + " -> " + r.body());
    }
    seen.add(method + " " + path + " " + r.status());

    String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase() + "/responses/" + r.status();
    JsonNode response = spec.at(pointer);
    assertTrue(!response.isMissingNode(), what + ": status " + r.status() + " is not documented");
    if (response.has("$ref")) {
      pointer = response.get("$ref").asText().substring(1);
      response = spec.at(pointer);
    }
    String contentType = r.raw().headers().firstValue("Content-Type").orElse("");
    String mediaType = null;
    for (Iterator<String> it = response.get("content").fieldNames(); it.hasNext(); ) {
      String m = it.next();
      if (contentType.startsWith(m)) {
        mediaType = m;
      }
    }
    assertTrue(mediaType != null, what + ": answered " + contentType + ", documented " + response.get("content"));
    Schema schema = schemas.getSchema(SchemaLocation.of(BASE + "#" + pointer + "/content/" + escape(mediaType) + "/schema"));
    if (mediaType.equals("application/json")) {
      validate(schema, r.json(), what);
    } else if (mediaType.equals("application/x-ndjson")) {
      List<String> types = new ArrayList<>();
      for (String line : r.body().split("\n")) {
        JsonNode l = parse(line);
        validate(schema, l, what + " line " + line);
        types.add(l.get("type").asText());
      }
      assertEquals("brief", types.get(0), what);
      assertEquals("document", types.get(types.size() - 1), what);
    } else {
      assertTrue(!r.body().isEmpty(), what);
    }
    return r.status();
  }

  private static void validate(Schema schema, JsonNode body, String what) {
    List<Error> errors = schema.validate(body);
    assertEquals(List.of(), errors.stream().map(Error::toString).toList(), what + " -> " + body);
  }

  private static JsonNode parse(String s) {
    try {
      return Http.JSON.readTree(s);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + s, e);
    }
  }

  private static String form(JsonNode value) {
    List<String> parts = new ArrayList<>();
    value.fields().forEachRemaining(e -> parts.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
    return String.join("&", parts);
  }

  /** A JSON pointer's escaping of one key. */
  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}

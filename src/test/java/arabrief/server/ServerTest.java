package arabrief.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server against the CLI: the same input gives the same answer, whatever the transport or load. */
class ServerTest {
  private static Server server;
  private static int port;
  private static final List<String> LINES =
      List.of("روسيا", "أوكرانيا واشنطن", "وقال المتحدث باسم وزارة الدفاع إن الاتصال جاء بمبادرة من الجانب الأميركي.");

  @TempDir static Path tmp;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(ServerConfig.defaults());
    port = server.port();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** What `translate --lines` writes for these lines, one output line each. */
  private static List<String> cliLines(List<String> lines) throws Exception {
    Path in = Files.writeString(tmp.resolve("lines.txt"), String.join("\n", lines) + "\n");
    Path out = tmp.resolve("lines.out");
    int code = Main.run("translate", "--lines", "--model", ServerFixture.model().toString(), in.toString(), "-o", out.toString());
    assertEquals(0, code);
    return Files.readAllLines(out, StandardCharsets.UTF_8);
  }

  private static ObjectNode cliJson(String command) throws Exception {
    Path out = tmp.resolve(command + ".json");
    // --stats: the server's documents carry the counts (its timings are in /metrics)
    int code = Main.run(command, "--format", "json", "--stats", "--model", ServerFixture.model().toString(),
        ServerFixture.SEED.toString(), "-o", out.toString());
    assertEquals(0, code);
    return (ObjectNode) Http.JSON.readTree(Files.readString(out));
  }

  private static ObjectNode translateBody(Object q, String source) {
    ObjectNode b = Http.JSON.createObjectNode();
    if (q instanceof List<?> l) {
      ArrayNode a = b.putArray("q");
      l.forEach(x -> a.add((String) x));
    } else {
      b.put("q", (String) q);
    }
    b.put("source", source);
    b.put("target", "en");
    return b;
  }

  @Test
  void libreTranslateShapesAnswerWhatLinesModeWrites() throws Exception {
    List<String> expected = cliLines(LINES);
    // a string q per line, as JSON
    for (int i = 0; i < LINES.size(); i++) {
      Http.Reply r = Http.postJson(port, "/translate", translateBody(LINES.get(i), "ar"));
      assertEquals(200, r.status(), r.body());
      assertEquals(expected.get(i), r.json().get("translatedText").asText());
      assertFalse(r.json().has("detectedLanguage"));
    }
    // an array q
    Http.Reply arr = Http.postJson(port, "/translate", translateBody(LINES, "ar"));
    assertEquals(200, arr.status(), arr.body());
    List<String> got = new ArrayList<>();
    arr.json().get("translatedText").forEach(n -> got.add(n.asText()));
    assertEquals(expected, got);
    // several lines in one q: one output line per input line, as --lines
    Http.Reply multi = Http.postJson(port, "/translate", translateBody(String.join("\n", LINES), "ar"));
    assertEquals(String.join("\n", expected), multi.json().get("translatedText").asText());
    // a form body with source auto
    String form = "q=" + URLEncoder.encode(LINES.get(2), StandardCharsets.UTF_8) + "&source=auto&target=en&format=text";
    Http.Reply f = Http.post(port, "/translate", "application/x-www-form-urlencoded", form);
    assertEquals(200, f.status(), f.body());
    assertEquals(expected.get(2), f.json().get("translatedText").asText());
    assertEquals("ar", f.json().get("detectedLanguage").get("language").asText());
    assertTrue(f.json().get("detectedLanguage").get("confidence").asDouble() > 90);
    // array q with auto: one detection per text
    Http.Reply aa = Http.postJson(port, "/translate", translateBody(LINES, "auto"));
    assertEquals(LINES.size(), aa.json().get("detectedLanguage").size());
  }

  @Test
  void htmlFormatTranslatesTextNodesAndKeepsMarkup() throws Exception {
    List<String> expected = cliLines(LINES.subList(1, 3));
    ObjectNode b = translateBody("<p>" + LINES.get(1) + "</p><p><b>" + LINES.get(2) + "</b></p>", "ar");
    b.put("format", "html");
    Http.Reply r = Http.postJson(port, "/translate", b);
    assertEquals(200, r.status(), r.body());
    String html = r.json().get("translatedText").asText();
    assertTrue(html.contains("<b>"), html);
    assertTrue(html.contains(expected.get(0).replace("&", "&amp;")), html);
  }

  @Test
  void articleEqualsTranslateFormatJson() throws Exception {
    ObjectNode cli = cliJson("translate");
    ObjectNode body = Http.JSON.createObjectNode().put("text", ServerFixture.seed());
    Http.Reply r = Http.postJson(port, "/api/article", body);
    assertEquals(200, r.status(), r.body());
    ObjectNode got = (ObjectNode) r.json();
    assertEquals(withoutTimings(cli), withoutTimings(got));
    assertTrue(got.get("paragraphs").size() > 3);
  }

  @Test
  void briefEqualsBriefFormatJson() throws Exception {
    ObjectNode cli = cliJson("brief");
    Http.Reply r = Http.postJson(port, "/api/brief", Http.JSON.createObjectNode().put("text", ServerFixture.seed()));
    assertEquals(200, r.status(), r.body());
    assertEquals(withoutTimings(cli), withoutTimings((ObjectNode) r.json()));
    assertFalse(r.json().get("summary").isEmpty());
  }

  /** The document less what depends on the clock (the CLI's seconds and rates). */
  private static ObjectNode withoutTimings(ObjectNode doc) {
    ObjectNode d = doc.deepCopy();
    ObjectNode stats = (ObjectNode) d.get("stats");
    stats.remove(List.of("load_seconds", "translate_seconds", "tokens_per_second"));
    return d;
  }

  @Test
  void concurrentClientsGetWhatASequentialRunGives() throws Exception {
    List<String> sentences = new ArrayList<>();
    for (String line : ServerFixture.seed().split("\n")) {
      for (String s : line.split("(?<=[.،:])\\s+")) {
        if (s.strip().length() > 3) {
          sentences.add(s.strip());
        }
      }
    }
    int clients = 32;
    int perClient = 10;
    List<String> work = new ArrayList<>();
    for (int i = 0; i < clients * perClient; i++) {
      work.add(sentences.get(i % sentences.size()));
    }
    List<String> distinct = work.stream().distinct().toList();
    java.util.Map<String, String> sequential = new java.util.HashMap<>();
    for (String s : distinct) {
      sequential.put(s, Http.postJson(port, "/translate", translateBody(s, "ar")).json().get("translatedText").asText());
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        results.add(pool.submit(() -> {
          List<String> mine = new ArrayList<>();
          for (int k = 0; k < perClient; k++) {
            String s = work.get(client * perClient + k);
            Http.Reply r = Http.postJson(port, "/translate", translateBody(s, "ar"));
            assertEquals(200, r.status(), r.body());
            mine.add(r.json().get("translatedText").asText());
          }
          return mine;
        }));
      }
      for (int c = 0; c < clients; c++) {
        List<String> mine = results.get(c).get();
        for (int k = 0; k < perClient; k++) {
          assertEquals(sequential.get(work.get(c * perClient + k)), mine.get(k), "client " + c + " request " + k);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // the batches really were shared: some model call held more than one request's sentence
    String metrics = Http.get(port, "/metrics").body();
    assertTrue(sample(metrics, "arabrief_batch_size_bucket{le=\"1.0\"}") < sample(metrics, "arabrief_batch_size_count"), metrics);
  }

  private static double sample(String metrics, String name) {
    return metrics.lines().filter(l -> l.startsWith(name + " ")).mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1)))
        .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + metrics));
  }

  @Test
  void badRequestsAreClearFourHundreds() {
    Http.Reply bad = Http.post(port, "/translate", "application/json", "{\"q\": ");
    assertEquals(400, bad.status());
    assertTrue(bad.json().get("error").asText().contains("malformed JSON"), bad.body());
    Http.Reply type = Http.post(port, "/api/article", "text/plain", "روسيا");
    assertEquals(400, type.status());
    assertTrue(type.json().get("error").asText().contains("Content-Type"), type.body());
    ObjectNode fr = translateBody("روسيا", "ar").put("target", "fr");
    Http.Reply pair = Http.postJson(port, "/translate", fr);
    assertEquals(400, pair.status());
    assertTrue(pair.json().get("error").asText().contains("ar -> en"), pair.body());
    // a field echoed in the error is quoted on one line and cut, whatever it holds (found by RequestFuzzTest)
    ObjectNode odd = translateBody("روسيا", "ar").put("target", "en\n\u0000\u001b[31m" + "x".repeat(100_000));
    Http.Reply oddPair = Http.postJson(port, "/translate", odd);
    assertEquals(400, oddPair.status());
    String oddError = oddPair.json().get("error").asText();
    assertTrue(oddError.startsWith("'en\\n\\u0000\\u001b[31mxxx"), oddError);
    assertTrue(oddError.length() < 300 && oddError.chars().noneMatch(Character::isISOControl), oddError);
    Http.Reply latin = Http.postJson(port, "/translate", translateBody("hello world", "auto"));
    assertEquals(400, latin.status());
    assertTrue(latin.json().get("error").asText().contains("no Arabic"), latin.body());
    Http.Reply empty = Http.postJson(port, "/api/article", Http.JSON.createObjectNode().put("text", "  "));
    assertEquals(400, empty.status());
    Http.Reply noArabic = Http.postJson(port, "/api/article", Http.JSON.createObjectNode().put("text", "Just English here."));
    assertEquals(400, noArabic.status());
    assertNotNull(noArabic.json().get("error"));
    Http.Reply missing = Http.postJson(port, "/translate", Http.JSON.createObjectNode().put("source", "ar"));
    assertEquals(400, missing.status());
  }

  @Test
  void unknownPathsAndMethodsAreJsonErrorsToo() throws Exception {
    Http.Reply none = Http.get(port, "/nope");
    assertEquals(404, none.status(), none.body());
    assertTrue(none.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"), none.raw().headers().toString());
    assertEquals("no endpoint GET '/nope'; the API is described at GET /openapi.json", none.json().get("error").asText());
    assertEquals(1, none.json().size(), none.body());

    Http.Reply post = Http.post(port, "/health", "application/json", "{}");
    assertEquals(405, post.status(), post.body());
    assertEquals("POST '/health' is not allowed; '/health' takes GET", post.json().get("error").asText());
    assertEquals("GET", post.raw().headers().firstValue("Allow").orElse(null));

    Http.Reply get = Http.get(port, "/api/article");
    assertEquals(405, get.status(), get.body());
    assertEquals("POST", get.raw().headers().firstValue("Allow").orElse(null));
    Http.Reply delete = Http.send(java.net.http.HttpRequest.newBuilder(Http.uri(port, "/translate")).DELETE().build());
    assertEquals(405, delete.status(), delete.body());
    assertTrue(delete.json().get("error").asText().endsWith("takes POST"), delete.body());

    // what Jetty refuses before any route sees it: a URI it cannot decode, headers too large
    String raw = rawGet("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    assertTrue(raw.startsWith("HTTP/1.1 400 "), raw);
    assertTrue(raw.contains("Content-Type: application/json"), raw);
    assertTrue(raw.endsWith("{\"error\":\"Bad Request\"}"), raw);
    Http.Reply big = Http.send(java.net.http.HttpRequest.newBuilder(Http.uri(port, "/health")).header("X-Big", "a".repeat(20_000)).build());
    assertEquals(431, big.status(), big.body());
    assertTrue(big.json().get("error").asText().contains("Header"), big.body());
  }

  /** Sends {@code request} as bytes (the HTTP client will not send a malformed one) and reads the whole answer. */
  private static String rawGet(String request) throws Exception {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void languagesDetectSettingsHealthMetrics() {
    JsonNode langs = Http.get(port, "/languages").json();
    assertEquals("ar", langs.get(0).get("code").asText());
    assertEquals("en", langs.get(0).get("targets").get(0).asText());
    Http.Reply d = Http.post(port, "/detect", "application/x-www-form-urlencoded",
        "q=" + URLEncoder.encode("روسيا", StandardCharsets.UTF_8));
    assertEquals("ar", d.json().get(0).get("language").asText());
    assertEquals(100.0, d.json().get(0).get("confidence").asDouble());
    JsonNode s = Http.get(port, "/frontend/settings").json();
    assertEquals(ServerConfig.defaults().maxChars(), s.get("charLimit").asInt());
    Http.Reply h = Http.get(port, "/health");
    assertEquals(200, h.status());
    assertEquals(4, h.json().get("model").get("num_beams").asInt());
    String m = Http.get(port, "/metrics").body();
    assertTrue(m.contains("arabrief_http_requests_total{endpoint=\"health\",status=\"200\"}"), m);
    assertTrue(m.contains("arabrief_queue_depth"), m);
    assertTrue(m.contains("arabrief_http_request_duration_seconds_bucket"), m);
  }

  @Test
  void pageIsServedFromTheJarWithNothingExternal() {
    Http.Reply page = Http.get(port, "/");
    assertEquals(200, page.status());
    assertTrue(page.body().contains("/page.js"));
    for (String res : List.of("/", "/page.js", "/page.css")) {
      String body = Http.get(port, res).body();
      assertFalse(body.matches("(?s).*(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/.*"), res + " refers to another host");
    }
  }

  @Test
  void streamSendsBriefThenEveryParagraphThenTheDocument() throws Exception {
    Http.Reply r = Http.postJson(port, "/api/stream", Http.JSON.createObjectNode().put("text", ServerFixture.seed()));
    assertEquals(200, r.status(), r.body());
    List<JsonNode> lines = new ArrayList<>();
    for (String l : r.body().split("\n")) {
      lines.add(Http.JSON.readTree(l));
    }
    assertEquals("brief", lines.get(0).get("type").asText());
    JsonNode doc = lines.get(lines.size() - 1);
    assertEquals("document", doc.get("type").asText(), r.body());
    JsonNode paragraphs = doc.get("document").get("paragraphs");
    assertEquals(paragraphs.size() + 2, lines.size());
    for (int i = 0; i < paragraphs.size(); i++) {
      assertEquals(i, lines.get(i + 1).get("index").asInt());
      assertEquals(paragraphs.get(i), lines.get(i + 1).get("paragraph"));
    }
    assertEquals(withoutTimings(cliJson("translate")).get("paragraphs"), paragraphs);
  }
}

package arabrief.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.Translation;
import arabrief.mt.Translator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Limits and lifecycle: overload, size caps, keys, health before the model, graceful shutdown. */
class LimitsTest {
  private static final String Q = "وقال المتحدث باسم وزارة الدفاع";
  /** Two sentences, 101 characters of article text. */
  private static final String ARTICLE = "وقال المتحدث باسم وزارة الدفاع إن الاتصال جاء بمبادرة من الجانب الأميركي. وأضاف أن الطرفين بحثا الوضع.";

  private static ServerConfig config(int maxChars, int queue, Set<String> keys) {
    return config(maxChars, ServerConfig.defaults().maxBodyBytes(), queue, keys);
  }

  private static ServerConfig config(int maxChars, long maxBodyBytes, int queue, Set<String> keys) {
    return new ServerConfig("127.0.0.1", 0, maxChars, maxBodyBytes, queue, ServerConfig.defaults().batchSize(), true, 60, keys);
  }

  private static ObjectNode body(String q) {
    return Http.JSON.createObjectNode().put("q", q).put("source", "ar").put("target", "en");
  }

  /** A server whose model waits on {@code gate} before each batch, so a test decides when work finishes. */
  private static Server gated(ServerConfig cfg, CountDownLatch entered, CountDownLatch gate) {
    Server s = new Server(cfg).start();
    Translator t = ServerFixture.translator();
    s.ready(t, ServerFixture.settings(), (batch, settings, splitter) -> {
      entered.countDown();
      try {
        gate.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (t) {
        return t.withSplitter(splitter).translate(batch, settings, batch.size());
      }
    });
    return s;
  }

  @Test
  void fullQueueIsA503WithRetryAfter() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    try (Server s = gated(config(1000, 1, Set.of()), entered, gate)) {
      CompletableFuture<Http.Reply> first = CompletableFuture.supplyAsync(() -> Http.postJson(s.port(), "/translate", body(Q)));
      assertTrue(entered.await(30, TimeUnit.SECONDS));
      Http.Reply second = Http.postJson(s.port(), "/translate", body(Q));
      assertEquals(503, second.status(), second.body());
      assertTrue(second.raw().headers().firstValue("Retry-After").isPresent());
      assertTrue(second.json().get("error").asText().contains("busy"), second.body());
      gate.countDown();
      assertEquals(200, first.get(60, TimeUnit.SECONDS).status());
    }
  }

  @Test
  void tooLargeIsA413NamingTheLimitAndWhatToDo() {
    try (Server s = ServerFixture.start(config(50, 8, Set.of()))) {
      Http.Reply r = Http.postJson(s.port(), "/translate", body("ر".repeat(51)));
      assertEquals(413, r.status(), r.body());
      assertEquals("q is 51 characters to translate; this server translates at most 50 per request (--max-chars): send it in parts",
          r.json().get("error").asText());
      Http.Reply a = Http.postJson(s.port(), "/api/article", Http.JSON.createObjectNode().put("text", ARTICLE));
      assertEquals(413, a.status(), a.body());
      assertTrue(a.json().get("error").asText().startsWith("the article is 101 characters to translate;"), a.body());
    }
  }

  /** A saved page is mostly markup: the limit counts the text the model would see, not the page (issue 31). */
  @Test
  void aSavedPageIsWithinTheLimitWhenItsArticleIs() throws Exception {
    String page = Files.readString(Path.of("src/test/resources/fixtures/corpus/dev/02-sputnikarabic-egypt-corona.html"));
    assertTrue(page.length() > 5 * ServerConfig.defaults().maxChars(), "a page far over the limit as characters");
    try (Server s = ServerFixture.start(ServerConfig.defaults())) {
      Http.Reply r = Http.postJson(s.port(), "/api/brief", Http.JSON.createObjectNode().put("html", page));
      assertEquals(200, r.status(), r.body());
      assertTrue(r.json().get("headline").get("text").asText().length() > 0, r.body());
      // LibreTranslate's html format: text nodes are translated, tags and attributes are not counted either
      String wrapped = "<div class=\"" + "x".repeat(30_000) + "\"><p>" + Q + "</p></div>";
      Http.Reply t = Http.postJson(s.port(), "/translate", body(wrapped).put("format", "html"));
      assertEquals(200, t.status(), t.body());
    }
    try (Server s = ServerFixture.start(config(1000, 8, Set.of()))) {
      Http.Reply r = Http.postJson(s.port(), "/api/article", Http.JSON.createObjectNode().put("html", page));
      assertEquals(413, r.status(), r.body());
      assertEquals("the article's text (extracted from the page) is 2,058 characters to translate; this server translates"
          + " at most 1,000 per request (--max-chars): send it in parts", r.json().get("error").asText());
    }
  }

  @Test
  void aBodyOverTheUploadLimitIsRefusedBeforeItIsRead() {
    try (Server s = ServerFixture.start(config(1000, 1 << 20, 8, Set.of()))) {
      String expected = "this server takes at most 1 MB (--max-upload-mb): send the article's text rather than the whole page, or split it";
      Http.Reply big = Http.post(s.port(), "/api/article", "application/json", "{\"html\":\"" + "x".repeat(2 << 20) + "\"}");
      assertEquals(413, big.status(), big.body());
      assertEquals("the request body is 2.0 MB; " + expected, big.json().get("error").asText());
      // no Content-Length (chunked): refused as it is read
      byte[] bytes = ("{\"q\":\"" + "x".repeat(2 << 20) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Http.Reply chunked = Http.send(java.net.http.HttpRequest.newBuilder(Http.uri(s.port(), "/translate"))
          .header("Content-Type", "application/json")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
          .build());
      assertEquals(413, chunked.status(), chunked.body());
      assertEquals("the request body is over the limit; " + expected, chunked.json().get("error").asText());
    }
  }

  @Test
  void keysWhenConfigured() {
    try (Server s = ServerFixture.start(config(1000, 8, Set.of("s3cret")))) {
      Http.Reply none = Http.postJson(s.port(), "/translate", body(Q));
      assertEquals(403, none.status(), none.body());
      Http.Reply wrong = Http.postJson(s.port(), "/translate", body(Q).put("api_key", "nope"));
      assertEquals(403, wrong.status());
      assertEquals("invalid API key", wrong.json().get("error").asText());
      Http.Reply right = Http.postJson(s.port(), "/translate", body(Q).put("api_key", "s3cret"));
      assertEquals(200, right.status(), right.body());
      Http.Reply article = Http.postJson(s.port(), "/api/article", Http.JSON.createObjectNode().put("text", Q));
      assertEquals(403, article.status());
      assertTrue(Http.get(s.port(), "/frontend/settings").json().get("keyRequired").asBoolean());
    }
  }

  @Test
  void healthIs503UntilTheModelIsLoaded() {
    try (Server s = new Server(config(1000, 8, Set.of())).start()) {
      assertEquals(503, Http.get(s.port(), "/health").status());
      Http.Reply t = Http.postJson(s.port(), "/translate", body(Q));
      assertEquals(503, t.status());
      assertTrue(t.json().get("error").asText().contains("loading"));
      s.ready(ServerFixture.translator(), ServerFixture.settings());
      assertEquals(200, Http.get(s.port(), "/health").status());
    }
  }

  @Test
  void shutdownLetsTheRequestInFlightFinishAndRefusesNewOnes() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    Server s = gated(config(1000, 8, Set.of()), entered, gate);
    int port = s.port();
    CompletableFuture<Http.Reply> inFlight = CompletableFuture.supplyAsync(() -> Http.postJson(port, "/translate", body(Q)));
    assertTrue(entered.await(30, TimeUnit.SECONDS));
    Thread stopper = new Thread(() -> s.shutdown(60));
    stopper.start();
    // while draining, a new request is refused
    Http.Reply late = null;
    for (int i = 0; i < 100 && late == null; i++) {
      Http.Reply r = Http.postJson(port, "/translate", body(Q));
      if (r.status() == 503) {
        late = r;
      }
      Thread.sleep(10);
    }
    assertEquals(503, late.status());
    assertTrue(late.json().get("error").asText().contains("shutting down"));
    gate.countDown();
    Http.Reply done = inFlight.get(60, TimeUnit.SECONDS);
    assertEquals(200, done.status(), done.body());
    assertTrue(!done.json().get("translatedText").asText().isEmpty());
    stopper.join(60_000);
  }

  @Test
  void aShortRequestIsNotStarvedByALongOne() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    java.util.List<List<String>> batches = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    Scheduler sch = new Scheduler((batch, settings, splitter) -> {
      batches.add(List.copyOf(batch));
      entered.countDown();
      try {
        gate.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return batch.stream().map(x -> new Translation(x, x.toUpperCase(), 0, 1, 1)).toList();
    }, 4, 8, true, new Metrics());
    try {
      List<String> longJob = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "long" + i).toList();
      CompletableFuture<List<Translation>> big = sch.submit(longJob, ServerFixture.settings(), Translator.NO_SPLIT);
      assertTrue(entered.await(30, TimeUnit.SECONDS)); // the first batch (long0..3) is in the model
      CompletableFuture<List<Translation>> small = sch.submit(List.of("a", "b"), ServerFixture.settings(), Translator.NO_SPLIT);
      gate.countDown();
      assertEquals(List.of("A", "B"), small.get(30, TimeUnit.SECONDS).stream().map(Translation::text).toList());
      big.get(30, TimeUnit.SECONDS);
      // the short request rode in the second model call, beside the long one
      assertTrue(batches.get(1).containsAll(List.of("a", "b")), batches.toString());
      assertEquals(4, batches.get(1).size());
      assertEquals(longJob, big.get().stream().map(Translation::source).toList());
    } finally {
      sch.close();
    }
  }

  @Test
  void aSentencesTranslationDoesNotDependOnItsBatchCompanions() {
    Translator t = ServerFixture.translator();
    List<String> mixed = List.of("روسيا", "وقال المتحدث باسم وزارة الدفاع إن الاتصال جاء بمبادرة من الجانب الأميركي.",
        "أوكرانيا واشنطن", "الجمعة");
    synchronized (t) {
      List<Translation> together = t.withSplitter(Translator.NO_SPLIT).translate(mixed, ServerFixture.settings(), mixed.size());
      for (int i = 0; i < mixed.size(); i++) {
        Translation alone = t.translate(List.of(mixed.get(i)), ServerFixture.settings(), 1).get(0);
        assertEquals(alone.text(), together.get(i).text());
        assertEquals(alone.score(), together.get(i).score(), 1e-4);
      }
    }
  }
}

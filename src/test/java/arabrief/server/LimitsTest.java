package arabrief.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.Translation;
import arabrief.mt.Translator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Limits and lifecycle: overload, size caps, keys, health before the model, graceful shutdown. */
class LimitsTest {
  private static final String Q = "وقال المتحدث باسم وزارة الدفاع";

  private static ServerConfig config(int maxChars, int queue, Set<String> keys) {
    ServerConfig d = ServerConfig.defaults();
    return new ServerConfig("127.0.0.1", 0, maxChars, d.maxBodyBytes(), queue, d.batchSize(), true, 60, keys);
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
  void tooLargeIsA413NamingTheLimit() {
    try (Server s = ServerFixture.start(config(50, 8, Set.of()))) {
      Http.Reply r = Http.postJson(s.port(), "/translate", body("ر".repeat(51)));
      assertEquals(413, r.status(), r.body());
      assertTrue(r.json().get("error").asText().contains("50"), r.body());
      Http.Reply a = Http.postJson(s.port(), "/api/article", Http.JSON.createObjectNode().put("text", "ر".repeat(51)));
      assertEquals(413, a.status());
      // a body past the byte cap is refused before it is read
      Http.Reply big = Http.post(s.port(), "/translate", "application/json", "{\"q\":\"" + "x".repeat(2 << 20) + "\"}");
      assertEquals(413, big.status(), big.body());
      assertTrue(big.json().get("error").asText().contains("limit"), big.body());
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

package arabrief.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.Translator;
import org.junit.jupiter.api.Test;

/** A JVM error while serving one request fails that request (500, one-line JSON) and nothing else (issue 20). */
class JvmErrorTest {
  private static final String MARK = "روسيا";

  @Test
  void outOfMemoryFailsOneRequestAndTheServerStaysHealthy() {
    Translator t = ServerFixture.translator();
    try (Server s = new Server(ServerConfig.defaults().withPort(0)).start()) {
      // the engine runs out of memory on one input: what a pathological request would do to a real one
      s.ready(t, ServerFixture.settings(), (batch, settings, splitter) -> {
        if (batch.stream().anyMatch(x -> x.contains(MARK))) {
          throw new OutOfMemoryError("Java heap space");
        }
        synchronized (t) {
          return t.withSplitter(splitter).translate(batch, settings, batch.size());
        }
      });
      Http.Reply bad = Http.post(s.port(), "/translate", "application/json", "{\"q\": \"" + MARK + "\", \"source\": \"ar\", \"target\": \"en\"}");
      assertEquals(500, bad.status(), bad.body());
      String error = bad.json().get("error").asText();
      assertTrue(error.startsWith("out of memory on this input (OutOfMemoryError: Java heap space)"), error);
      assertFalse(error.contains("\n"));
      assertEquals(200, Http.get(s.port(), "/health").status());
      Http.Reply good = Http.post(s.port(), "/translate", "application/json", "{\"q\": \"أوكرانيا\", \"source\": \"ar\", \"target\": \"en\"}");
      assertEquals(200, good.status(), good.body());
    }
  }
}

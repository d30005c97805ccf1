package arabrief.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.mt.Translation;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzz test of the server's request parsing (issue 20): any body, under any of the content types a client may
 * send, to each endpoint that reads one, gets a JSON answer; a refusal is a 4xx or 503 with a one-line
 * {"error": ...}, never a 500, and /health stays ok. The engine behind the scheduler echoes (the model is not
 * what is fuzzed here). Seeds: {@code src/test/resources/arabrief/server/RequestFuzzTestInputs/}.
 */
class RequestFuzzTest {
  private static final String[] PATHS = {"/translate", "/detect", "/api/brief", "/api/article", "/api/stream"};
  private static final String[] TYPES = {
    "application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/json; charset=utf-8"
  };
  private static Server server;
  /**
   * Jazzer's SSRF detector would report the test's own connections in fuzzing mode. The only connection is to
   * this test's server on loopback, whose port is not from the input, so that one destination is allowed. The
   * policy is set again before every input (Jazzer resets it when fuzzing starts) and is not restored after the
   * request: restoring it let a connection the HTTP client opened asynchronously, after a slow request had
   * timed out, land outside it (a false finding). It is restored when the server stops.
   */
  private static AutoCloseable allowed;

  private static synchronized void allowOwnServer(int p) {
    AutoCloseable c = BugDetectors.allowNetworkConnections(
        (host, q) -> q == p && (host.equals("localhost") || host.equals("127.0.0.1")));
    if (allowed == null) {
      allowed = c; // the first one restores, at the end, the policy from before the test; the others are dropped
    }
  }

  private static synchronized int port() {
    if (server == null) {
      server = new Server(ServerConfig.defaults().withPort(0)).start();
      server.ready(ServerFixture.translator(), ServerFixture.settings(), (batch, s, splitter) -> {
        List<Translation> out = new ArrayList<>();
        for (String b : batch) {
          out.add(new Translation(b, "echo " + b.length(), 0, 1, 1));
        }
        return out;
      });
    }
    return server.port();
  }

  @AfterAll
  static void stop() throws Exception {
    if (allowed != null) {
      try {
        allowed.close();
      } catch (IllegalStateException e) {
        // a later allowance (set before each input) is the current policy: Jazzer refuses to restore over it
      }
      allowed = null;
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /**
   * One POST, sent again once if the pooled connection it went out on was closed before any reply byte came
   * (Java's client reuses a keep-alive connection that the server may close at the same moment; a POST is not
   * retried by the client itself). A server that really answers an input with a closed connection fails the
   * second attempt too. Found fuzzing: 1 in ~200,000 requests at 600 a second.
   */
  private static Http.Reply postOnce(int port, String path, String type, String body) {
    try {
      return Http.post(port, path, type, body);
    } catch (java.io.UncheckedIOException e) {
      if (String.valueOf(e.getCause().getMessage()).contains("received no bytes")) {
        return Http.post(port, path, type, body);
      }
      throw e;
    }
  }

  @FuzzTest(maxDuration = "10m")
  void request(FuzzedDataProvider data) throws Exception {
    String path = data.pickValue(PATHS);
    String type = data.pickValue(TYPES);
    String body = data.consumeRemainingAsString();
    int port = port();
    allowOwnServer(port);
    Http.Reply r = postOnce(port, path, type, body);
    assertNotEquals(500, r.status(), () -> path + " answered 500: " + r.body());
    if (path.equals("/api/stream") && r.status() == 200) {
      for (String line : r.body().split("\n")) {
        JsonNode n = Http.JSON.readTree(line);
        assertTrue(n.isObject(), line);
      }
    } else {
      JsonNode n = Http.JSON.readTree(r.body());
      assertTrue(n.isObject() || n.isArray(), r.body());
      if (r.status() != 200) {
        assertTrue(n.path("error").isTextual(), r.body());
        assertFalse(n.path("error").asText().contains("\n"), () -> path + " " + type + ": a multi-line error: " + r.body());
      }
    }
    assertEquals(200, Http.get(port, "/health").status());
  }
}

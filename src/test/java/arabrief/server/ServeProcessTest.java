package arabrief.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `arabrief serve` as its own process: SIGTERM while a request is in flight, and the request still completes. */
class ServeProcessTest {
  @TempDir Path home;

  @Test
  void sigtermLetsTheRequestInFlightComplete() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "arabrief.cli.Main", "serve", "--port", "0",
        "--model", ServerFixture.model().toString(), "--offline");
    pb.environment().put("ARABRIEF_HOME", home.toString());
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    try {
      BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      String line;
      Integer port = null;
      Pattern ready = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)/");
      while (port == null && (line = err.readLine()) != null) {
        Matcher m = ready.matcher(line);
        if (m.find()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      assertNotNull(port, "the server never said it was ready");
      int bound = port;
      CompletableFuture<Http.Reply> inFlight = CompletableFuture.supplyAsync(() ->
          Http.postJson(bound, "/api/article", Http.JSON.createObjectNode().put("text", ServerFixture.seed())));
      // wait until the request is accepted (queued or in the model), then SIGTERM
      for (int i = 0; i < 500 && !inFlight.isDone(); i++) {
        if (Http.get(bound, "/metrics").body().contains("arabrief_queue_depth 1.0")) {
          break;
        }
        Thread.sleep(5);
      }
      p.destroy(); // SIGTERM
      Http.Reply r = inFlight.get(120, TimeUnit.SECONDS);
      assertEquals(200, r.status(), r.body());
      assertTrue(r.json().get("paragraphs").size() > 0);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server did not stop after SIGTERM");
      assertTrue(List.of(0, 143).contains(p.exitValue()), "exit " + p.exitValue());
    } finally {
      p.destroyForcibly();
    }
  }
}

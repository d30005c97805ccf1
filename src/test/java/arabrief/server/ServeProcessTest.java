package arabrief.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.cli.CliProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `arabrief serve` as its own process: SIGTERM while a request is in flight, and the request still completes;
 * Ctrl-C stops it the same way. The exit code is the shell's for a signal: 143 for SIGTERM, 130 for SIGINT.
 */
class ServeProcessTest {
  private static final Pattern READY = Pattern.compile("serving .* on http://127\\.0\\.0\\.1:(\\d+)/");

  @TempDir Path tmp;

  /** The port of a server started by {@code cli}, once it says it is ready. */
  private static int port(CliProcess cli, Process p) throws Exception {
    for (int i = 0; i < 1200 && p.isAlive(); i++) {
      Matcher m = READY.matcher(cli.stderr());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the server never said it was ready: " + cli.stderr());
  }

  private Process serve(CliProcess cli) throws Exception {
    return cli.start("serve", "--port", "0", "--model", ServerFixture.model().toString(), "--offline");
  }

  @Test
  void sigtermLetsTheRequestInFlightCompleteAndExits143() throws Exception {
    CliProcess cli = new CliProcess(tmp);
    Process p = serve(cli);
    try {
      int bound = port(cli, p);
      // the limits a user gets without options
      JsonNode settings = Http.get(bound, "/health").json().get("settings");
      assertEquals(20_000, settings.get("max_chars").asInt());
      assertEquals(32L << 20, settings.get("max_body_bytes").asLong());
      CompletableFuture<Http.Reply> inFlight = CompletableFuture.supplyAsync(() ->
          Http.postJson(bound, "/api/article", Http.JSON.createObjectNode().put("text", ServerFixture.seed())));
      // wait until the request is accepted (queued or in the model), then SIGTERM
      for (int i = 0; i < 500 && !inFlight.isDone(); i++) {
        if (Http.get(bound, "/metrics").body().contains("arabrief_queue_depth 1.0")) {
          break;
        }
        Thread.sleep(5);
      }
      CliProcess.signal(p, "TERM");
      Http.Reply r = inFlight.get(120, TimeUnit.SECONDS);
      assertEquals(200, r.status(), r.body());
      assertTrue(r.json().get("paragraphs").size() > 0);
      CliProcess.Result done = cli.finish(p);
      assertEquals(143, done.code(), done.err());
      assertTrue(done.err().endsWith("arabrief: stopped\n"), done.err());
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void ctrlCStopsItGracefullyAndExits130() throws Exception {
    CliProcess cli = new CliProcess(tmp);
    Process p = serve(cli);
    try {
      int bound = port(cli, p);
      assertEquals(200, Http.get(bound, "/health").status());
      CliProcess.signal(p, "INT");
      CliProcess.Result done = cli.finish(p);
      assertEquals(130, done.code(), done.err());
      assertTrue(done.err().contains("arabrief: stopping; the requests in flight get up to 120 s to finish\narabrief: stopped\n"),
          done.err());
    } finally {
      p.destroyForcibly();
    }
  }
}

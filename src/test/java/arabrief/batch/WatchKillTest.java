package arabrief.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.fetch.TestSite;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * A real {@code arabrief watch} process over two feeds that grow while it runs, killed with SIGKILL twice at random
 * moments and started again, then stopped with SIGTERM: every item is briefed exactly once, and its WARC file holds
 * every page it briefed.
 */
class WatchKillTest {
  static final int PER_FEED = 6;
  @TempDir Path tmp;

  @Test
  void killedTwiceEveryItemIsBriefedExactlyOnce() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<String> pages = WatchTest.articlePages(50, 2 * PER_FEED);
    Map<String, List<String[]>> feeds = Map.of("a", new CopyOnWriteArrayList<>(), "b", new CopyOnWriteArrayList<>());
    ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
    Path out = tmp.resolve("watch");
    Path warc = tmp.resolve("watch.warc.gz");
    try (TestSite site = TestSite.start()) {
      for (String f : List.of("a", "b")) {
        for (int i = 0; i < PER_FEED; i++) {
          site.page("/" + f + "/" + i + ".html", "text/html; charset=utf-8", pages.get((f.equals("a") ? 0 : PER_FEED) + i));
        }
        site.handle("/" + f + ".xml", ex -> TestSite.send(ex, 200, "application/rss+xml",
            WatchTest.rss(feeds.get(f)).getBytes(StandardCharsets.UTF_8)));
      }
      Set<String> all = new HashSet<>();
      for (int i = 0; i < PER_FEED; i++) {
        all.add(site.url("/a/" + i + ".html"));
        all.add(site.url("/b/" + i + ".html"));
      }
      // two items now, then one more in each feed every 700 ms
      publish(feeds, 0);
      int[] next = {1};
      publisher.scheduleAtFixedRate(() -> {
        if (next[0] < PER_FEED) {
          publish(feeds, next[0]++);
        }
      }, 700, 700, TimeUnit.MILLISECONDS);

      List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), "arabrief.cli.Main",
          "watch", site.url("/a.xml"), site.url("/b.xml"), "--out", out.toString(), "--every", "300ms",
          "--delay", "0.02", "--fetch-timeout", "10", "--warc", warc.toString(),
          "--model", Corpus.model().toString(), "--beams", "1", "--max-new-tokens", "8");
      String why = "seed " + seed + "; see " + tmp.resolve("child-*.log");
      int[] before = {0};
      for (int run = 0; run < 2; run++) {
        Process child = start(cmd, run);
        // kill -9 at a random moment after it has briefed something new
        waitFor(() -> lines(out) > before[0], child, why);
        Thread.sleep(random.nextInt(900));
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        before[0] = lines(out);
      }
      Process last = start(cmd, 2);
      waitFor(() -> briefedUrls(out).size() >= all.size(), last, why);
      last.destroy(); // SIGTERM
      assertTrue(last.waitFor(60, TimeUnit.SECONDS), "stopped on SIGTERM");
      assertEquals(143, last.exitValue(), "the JVM's exit status on SIGTERM");
      String log = Files.readString(tmp.resolve("child-2.log"));
      assertFalse(log.contains("Exception") || log.contains("\tat "), "no stack trace: " + log);

      List<String> briefed = briefedUrls(out);
      Map<String, Integer> counts = new TreeMap<>();
      briefed.forEach(u -> counts.merge(u, 1, Integer::sum));
      assertEquals(all, counts.keySet(), why);
      counts.forEach((u, n) -> assertEquals(1, n, u + " briefed " + n + " times; " + why));

      Set<String> archived = new HashSet<>();
      try (WarcReader r = new WarcReader(warc)) {
        for (WarcRecord rec : r) {
          if (rec instanceof WarcResponse resp && resp.http().status() == 200) {
            archived.add(resp.target());
          }
        }
      }
      assertTrue(archived.containsAll(all), "the WARC holds every page briefed: " + archived);
    } finally {
      publisher.shutdownNow();
    }
  }

  private static void publish(Map<String, List<String[]>> feeds, int i) {
    feeds.get("a").add(new String[] {"/a/" + i + ".html", "a-" + i});
    feeds.get("b").add(new String[] {"/b/" + i + ".html", "b-" + i});
  }

  private Process start(List<String> cmd, int run) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("child-" + run + ".log").toFile());
    pb.environment().put("ARABRIEF_HOME", tmp.resolve("home").toString());
    return pb.start();
  }

  interface Check {
    boolean ok() throws IOException;
  }

  private static void waitFor(Check check, Process child, String why) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
    while (!check.ok()) {
      assertTrue(child.isAlive(), "the watch ended early; " + why);
      assertTrue(System.nanoTime() < deadline, "timed out; " + why);
      Thread.sleep(50);
    }
  }

  /** Complete lines in the day files so far. */
  private static int lines(Path out) throws IOException {
    return briefedUrls(out).size();
  }

  private static List<String> briefedUrls(Path out) throws IOException {
    List<String> urls = new ArrayList<>();
    if (!Files.isDirectory(out)) {
      return urls;
    }
    try (var s = Files.list(out)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n'); // a line being written is not counted yet
        for (String l : text.substring(0, end + 1).split("\n")) {
          if (!l.isBlank()) {
            JsonNode n = WatchTest.JSON_READER.readTree(l);
            urls.add(n.get("url").asText());
          }
        }
      }
    }
    return urls;
  }
}

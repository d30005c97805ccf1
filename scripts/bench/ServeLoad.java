// Load generator for `arabrief serve` on loopback: requests/s, sentences/s and p50/p99 latency at 1, 4 and 16
// concurrent clients, each sending one-sentence LibreTranslate requests (POST /translate). Bounded: every
// client sends at most --requests requests and stops after --seconds, whichever comes first.
// Run: java scripts/bench/ServeLoad.java --port 5077 --label on [--requests 40] [--seconds 60] [--clients 1,4,16]
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

public class ServeLoad {
  public static void main(String[] args) throws Exception {
    int port = 5077;
    String label = "";
    int requests = 40;
    int seconds = 60;
    String clients = "1,4,16";
    Path seed = Path.of("seeds/000_576a10afaf96e38e.txt");
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--label" -> label = args[i + 1];
        case "--requests" -> requests = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--clients" -> clients = args[i + 1];
        case "--seed" -> seed = Path.of(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    // sentences of the seed article, each one request
    List<String> sentences = new ArrayList<>();
    for (String line : Files.readString(seed).split("\n")) {
      for (String s : line.split("(?<=[.،:؟!])\\s+")) {
        if (s.strip().length() > 3) {
          sentences.add(s.strip());
        }
      }
    }
    URI uri = URI.create("http://127.0.0.1:" + port + "/translate"); // loopback only
    HttpClient http = HttpClient.newHttpClient();
    // warm-up: a few requests so the first measured one does not pay for JIT and native start
    for (int i = 0; i < 3; i++) {
      send(http, uri, sentences.get(i));
    }
    System.out.println("| batching | clients | requests | req/s | sentences/s | p50 ms | p99 ms |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (String c : clients.split(",")) {
      int n = Integer.parseInt(c.strip());
      run(http, uri, sentences, n, requests, seconds, label);
    }
  }

  static void run(HttpClient http, URI uri, List<String> sentences, int clients, int requests, int seconds, String label)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long t0 = System.nanoTime();
    List<Future<?>> fs = new ArrayList<>();
    for (int k = 0; k < clients; k++) {
      int client = k;
      fs.add(pool.submit(() -> {
        for (int r = 0; r < requests && System.nanoTime() < deadline; r++) {
          String s = sentences.get((client * requests + r) % sentences.size());
          long a = System.nanoTime();
          int status = send(http, uri, s);
          if (status != 200) {
            throw new IllegalStateException("HTTP " + status);
          }
          latencies.add(System.nanoTime() - a);
        }
        return null;
      }));
    }
    for (Future<?> f : fs) {
      f.get();
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    int count = sorted.size();
    System.out.printf("| %s | %d | %d | %.2f | %.2f | %.0f | %.0f |%n", label, clients, count, count / wall, count / wall,
        sorted.get(count / 2) / 1e6, sorted.get(Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)) / 1e6);
  }

  static int send(HttpClient http, URI uri, String q) {
    String body = "{\"q\":" + quote(q) + ",\"source\":\"ar\",\"target\":\"en\"}";
    try {
      HttpResponse<String> r = http.send(
          HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString());
      return r.statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20) {
        b.append(String.format("\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.append('"').toString();
  }
}

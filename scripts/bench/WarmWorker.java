import arabrief.mt.Translation;
import arabrief.mt.Translator;
import arabrief.mt.model.ComputeType;
import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * arabrief's side of bench_warm.py: loads a model once in one --compute-type, then answers one JSON command per
 * stdin line ({"lines": [...], "beams": N, "batch_size": N, "max_new_tokens": N}) with one JSON line: the
 * translate seconds, generated tokens, texts and the process's peak RSS so far (VmHWM). The first line it writes
 * reports the load: seconds and peak RSS after it. A model is loaded once for every mode and rep, as a server or
 * a batch run holds it (a 2.5 GB model takes minutes to load on a busy machine).
 *
 * <p>java -cp "target/classes:target/lib/*" scripts/bench/WarmWorker.java MODEL COMPUTE_TYPE [SOURCE_LANG]
 */
public class WarmWorker {
  public static void main(String[] a) throws Exception {
    ObjectMapper json = new ObjectMapper();
    long t0 = System.nanoTime();
    String home = System.getenv().getOrDefault("ARABRIEF_HOME", System.getProperty("user.home") + "/.arabrief");
    try (Translator t = Translator.load(Path.of(a[0]), ComputeType.parse(a[1]), Path.of(home))) {
      if (a.length > 2) {
        t.withSourceLanguage(a[2]);
      }
      ObjectNode hello = json.createObjectNode().put("ready", true).put("load_seconds", (System.nanoTime() - t0) / 1e9)
          .put("load_peak_rss_mb", peakRssMb()).put("plan", String.valueOf(t.computePlan()));
      System.out.println(json.writeValueAsString(hello));
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        JsonNode cmd = json.readTree(line);
        if (cmd.path("quit").asBoolean()) {
          break;
        }
        List<String> lines = new ArrayList<>();
        cmd.get("lines").forEach(n -> lines.add(n.asText()));
        GenerationSettings s = t.defaults().withNumBeams(cmd.get("beams").asInt())
            .withMaxNewTokens(cmd.get("max_new_tokens").asInt());
        long t1 = System.nanoTime();
        List<Translation> out = t.translate(lines, s, cmd.get("batch_size").asInt());
        double seconds = (System.nanoTime() - t1) / 1e9;
        ObjectNode r = json.createObjectNode().put("generate_seconds", seconds)
            .put("generated_tokens", out.stream().mapToInt(Translation::generatedTokens).sum())
            .put("peak_rss_mb", peakRssMb());
        out.forEach(x -> r.withArray("texts").add(x.text()));
        System.out.println(json.writeValueAsString(r));
      }
    }
  }

  /** VmHWM of /proc/self/status, in MB. */
  static double peakRssMb() throws Exception {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmHWM:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return -1;
  }
}

import arabrief.mt.Translation;
import arabrief.mt.Translator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * How often a vocabulary shortlist changes the output: translates the fixture models' reference inputs and
 * the seed article's lines with the whole vocabulary and with shortlists of several sizes (the model's own
 * generation settings) and prints the share of identical translations.
 *
 * <p>java -cp "target/classes:target/lib/*" scripts/bench/ShortlistAgreement.java [MODEL_DIR SIZE...]
 */
public class ShortlistAgreement {
  public static void main(String[] a) throws Exception {
    Path fixtures = Path.of("src/test/resources/fixtures");
    List<String> models = a.length > 0 ? List.of(a[0]) : List.of("tiny-opus", "tiny-gelu", "tiny-bin");
    for (String name : models) {
      Path dir = a.length > 0 ? Path.of(name) : fixtures.resolve("models").resolve(name);
      LinkedHashSet<String> inputs = new LinkedHashSet<>();
      Path ref = fixtures.resolve("reference").resolve(dir.getFileName() + ".json");
      if (Files.exists(ref)) {
        for (JsonNode g : new ObjectMapper().readTree(ref.toFile()).path("generation")) {
          g.path("cases").forEach(c -> inputs.add(c.get("text").asText()));
        }
      }
      Files.readAllLines(Path.of("seeds/000_576a10afaf96e38e.txt")).stream()
          .filter(l -> !l.isBlank()).forEach(inputs::add);
      List<String> lines = new ArrayList<>(inputs);
      try (Translator t = Translator.load(dir)) {
        long t0 = System.nanoTime();
        List<Translation> full = t.translate(lines);
        double fullSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s: %d inputs, whole vocabulary %.2fs%n", dir.getFileName(), lines.size(), fullSeconds);
        List<Integer> sizes = new ArrayList<>();
        if (a.length > 1) {
          for (int i = 1; i < a.length; i++) {
            sizes.add(Integer.parseInt(a[i]));
          }
        } else {
          int v = t.tokenizer().targetIdsByFrequency().length;
          sizes.addAll(List.of(v / 4, v / 2, 3 * v / 4, v));
        }
        for (int size : sizes) {
          t.withShortlist(size);
          long t1 = System.nanoTime();
          List<Translation> shortl = t.translate(lines);
          double seconds = (System.nanoTime() - t1) / 1e9;
          int same = 0;
          for (int i = 0; i < lines.size(); i++) {
            same += full.get(i).text().equals(shortl.get(i).text()) ? 1 : 0;
          }
          System.out.printf("  shortlist %6d: identical %d/%d (%.0f%%), %.2fs%n", t.shortlist(), same, lines.size(),
              100.0 * same / lines.size(), seconds);
        }
      }
    }
  }
}

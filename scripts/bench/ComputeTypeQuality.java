import arabrief.mt.Translation;
import arabrief.mt.Translator;
import arabrief.mt.model.ComputeType;
import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Quality of the fast compute types against the exact one, on every trained fixture and conformance model:
 * each model translates the distinct source texts of its reference file (the texts transformers' outputs were
 * recorded for) greedy and with beam 4, in float32 and in each other compute type. Prints, per compute type and
 * model, the share of texts identical to float32's and the chrF of the rest against float32's texts.
 *
 * <p>java -cp "target/classes:target/lib/*" scripts/bench/ComputeTypeQuality.java src/test/resources/fixtures [HOME [TYPES]]
 *
 * <p>HOME holds auto's calibration cache (a fresh temporary directory by default); TYPES is a comma list
 * (default int8,bfloat16,auto).
 *
 * <p>The models are small and trained for a minute (see scripts/make_fixtures.py, make_conformance.py); real
 * opus-mt weights were not available here, so this is not a BLEU figure for a real model.
 */
public class ComputeTypeQuality {
  public static void main(String[] a) throws Exception {
    Path root = Path.of(a[0]);
    Path home = a.length > 1 && !a[1].isEmpty() ? Path.of(a[1]) : Files.createTempDirectory("arabrief-cal");
    List<Path> models = new ArrayList<>();
    try (Stream<Path> s = Files.list(root.resolve("models"))) {
      s.filter(Files::isDirectory).sorted().forEach(models::add);
    }
    try (Stream<Path> s = Files.list(root.resolve("conformance"))) {
      s.filter(Files::isDirectory).sorted().forEach(models::add);
    }
    ComputeType[] fast = java.util.Arrays.stream((a.length > 2 ? a[2] : "int8,bfloat16,auto").split(","))
        .map(ComputeType::parse).toArray(ComputeType[]::new);
    Map<ComputeType, int[]> totals = new HashMap<>();
    Map<ComputeType, List<String[]>> allDiffering = new HashMap<>();
    for (ComputeType c : fast) {
      totals.put(c, new int[2]);
      allDiffering.put(c, new ArrayList<>());
    }
    System.out.printf("%-32s %-9s %6s %10s %8s%n", "model", "type", "texts", "identical", "chrF");
    for (Path dir : models) {
      List<String> texts = texts(dir, root);
      if (texts.isEmpty()) {
        continue;
      }
      List<String> exact = translateAll(dir, ComputeType.FLOAT32, home, texts);
      for (ComputeType c : fast) {
        List<String> got = translateAll(dir, c, home, texts);
        if (c == ComputeType.AUTO) {
          try (Translator t = Translator.load(dir, c, home)) {
            System.out.println("  auto plan for " + dir.getFileName() + ": " + t.computePlan());
          }
        }
        int same = 0;
        List<String[]> differing = new ArrayList<>();
        for (int i = 0; i < exact.size(); i++) {
          if (exact.get(i).equals(got.get(i))) {
            same++;
          } else {
            differing.add(new String[] {got.get(i), exact.get(i)});
          }
        }
        totals.get(c)[0] += same;
        totals.get(c)[1] += exact.size();
        allDiffering.get(c).addAll(differing);
        System.out.printf("%-32s %-9s %6d %9.1f%% %8s%n", dir.getFileName(), c, exact.size(), 100.0 * same / exact.size(),
            differing.isEmpty() ? "-" : String.format("%.1f", chrF(differing)));
      }
    }
    for (ComputeType c : fast) {
      int[] t = totals.get(c);
      System.out.printf("ALL %-9s texts %d identical %.1f%% chrF of the rest %.1f%n", c, t[1], 100.0 * t[0] / t[1],
          allDiffering.get(c).isEmpty() ? 100.0 : chrF(allDiffering.get(c)));
    }
  }

  /** Greedy and beam-4 translations of {@code texts}, one list (greedy first). */
  static List<String> translateAll(Path dir, ComputeType c, Path home, List<String> texts) throws Exception {
    try (Translator t = Translator.load(dir, c, home)) {
      List<String> out = new ArrayList<>();
      for (int beams : new int[] {1, 4}) {
        GenerationSettings s = t.defaults().withNumBeams(beams).withMaxNewTokens(64);
        for (Translation tr : t.translate(texts, s, 16)) {
          out.add(tr.text());
        }
      }
      return out;
    }
  }

  /** The distinct non-blank source texts of a model's reference file. */
  static List<String> texts(Path dir, Path root) throws Exception {
    Path ref = dir.getParent().getFileName().toString().equals("models")
        ? root.resolve("reference").resolve(dir.getFileName() + ".json")
        : dir.resolveSibling(dir.getFileName() + ".json");
    if (!Files.isRegularFile(ref)) {
      return List.of();
    }
    JsonNode j = new ObjectMapper().readTree(ref.toFile());
    LinkedHashSet<String> texts = new LinkedHashSet<>();
    for (JsonNode g : j.path("generation")) {
      for (JsonNode c : g.path("cases")) {
        String text = c.path("text").asText("");
        if (!text.isBlank()) {
          texts.add(text);
        }
      }
    }
    return new ArrayList<>(texts);
  }

  /**
   * Corpus chrF (chrF2: character n-grams 1..6, beta 2, whitespace removed, statistics summed over the
   * sentences, the F-score averaged over n), as sacrebleu's CHRF with its defaults; pairs are {hyp, ref}.
   * Hand-written because the benchmark side has no sacrebleu installed.
   */
  static double chrF(List<String[]> pairs) {
    int order = 6;
    double[] match = new double[order];
    double[] hypCount = new double[order];
    double[] refCount = new double[order];
    for (String[] p : pairs) {
      String h = p[0].replaceAll("\\s+", "");
      String r = p[1].replaceAll("\\s+", "");
      for (int n = 1; n <= order; n++) {
        Map<String, Integer> hc = grams(h, n);
        Map<String, Integer> rc = grams(r, n);
        for (var e : hc.entrySet()) {
          match[n - 1] += Math.min(e.getValue(), rc.getOrDefault(e.getKey(), 0));
          hypCount[n - 1] += e.getValue();
        }
        for (int v : rc.values()) {
          refCount[n - 1] += v;
        }
      }
    }
    double beta2 = 4;
    double sum = 0;
    for (int n = 0; n < order; n++) {
      double prec = hypCount[n] > 0 ? match[n] / hypCount[n] : 0;
      double rec = refCount[n] > 0 ? match[n] / refCount[n] : 0;
      double f = prec + rec > 0 ? (1 + beta2) * prec * rec / (beta2 * prec + rec) : 0;
      sum += f;
    }
    return 100 * sum / order;
  }

  private static Map<String, Integer> grams(String s, int n) {
    Map<String, Integer> m = new HashMap<>();
    int[] cps = s.codePoints().toArray();
    for (int i = 0; i + n <= cps.length; i++) {
      m.merge(new String(cps, i, n), 1, Integer::sum);
    }
    return m;
  }
}

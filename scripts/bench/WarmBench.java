import arabrief.mt.Translation;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * arabrief's side of the warm benchmark: one JVM, the model loaded once, a one-line warm-up, then the
 * lines translated twice; prints tokens/s of each round. Pair with warm_hf.py, run alternately.
 *
 * <p>java -cp "target/classes:target/lib/*" scripts/bench/WarmBench.java MODEL LINES BEAMS BATCH
 */
public class WarmBench {
  public static void main(String[] a) throws Exception {
    try (Translator t = Translator.load(Path.of(a[0]))) {
      List<String> lines = Files.readAllLines(Path.of(a[1])).stream().filter(l -> !l.isBlank()).toList();
      GenerationSettings s = t.defaults().withNumBeams(Integer.parseInt(a[2])).withMaxNewTokens(48);
      int batch = Integer.parseInt(a[3]);
      t.translate(lines.subList(0, 1), s, batch);
      for (int round = 0; round < 2; round++) {
        long t0 = System.nanoTime();
        List<Translation> out = t.translate(lines, s, batch);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int tokens = out.stream().mapToInt(Translation::generatedTokens).sum();
        System.out.printf("arabrief beams=%s batch=%d tokens=%d %.2fs %.1f tok/s%n", a[2], batch, tokens, seconds, tokens / seconds);
      }
    }
  }
}

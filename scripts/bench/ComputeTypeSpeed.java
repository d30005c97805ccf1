import arabrief.mt.Translation;
import arabrief.mt.Translator;
import arabrief.mt.model.ComputeType;
import arabrief.mt.search.GenerationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Warm speed of each compute type in one JVM, side by side: every type's model loaded once, a one-line warm-up,
 * then rounds in which the types take turns (the order rotating), so that a noisy machine slows them alike.
 * Prints tokens/s per round and the median ratio to float32. For a quick look; bench.py is the benchmark.
 *
 * <p>java -cp "target/classes:target/lib/*" scripts/bench/ComputeTypeSpeed.java MODEL LINES BEAMS BATCH ROUNDS [TYPES]
 *
 * <p>A type named with the suffix {@code /djl} (e.g. {@code float32/djl}) is loaded with the fused decoder step
 * off ({@code -Darabrief.fused=false} at its load): the DJL path, to time the fused step side by side. The
 * first type is the reference of the ratios. {@code /mkl} or {@code /onednn} forces the exact mode's float32
 * kernel (-Darabrief.float32.kernel) instead of its calibration; suffixes combine ({@code float32/djl/mkl}).
 */
public class ComputeTypeSpeed {
  public static void main(String[] a) throws Exception {
    List<String> lines = Files.readAllLines(Path.of(a[1])).stream().filter(l -> !l.isBlank()).toList();
    int beams = Integer.parseInt(a[2]);
    int batch = Integer.parseInt(a[3]);
    int rounds = Integer.parseInt(a[4]);
    String[] names = (a.length > 5 ? a[5] : "float32,int8,bfloat16,auto").split(",");
    List<Translator> ts = new ArrayList<>();
    for (String n : names) {
      long t0 = System.nanoTime();
      System.setProperty("arabrief.fused", Boolean.toString(!n.contains("/djl")));
      System.setProperty("arabrief.float32.kernel", n.contains("/mkl") ? "mkl" : n.contains("/onednn") ? "onednn" : "");
      Translator t = Translator.load(Path.of(a[0]), ComputeType.parse(n.split("/")[0]),
          Path.of(System.getProperty("user.home"), ".arabrief"));
      System.out.printf("%s load %.2fs plan %s%n", n, (System.nanoTime() - t0) / 1e9, t.computePlan());
      ts.add(t);
    }
    GenerationSettings s = ts.get(0).defaults().withNumBeams(beams).withMaxNewTokens(48);
    for (Translator t : ts) {
      t.translate(lines.subList(0, 1), s, batch);
    }
    double[][] tps = new double[names.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < names.length; k++) {
        int i = (k + r) % names.length;
        long t0 = System.nanoTime();
        List<Translation> out = ts.get(i).translate(lines, s, batch);
        double seconds = (System.nanoTime() - t0) / 1e9;
        tps[i][r] = out.stream().mapToInt(Translation::generatedTokens).sum() / seconds;
      }
    }
    for (int i = 0; i < names.length; i++) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = tps[i][r] / tps[0][r];
      }
      java.util.Arrays.sort(ratio);
      double[] sorted = tps[i].clone();
      java.util.Arrays.sort(sorted);
      System.out.printf("%-13s beams=%d batch=%d median %.1f tok/s, x%.2f vs %s%n", names[i], beams, batch,
          sorted[rounds / 2], ratio[rounds / 2], names[0]);
    }
    ts.forEach(Translator::close);
  }
}

package arabrief.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Small articles for batch tests, recombined from the seed article's sentences: short headlines and a
 * few body paragraphs of shortened sentences, so the tiny model is quick and sentences repeat across
 * documents as wire copy does. Plus broken documents of every kind the reader refuses.
 */
public final class Corpus {
  public static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String[]> WORDS = seedSentences();

  /** Failure names and how they are made, in the order the report lists them (sorted paths). */
  static final Map<String, byte[]> BROKEN = broken();

  private Corpus() {}

  public static Path model() {
    try {
      return Path.of(Corpus.class.getResource("/fixtures/models/tiny-opus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The words of every sentence of the seed article (body sentences split at full stops). */
  private static List<String[]> seedSentences() {
    try {
      Path seed = Path.of("seeds/000_576a10afaf96e38e.txt");
      List<String[]> out = new ArrayList<>();
      for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
        for (String s : line.split("\\.\\s+")) {
          String[] w = s.strip().replace(".", "").split("\\s+");
          if (w.length >= 6) {
            out.add(w);
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sentence of 3 to 8 words starting at the beginning of a seed sentence; {@code r} decides which. */
  static String sentence(Random r) {
    String[] w = WORDS.get(r.nextInt(WORDS.size()));
    int n = Math.min(w.length, 3 + r.nextInt(6));
    return String.join(" ", java.util.Arrays.copyOf(w, n)) + ".";
  }

  /** Article number {@code i} of a corpus: a headline and two or three short paragraphs. */
  public static String article(long seed, int i) {
    Random r = new Random(seed * 100_003 + i);
    StringBuilder sb = new StringBuilder();
    sb.append(sentence(r).replace(".", "")).append("\n\n");
    int paragraphs = 2 + r.nextInt(2);
    for (int p = 0; p < paragraphs; p++) {
      int sentences = 1 + r.nextInt(2);
      for (int s = 0; s < sentences; s++) {
        sb.append(s > 0 ? " " : "").append(sentence(r));
      }
      sb.append("\n\n");
    }
    return sb.toString();
  }

  /**
   * Writes {@code count} good articles under {@code dir} (every third in a subdirectory, every seventh
   * in windows-1256, every eleventh as .html) and the {@link #BROKEN} ones; returns the good files'
   * relative paths mapped to their expected output paths for {@code extension}.
   */
  static Map<String, String> write(Path dir, long seed, int count, String extension) throws IOException {
    Map<String, String> good = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      String sub = i % 3 == 0 ? "wire/" + (i % 2 == 0 ? "even/" : "") : "";
      String ext = i % 11 == 0 ? ".html" : ".txt";
      String rel = sub + String.format("a%03d", i) + ext;
      String text = article(seed, i);
      byte[] bytes = ext.equals(".html")
          ? ("<html><head><meta charset=\"utf-8\"></head><body><article><h1>" + text.lines().findFirst().orElseThrow()
                  + "</h1>" + paragraphsHtml(text) + "</article></body></html>").getBytes(StandardCharsets.UTF_8)
          : text.getBytes(i % 7 == 0 ? WINDOWS_1256 : StandardCharsets.UTF_8);
      Path f = dir.resolve(rel);
      Files.createDirectories(f.getParent());
      Files.write(f, bytes);
      good.put(rel, rel.substring(0, rel.lastIndexOf('.')) + ".en." + extension);
    }
    for (Map.Entry<String, byte[]> b : BROKEN.entrySet()) {
      Path f = dir.resolve(b.getKey());
      Files.createDirectories(f.getParent());
      Files.write(f, b.getValue());
    }
    Files.writeString(dir.resolve("notes.md"), "not an article: ignored by the default filter\n");
    return good;
  }

  private static String paragraphsHtml(String text) {
    StringBuilder sb = new StringBuilder();
    text.lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> sb.append("<p>").append(l).append("</p>"));
    return sb.toString();
  }

  private static Map<String, byte[]> broken() {
    Map<String, byte[]> m = new TreeMap<>();
    byte[] binary = new byte[2048];
    new Random(7).nextBytes(binary);
    m.put("broken/binary.txt", binary);
    m.put("broken/empty.txt", new byte[0]);
    m.put("broken/english.txt", "Only English here.\n\nNot a word of Arabic in this file.\n".getBytes(StandardCharsets.UTF_8));
    m.put("wire/blank.txt", "\n   \n\t\n".getBytes(StandardCharsets.UTF_8));
    return m;
  }

  /** A JSONL archive of {@code count} articles with ids, plus lines that fail. */
  static List<String> jsonl(long seed, int count) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ObjectNode o = JSON.createObjectNode();
      o.put("id", "doc-" + seed + "-" + i);
      o.put("text", article(seed, i));
      lines.add(o.toString());
      if (i == 3) {
        lines.add("");
        lines.add(JSON.createObjectNode().put("id", "english").put("text", "No Arabic here.").toString());
      }
      if (i == 5) {
        lines.add("{not json");
      }
    }
    return lines;
  }

  /** Every file under {@code dir} except the batch's report and database, by relative path. */
  static Map<String, byte[]> tree(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!rel.equals("_report.json") && !rel.startsWith("_memory")) {
          out.put(rel, Files.readAllBytes(p));
        }
      }
    }
    return out;
  }
}

package arabrief.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * Scores the article step against structure read by hand: one {@code fixtures/structure/*.properties}
 * per page (headline, date, caption, byline, first and last body paragraph, furniture strings that
 * must not reach the body). Run by {@code scripts/eval_structure.sh}; {@code StructureTest} asserts the
 * same expectations in the suite, so the table and the tests cannot disagree.
 */
public final class StructureEval {

  static final List<String> PAGES = List.of(
      "bbc-arabic", "lbci", "seed", "youm7_style", "aljazeera_style", "lebanese_style", "reuters_wire",
      "photo_caption_style", "news_page", "aggregator_wrapper", "levant_portal");

  /** One page's expected structure. */
  record Expected(String name, String input, Properties p) {
    String get(String key) {
      String v = p.getProperty(key);
      return v == null || v.isBlank() ? null : v.strip();
    }

    List<String> furniture() {
      String f = get("furniture");
      return f == null ? List.of() : List.of(f.split("\\s*\\|\\|\\s*"));
    }
  }

  /** One page's result, one column per measure. */
  record Score(String name, boolean headline, boolean date, boolean caption, boolean byline,
      boolean first, boolean last, int furnitureParagraphs, int furnitureKept, String why) {}

  private StructureEval() {}

  static Expected expected(String name) {
    Properties p = new Properties();
    try (InputStream in = StructureEval.class.getResourceAsStream("/fixtures/structure/" + name + ".properties")) {
      if (in == null) {
        throw new IllegalArgumentException("no expectations for " + name);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Expected(name, p.getProperty("input"), p);
  }

  static byte[] bytes(Expected e) {
    try {
      if (e.input().startsWith("fixtures/")) {
        try (InputStream in = StructureEval.class.getResourceAsStream("/" + e.input())) {
          return Objects.requireNonNull(in, e.input()).readAllBytes();
        }
      }
      return Files.readAllBytes(Path.of(e.input()));
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  static String norm(String s) {
    return s == null ? null : Normalizer.normalize(s).replaceAll("\\s+", " ").strip();
  }

  static Score score(Expected e, Article a) {
    List<String> why = new ArrayList<>();
    boolean headline = Objects.equals(norm(e.get("headline")), norm(a.headline()));
    if (!headline) why.add("headline=" + a.headline());
    String date = a.dateline() == null ? null
        : a.dateline().gregorian() != null ? a.dateline().gregorian().toString() : a.dateline().hijri();
    boolean dateOk = Objects.equals(e.get("date"), date);
    if (!dateOk) why.add("date=" + date);
    boolean caption = Objects.equals(norm(e.get("caption")), norm(a.caption()));
    if (!caption) why.add("caption=" + a.caption());
    Byline b = a.byline();
    boolean byline = Objects.equals(e.get("byline.source"), b == null ? null : b.source())
        && Objects.equals(e.get("byline.place"), b == null ? null : b.place())
        && Objects.equals(e.get("byline.author"), b == null ? null : b.author());
    if (!byline) why.add("byline=" + b);
    List<String> body = a.paragraphs().stream().map(p -> norm(p.source())).toList();
    String firstWant = norm(e.get("first"));
    String lastWant = norm(e.get("last"));
    boolean first = !body.isEmpty() && body.get(0).startsWith(firstWant);
    boolean last = !body.isEmpty() && body.get(body.size() - 1).startsWith(lastWant);
    if (!first) why.add("first=" + (body.isEmpty() ? null : cut(body.get(0))));
    if (!last) why.add("last=" + (body.isEmpty() ? null : cut(body.get(body.size() - 1))));
    int firstAt = indexOfPrefix(body, firstWant);
    int lastAt = indexOfPrefix(body, lastWant);
    int furnitureParagraphs = 0;
    int kept = 0;
    List<String> furniture = e.furniture().stream().map(StructureEval::norm).toList();
    for (int i = 0; i < body.size(); i++) {
      String p = body.get(i);
      boolean outside = (firstAt >= 0 && i < firstAt) || (lastAt >= 0 && i > lastAt);
      boolean listed = furniture.stream().anyMatch(f -> p.startsWith(f) || f.startsWith(p));
      if (outside || listed) {
        furnitureParagraphs++;
        why.add("furniture paragraph: " + cut(p));
      }
    }
    for (String f : furniture) {
      if (body.stream().anyMatch(p -> keeps(p, f)) || keeps(norm(a.headline()), f) || keeps(norm(a.caption()), f)) {
        kept++;
        why.add("kept: " + cut(f));
      }
    }
    return new Score(e.name(), headline, dateOk, caption, byline, first, last, furnitureParagraphs, kept,
        String.join("; ", why));
  }

  /** A furniture line kept whole, or a longer furniture string (a wrapper, a credit) kept inside a paragraph. */
  private static boolean keeps(String text, String f) {
    return text != null && (text.startsWith(f) || (ArabicPatterns.wordCount(f) >= 3 && text.contains(f)));
  }

  private static int indexOfPrefix(List<String> body, String prefix) {
    for (int i = 0; i < body.size(); i++) {
      if (body.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  static Score run(String name) {
    Expected e = expected(name);
    try {
      return score(e, new ArticleReader().read(bytes(e), name));
    } catch (BadInputException ex) {
      return new Score(name, false, false, false, false, false, false, 0, 0, ex.getMessage());
    }
  }

  public static void main(String[] args) {
    boolean verbose = List.of(args).contains("-v");
    List<Score> scores = PAGES.stream().map(StructureEval::run).toList();
    System.out.println("| page | headline | date | caption | byline | first ¶ | last ¶ | furniture ¶ in body | furniture kept |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (Score s : scores) {
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d | %d |%n", s.name(), mark(s.headline()),
          mark(s.date()), mark(s.caption()), mark(s.byline()), mark(s.first()), mark(s.last()),
          s.furnitureParagraphs(), s.furnitureKept());
    }
    System.out.printf(Locale.ROOT, "| **total (%d)** | %d | %d | %d | %d | %d | %d | %d | %d |%n", scores.size(),
        count(scores, Score::headline), count(scores, Score::date), count(scores, Score::caption),
        count(scores, Score::byline), count(scores, Score::first), count(scores, Score::last),
        scores.stream().mapToInt(Score::furnitureParagraphs).sum(), scores.stream().mapToInt(Score::furnitureKept).sum());
    if (verbose) {
      scores.stream().filter(s -> !s.why().isEmpty()).forEach(s -> System.out.println(s.name() + ": " + s.why()));
    }
  }

  private static String mark(boolean ok) {
    return ok ? "✓" : "✗";
  }

  private static long count(List<Score> scores, java.util.function.Predicate<Score> ok) {
    return scores.stream().filter(ok).count();
  }
}

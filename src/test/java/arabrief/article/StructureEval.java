package arabrief.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Scores the article step against structure read by hand: the real pages of {@code fixtures/corpus}
 * (the two of ../shared/corpus with a {@code fixtures/structure/*.properties} each, the six of
 * ../shared/corpus/dev with their {@code truth.json}), the seed and the composed layout fixtures.
 * Checks per page: headline, date, caption (when checked), byline, first and last body paragraph,
 * and no furniture in the body.
 *
 * <p>Two figures for the real pages: in-sample (the shipped {@link LineModel}, fitted on every real
 * page) and <b>leave-one-site-out</b> (each page read with a model fitted on the other sites' pages only
 * — the figure that says how the method does on a site it has never seen). Run by
 * {@code scripts/eval_structure.sh}; {@code StructureTest} asserts the same expectations.
 */
public final class StructureEval {

  /** Pages with a {@code fixtures/structure/<name>.properties}. */
  static final List<String> PROPERTY_PAGES = List.of(
      "bbc-arabic", "lbci", "seed", "youm7_style", "aljazeera_style", "lebanese_style", "reuters_wire",
      "photo_caption_style", "news_page", "aggregator_wrapper", "levant_portal");
  /** Real pages as sites served them (or a reader copied them): the evidence. Everything else is a unit test. */
  static final String TRUTH = "/fixtures/corpus/dev/truth.json";

  static final List<String> PAGES = allPages();

  /**
   * One page's expected structure. {@code caption} null: not checked, "": the page has none. With
   * {@code bylineExact} the byline's source/place/author must equal it; else {@code bylineContains}
   * must occur in the byline (null: the page prints none).
   */
  record Expected(String name, String site, boolean real, String input, String headline, String date,
      String caption, Map<String, String> bylineExact, String bylineContains, List<String> first,
      List<String> last, List<String> furniture) {}

  /** One page's result, one column per measure. */
  record Score(String name, boolean headline, boolean date, boolean caption, boolean captionChecked,
      boolean byline, boolean first, boolean last, int furnitureParagraphs, int furnitureKept, String why) {
    int checks() {
      return 6 + (captionChecked ? 1 : 0);
    }

    boolean clean() {
      return furnitureParagraphs == 0 && furnitureKept == 0;
    }

    int passed() {
      return (headline ? 1 : 0) + (date ? 1 : 0) + (captionChecked && caption ? 1 : 0) + (byline ? 1 : 0)
          + (first ? 1 : 0) + (last ? 1 : 0) + (clean() ? 1 : 0);
    }
  }

  private StructureEval() {}

  private static List<String> allPages() {
    List<String> out = new ArrayList<>(PROPERTY_PAGES);
    truthPages().keySet().forEach(out::add);
    return List.copyOf(out);
  }

  private static Map<String, Expected> truthCache;

  static synchronized Map<String, Expected> truthPages() {
    if (truthCache != null) {
      return truthCache;
    }
    Map<String, Expected> out = new LinkedHashMap<>();
    try (InputStream in = StructureEval.class.getResourceAsStream(TRUTH)) {
      JsonNode root = new ObjectMapper().readTree(Objects.requireNonNull(in, TRUTH));
      for (JsonNode n : root) {
        String file = n.path("file").asText();
        String name = file.replaceFirst("\\.[a-z]+$", "");
        out.put(name, new Expected(name, name, true, "fixtures/corpus/dev/" + file, text(n, "headline"), text(n, "date"),
            n.path("caption").isNull() ? null : n.path("caption").asText(), null, text(n, "byline"),
            list(n.path("first")), list(n.path("last")), list(n.path("furniture"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    truthCache = out;
    return out;
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.path(key);
    return v.isNull() || v.isMissingNode() ? null : v.asText();
  }

  private static List<String> list(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }

  static Expected expected(String name) {
    Expected t = truthPages().get(name);
    if (t != null) {
      return t;
    }
    Properties p = new Properties();
    try (InputStream in = StructureEval.class.getResourceAsStream("/fixtures/structure/" + name + ".properties")) {
      if (in == null) {
        throw new IllegalArgumentException("no expectations for " + name);
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Function<String, String> get = k -> {
      String v = p.getProperty(k);
      return v == null || v.isBlank() ? null : v.strip();
    };
    Map<String, String> exact = new LinkedHashMap<>();
    for (String k : List.of("byline.source", "byline.place", "byline.author")) {
      exact.put(k, get.apply(k));
    }
    String f = get.apply("furniture");
    String input = p.getProperty("input");
    boolean real = input.startsWith("fixtures/corpus/");
    String caption = get.apply("caption");
    return new Expected(name, name, real, input, get.apply("headline"), get.apply("date"), caption == null ? "" : caption,
        exact, null, List.of(get.apply("first")), List.of(get.apply("last")),
        f == null ? List.of() : List.of(f.split("\\s*\\|\\|\\s*")));
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

  /** A caption's trailing photo credit «(رويترز)» is part of it as printed; the truth may leave it out. */
  private static boolean captionMatches(String want, String got) {
    if (want.isEmpty()) {
      return got == null || got.isBlank();
    }
    if (got == null) {
      return false;
    }
    String w = norm(want);
    String g = norm(got);
    return g.equals(w) || g.startsWith(w) && g.substring(w.length()).strip().matches("\\([^()]{1,30}\\)");
  }

  private static boolean bylineMatches(Expected e, Byline b) {
    if (e.bylineExact() != null) {
      return Objects.equals(e.bylineExact().get("byline.source"), b == null ? null : b.source())
          && Objects.equals(e.bylineExact().get("byline.place"), b == null ? null : b.place())
          && Objects.equals(e.bylineExact().get("byline.author"), b == null ? null : b.author());
    }
    if (e.bylineContains() == null) {
      return b == null || b.isEmpty();
    }
    if (b == null) {
      return false;
    }
    String want = norm(e.bylineContains());
    return java.util.stream.Stream.of(b.author(), b.source(), b.printed())
        .anyMatch(s -> s != null && norm(s).contains(want));
  }

  static Score score(Expected e, Article a) {
    List<String> why = new ArrayList<>();
    boolean headline = Objects.equals(norm(e.headline()), norm(a.headline()));
    if (!headline) why.add("headline=" + a.headline());
    String date = a.dateline() == null ? null
        : a.dateline().gregorian() != null ? a.dateline().gregorian().toString() : a.dateline().hijri();
    boolean dateOk = Objects.equals(e.date(), date);
    if (!dateOk) why.add("date=" + date + (a.dateline() == null ? "" : " from «" + a.dateline().source() + "»"));
    boolean captionChecked = e.caption() != null;
    boolean caption = !captionChecked || captionMatches(e.caption(), a.caption());
    if (!caption) why.add("caption=" + a.caption());
    Byline b = a.byline();
    boolean byline = bylineMatches(e, b);
    if (!byline) why.add("byline=" + b);
    List<String> body = a.paragraphs().stream().map(p -> norm(p.source())).toList();
    List<String> firstWant = e.first().stream().map(StructureEval::norm).toList();
    List<String> lastWant = e.last().stream().map(StructureEval::norm).toList();
    Predicate<String> isFirst = p -> firstWant.stream().anyMatch(p::startsWith);
    Predicate<String> isLast = p -> lastWant.stream().anyMatch(p::startsWith);
    boolean first = !body.isEmpty() && isFirst.test(body.get(0));
    boolean last = !body.isEmpty() && isLast.test(body.get(body.size() - 1));
    if (!first) why.add("first=" + (body.isEmpty() ? null : cut(body.get(0))));
    if (!last) why.add("last=" + (body.isEmpty() ? null : cut(body.get(body.size() - 1))));
    int firstAt = indexOf(body, isFirst);
    int lastAt = indexOf(body, isLast);
    int furnitureParagraphs = 0;
    int kept = 0;
    List<String> furniture = e.furniture().stream().map(StructureEval::norm).toList();
    for (int i = 0; i < body.size(); i++) {
      String p = body.get(i);
      // Neither end of the article found: what was kept is some other text of the page.
      boolean outside = (firstAt >= 0 && i < firstAt) || (lastAt >= 0 && i > lastAt) || (firstAt < 0 && lastAt < 0);
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
    return new Score(e.name(), headline, dateOk, caption, captionChecked, byline, first, last, furnitureParagraphs,
        kept, String.join("; ", why));
  }

  /** A furniture line kept whole, or a longer furniture string (a wrapper, a credit) kept inside a paragraph. */
  private static boolean keeps(String text, String f) {
    return text != null && (text.startsWith(f) || (ArabicPatterns.wordCount(f) >= 3 && text.contains(f)));
  }

  private static int indexOf(List<String> body, Predicate<String> want) {
    for (int i = 0; i < body.size(); i++) {
      if (want.test(body.get(i))) {
        return i;
      }
    }
    return -1;
  }

  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  /** The real HTML pages as a reader would paste them whole (select all, copy): the text-copy path on real furniture. */
  static List<String> pastedPages() {
    return PAGES.stream().filter(n -> expected(n).real() && expected(n).input().endsWith(".html")).toList();
  }

  static Score runPasted(String name, LineModel model) {
    Expected e = expected(name);
    String text = PastedCopy.of(TextDecoder.decodeBytes(bytes(e)));
    try {
      Article pasted = new ArticleReader(model).read(text.getBytes(StandardCharsets.UTF_8), name + " (pasted)");
      Score sc = score(e, pasted);
      // The truth lists only some furniture; the HTML reading of the same page (checked above) has the
      // article's paragraphs, so any other paragraph of the pasted copy is furniture sent to the model.
      List<String> article = new ArticleReader(model).read(bytes(e), name).paragraphs().stream()
          .map(p -> norm(p.source())).toList();
      int extra = 0;
      List<String> why = new ArrayList<>();
      for (Paragraph p : pasted.paragraphs()) {
        String t = norm(p.source());
        String head = t.substring(0, Math.min(40, t.length()));
        if (article.stream().noneMatch(a -> a.contains(head) || t.contains(a.substring(0, Math.min(40, a.length()))))) {
          extra++;
          why.add("not in the article: " + cut(t));
        }
      }
      String all = sc.why() + (why.isEmpty() ? "" : (sc.why().isEmpty() ? "" : "; ") + String.join("; ", why));
      return new Score(sc.name(), sc.headline(), sc.date(), sc.caption(), sc.captionChecked(), sc.byline(), sc.first(),
          sc.last(), Math.max(sc.furnitureParagraphs(), extra), sc.furnitureKept(), all);
    } catch (BadInputException ex) {
      return new Score(name, false, false, false, e.caption() != null, false, false, false, 0, 0, ex.getMessage());
    }
  }

  /** The line model fitted on every real page except those of {@code site}. */
  static LineModel fitWithout(String site) {
    List<LineModel.Example> training = new ArrayList<>();
    PAGES.stream().map(StructureEval::expected).filter(e -> e.real() && !e.site().equals(site))
        .forEach(e -> training.addAll(TrainingData.examples(e)));
    return LineModel.fit(training);
  }

  /** Reads a page with the shipped model. */
  static Score run(String name) {
    return run(name, LineModel.shipped());
  }

  static Score run(String name, LineModel model) {
    Expected e = expected(name);
    try {
      return score(e, new ArticleReader(model).read(bytes(e), name));
    } catch (BadInputException ex) {
      return new Score(name, false, false, false, e.caption() != null, false, false, false, 0, 0, ex.getMessage());
    }
  }

  /** The real pages, each read with a model fitted on the other sites' real pages only. */
  static List<Score> leaveOneSiteOut() {
    List<Expected> real = PAGES.stream().map(StructureEval::expected).filter(Expected::real).toList();
    List<Score> out = new ArrayList<>();
    for (Expected held : real) {
      out.add(run(held.name(), fitWithout(held.site())));
    }
    return out;
  }

  /** The model shipped in the jar is this fit on every real page (a test keeps them equal). */
  static LineModel fitOnAllRealPages() {
    List<LineModel.Example> training = new ArrayList<>();
    PAGES.stream().map(StructureEval::expected).filter(Expected::real).forEach(e -> training.addAll(TrainingData.examples(e)));
    return LineModel.fit(training);
  }

  public static void main(String[] args) throws IOException {
    boolean verbose = List.of(args).contains("-v");
    int write = List.of(args).indexOf("--write-model");
    if (write >= 0) {
      Files.writeString(Path.of(args[write + 1]), fitOnAllRealPages().serialize());
      return;
    }
    List<Score> scores = PAGES.stream().map(StructureEval::run).toList();
    List<Score> heldOut = leaveOneSiteOut();
    List<Score> realIn = scores.stream().filter(s -> expected(s.name()).real()).toList();
    List<Score> other = scores.stream().filter(s -> !expected(s.name()).real()).toList();
    System.out.println("Real pages, leave-one-site-out (each page read with a model fitted without its site):");
    table(heldOut);
    System.out.println();
    System.out.println("Real pages, in-sample (the shipped model, fitted on all of them):");
    table(realIn);
    System.out.println();
    List<Score> pasted = pastedPages().stream().map(n -> runPasted(n, LineModel.shipped())).toList();
    List<Score> pastedHeldOut = pastedPages().stream().map(n -> runPasted(n, fitWithout(expected(n).site()))).toList();
    System.out.println("Real HTML pages pasted whole as text (select all, copy), leave-one-site-out:");
    table(pastedHeldOut);
    System.out.println();
    System.out.println("Real HTML pages pasted whole as text, in-sample:");
    table(pasted);
    System.out.println();
    System.out.println("Seed and composed layout fixtures (unit tests, not evidence):");
    table(other);
    System.out.println();
    System.out.printf(Locale.ROOT, "Checks passed — real pages, leave-one-site-out: %s; in-sample: %s%n", ratio(heldOut), ratio(realIn));
    System.out.printf(Locale.ROOT, "Checks passed — real pages pasted whole, leave-one-site-out: %s; in-sample: %s%n",
        ratio(pastedHeldOut), ratio(pasted));
    System.out.printf(Locale.ROOT, "Checks passed — seed and composed fixtures: %s%n", ratio(other));
    System.out.printf(Locale.ROOT, "Furniture paragraphs sent to the model from a pasted page (held-out): at most %d%n",
        pastedHeldOut.stream().mapToInt(Score::furnitureParagraphs).max().orElse(0));
    if (verbose) {
      System.out.println();
      heldOut.stream().filter(s -> !s.why().isEmpty()).forEach(s -> System.out.println("held-out " + s.name() + ": " + s.why()));
      scores.stream().filter(s -> !s.why().isEmpty()).forEach(s -> System.out.println("in-sample " + s.name() + ": " + s.why()));
      pastedHeldOut.stream().filter(s -> !s.why().isEmpty()).forEach(s -> System.out.println("pasted held-out " + s.name() + ": " + s.why()));
    }
  }

  private static String ratio(List<Score> scores) {
    int passed = scores.stream().mapToInt(Score::passed).sum();
    int checks = scores.stream().mapToInt(Score::checks).sum();
    return String.format(Locale.ROOT, "%d/%d (%.0f%%)", passed, checks, checks == 0 ? 0.0 : 100.0 * passed / checks);
  }

  private static void table(List<Score> scores) {
    System.out.println("| page | headline | date | caption | byline | first ¶ | last ¶ | furniture ¶ in body | furniture kept | checks |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (Score s : scores) {
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d | %d | %d/%d |%n", s.name(), mark(s.headline()),
          mark(s.date()), s.captionChecked() ? mark(s.caption()) : "–", mark(s.byline()), mark(s.first()), mark(s.last()),
          s.furnitureParagraphs(), s.furnitureKept(), s.passed(), s.checks());
    }
    System.out.printf(Locale.ROOT, "| **total (%d)** | %d | %d | %d/%d | %d | %d | %d | %d | %d | %s |%n", scores.size(),
        count(scores, Score::headline), count(scores, Score::date),
        scores.stream().filter(s -> s.captionChecked() && s.caption()).count(),
        scores.stream().filter(Score::captionChecked).count(),
        count(scores, Score::byline), count(scores, Score::first), count(scores, Score::last),
        scores.stream().mapToInt(Score::furnitureParagraphs).sum(), scores.stream().mapToInt(Score::furnitureKept).sum(),
        ratio(scores));
  }

  private static String mark(boolean ok) {
    return ok ? "✓" : "✗";
  }

  private static long count(List<Score> scores, Predicate<Score> ok) {
    return scores.stream().filter(ok).count();
  }
}

package arabrief.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
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
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Metamorphic checks of the article step: the same article re-encoded (CRLF, no-break spaces, tatweel,
 * zero-width marks), with its headline printed twice (also as a page title «TITLE - SITE»), with other pages'
 * furniture lines put above it, between its headline and its body and after it, under a listing or a ticker of
 * other stories' titles or a section trail, or with a caption echoing its headline, must be read as the clean
 * article is — the same
 * headline, date, byline and body paragraphs. They need no truth, so they run over every BBC Arabic
 * article of {@code ../shared/summ-ar} (headline and body) and every real page of the corpus.
 *
 * <p>The furniture put around an article is what the hand-read truth lists as furniture on the dev pages
 * and on the build half of the pasted pages ({@link CopiesEval#half}); the validation half is not used.
 */
public final class Metamorphic {

  /** One clean article: a name and its text. */
  record Clean(String name, String text) {}

  /** The parts compared between the clean and the transformed reading. */
  record Reading(String headline, String date, String byline, List<String> paragraphs) {
    static Reading of(Article a) {
      Byline b = a.byline();
      return new Reading(StructureEval.norm(a.headline()),
          a.dateline() == null ? null : String.valueOf(a.dateline().gregorian()),
          b == null ? null : StructureEval.norm(b.author()) + "|" + StructureEval.norm(b.source()),
          a.paragraphs().stream().map(p -> StructureEval.norm(p.source())).toList());
    }

    /** What differs from {@code other}, or "" when nothing does. */
    String diff(Reading other) {
      List<String> out = new ArrayList<>();
      if (!Objects.equals(headline, other.headline)) {
        out.add("headline «" + headline + "» → «" + other.headline + "»");
      }
      if (!Objects.equals(date, other.date)) {
        out.add("date " + date + " → " + other.date);
      }
      if (!Objects.equals(byline, other.byline)) {
        out.add("byline " + byline + " → " + other.byline);
      }
      if (!paragraphs.equals(other.paragraphs)) {
        int i = 0;
        while (i < Math.min(paragraphs.size(), other.paragraphs.size()) && paragraphs.get(i).equals(other.paragraphs.get(i))) {
          i++;
        }
        out.add("paragraph " + i + " of " + paragraphs.size() + "→" + other.paragraphs.size() + ": «"
            + cut(i < paragraphs.size() ? paragraphs.get(i) : null) + "» → «" + cut(i < other.paragraphs.size() ? other.paragraphs.get(i) : null) + "»");
      }
      return String.join("; ", out);
    }
  }

  private Metamorphic() {}

  /** Test inputs, not rules: labels of a ticker box, section names, site names and image placeholders as pages print them. */
  private static final List<String> TICKER_LABELS = List.of("عاجل", "الأكثر قراءة", "آخر الأخبار", "أهم الأخبار",
      "شريط الأخبار", "الأكثر مشاهدة", "أخبار متعلقة");
  private static final List<String> SECTIONS = List.of("سياسة", "أخبار عربية", "العالم", "اقتصاد", "شؤون دولية",
      "رياضة", "الشرق الأوسط", "أخبار العالم العربي", "تقارير وتحقيقات", "الشرق الأوسط وشمال أفريقيا", "محليات");
  private static final List<String> SITES = List.of("بوابة الأخبار", "النهار العربي", "موقع الخبر اليوم",
      "الوطن نيوز", "Arab News Today", "صحيفة المساء الإلكترونية", "أخبار البلد");
  private static final List<String> PLACEHOLDERS = List.of("صورة", "صورة أرشيفية", "صورة توضيحية", "الصورة", "image",
      "صورة من الحدث");

  /** The transformations, by name: each takes the clean text and a seeded random source. */
  static final Map<String, BiFunction<String, Random, String>> TRANSFORMS = new LinkedHashMap<>();

  static {
    TRANSFORMS.put("crlf", (t, r) -> t.replace("\n", "\r\n"));
    TRANSFORMS.put("nbsp", (t, r) -> everyNth(t, ' ', 3, "\u00A0"));
    TRANSFORMS.put("tatweel", (t, r) -> insideWords(t, 4, "\u0640"));
    TRANSFORMS.put("zero-width", (t, r) -> insideWords(t, 3, "\u200C"));
    TRANSFORMS.put("headline twice", (t, r) -> {
      // the headline as the clean text is read, printed a second time under itself
      Reading clean = read(t, "clean");
      String headline = clean == null ? null : clean.headline();
      List<String> lines = new ArrayList<>(t.lines().toList());
      for (int i = 0; i < lines.size(); i++) {
        if (headline == null ? !lines.get(i).isBlank() : StructureEval.norm(lines.get(i)).equals(headline)) {
          lines.add(i + 1, lines.get(i));
          break;
        }
      }
      return String.join("\n", lines);
    });
    // a clock of the day may stand high above the headline, not on the two lines just above it
    TRANSFORMS.put("furniture above", (t, r) -> String.join("\n", furniture(r, 1 + r.nextInt(6), true)) + "\n"
        + String.join("\n", furniture(r, 2, false)) + "\n\n" + t);
    TRANSFORMS.put("furniture after", (t, r) -> t + "\n\n" + String.join("\n", furniture(r, 2 + r.nextInt(5), false)));
    TRANSFORMS.put("furniture between", (t, r) -> {
      List<String> lines = new ArrayList<>(t.lines().toList());
      int at = 0;
      while (at < lines.size() && lines.get(at).isBlank()) {
        at++;
      }
      lines.add(Math.min(at + 1, lines.size()), String.join("\n", furniture(r, 1 + r.nextInt(2), false)));
      return String.join("\n", lines);
    });
    // a "latest news" listing above the story: a label, then other stories' titles, each with its teaser sentence
    TRANSFORMS.put("listing above", (t, r) -> {
      List<String[]> items = teasers();
      StringBuilder s = new StringBuilder(furniture(r, 1, false).get(0)).append('\n');
      for (int i = 0, n = 2 + r.nextInt(3); i < n && !items.isEmpty(); i++) {
        String[] item = items.get(r.nextInt(items.size()));
        if (!t.contains(item[0])) {
          s.append(item[0]).append('\n').append(item[1]).append('\n');
        }
      }
      return s + "\n" + t;
    });
    // a ticker or "most read" box above the headline: 3 to 8 other stories' titles, half the time under a label,
    // half the time with one or two of them on the story's own topic (sharing its headline's words)
    TRANSFORMS.put("ticker above", (t, r) -> {
      List<String> lines = new ArrayList<>(t.lines().toList());
      String headline = cleanHeadline(t);
      List<String> box = new ArrayList<>();
      if (r.nextBoolean()) {
        box.add(TICKER_LABELS.get(r.nextInt(TICKER_LABELS.size())));
      }
      box.addAll(otherTitles(t, headline, 3 + r.nextInt(6), r));
      lines.add(r.nextBoolean() ? headlineLine(lines, headline) : 0, String.join("\n", box));
      return String.join("\n", lines);
    });
    // the section's name and a navigation trail above the headline («الرئيسية > NAME > …», «الرئيسية / NAME / TITLE»)
    TRANSFORMS.put("section above", (t, r) -> {
      List<String> lines = new ArrayList<>(t.lines().toList());
      String headline = cleanHeadline(t);
      int at = headlineLine(lines, headline);
      String section = SECTIONS.get(r.nextInt(SECTIONS.size()));
      String sub = SECTIONS.get(r.nextInt(SECTIONS.size()));
      String title = lines.isEmpty() ? "" : lines.get(at).strip();
      List<String> add = switch (r.nextInt(4)) {
        case 0 -> List.of(section);
        case 1 -> List.of("الرئيسية > " + section + " > " + sub);
        case 2 -> List.of(section, "الرئيسية / " + section + " / " + title);
        default -> List.of("الرئيسية / " + section, section);
      };
      lines.add(at, String.join("\n", add));
      return String.join("\n", lines);
    });
    // the headline printed twice, its first copy with the site's name as a browser's title shows it
    // («TITLE - SITE», «TITLE | SITE»), perhaps with a line of furniture between the copies
    TRANSFORMS.put("titled twice", (t, r) -> {
      List<String> lines = new ArrayList<>(t.lines().toList());
      int at = headlineLine(lines, cleanHeadline(t));
      if (lines.isEmpty()) {
        return t;
      }
      String site = SITES.get(r.nextInt(SITES.size()));
      String sep = List.of(" - ", " | ", " – ").get(r.nextInt(3));
      List<String> add = new ArrayList<>(List.of(lines.get(at).strip() + sep + site));
      if (r.nextBoolean()) {
        add.addAll(furniture(r, 1, false));
      }
      lines.add(at, String.join("\n", add));
      return String.join("\n", lines);
    });
    // between the headline and the body, an image's placeholder or a caption that echoes the headline
    TRANSFORMS.put("caption echo", (t, r) -> {
      List<String> lines = new ArrayList<>(t.lines().toList());
      int at = headlineLine(lines, cleanHeadline(t));
      if (lines.isEmpty()) {
        return t;
      }
      String title = lines.get(at).strip();
      String[] words = title.split("\\s+");
      String echo = switch (r.nextInt(5)) {
        case 0 -> PLACEHOLDERS.get(r.nextInt(PLACEHOLDERS.size()));
        case 1 -> title + " (" + List.of("رويترز", "أرشيفية", "أ ف ب").get(r.nextInt(3)) + ")";
        case 2 -> "صورة " + title;
        case 3 -> String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.max(1, (words.length * 2) / 3))) + "…";
        default -> PLACEHOLDERS.get(r.nextInt(PLACEHOLDERS.size())) + "\n" + title;
      };
      lines.add(at + 1, echo);
      return String.join("\n", lines);
    });
    TRANSFORMS.put("all of it", (t, r) -> {
      String s = TRANSFORMS.get("furniture above").apply(TRANSFORMS.get("headline twice").apply(t, r), r);
      s = TRANSFORMS.get("furniture after").apply(s, r);
      return TRANSFORMS.get("crlf").apply(TRANSFORMS.get("nbsp").apply(s, r), r);
    });
  }

  /** The headline the clean text is read with, normalized, or null. */
  private static String cleanHeadline(String t) {
    Reading clean = read(t, "clean");
    return clean == null ? null : clean.headline();
  }

  /** The line printing {@code headline} (as {@link StructureEval#norm} reads), else the first non-blank line. */
  private static int headlineLine(List<String> lines, String headline) {
    int first = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (headline != null && StructureEval.norm(lines.get(i)).equals(headline)) {
        return i;
      }
      if (first < 0 && !lines.get(i).isBlank()) {
        first = i;
      }
    }
    return Math.max(first, 0);
  }

  /**
   * {@code n} other BBC Arabic stories' titles not printed in {@code t}; half the time one or two of them share
   * content words with {@code headline} (a ticker's item on the same topic), the ones sharing most first.
   */
  private static List<String> otherTitles(String t, String headline, int n, Random r) {
    List<String> all = teasers().stream().map(x -> x[0]).filter(x -> !t.contains(x)).toList();
    List<String> out = new ArrayList<>();
    if (all.isEmpty()) {
      return out;
    }
    if (headline != null && r.nextBoolean()) {
      java.util.Set<String> words = HeadlineScorer.words(headline);
      List<String> near = all.stream().filter(x -> HeadlineScorer.matches(x, words) > 0)
          .sorted(java.util.Comparator.comparingLong((String x) -> -HeadlineScorer.matches(x, words))).limit(6).toList();
      for (int i = 0, k = 1 + r.nextInt(2); i < k && !near.isEmpty(); i++) {
        out.add(near.get(r.nextInt(near.size())));
      }
    }
    while (out.size() < n) {
      out.add(all.get(r.nextInt(all.size())));
    }
    java.util.Collections.shuffle(out, r);
    return out;
  }

  private static String everyNth(String t, char c, int n, String with) {
    StringBuilder out = new StringBuilder(t.length());
    int seen = 0;
    for (char ch : t.toCharArray()) {
      if (ch == c && ++seen % n == 0) {
        out.append(with);
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  /** {@code mark} after the second letter of every {@code n}th Arabic word of five letters or more. */
  private static String insideWords(String t, int n, String mark) {
    StringBuilder out = new StringBuilder(t.length() + t.length() / 10);
    var m = java.util.regex.Pattern.compile("\\p{IsArabic}{5,}").matcher(t);
    int last = 0;
    int count = 0;
    while (m.find()) {
      out.append(t, last, m.start());
      String w = m.group();
      // a tatweel only joins letters that connect to the next one
      boolean joins = "اأإآدذرزوؤءة".indexOf(w.charAt(1)) < 0;
      if (++count % n == 0 && (joins || !mark.equals("\u0640"))) {
        out.append(w, 0, 2).append(mark).append(w, 2, w.length());
      } else {
        out.append(w);
      }
      last = m.end();
    }
    return out.append(t.substring(last)).toString();
  }

  private static List<String> pool;
  private static List<String[]> teasers;

  /** Other stories' titles and teasers (the first sentence of the first paragraph) for a listing: BBC Arabic's. */
  static synchronized List<String[]> teasers() {
    if (teasers == null) {
      List<String[]> out = new ArrayList<>();
      if (bbc().isPresent()) {
        for (Clean c : bbcArticles()) {
          String[] parts = c.text().split("\n\n+", 3);
          int stop = parts.length < 2 ? -1 : parts[1].indexOf('.');
          if (stop > 0) {
            String teaser = parts[1].substring(0, stop + 1).strip();
            int words = ArabicPatterns.wordCount(teaser);
            if (words >= 8 && words <= 40 && !parts[0].isBlank()) {
              out.add(new String[] {parts[0].strip(), teaser});
            }
          }
        }
      }
      teasers = List.copyOf(out);
    }
    return teasers;
  }

  /** Furniture lines read by hand on the dev pages and the build half of the pasted pages. */
  static synchronized List<String> pool() {
    if (pool != null) {
      return pool;
    }
    List<String> out = new ArrayList<>();
    StructureEval.truthPages().values().forEach(e -> out.addAll(e.furniture()));
    if (CopiesEval.dir().isPresent()) {
      CopiesEval.copies().stream().filter(c -> CopiesEval.half(c.site()).equals("build")).forEach(c -> out.addAll(c.furniture()));
    }
    // a credit («المصدر - وفا») or a name alone under a headline is not furniture: it says who filed the story
    pool = List.copyOf(out.stream().map(String::strip).filter(s -> !s.isEmpty())
        .filter(s -> BylineParser.ofLine(Normalizer.normalize(s)) == null)
        .filter(s -> !ArticleParser.isNameLine(Normalizer.normalize(s), java.util.Set.of())).distinct().toList());
    return pool;
  }

  static List<String> furniture(Random r, int n, boolean datesToo) {
    List<String> p = datesToo ? pool() : pool().stream().filter(l -> DatelineParser.parse(Normalizer.normalize(l)) == null).toList();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(p.get(r.nextInt(p.size())));
    }
    return out;
  }

  static Optional<Path> bbc() {
    for (Path p : List.of(Path.of("..", "shared", "summ-ar", "ant-bbc-dev.jsonl"), Path.of("/work/shared/summ-ar/ant-bbc-dev.jsonl"))) {
      if (Files.isRegularFile(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The BBC Arabic articles as a reader copies them: the headline, a blank line, the body. */
  static List<Clean> bbcArticles() {
    List<Clean> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in = Files.newBufferedReader(bbc().orElseThrow(), StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode n = json.readTree(line);
        out.add(new Clean(n.path("id").asText(), n.path("title").asText() + "\n\n" + n.path("article").asText()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The real text pages: the build half of the pasted pages and the dev text copy. */
  static List<Clean> realTexts() {
    List<Clean> out = new ArrayList<>();
    if (CopiesEval.dir().isPresent()) {
      for (CopiesEval.Copy c : CopiesEval.copies()) {
        if (CopiesEval.half(c.site()).equals("build")) {
          out.add(new Clean(c.file(), new String(CopiesEval.bytes(c), StandardCharsets.UTF_8)));
        }
      }
    }
    for (StructureEval.Expected e : StructureEval.truthPages().values()) {
      if (e.input().endsWith(".txt")) {
        out.add(new Clean(e.name(), new String(StructureEval.bytes(e), StandardCharsets.UTF_8)));
      }
    }
    return out;
  }

  /** The reading of {@code text}, or null when it is refused. */
  static Reading read(String text, String name) {
    try {
      return Reading.of(new ArticleReader().read(text.getBytes(StandardCharsets.UTF_8), name));
    } catch (BadInputException e) {
      return null;
    }
  }

  /** One case: "" when the transformed text reads as the clean one, else what differs. */
  static String check(Clean c, String transform, long seed) {
    Reading clean = read(c.text(), c.name());
    String t = TRANSFORMS.get(transform).apply(c.text(), new Random(seed));
    Reading got = read(t, c.name());
    if (clean == null) {
      return got == null ? "" : "clean refused, transformed read";
    }
    if (got == null) {
      return "transformed refused";
    }
    return clean.diff(got);
  }

  /**
   * A real HTML page and its text copy (select all, copy, paste) must give the same headline and body: ""
   * when they do, else what differs.
   */
  static String pastedAsHtml(String page) {
    StructureEval.Expected e = StructureEval.expected(page);
    byte[] html = StructureEval.bytes(e);
    String text = PastedCopy.of(TextDecoder.decodeBytes(html));
    try {
      Article h = new ArticleReader().read(html, page);
      Article t = new ArticleReader().read(text.getBytes(StandardCharsets.UTF_8), page + " (pasted)");
      Reading hr = new Reading(StructureEval.norm(h.headline()), null, null,
          h.paragraphs().stream().map(p -> StructureEval.norm(p.source())).toList());
      Reading tr = new Reading(StructureEval.norm(t.headline()), null, null,
          t.paragraphs().stream().map(p -> StructureEval.norm(p.source())).toList());
      return hr.diff(tr);
    } catch (BadInputException ex) {
      return ex.getMessage();
    }
  }

  private static String cut(String s) {
    return s == null ? null : s.length() > 50 ? s.substring(0, 50) + "…" : s;
  }

  public static void main(String[] args) {
    boolean verbose = List.of(args).contains("-v");
    List<Clean> cleans = new ArrayList<>(realTexts());
    if (bbc().isPresent() && !List.of(args).contains("--real-only")) {
      cleans.addAll(bbcArticles());
    }
    System.out.printf(Locale.ROOT, "%d clean articles (%d real pages, the rest BBC Arabic), %d furniture lines in the pool%n",
        cleans.size(), realTexts().size(), pool().size());
    int total = 0;
    int passed = 0;
    int only = List.of(args).indexOf("--only");
    for (String transform : TRANSFORMS.keySet()) {
      if (only >= 0 && !transform.equals(args[only + 1])) {
        continue;
      }
      int ok = 0;
      List<String> misses = new ArrayList<>();
      for (int i = 0; i < cleans.size(); i++) {
        String d = check(cleans.get(i), transform, i);
        if (d.isEmpty()) {
          ok++;
        } else {
          misses.add(cleans.get(i).name() + ": " + d);
        }
      }
      total += cleans.size();
      passed += ok;
      System.out.printf(Locale.ROOT, "%-18s %5d/%d (%.1f%%)%n", transform, ok, cleans.size(), 100.0 * ok / cleans.size());
      if (verbose) {
        misses.stream().limit(only >= 0 ? 200 : 15).forEach(m -> System.out.println("    " + m));
      }
    }
    System.out.printf(Locale.ROOT, "all %d/%d (%.1f%%)%n", passed, total, 100.0 * passed / total);
    if (bbc().isPresent() && !List.of(args).contains("--real-only")) {
      String name = only >= 0 ? args[only + 1] : null;
      if (name == null || DeckMetamorphic.TRANSFORMS.containsKey(name)) {
        DeckMetamorphic.report(DeckMetamorphic.cases(), verbose, name);
      }
    }
    List<String> html = StructureEval.pastedPages();
    long same = html.stream().filter(p -> pastedAsHtml(p).isEmpty()).count();
    System.out.printf(Locale.ROOT, "HTML page pasted as text reads as the page (headline, body): %d/%d%n", same, html.size());
    if (verbose) {
      html.stream().filter(p -> !pastedAsHtml(p).isEmpty()).forEach(p -> System.out.println("    " + p + ": " + pastedAsHtml(p)));
    }
  }
}

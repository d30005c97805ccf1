package arabrief.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Metamorphic checks of the deck (standfirst) with real decks: every BBC Arabic article of {@code
 * ../shared/summ-ar} comes with the editor's own standfirst, stored apart from the body. Put under the
 * headline — as one plain line, as bullet points, under a date line, with a photo credit or image placeholder
 * before the body, with a caption that repeats the deck or the body's first sentence — it must never become a
 * body paragraph, and the headline, date, byline and body paragraphs must be those of the clean article (the
 * date is the inserted date line's where one is put in). Whether the deck came out as the standfirst is counted
 * apart. These texts are composed: they test features, they are no evidence of the score on real pages.
 */
public final class DeckMetamorphic {

  /** An article with its deck: the clean text is {@code headline + "\n\n" + body}. */
  record Case(String name, String headline, String deck, String body) {
    String clean() {
      return headline + "\n\n" + body;
    }
  }

  /** A composed text, and the date line put into it (null when none). */
  record Composed(String text, String dateLine) {}

  interface Transform {
    Composed apply(Case c, Random r);
  }

  /** The outcome of one case: what differs from the clean reading ("" when nothing), and whether the deck is the standfirst. */
  record Outcome(String diff, boolean standfirst) {}

  private DeckMetamorphic() {}

  private static final String[] BULLETS = {"•", "*", "■", "-", "▪"};
  private static final String[] AGENCIES = {"رويترز", "أ ف ب", "Getty Images", "EPA", "AP", "الأناضول"};
  /** Agencies of photographs only: «المصدر: رويترز» under a headline may credit the story, «المصدر: Getty Images» not. */
  private static final String[] PHOTO_AGENCIES = {"Getty Images", "EPA"};

  static final Map<String, Transform> TRANSFORMS = new LinkedHashMap<>();

  static {
    TRANSFORMS.put("deck line", (c, r) -> new Composed(c.headline() + "\n\n" + c.deck() + "\n\n" + c.body(), null));
    TRANSFORMS.put("deck bullets", (c, r) -> new Composed(c.headline() + "\n\n" + bullets(c.deck(), r) + "\n\n" + c.body(), null));
    TRANSFORMS.put("deck under date", (c, r) -> {
      String date = dateLine(r);
      return new Composed(c.headline() + "\n" + date + "\n\n" + c.deck() + "\n\n" + c.body(), date);
    });
    TRANSFORMS.put("deck then photo", (c, r) -> new Composed(c.headline() + "\n\n" + c.deck() + "\n" + photoLine(r) + "\n\n" + c.body(), null));
    TRANSFORMS.put("deck caption echo", (c, r) -> {
      // the photo's caption repeats the deck or the body's first sentence, under a credit or an image placeholder
      String first = SentenceSplitter.split(c.body().strip().lines().findFirst().orElse("")).get(0);
      String caption = r.nextBoolean() ? c.deck() : first;
      return new Composed(c.headline() + "\n\n" + c.deck() + "\n" + photoLine(r) + "\n" + caption + "\n\n" + c.body(), null);
    });
  }

  /**
   * The deck as two or three points, each after the same bullet: cut where a clause ends (after «،», «.» or
   * «؛», or before a word joined to «و»), at the cuts nearest to equal parts, each part of three words or more;
   * one point when there is no such cut.
   */
  static String bullets(String deck, Random r) {
    String[] w = deck.strip().split("\\s+");
    int n = 2 + r.nextInt(2);
    List<Integer> cuts = new ArrayList<>();
    for (int k = 3; k <= w.length - 3; k++) {
      if (w[k - 1].matches(".*[،.؛]") || w[k].matches("و\\p{L}{3,}")) {
        cuts.add(k);
      }
    }
    List<Integer> chosen = new ArrayList<>(List.of(0));
    for (int part = 1; part < n; part++) {
      int want = part * w.length / n;
      cuts.stream().filter(k -> k - chosen.get(chosen.size() - 1) >= 3)
          .min((a, b) -> Math.abs(a - want) - Math.abs(b - want)).ifPresent(chosen::add);
    }
    chosen.add(w.length);
    String bullet = BULLETS[r.nextInt(BULLETS.length)];
    List<String> points = new ArrayList<>();
    for (int k = 0; k + 1 < chosen.size(); k++) {
      points.add(bullet + " " + String.join(" ", Arrays.copyOfRange(w, chosen.get(k), chosen.get(k + 1))));
    }
    return String.join("\n", points);
  }

  private static final String[] MONTHS = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو"};

  /** A date line as pages print one under a headline. */
  static String dateLine(Random r) {
    String date = (1 + r.nextInt(28)) + " " + MONTHS[r.nextInt(MONTHS.length)] + " 2018";
    return switch (r.nextInt(3)) {
      case 0 -> date;
      case 1 -> "نشر في: " + date;
      default -> date + " - " + (10 + r.nextInt(12)) + ":" + (10 + r.nextInt(50));
    };
  }

  /** An image placeholder or a photo credit line. */
  static String photoLine(Random r) {
    String agency = AGENCIES[r.nextInt(AGENCIES.length)];
    return switch (r.nextInt(6)) {
      case 0 -> "(صورة: " + agency + ")";
      case 1 -> "المصدر: " + PHOTO_AGENCIES[r.nextInt(PHOTO_AGENCIES.length)];
      case 2 -> "تصوير: " + name(r);
      case 3 -> "صدر الصورة، " + agency;
      case 4 -> "(صورة)";
      default -> "صورة";
    };
  }

  private static List<String> names;

  /** A person's name of two given names of the names list (a photographer's). */
  private static synchronized String name(Random r) {
    if (names == null) {
      try (InputStream in = GivenNames.class.getResourceAsStream("/arabrief/article/given-names.txt")) {
        names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names.get(r.nextInt(names.size())) + " " + names.get(r.nextInt(names.size()));
  }

  private static List<Case> cases;

  /** Every BBC Arabic article with its standfirst. */
  static synchronized List<Case> cases() {
    if (cases == null) {
      List<Case> out = new ArrayList<>();
      ObjectMapper json = new ObjectMapper();
      try (BufferedReader in = Files.newBufferedReader(Metamorphic.bbc().orElseThrow(), StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          JsonNode n = json.readTree(line);
          String deck = n.path("references").path(0).asText("").strip();
          if (!deck.isEmpty()) {
            out.add(new Case(n.path("id").asText(), n.path("title").asText(), deck, n.path("article").asText()));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      cases = List.copyOf(out);
    }
    return cases;
  }

  private static Article article(String text, String name) {
    try {
      return new ArticleReader().read(text.getBytes(StandardCharsets.UTF_8), name);
    } catch (BadInputException e) {
      return null;
    }
  }

  /** One case under one transform. */
  static Outcome check(Case c, String transform, long seed) {
    Article clean = article(c.clean(), c.name());
    Composed t = TRANSFORMS.get(transform).apply(c, new Random(seed));
    Article got = article(t.text(), c.name());
    if (clean == null || got == null) {
      return new Outcome(clean == got ? "" : clean == null ? "clean refused, composed read" : "composed refused", false);
    }
    Metamorphic.Reading want = Metamorphic.Reading.of(clean);
    if (t.dateLine() != null) {
      Dateline inserted = DatelineParser.parse(Normalizer.normalize(t.dateLine()));
      want = new Metamorphic.Reading(want.headline(), String.valueOf(inserted.gregorian()), want.byline(), want.paragraphs());
    }
    String diff = want.diff(Metamorphic.Reading.of(got));
    String deck = squash(c.deck());
    if (got.paragraphs().stream().anyMatch(p -> squash(p.source()).equals(deck))) {
      diff = (diff.isEmpty() ? "" : diff + "; ") + "the deck is a body paragraph";
    }
    return new Outcome(diff, got.standfirst() != null && Objects.equals(squash(unbulleted(got.standfirst())), deck));
  }

  private static String unbulleted(String standfirst) {
    return String.join(" ", standfirst.lines().map(l -> Standfirst.isBullet(l) ? l.substring(1) : l).toList());
  }

  private static String squash(String s) {
    return StructureEval.norm(Normalizer.normalize(s)).replaceAll("\\s+", " ").strip();
  }

  /**
   * Prints each transform's pass rate and standfirst rate over {@code sample}; -v lists misses. Run alone
   * ({@code main}), {@code --every N} takes every Nth article and {@code --only NAME} one transform.
   */
  static void report(List<Case> sample, boolean verbose, String only) {
    System.out.printf(Locale.ROOT, "Real decks (BBC Arabic standfirsts) under the headline, %d articles:%n", sample.size());
    for (String transform : TRANSFORMS.keySet()) {
      if (only != null && !only.equals(transform)) {
        continue;
      }
      int ok = 0;
      int standfirst = 0;
      List<String> misses = new ArrayList<>();
      for (int i = 0; i < sample.size(); i++) {
        Outcome o = check(sample.get(i), transform, i);
        ok += o.diff().isEmpty() ? 1 : 0;
        standfirst += o.standfirst() ? 1 : 0;
        if (!o.diff().isEmpty()) {
          misses.add(sample.get(i).name() + ": " + o.diff());
        }
      }
      System.out.printf(Locale.ROOT, "%-18s %5d/%d (%.1f%%) read as the clean article; deck as the standfirst %d (%.1f%%)%n",
          transform, ok, sample.size(), 100.0 * ok / sample.size(), standfirst, 100.0 * standfirst / sample.size());
      if (verbose) {
        misses.stream().limit(only != null ? 200 : 15).forEach(m -> System.out.println("    " + m));
      }
    }
  }

  public static void main(String[] args) {
    int only = List.of(args).indexOf("--only");
    int every = List.of(args).indexOf("--every"); // a quick sample: every Nth article
    int n = every >= 0 ? Integer.parseInt(args[every + 1]) : 1;
    List<Case> sample = java.util.stream.IntStream.range(0, cases().size()).filter(i -> i % n == 0).mapToObj(cases()::get).toList();
    report(sample, List.of(args).contains("-v"), only >= 0 ? args[only + 1] : null);
  }
}

package arabrief.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Metamorphic checks of the article's date, needing no new truth: a BBC Arabic article of {@code ../shared/summ-ar}
 * (headline, body, no date) with (a) a header clock of another day put at the top among widget lines (weather,
 * rates, prayer times) and furniture, (b) its own date printed under the headline in one of the formats of
 * {@link DateFormats}, (c) both. The clock must never be read as the date, the printed date always; the headline,
 * byline and body must read as the clean article's. These are composed pages — feature tests over many articles,
 * not evidence of how real pages are read (that is {@link CopiesEval}'s).
 */
public final class DateMetamorphic {

  private DateMetamorphic() {}

  /**
   * Widget lines as weather, market and prayer-time widgets print them, written by convention; the furniture pool's
   * own widget lines (read by hand on the dev pages and the build half) are added to them.
   */
  private static final List<String> COMPOSED_WIDGETS = List.of(
      "22° القاهرة", "18.5° الرياض", "31°C دبي", "الدولار 30.90", "اليورو 33.41 جنيه", "الفجر 04:12 الظهر 11:58", "العصر 15:21", "المغرب 18:02 العشاء 19:20", "برنت 82.31");

  private static List<String> widgets;

  static synchronized List<String> widgets() {
    if (widgets == null) {
      List<String> out = new ArrayList<>(COMPOSED_WIDGETS);
      Metamorphic.pool().stream().filter(l -> Furniture.isWidget(Normalizer.normalize(l))).forEach(out::add);
      widgets = List.copyOf(out);
    }
    return widgets;
  }

  /** One composed case: the text and the date it must give (null: none). */
  record Case(String text, LocalDate date, boolean bylinePrinted) {}

  /** The checks, by name. */
  static final List<String> CHECKS = List.of("clock on top", "date under headline", "clock and date");

  /** A day from 2005 to 2025, and a later one for the page's clock (the day the page was copied). */
  private static LocalDate someDay(Random r) {
    return LocalDate.of(2005, 1, 1).plusDays(r.nextInt(21 * 365));
  }

  static Case compose(String check, String text, int index, Random r) {
    LocalDate own = someDay(r);
    LocalDate clock = own.plusDays(1 + r.nextInt(2000));
    List<DateFormats.Format> clocks = DateFormats.ALL.stream().filter(DateFormats.Format::clock).toList();
    // every format of the table in turn, so each is printed under some 30 headlines
    DateFormats.Format format = DateFormats.ALL.get(index % DateFormats.ALL.size());
    String out = text;
    boolean byline = false;
    if (!check.equals("clock on top")) {
      List<String> lines = new ArrayList<>(text.lines().toList());
      int at = 0;
      while (at < lines.size() && lines.get(at).isBlank()) {
        at++;
      }
      lines.add(Math.min(at + 1, lines.size()), format.print().apply(own));
      out = String.join("\n", lines);
      byline = format.name().contains("byline");
    }
    if (!check.equals("date under headline")) {
      List<String> top = new ArrayList<>();
      top.add(widgets().get(r.nextInt(widgets().size())));
      top.add(clocks.get(r.nextInt(clocks.size())).print().apply(clock));
      top.add(widgets().get(r.nextInt(widgets().size())));
      List<String> pool = Metamorphic.pool().stream().filter(l -> DatelineParser.parse(Normalizer.normalize(l)) == null).toList();
      for (int i = 0, n = r.nextInt(4); i < n; i++) {
        top.add(pool.get(r.nextInt(pool.size())));
      }
      out = String.join("\n", top) + "\n\n" + out;
    }
    return new Case(out, check.equals("clock on top") ? null : own, byline);
  }

  /** "" when the composed page reads as the clean article with the right date, else what differs. */
  static String check(Metamorphic.Clean c, Metamorphic.Reading clean, String check, int index) {
    Case k = compose(check, c.text(), index, new Random(index * 31L + CHECKS.indexOf(check)));
    Metamorphic.Reading got = Metamorphic.read(k.text(), c.name());
    if (got == null) {
      return clean == null ? "" : "refused";
    }
    if (clean == null) {
      return "clean refused, composed read";
    }
    List<String> out = new ArrayList<>();
    String want = k.date() == null ? null : k.date().toString();
    if (!Objects.equals(want, got.date())) {
      out.add("date " + got.date() + ", want " + want);
    }
    Metamorphic.Reading expected = new Metamorphic.Reading(clean.headline(), got.date(),
        k.bylinePrinted() ? got.byline() : clean.byline(), clean.paragraphs());
    String rest = expected.diff(got);
    if (!rest.isEmpty()) {
      out.add(rest);
    }
    return String.join("; ", out);
  }

  /** Pass counts per check (and per format for the printed date) over {@code cleans}; misses listed when verbose. */
  static Map<String, int[]> run(List<Metamorphic.Clean> cleans, boolean print, boolean verbose) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, int[]> byFormat = new LinkedHashMap<>();
    for (String check : CHECKS) {
      int[] n = counts.computeIfAbsent(check, k -> new int[2]);
      List<String> misses = new ArrayList<>();
      for (int i = 0; i < cleans.size(); i++) {
        Metamorphic.Clean c = cleans.get(i);
        String d = check(c, Metamorphic.read(c.text(), c.name()), check, i);
        n[1]++;
        if (d.isEmpty()) {
          n[0]++;
        } else {
          misses.add(c.name() + ": " + d);
        }
        if (!check.equals("clock on top")) {
          int[] f = byFormat.computeIfAbsent(DateFormats.ALL.get(i % DateFormats.ALL.size()).name(), k -> new int[2]);
          f[1]++;
          f[0] += d.isEmpty() ? 1 : 0;
        }
      }
      if (print) {
        System.out.printf(Locale.ROOT, "%-20s %5d/%d (%.1f%%)%n", check, n[0], n[1], 100.0 * n[0] / n[1]);
      }
      if (verbose) {
        misses.stream().limit(15).forEach(m -> System.out.println("    " + m));
      }
    }
    if (print) {
      System.out.println("printed date by format (under the headline, with and without the clock):");
      byFormat.forEach((name, f) -> {
        if (f[0] < f[1]) {
          System.out.printf(Locale.ROOT, "    %-26s %d/%d%n", name, f[0], f[1]);
        }
      });
      System.out.printf(Locale.ROOT, "    (%d formats; those not listed read every time)%n", byFormat.size());
    }
    return counts;
  }

  public static void main(String[] args) {
    if (Metamorphic.bbc().isEmpty()) {
      System.err.println("../shared/summ-ar is not beside the repository");
      System.exit(2);
    }
    List<Metamorphic.Clean> cleans = Metamorphic.bbcArticles();
    if (List.of(args).contains("--sample")) {
      cleans = DateMetamorphicTest.sample();
    }
    System.out.printf(Locale.ROOT, "%d BBC Arabic articles, %d date formats, %d widget lines%n", cleans.size(),
        DateFormats.ALL.size(), widgets().size());
    Map<String, int[]> counts = run(cleans, true, List.of(args).contains("-v"));
    int ok = counts.values().stream().mapToInt(n -> n[0]).sum();
    int all = counts.values().stream().mapToInt(n -> n[1]).sum();
    System.out.printf(Locale.ROOT, "all %d/%d (%.1f%%)%n", ok, all, 100.0 * ok / all);
  }
}

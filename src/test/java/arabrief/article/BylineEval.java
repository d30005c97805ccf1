package arabrief.article;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * A feature evaluation of bylines that needs no new truth: every BBC Arabic article of {@code ../shared/summ-ar}
 * (which prints no byline) gets a byline inserted in one of the general forms Arabic (and English-labelled)
 * news pages print — «كتب: NAME», «بقلم: د. NAME», several names, a role after the name, «By NAME», «تقرير:
 * NAME», a name beside the date line or in it, a label or a role on a line of its own, an agency credit
 * closing the story or opening its first paragraph, the paper's correspondent — at the place pages print it
 * (under the headline, beside a date, at the end, at the start of the first paragraph). The reading must find
 * every inserted name or credit in the byline (its author, source or printed text, as {@link CopiesEval}
 * scores the pasted pages), and keep the clean article's headline, date and body paragraphs. The clean
 * articles must get no byline at all.
 *
 * <p>The names are drawn from {@link #GIVEN} and {@link #FAMILY}, written for this evaluation and disjoint
 * from {@code given-names.txt} (checked when the class loads): it measures names the list does not know.
 * These composed pages are feature tests of the conventions, not evidence of the score on real pages of
 * unseen sites (that is {@link CopiesEval}'s validation half).
 */
public final class BylineEval {

  /**
   * First names the given-name list lacks: names of foreign reporters as Arabic papers spell them, and rarer
   * Arabic names. Disjoint from {@code given-names.txt} by construction.
   */
  static final List<String> GIVEN = List.of(
      "جوناثان", "كريستين", "فرانك", "ستيفاني", "غريغوري", "ماتيو", "أوليفر", "صوفي", "إيزابيل", "ناتالي", "باتريك",
      "دانيال", "فيكتوريا", "هنري", "لوسي", "رافائيل", "ألكسندر", "توماس", "كاترين", "مارتن", "جيريمي", "إيفان",
      "مهاب", "نزيه", "سنان", "عتاب", "وجدان", "زاهية", "بهيجة", "نوار", "جلنار", "شادن", "رهيف", "نصوح", "خلدون",
      "مؤنس", "ظريف", "زهران", "سلافة", "هتون", "غفران", "أيسر", "ملهم", "يقين", "مشهور", "فيحاء", "غصون", "تمارا");
  /** Family names, with and without the article, compounds with «أبو» and «بن» among them. */
  static final List<String> FAMILY = List.of(
      "الشمايلة", "القحطاني", "الزعبي", "أبو شقرة", "حداد", "الخطيب", "النجار", "العمري", "بوشناق", "السويدي",
      "الكبيسي", "زريقات", "الحلبي", "المراكشي", "الدباغ", "عيسوي", "الساعدي", "قبلان", "ريحاني", "بن عمارة",
      "الطراونة", "المعايطة", "شقير", "الأنصاري", "اليازجي", "كوهين", "ماكدونالد", "بيرنار", "غارسيا", "الفاسي");
  /** Reporters' names in Latin letters, as «By …» prints them. */
  static final List<String> LATIN = List.of("Jonathan Marcus", "Sophie Bernard", "Karim Haddad", "Lina Sinjab",
      "Martin Chulov", "Rania Abouzeid", "Tom Bateman", "Feras Kilani");
  private static final String[] PLACES = {"بيروت", "القاهرة", "عمان", "الرباط", "بغداد", "الدوحة", "تونس", "غزة"};
  private static final String[] AGENCIES = {"رويترز", "أ ف ب", "وفا", "سانا", "واس", "الأناضول", "كونا", "بترا", "قنا"};
  private static final String[] MONTHS = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس",
      "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"};

  static {
    for (String g : GIVEN) {
      if (GivenNames.startsName(new String[] {g})) {
        throw new IllegalStateException("BylineEval.GIVEN must be disjoint from given-names.txt: " + g);
      }
    }
  }

  private BylineEval() {}

  /** One composed byline: the lines put under the headline, the end lines, a prefix of the first paragraph, what must be found. */
  record Insert(List<String> underHeadline, List<String> atEnd, String prefix, String signOff, List<String> expected, LocalDate date) {
    static Insert under(List<String> expected, String... lines) {
      return new Insert(List.of(lines), List.of(), null, null, expected, null);
    }
  }

  /** Where a form puts its byline, for the report. */
  enum Position { UNDER_HEADLINE, BESIDE_DATE, AT_END, FIRST_PARAGRAPH }

  record Form(String name, Position position, Function<Random, Insert> make) {}

  /** The forms, in order: each draws its names, date and place from the seeded random source. */
  static final List<Form> FORMS = new ArrayList<>();

  private static void form(String name, Position p, Function<Random, Insert> make) {
    FORMS.add(new Form(name, p, make));
  }

  static {
    // verbs of writing, each separator, one or several names, titles and roles
    form("كتب: NAME", Position.UNDER_HEADLINE, r -> one(r, n -> "كتب: " + n));
    form("كتبت NAME", Position.UNDER_HEADLINE, r -> one(r, n -> "كتبت " + n));
    form("كتب - NAME", Position.UNDER_HEADLINE, r -> one(r, n -> "كتب - " + n));
    form("كتب – NAME", Position.UNDER_HEADLINE, r -> one(r, n -> "كتب – " + n));
    form("بقلم/ NAME", Position.UNDER_HEADLINE, r -> one(r, n -> "بقلم/ " + n));
    form("بقلم: TITLE NAME", Position.UNDER_HEADLINE, r -> {
      String n = name(r);
      String title = pick(r, "د. ", "الدكتور ", "أ.د. ", "د/ ", "الدكتورة ");
      return Insert.under(List.of(n), "بقلم: " + title + n);
    });
    form("بواسطة NAME", Position.UNDER_HEADLINE, r -> one(r, n -> "بواسطة " + n));
    form("كتب: NAME وNAME", Position.UNDER_HEADLINE, r -> two(r, (a, b) -> "كتب: " + a + " و" + b));
    form("كتب: NAME، NAME", Position.UNDER_HEADLINE, r -> two(r, (a, b) -> "كتب: " + a + "، " + b));
    form("بقلم: NAME & NAME", Position.UNDER_HEADLINE, r -> two(r, (a, b) -> "بقلم: " + a + " & " + b));
    form("كتب: NAME - صحفي", Position.UNDER_HEADLINE, r -> one(r, n -> "كتب: " + n + " - " + pick(r, "صحفي", "صحفية", "كاتب صحفي")));
    form("NAME - صحفي", Position.UNDER_HEADLINE, r -> one(r, n -> n + " - " + pick(r, "صحفي", "صحفية", "كاتب وباحث")));
    form("NAME، مراسل … في PLACE", Position.UNDER_HEADLINE, r -> one(r, n -> n + "، مراسل الموقع في " + pick(r, PLACES)));
    form("By NAME (Latin)", Position.UNDER_HEADLINE, r -> {
      String n = LATIN.get(r.nextInt(LATIN.size()));
      return Insert.under(List.of(n), "By " + n);
    });
    form("Written by NAME", Position.UNDER_HEADLINE, r -> one(r, n -> "Written by " + n));
    for (String label : new String[] {"تقرير", "إعداد", "تحرير", "متابعة", "ترجمة"}) {
      form(label + ": NAME", Position.UNDER_HEADLINE, r -> one(r, n -> label + ": " + n));
    }
    form("NAME | PLACE", Position.UNDER_HEADLINE, r -> one(r, n -> n + " | " + pick(r, PLACES)));
    form("كتب: / NAME (label alone)", Position.UNDER_HEADLINE, r -> one(r, n -> pick(r, "كتب:", "بقلم", "بقلم:", "By") + "\n" + n));
    form("NAME / role line", Position.UNDER_HEADLINE, r -> one(r, n -> n + "\n" + pick(r, "صحفي", "صحفية", "مراسل الموقع في " + pick(r, PLACES), "محرر الشؤون السياسية")));
    form("مراسلنا في PLACE", Position.UNDER_HEADLINE, r -> Insert.under(List.of("مراسلنا"), "مراسلنا في " + pick(r, PLACES)));
    // a name beside the date line, or in it
    form("NAME / DATE", Position.BESIDE_DATE, r -> dated(r, (n, d) -> n + "\n" + d));
    form("DATE / NAME", Position.BESIDE_DATE, r -> dated(r, (n, d) -> d + "\n" + n));
    form("DATE | NAME", Position.BESIDE_DATE, r -> dated(r, (n, d) -> d + " | " + n));
    form("NAME - DATE", Position.BESIDE_DATE, r -> dated(r, (n, d) -> n + " - " + d));
    form("DATE · NAME", Position.BESIDE_DATE, r -> dated(r, (n, d) -> d + " · " + n));
    form("NAME DATE (no separator)", Position.BESIDE_DATE, r -> dated(r, (n, d) -> n + " " + d));
    form("DATE | كتب: NAME |", Position.BESIDE_DATE, r -> dated(r, (n, d) -> d + " | كتب: " + n + " |"));
    // at the end: a credit, a signature
    form("(AGENCY)", Position.AT_END, r -> credit(r, a -> "(" + a + ")"));
    form("- وكالات", Position.AT_END, r -> new Insert(List.of(), List.of("- وكالات"), null, null, List.of("وكالات"), null));
    form("وكالات", Position.AT_END, r -> new Insert(List.of(), List.of("وكالات"), null, null, List.of("وكالات"), null));
    form("المصدر: AGENCY", Position.AT_END, r -> credit(r, a -> "المصدر: " + a));
    form("المصدر - AGENCY", Position.AT_END, r -> credit(r, a -> "المصدر - " + a));
    form("… (AGENCY) closing the last paragraph", Position.AT_END, r -> {
      String a = pick(r, AGENCIES);
      return new Insert(List.of(), List.of(), null, " (" + a + ")", List.of(a), null);
    });
    form("بقلم: NAME at the end", Position.AT_END, r -> {
      String n = name(r);
      return new Insert(List.of(), List.of("بقلم: " + n), null, null, List.of(n), null);
    });
    form("NAME / role line at the end", Position.AT_END, r -> {
      String n = name(r);
      return new Insert(List.of(), List.of(n, pick(r, "كاتب صحفي", "صحفية", "محلل سياسي")), null, null, List.of(n), null);
    });
    // forms of the newsrooms' conventions beyond the first set: a place and a name, a name and its place in
    // brackets, an agency credited alone or beside a name, publishing systems' «edited by» labels
    form("PLACE - NAME", Position.UNDER_HEADLINE, r -> one(r, n -> pick(r, PLACES) + " - " + n));
    form("PLACE: NAME", Position.UNDER_HEADLINE, r -> one(r, n -> pick(r, PLACES) + ": " + n));
    form("NAME (PLACE)", Position.UNDER_HEADLINE, r -> one(r, n -> n + " (" + pick(r, PLACES) + ")"));
    form("NAME - AGENCY", Position.UNDER_HEADLINE, r -> {
      String n = name(r);
      String a = pick(r, AGENCIES);
      return Insert.under(List.of(n, a), n + " - " + a);
    });
    form("AGENCY alone", Position.UNDER_HEADLINE, r -> {
      String a = pick(r, AGENCIES);
      return Insert.under(List.of(a), a);
    });
    form("المصدر: AGENCY under the headline", Position.UNDER_HEADLINE, r -> {
      String a = pick(r, AGENCIES);
      return Insert.under(List.of(a), "المصدر: " + a);
    });
    form("نشر بواسطة / حرر بواسطة: NAME", Position.UNDER_HEADLINE, r -> one(r, n -> pick(r, "نشر بواسطة", "حرر بواسطة:", "نشر بواسطة:") + " " + n));
    form("NAME / relative time", Position.UNDER_HEADLINE, r -> one(r, n -> n + "\n" + pick(r, "منذ ساعتين", "منذ 5 دقائق", "منذ 3 ساعات")));
    form("PLACE/ NAME/ AGENCY -", Position.FIRST_PARAGRAPH, r -> {
      String n = name(r);
      String a = pick(r, AGENCIES);
      return new Insert(List.of(), List.of(), pick(r, PLACES) + "/ " + n + "/ " + a + "/ ", null, List.of(n, a), null);
    });
    form("PLACE - AGENCY: (no brackets)", Position.FIRST_PARAGRAPH, r -> {
      String a = pick(r, AGENCIES);
      return new Insert(List.of(), List.of(), pick(r, PLACES) + " - " + a + ": ", null, List.of(a), null);
    });
    // opening the first paragraph: a wire dateline, a site's tag
    form("PLACE - (AGENCY) -", Position.FIRST_PARAGRAPH, r -> {
      String a = pick(r, AGENCIES);
      return new Insert(List.of(), List.of(), pick(r, PLACES) + " - (" + a + ") - ", null, List.of(a), null);
    });
    form("SITE نيوز - ", Position.FIRST_PARAGRAPH, r -> {
      String site = pick(r, "الوادي", "المدار", "الأفق", "الميدان", "النهار الجديد") + " " + pick(r, "نيوز", "الإخباري", "برس", "24");
      return new Insert(List.of(), List.of(), site + " - ", null, List.of(site), null);
    });
  }

  private static Insert one(Random r, Function<String, String> line) {
    String n = name(r);
    return Insert.under(List.of(n), line.apply(n).split("\n"));
  }

  private static Insert two(Random r, java.util.function.BiFunction<String, String, String> line) {
    String a = name(r);
    String b = name(r);
    while (b.equals(a)) {
      b = name(r);
    }
    return Insert.under(List.of(a, b), line.apply(a, b));
  }

  private static Insert dated(Random r, java.util.function.BiFunction<String, String, String> lines) {
    String n = name(r);
    LocalDate d = LocalDate.of(2019 + r.nextInt(6), 1 + r.nextInt(12), 1 + r.nextInt(28));
    String printed = switch (r.nextInt(4)) {
      case 0 -> d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
      case 1 -> d.toString();
      case 2 -> String.format(Locale.ROOT, "%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
      default -> d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear() + " - 10:" + (10 + r.nextInt(50));
    };
    return new Insert(List.of(lines.apply(n, printed).split("\n")), List.of(), null, null, List.of(n), d);
  }

  private static Insert credit(Random r, Function<String, String> line) {
    String a = pick(r, AGENCIES);
    return new Insert(List.of(), List.of(line.apply(a)), null, null, List.of(a), null);
  }

  /** A reporter's name: a first name the list lacks and one family name, sometimes two. */
  static String name(Random r) {
    String n = GIVEN.get(r.nextInt(GIVEN.size())) + " " + FAMILY.get(r.nextInt(FAMILY.size()));
    return r.nextInt(4) == 0 ? n + " " + FAMILY.get(r.nextInt(FAMILY.size())).replaceFirst("^(?:أبو|بن) ", "") : n;
  }

  @SafeVarargs
  private static <T> T pick(Random r, T... options) {
    return options[r.nextInt(options.length)];
  }

  /** The clean article (headline, blank line, body) with the byline inserted. */
  static String compose(String clean, Insert ins) {
    String[] parts = clean.split("\n\n", 2);
    StringBuilder s = new StringBuilder(parts[0]);
    for (String l : ins.underHeadline()) {
      s.append('\n').append(l);
    }
    String body = parts.length > 1 ? parts[1] : "";
    if (ins.prefix() != null) {
      body = ins.prefix() + body;
    }
    if (ins.signOff() != null) {
      body = body.stripTrailing() + ins.signOff();
    }
    s.append("\n\n").append(body.stripTrailing());
    if (!ins.atEnd().isEmpty()) {
      s.append("\n\n").append(String.join("\n", ins.atEnd()));
    }
    return s.toString();
  }

  /** One case's outcome: the byline found, the rest of the reading unchanged, and what differs. */
  record Outcome(boolean found, boolean unchanged, String why) {}

  /**
   * A composed case inside a page's furniture: lines read by hand as furniture on the real pages (masthead,
   * section names, share widgets above; tags, related links, footers after), as a pasted page has them.
   */
  static String inContext(String composed, Random r) {
    return String.join("\n", Metamorphic.furniture(r, 1 + r.nextInt(4), false)) + "\n\n" + composed + "\n\n"
        + String.join("\n", Metamorphic.furniture(r, 2 + r.nextInt(4), false));
  }

  static Outcome check(Metamorphic.Clean c, Form f, long seed) {
    return check(c, f, seed, false);
  }

  static Outcome check(Metamorphic.Clean c, Form f, long seed, boolean context) {
    Random r = new Random(seed);
    Insert ins = f.make().apply(r);
    Article clean = read(c.text(), c.name());
    String composed = compose(c.text(), ins);
    Article got = read(context ? inContext(composed, r) : composed, c.name());
    if (clean == null || got == null) {
      return new Outcome(false, clean == null && got == null, clean == null ? "clean refused" : "composed refused");
    }
    Byline b = got.byline();
    boolean found = b != null && ins.expected().stream().allMatch(name -> java.util.stream.Stream.of(b.author(), b.source(), b.printed())
        .anyMatch(s -> s != null && StructureEval.norm(s).contains(StructureEval.norm(name))));
    List<String> why = new ArrayList<>();
    if (!found) {
      why.add("byline " + b + " for " + ins.expected());
    }
    Metamorphic.Reading want = Metamorphic.Reading.of(clean);
    Metamorphic.Reading have = Metamorphic.Reading.of(got);
    String wantDate = ins.date() != null ? ins.date().toString() : want.date();
    boolean unchanged = Objects.equals(want.headline(), have.headline()) && Objects.equals(wantDate, have.date())
        && want.paragraphs().equals(have.paragraphs());
    if (!unchanged) {
      // the byline is compared above; the rest as the metamorphic checks compare it
      String d = new Metamorphic.Reading(want.headline(), wantDate, null, want.paragraphs())
          .diff(new Metamorphic.Reading(have.headline(), have.date(), null, have.paragraphs()));
      why.add(d);
    }
    return new Outcome(found, unchanged, String.join("; ", why));
  }

  static Article read(String text, String name) {
    try {
      return new ArticleReader().read(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), name);
    } catch (BadInputException e) {
      return null;
    }
  }

  /** True when the clean article is read with a byline: a false byline (BBC Arabic's texts print none). */
  static boolean falseByline(Metamorphic.Clean c) {
    Article a = read(c.text(), c.name());
    return a != null && a.byline() != null && !a.byline().isEmpty();
  }

  /** Per-form tallies over {@code articles}: found, unchanged, both; misses kept for -v. */
  record Tally(int cases, int found, int unchanged, int both, List<String> misses) {}

  static Map<Form, Tally> run(List<Metamorphic.Clean> articles, boolean context) {
    Map<Form, Tally> out = new LinkedHashMap<>();
    for (int fi = 0; fi < FORMS.size(); fi++) {
      Form f = FORMS.get(fi);
      int found = 0;
      int unchanged = 0;
      int both = 0;
      List<String> misses = new ArrayList<>();
      for (int i = 0; i < articles.size(); i++) {
        Outcome o = check(articles.get(i), f, 1_000L * fi + i, context);
        found += o.found() ? 1 : 0;
        unchanged += o.unchanged() ? 1 : 0;
        both += o.found() && o.unchanged() ? 1 : 0;
        if (!(o.found() && o.unchanged())) {
          misses.add(articles.get(i).name() + ": " + o.why());
        }
      }
      out.put(f, new Tally(articles.size(), found, unchanged, both, misses));
    }
    return out;
  }

  public static void main(String[] args) {
    boolean verbose = List.of(args).contains("-v");
    int every = 1;
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("--every")) {
        every = Integer.parseInt(args[i + 1]);
      }
    }
    if (Metamorphic.bbc().isEmpty()) {
      System.err.println("../shared/summ-ar/ant-bbc-dev.jsonl is not beside the repository");
      System.exit(2);
    }
    List<Metamorphic.Clean> all = Metamorphic.bbcArticles();
    List<Metamorphic.Clean> articles = new ArrayList<>();
    for (int i = 0; i < all.size(); i += every) {
      articles.add(all.get(i));
    }
    long falseBylines = articles.stream().filter(BylineEval::falseByline).count();
    System.out.printf(Locale.ROOT, "%d BBC Arabic articles, %d forms; names from %d first names the list lacks and %d family names%n",
        articles.size(), FORMS.size(), GIVEN.size(), FAMILY.size());
    System.out.printf(Locale.ROOT, "False bylines on the clean articles: %d/%d%n", falseBylines, articles.size());
    System.out.println("| form | position | byline found | rest unchanged | both |");
    System.out.println("|---|---|---|---|---|");
    boolean context = List.of(args).contains("--context");
    if (context) {
      System.out.println("Each case inside furniture lines of the real pages, above and after (--context)");
    }
    Map<Form, Tally> tallies = run(articles, context);
    Map<Position, int[]> byPosition = new LinkedHashMap<>();
    int[] total = new int[4];
    tallies.forEach((f, t) -> {
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", f.name(), f.position().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          pct(t.found(), t.cases()), pct(t.unchanged(), t.cases()), pct(t.both(), t.cases()));
      int[] p = byPosition.computeIfAbsent(f.position(), k -> new int[4]);
      for (int[] acc : new int[][] {p, total}) {
        acc[0] += t.cases();
        acc[1] += t.found();
        acc[2] += t.unchanged();
        acc[3] += t.both();
      }
      if (verbose) {
        t.misses().stream().limit(8).forEach(m -> System.out.println("    " + m));
      }
    });
    byPosition.forEach((p, a) -> System.out.printf(Locale.ROOT, "%-16s found %s, rest unchanged %s, both %s%n",
        p.name().toLowerCase(Locale.ROOT).replace('_', ' '), pct(a[1], a[0]), pct(a[2], a[0]), pct(a[3], a[0])));
    System.out.printf(Locale.ROOT, "all forms        found %s, rest unchanged %s, both %s%n", pct(total[1], total[0]),
        pct(total[2], total[0]), pct(total[3], total[0]));
  }

  private static String pct(int ok, int n) {
    return String.format(Locale.ROOT, "%d/%d (%.1f%%)", ok, n, 100.0 * ok / n);
  }
}

package arabrief.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Scores the text path on the pasted pages of {@code ../shared/corpus/copies} (real pages of sites the rest
 * of the corpus does not have, copied as a reader copies them, structure read by hand): the checks of issue
 * 32 — headline, the article's own date (where printed), byline or agency credit (where printed), first
 * body paragraph, last body paragraph (where the copy is complete) and no furniture line as a body
 * paragraph (where the truth lists some). Stricter checks that the hidden set may not make are reported
 * apart: no date where the article prints none (a header clock is not it), no byline where none is printed.
 *
 * <p>The pages are the publishers' texts: they are read from {@code ../shared}, never copied into the
 * project. The sites are split once into a <b>build</b> half and a <b>validation</b> half by a hash of the
 * site name ({@link #half}); rules are written looking at the build half only, and the validation half is
 * scored at milestones (run with {@code --validation}; count the runs in the notes).
 */
public final class CopiesEval {

  /** Where the pasted pages are, beside the repository. */
  static Optional<Path> dir() {
    for (Path p : List.of(Path.of("..", "shared", "corpus", "copies"), Path.of("/work/shared/corpus/copies"))) {
      if (Files.isRegularFile(p.resolve("truth.json"))) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** One pasted page and its hand-read truth. */
  record Copy(String file, String site, String headline, String date, String byline, List<String> first,
      boolean complete, String last, List<String> furniture) {}

  /** One page's result; a null check is not made on this page. */
  record Score(String file, Boolean headline, Boolean date, Boolean byline, Boolean first, Boolean last,
      Boolean furniture, Boolean noFalseDate, Boolean noFalseByline, String why) {
    List<Boolean> checks() {
      List<Boolean> out = new ArrayList<>();
      for (Boolean b : new Boolean[] {headline, date, byline, first, last, furniture}) {
        if (b != null) {
          out.add(b);
        }
      }
      return out;
    }
  }

  private CopiesEval() {}

  static List<Copy> copies() {
    Path d = dir().orElseThrow(() -> new IllegalStateException("../shared/corpus/copies is not beside the repository"));
    try {
      JsonNode root = new ObjectMapper().readTree(d.resolve("truth.json").toFile());
      List<Copy> out = new ArrayList<>();
      for (JsonNode n : root) {
        List<String> first = new ArrayList<>();
        n.path("first").forEach(v -> first.add(v.asText()));
        List<String> furniture = new ArrayList<>();
        n.path("furniture").forEach(v -> furniture.add(v.asText()));
        out.add(new Copy(n.path("file").asText(), n.path("site").asText(), n.path("headline").asText(),
            n.path("date").isNull() ? null : n.path("date").asText(), n.path("byline").asText(""), first,
            n.path("complete").asBoolean(), n.path("last").isNull() ? null : n.path("last").asText(null), furniture));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "build" or "validation", fixed by the site's name: the first hex digit of its SHA-1, even or odd. */
  static String half(String site) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-1").digest(site.getBytes(StandardCharsets.UTF_8));
      return (HexFormat.of().formatHex(h).charAt(0) - '0') % 2 == 0 ? "build" : "validation";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(Copy c) {
    try {
      return Files.readAllBytes(dir().orElseThrow().resolve(c.file()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Score run(Copy c) {
    try {
      return score(c, new ArticleReader().read(bytes(c), c.file()));
    } catch (BadInputException e) {
      return new Score(c.file(), false, c.date() == null ? null : false, c.byline().isEmpty() ? null : false, false,
          c.complete() && c.last() != null ? false : null, c.furniture().isEmpty() ? null : true, true, true,
          e.getMessage());
    }
  }

  static Score score(Copy c, Article a) {
    List<String> why = new ArrayList<>();
    boolean headline = Objects.equals(StructureEval.norm(c.headline()), StructureEval.norm(a.headline()));
    if (!headline) {
      why.add("headline=" + a.headline());
    }
    String got = a.dateline() == null || a.dateline().gregorian() == null ? null : a.dateline().gregorian().toString();
    Boolean date = null;
    Boolean noFalseDate = null;
    if (c.date() != null) {
      date = c.date().equals(got);
      if (!date) {
        why.add("date=" + got + (a.dateline() == null ? "" : " from «" + a.dateline().source() + "»"));
      }
    } else {
      noFalseDate = got == null;
      if (!noFalseDate) {
        why.add("false date " + got + " from «" + a.dateline().source() + "»");
      }
    }
    Byline b = a.byline();
    Boolean byline = null;
    Boolean noFalseByline = null;
    if (!c.byline().isEmpty()) {
      byline = b != null && java.util.Arrays.stream(c.byline().split("\\s*,\\s*")).allMatch(name ->
          java.util.stream.Stream.of(b.author(), b.source(), b.printed())
              .anyMatch(s -> s != null && StructureEval.norm(s).contains(StructureEval.norm(name))));
      if (!byline) {
        why.add("byline=" + b);
      }
    } else {
      noFalseByline = b == null || b.isEmpty();
      if (!noFalseByline) {
        why.add("false byline " + b);
      }
    }
    List<String> body = a.paragraphs().stream().map(p -> StructureEval.norm(p.source())).toList();
    boolean first = !body.isEmpty() && c.first().stream().map(StructureEval::norm).anyMatch(body.get(0)::startsWith);
    if (!first) {
      why.add("first=" + (body.isEmpty() ? null : cut(body.get(0))));
    }
    Boolean last = null;
    if (c.complete() && c.last() != null) {
      last = !body.isEmpty() && body.get(body.size() - 1).startsWith(StructureEval.norm(c.last()));
      if (!last) {
        why.add("last=" + (body.isEmpty() ? null : cut(body.get(body.size() - 1))));
      }
    }
    Boolean furniture = null;
    if (!c.furniture().isEmpty()) {
      List<String> f = c.furniture().stream().map(StructureEval::norm).toList();
      List<String> bad = body.stream().filter(p -> f.stream().anyMatch(x -> p.startsWith(x) || x.startsWith(p))).toList();
      furniture = bad.isEmpty();
      bad.forEach(p -> why.add("furniture paragraph: " + cut(p)));
    }
    return new Score(c.file(), headline, date, byline, first, last, furniture, noFalseDate, noFalseByline,
        String.join("; ", why));
  }

  private static String cut(String s) {
    return s.length() > 70 ? s.substring(0, 70) + "…" : s;
  }

  public static void main(String[] args) {
    boolean validation = List.of(args).contains("--validation");
    boolean verbose = List.of(args).contains("-v");
    String want = validation ? "validation" : "build";
    List<Copy> pages = copies().stream().filter(c -> half(c.site()).equals(want)).toList();
    List<Score> scores = pages.stream().map(CopiesEval::run).toList();
    System.out.println("Pasted pages, " + want + " half (" + pages.size() + " pages):");
    System.out.println("| page | headline | date | byline | first ¶ | last ¶ | no furniture ¶ | checks | (no false date) | (no false byline) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    for (Score s : scores) {
      long ok = s.checks().stream().filter(x -> x).count();
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %d/%d | %s | %s |%n", s.file().replaceFirst("\\.txt$", ""),
          mark(s.headline()), mark(s.date()), mark(s.byline()), mark(s.first()), mark(s.last()), mark(s.furniture()),
          ok, s.checks().size(), mark(s.noFalseDate()), mark(s.noFalseByline()));
    }
    long passed = scores.stream().mapToLong(s -> s.checks().stream().filter(x -> x).count()).sum();
    long checks = scores.stream().mapToLong(s -> s.checks().size()).sum();
    System.out.printf(Locale.ROOT, "Checks passed (%s half): %d/%d (%.1f%%)%n", want, passed, checks, 100.0 * passed / checks);
    System.out.printf(Locale.ROOT, "  headline %s, date %s, byline %s, first %s, last %s, no furniture %s; no false date %s, no false byline %s%n",
        field(scores, Score::headline), field(scores, Score::date), field(scores, Score::byline), field(scores, Score::first),
        field(scores, Score::last), field(scores, Score::furniture), field(scores, Score::noFalseDate), field(scores, Score::noFalseByline));
    if (verbose) {
      scores.stream().filter(s -> !s.why().isEmpty()).forEach(s -> System.out.println(s.file() + ": " + s.why()));
    }
  }

  private static String field(List<Score> scores, java.util.function.Function<Score, Boolean> f) {
    long n = scores.stream().map(f).filter(Objects::nonNull).count();
    long ok = scores.stream().map(f).filter(Boolean.TRUE::equals).count();
    return ok + "/" + n;
  }

  private static String mark(Boolean ok) {
    return ok == null ? "–" : ok ? "✓" : "✗";
  }
}

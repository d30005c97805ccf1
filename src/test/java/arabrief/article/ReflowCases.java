package arabrief.article;

import arabrief.summary.eval.HardWrap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The clean side of the reflow's metamorphic checks, and the check itself: a clean text hard-wrapped in any
 * style must parse as the clean text. Clean texts are the BBC Arabic articles of ../shared/summ-ar (headline
 * line, blank line, body) and every real page's text: the pasted copies of ../shared/corpus/copies, the text
 * copy in the dev corpus, the real HTML pages pasted as text ({@link PastedCopy}), the seed and the layout
 * fixtures. Shared material is read from where it lies (beside the repository), never copied.
 */
final class ReflowCases {

  /** One clean text. {@code bbcIndex} is the record's 0-based line in the BBC file, -1 for a page. */
  record Clean(String id, String text, int bbcIndex) {}

  /** The styles every clean text is wrapped in: both archive styles, the double-spaced one, and CRLF. */
  static final List<HardWrap.Spec> SPECS = List.of(
      HardWrap.Spec.parse("paragraphs"), HardWrap.Spec.parse("lines"), HardWrap.Spec.parse("double"),
      HardWrap.Spec.parse("paragraphs,crlf"), HardWrap.Spec.parse("lines,crlf"));

  private ReflowCases() {}

  /** ../shared beside the repository (developers' machines and CI), if it is there. */
  static Path shared() {
    for (Path p : List.of(Path.of("..", "shared"), Path.of("/work/shared"))) {
      if (Files.isDirectory(p.resolve("summ-ar")) && Files.isDirectory(p.resolve("corpus"))) {
        return p;
      }
    }
    return null;
  }

  /** The BBC Arabic articles, each as its headline, a blank line and its body. */
  static List<Clean> bbc(Path shared) {
    List<Clean> out = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader r = Files.newBufferedReader(shared.resolve("summ-ar/ant-bbc-dev.jsonl"), StandardCharsets.UTF_8)) {
      int index = 0;
      for (String line; (line = r.readLine()) != null; index++) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode o = json.readTree(line);
        out.add(new Clean(o.path("id").asText(), o.path("title").asText() + "\n\n" + o.path("article").asText(), index));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Every real page's text and the project's own text fixtures. */
  static List<Clean> pages(Path shared) {
    List<Clean> out = new ArrayList<>();
    if (shared != null) {
      try (Stream<Path> files = Files.list(shared.resolve("corpus/copies"))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          out.add(new Clean("copies/" + p.getFileName(), Files.readString(p), -1));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String name : List.of("bbc-arabic-2024-03-03.html", "lbci-2026-01-08.html", "dev/01-assabah-tn.html",
        "dev/02-sputnikarabic-egypt-corona.html", "dev/03-akhbarelyom-naima-akef.html", "dev/06-alyaum-tehran-zadeh.html",
        "dev/08-elbaladtv-turki-alsheikh-yousra.html")) {
      out.add(new Clean("pasted/" + name, PastedCopy.of(resource("/fixtures/corpus/" + name)), -1));
    }
    out.add(new Clean("dev/11-royanews-ramadan-cannon.txt", resource("/fixtures/corpus/dev/11-royanews-ramadan-cannon.txt"), -1));
    out.add(new Clean("seed", new String(Fixtures.seedBytes(), StandardCharsets.UTF_8), -1));
    for (String name : List.of("aggregator_wrapper.txt", "aljazeera_style.txt", "lebanese_style.txt", "levant_portal.txt",
        "photo_caption_style.txt", "reuters_wire.txt", "youm7_style.txt")) {
      out.add(new Clean("fixtures/" + name, new String(Fixtures.article(name), StandardCharsets.UTF_8), -1));
    }
    return out;
  }

  private static String resource(String name) {
    try (InputStream in = Objects.requireNonNull(ReflowCases.class.getResourceAsStream(name), name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a wrapped text must give back: the headline and every paragraph with its sentences. */
  record Parse(String headline, List<Paragraph> paragraphs, String date, Byline byline) {
    static Parse of(String text, String name) {
      try {
        Article a = new ArticleReader().read(text.getBytes(StandardCharsets.UTF_8), name);
        return new Parse(a.headline(), a.paragraphs(), a.dateline() == null ? null : a.dateline().source(), a.byline());
      } catch (BadInputException e) {
        return new Parse(null, List.of(), null, null);
      }
    }
  }

  /** How a wrapped text's parse compares with the clean text's. */
  record Outcome(boolean headline, boolean paragraphs, boolean sentences, boolean dateAndByline) {
    boolean passed() {
      return headline && paragraphs && sentences;
    }
  }

  private static Outcome compare(Parse clean, Parse wrapped) {
    List<String> cleanSentences = clean.paragraphs().stream().flatMap(p -> p.sentences().stream()).toList();
    List<String> wrappedSentences = wrapped.paragraphs().stream().flatMap(p -> p.sentences().stream()).toList();
    return new Outcome(Objects.equals(clean.headline(), wrapped.headline()),
        clean.paragraphs().equals(wrapped.paragraphs()), cleanSentences.equals(wrappedSentences),
        Objects.equals(clean.date(), wrapped.date()) && Objects.equals(clean.byline(), wrapped.byline()));
  }

  /**
   * Unwrapped forms of a clean text that the reflow must leave alone: as it is, without its blank lines, and
   * one sentence a line (as some corpora store articles).
   */
  private static List<String> unwrapped(Clean c) {
    List<String> lines = c.text().lines().filter(l -> !l.isBlank()).toList();
    List<String> sentences = new ArrayList<>();
    for (String line : lines) {
      sentences.addAll(SentenceSplitter.split(line));
    }
    return List.of(c.text(), String.join("\n", lines) + "\n", String.join("\n", sentences) + "\n");
  }

  /** The text wrapped by {@code spec}, at a width of 60 to 100 columns that depends on the text and the style. */
  private static String wrap(Clean c, HardWrap.Spec spec) {
    return spec.apply(c.text(), c.id() + "/" + spec.style());
  }

  /**
   * The checks on one clean text, shared by the test's sample and the full run.
   *
   * @param changedForms the unwrapped forms ({@link #unwrapped}, by index) that the reflow changed: must be none
   * @param outcomes the wrapped text's parse against the clean one's, one per style of {@link #SPECS}
   */
  record Check(List<Integer> changedForms, List<Outcome> outcomes) {}

  static Check check(Clean c) {
    List<String> forms = unwrapped(c);
    List<Integer> changed = new ArrayList<>();
    for (int f = 0; f < forms.size(); f++) {
      if (!Reflow.reflow(forms.get(f)).equals(forms.get(f))) {
        changed.add(f);
      }
    }
    Parse clean = Parse.of(c.text(), c.id());
    List<Outcome> outcomes = SPECS.stream().map(spec -> compare(clean, Parse.of(wrap(c, spec), c.id()))).toList();
    return new Check(changed, outcomes);
  }
}

import arabrief.article.Article;
import arabrief.article.ArticleReader;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import arabrief.pipeline.Brief;
import arabrief.pipeline.Pipeline;
import arabrief.pipeline.Segment;
import arabrief.pipeline.TranslatedParagraph;
import arabrief.summary.Summarizer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Does `brief` (which ranks the Arabic sentences before translating) choose what the English ranking
 * would choose on the translation? Translates every body sentence of the seed article and the layout
 * fixtures with a model, ranks the Arabic sentences and their English translations with the same
 * summarizer settings, and prints both choices and the share of the Arabic choice the English one shares.
 *
 * <p>java -cp "target/classes:target/lib/*" scripts/bench/RankingAgreement.java [MODEL_DIR] [N]
 * (default: the fixture model tiny-opus, 3 sentences; greedy decoding, 64 new tokens at most).
 */
public class RankingAgreement {
  public static void main(String[] a) throws Exception {
    Path model = Path.of(a.length > 0 ? a[0] : "src/test/resources/fixtures/models/tiny-opus");
    int n = a.length > 1 ? Integer.parseInt(a[1]) : 3;
    List<Path> files = new ArrayList<>(List.of(Path.of("seeds/000_576a10afaf96e38e.txt")));
    try (var s = Files.list(Path.of("src/test/resources/fixtures/articles"))) {
      s.sorted().forEach(files::add);
    }
    int shared = 0;
    int chosen = 0;
    int sameLead = 0;
    int articles = 0;
    try (Translator t = Translator.load(model)) {
      GenerationSettings greedy = GenerationSettings.read(t.modelDir(),
          JsonNodeFactory.instance.objectNode().put("num_beams", 1).put("max_new_tokens", 64));
      Pipeline pipeline = new Pipeline(t, greedy, 16);
      for (Path f : files) {
        Article article = new ArticleReader().read(Files.readAllBytes(f), f.getFileName().toString());
        Brief b = pipeline.translate(article, 0);
        List<String> arabic = new ArrayList<>();
        List<String> english = new ArrayList<>();
        List<Integer> paragraphs = new ArrayList<>();
        for (int p = 0; p < b.paragraphs().size(); p++) {
          TranslatedParagraph tp = b.paragraphs().get(p);
          for (Segment s : tp.sentences()) {
            if (!s.text().isEmpty()) { // keep the two lists aligned, as assemble() does
              arabic.add(s.source());
              english.add(s.text());
              paragraphs.add(p);
            }
          }
        }
        List<Integer> ar = Summarizer.arabic().select(arabic, paragraphs, n);
        List<Integer> en = Summarizer.english().select(english, paragraphs, n);
        long both = ar.stream().filter(en::contains).count();
        shared += both;
        chosen += ar.size();
        articles++;
        sameLead += !ar.isEmpty() && !en.isEmpty() && ar.get(0).equals(en.get(0)) ? 1 : 0;
        System.out.printf("%-28s %2d sentences  arabic %-14s english %-14s shared %d/%d%n",
            f.getFileName(), arabic.size(), ar, en, both, ar.size());
      }
    }
    System.out.printf("agreement: %d of %d Arabic-chosen sentences also chosen on the English (%.0f%%);"
        + " same first sentence in %d of %d articles%n", shared, chosen, 100.0 * shared / chosen, sameLead, articles);
  }
}

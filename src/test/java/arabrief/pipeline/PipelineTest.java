package arabrief.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.article.Article;
import arabrief.article.ArticleReader;
import arabrief.mt.Fixtures;
import arabrief.mt.Translation;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed article through the whole pipeline with a trained fixture model. */
class PipelineTest {
  private static Translator translator;
  private static GenerationSettings greedy;
  private static Article seed;
  /** The seed translated once with a 3-sentence summary, and the source lists of the model calls it made. */
  private static Brief full;
  private static final List<List<String>> calls = new ArrayList<>();

  @BeforeAll
  static void load() throws Exception {
    translator = Translator.load(Fixtures.model("tiny-opus"));
    greedy = GenerationSettings.read(translator.modelDir(),
        JsonNodeFactory.instance.objectNode().put("num_beams", 1).put("max_new_tokens", 48));
    byte[] bytes = Files.readAllBytes(Path.of("seeds/000_576a10afaf96e38e.txt"));
    seed = new ArticleReader().read(bytes, "seed");
    full = new Pipeline(translator, greedy, 16)
        .onTranslations(ts -> calls.add(ts.stream().map(Translation::source).toList()))
        .translate(seed, 3);
  }

  @AfterAll
  static void close() {
    translator.close();
  }

  @Test
  void everyBodySentenceIsTranslatedExactlyOnceInOrder() {
    Brief b = full;

    assertEquals(1, calls.size(), "one model call for the whole document");
    List<String> expected = new ArrayList<>();
    expected.add(seed.headline());
    expected.add(seed.caption());
    seed.paragraphs().forEach(par -> expected.addAll(par.sentences()));
    assertEquals(expected, calls.get(0));

    assertEquals(8, b.paragraphs().size());
    assertEquals(seed.paragraphs().size(), b.paragraphs().size());
    for (int i = 0; i < b.paragraphs().size(); i++) {
      TranslatedParagraph tp = b.paragraphs().get(i);
      assertEquals(seed.paragraphs().get(i).source(), tp.source());
      assertEquals(seed.paragraphs().get(i).sentences(), tp.sentences().stream().map(Segment::source).toList());
      assertEquals(String.join(" ", tp.sentences().stream().map(Segment::text).toList()), tp.text());
      assertFalse(tp.text().isBlank(), "paragraph " + i + " has an English text");
    }
    assertEquals(LocalDate.of(2022, 5, 13), b.dateline().gregorian());
    assertEquals("Friday 13 May 2022 (12 Shawwal 1443 AH)", b.dateline().english());
    assertTrue(b.dropped().contains("اختيارات المحرر"), "furniture is listed as dropped: " + b.dropped());
    assertTrue(b.dropped().contains("فيديو"));
  }

  @Test
  void sentenceTranslationsDoNotDependOnTheirBatch() {
    Brief b = full;
    List<String> alone = new ArrayList<>();
    for (Segment s : b.paragraphs().get(1).sentences()) {
      alone.add(translator.translate(List.of(s.source()), greedy, 1).get(0).text());
    }
    assertEquals(alone, b.paragraphs().get(1).sentences().stream().map(Segment::text).toList());
    assertEquals(translator.translate(List.of(seed.headline()), greedy, 1).get(0).text(), b.headline().text());
  }

  @Test
  void summaryIsDrawnVerbatimFromTheTranslationInArticleOrder() {
    Brief b = full;
    assertEquals(3, b.summary().size());
    List<String> body = new ArrayList<>();
    b.paragraphs().forEach(tp -> tp.sentences().forEach(s -> body.add(s.text())));
    int last = -1;
    for (String s : b.summary()) {
      int at = body.indexOf(s);
      assertTrue(at >= 0, "summary sentence comes from the translation: " + s);
      assertTrue(at > last, "summary is in article order");
      last = at;
    }
    assertTrue(Pipeline.assemble(seed, translator.translate(Pipeline.segments(seed), greedy, 16), 0).summary().isEmpty());
  }

  @Test
  void briefTranslatesOnlyTheHeadlineAndTheChosenSentences() {
    List<Integer> sizes = new ArrayList<>();
    Brief b = new Pipeline(translator, greedy, 16).onTranslations(ts -> sizes.add(ts.size())).brief(seed, 3);
    int total = seed.paragraphs().stream().mapToInt(par -> par.sentences().size()).sum();
    assertEquals(total, b.totalSentences());
    assertEquals(3, b.translatedSentences());
    assertEquals(List.of(4), sizes, "headline + 3 sentences in one call");
    assertNotNull(b.headline());
    assertTrue(b.paragraphs().isEmpty());
    assertEquals(3, b.summary().size());
    List<String> body = new ArrayList<>();
    full.paragraphs().forEach(tp -> tp.sentences().forEach(s -> body.add(s.text())));
    for (String s : b.summary()) {
      assertTrue(body.contains(s), "a brief sentence is the translation of a body sentence: " + s);
    }
    // summary_source: the Arabic sentence behind each line, in the same order, from the body.
    assertEquals(Pipeline.arabicSummary(seed, 3, 0), b.summarySource());
    List<Segment> sentences = new ArrayList<>();
    full.paragraphs().forEach(tp -> sentences.addAll(tp.sentences()));
    for (int i = 0; i < b.summary().size(); i++) {
      String source = b.summarySource().get(i);
      assertEquals(b.summary().get(i), sentences.stream().filter(s -> s.source().equals(source)).findFirst()
          .orElseThrow().text(), "line " + i + " is the translation of its source");
    }
  }

  @Test
  void fullTranslationNamesTheSourceOfEachSummaryLine() {
    assertEquals(full.summary().size(), full.summarySource().size());
    List<Segment> sentences = new ArrayList<>();
    full.paragraphs().forEach(tp -> sentences.addAll(tp.sentences()));
    for (int i = 0; i < full.summary().size(); i++) {
      String text = full.summary().get(i);
      assertEquals(full.summarySource().get(i),
          sentences.stream().filter(s -> s.text().equals(text)).findFirst().orElseThrow().source());
    }
  }

  @Test
  void arabicSummaryIsBodySentencesVerbatimInArticleOrder() {
    List<String> body = new ArrayList<>();
    seed.paragraphs().forEach(par -> body.addAll(par.sentences()));
    List<String> chosen = Pipeline.arabicSummary(seed, 3, 0);
    assertEquals(3, chosen.size());
    int last = -1;
    for (String s : chosen) {
      int at = body.indexOf(s);
      assertTrue(at > last, "a body sentence, after the previous one: " + s);
      last = at;
      assertFalse(s.equals(seed.headline()) || s.equals(seed.caption()), "no headline or caption: " + s);
    }
    assertEquals(List.of(), Pipeline.arabicSummary(seed, 0, 0));
    assertEquals(body, Pipeline.arabicSummary(seed, body.size(), 0), "asking for all gives all");
  }
}

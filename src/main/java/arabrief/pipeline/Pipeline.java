package arabrief.pipeline;

import arabrief.article.Article;
import arabrief.article.ClauseSplitter;
import arabrief.article.Paragraph;
import arabrief.mt.InputSplitter;
import arabrief.mt.Translation;
import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import arabrief.summary.Summarizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * From a parsed Arabic article to an English {@link Brief}: every segment of the document (headline,
 * caption, body sentences) goes to the model in one call, which sorts them by length and batches them;
 * the translations are put back per paragraph and summarized. {@link #segments} and {@link #assemble}
 * are the two halves, public so that a batch can send many articles' segments in one call.
 */
public final class Pipeline {
  /** How the pipeline cuts a segment too long for the model: at sentence, then clause boundaries. */
  public static final InputSplitter SPLITTER = ClauseSplitter::split;

  /** Whatever turns a list of segments into their translations, in order (a translator, or a server's scheduler). */
  @FunctionalInterface
  public interface Engine {
    List<Translation> translate(List<String> segments);
  }

  private final Engine engine;
  private Consumer<List<Translation>> observer = ts -> {};

  public Pipeline(Translator translator, GenerationSettings settings, int batchSize) {
    Translator t = translator.withSplitter(SPLITTER);
    this.engine = segments -> t.translate(segments, settings, batchSize);
  }

  /** A pipeline over another engine; it must cut over-long segments with {@link #SPLITTER}. */
  public Pipeline(Engine engine) {
    this.engine = engine;
  }

  /** Called with every list of translations the model produced (for statistics). */
  public Pipeline onTranslations(Consumer<List<Translation>> observer) {
    this.observer = observer;
    return this;
  }

  /** The whole article in English, with a summary of {@code summarySentences} sentences on top. */
  public Brief translate(Article a, int summarySentences) {
    return translate(a, summarySentences, 0);
  }

  /** As {@link #translate(Article, int)}, the summary also within {@code summaryWords} words (0: no budget). */
  public Brief translate(Article a, int summarySentences, int summaryWords) {
    return assemble(a, translate(segments(a)), summarySentences, summaryWords);
  }

  /**
   * Headline, the standfirst's lines, caption, then every body sentence, in the order {@link #assemble}
   * expects their translations.
   */
  public static List<String> segments(Article a) {
    List<String> segments = new ArrayList<>();
    if (present(a.headline())) {
      segments.add(a.headline());
    }
    segments.addAll(standfirstLines(a));
    if (present(a.caption())) {
      segments.add(a.caption());
    }
    for (Paragraph p : a.paragraphs()) {
      segments.addAll(p.sentences());
    }
    return segments;
  }

  /** The brief of {@code a} from the translations of its {@link #segments}, in the same order. */
  public static Brief assemble(Article a, List<Translation> ts, int summarySentences) {
    return assemble(a, ts, summarySentences, 0);
  }

  /** As {@link #assemble(Article, List, int)} with a summary word budget (0: none). */
  public static Brief assemble(Article a, List<Translation> ts, int summarySentences, int summaryWords) {
    int k = 0;
    Segment headline = present(a.headline()) ? segment(ts.get(k++)) : null;
    int deck = standfirstLines(a).size();
    Segment standfirst = standfirst(a, ts.subList(k, k + deck));
    k += deck;
    Segment caption = present(a.caption()) ? segment(ts.get(k++)) : null;
    int bodyStart = k;
    List<TranslatedParagraph> paragraphs = new ArrayList<>();
    List<String> english = new ArrayList<>();
    List<String> arabicOf = new ArrayList<>();
    List<Integer> paragraphOf = new ArrayList<>();
    for (int pi = 0; pi < a.paragraphs().size(); pi++) {
      Paragraph p = a.paragraphs().get(pi);
      TranslatedParagraph tp = paragraph(p, ts.subList(k, k + p.sentences().size()));
      k += p.sentences().size();
      for (Segment s : tp.sentences()) {
        if (!s.text().isEmpty()) {
          english.add(s.text());
          arabicOf.add(s.source());
          paragraphOf.add(pi);
        }
      }
      paragraphs.add(tp);
    }
    List<String> summary = new ArrayList<>();
    List<String> summarySource = new ArrayList<>();
    if (summarySentences > 0) {
      for (int i : Summarizer.english().select(english, paragraphOf, summarySentences, summaryWords)) {
        summary.add(english.get(i));
        summarySource.add(arabicOf.get(i));
      }
    }
    int total = k - bodyStart;
    return new Brief(headline, a.dateline(), caption, paragraphs, summary, a.dropped(), total, total, a.byline(),
        summarySource, standfirst);
  }

  /** The standfirst's lines (a deck of bullet points is translated point by point); empty when there is none. */
  private static List<String> standfirstLines(Article a) {
    return present(a.standfirst()) ? a.standfirst().lines().filter(Pipeline::present).toList() : List.of();
  }

  /** The standfirst from the translations of its lines, joined line by line; its score the lines' mean. */
  private static Segment standfirst(Article a, List<Translation> ts) {
    if (ts.isEmpty()) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    double score = 0;
    for (Translation t : ts) {
      text.append(text.length() > 0 ? "\n" : "").append(t.text());
      score += t.score();
    }
    return new Segment(String.join("\n", standfirstLines(a)), text.toString(), score / ts.size());
  }

  /** One paragraph from the translations of its sentences, in order (for callers that stream paragraphs). */
  public static TranslatedParagraph paragraph(Paragraph p, List<Translation> ts) {
    List<Segment> sentences = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Translation t : ts) {
      Segment s = segment(t);
      sentences.add(s);
      if (!s.text().isEmpty()) {
        text.append(text.length() > 0 ? " " : "").append(s.text());
      }
    }
    return new TranslatedParagraph(p.source(), text.toString(), sentences);
  }

  /**
   * The journalist's fast path: the body sentences are ranked on the Arabic side and only the chosen
   * ones (and the headline and standfirst) are translated, so a brief costs a fraction of a full translation.
   */
  public Brief brief(Article a, int summarySentences) {
    return brief(a, summarySentences, 0);
  }

  /**
   * As {@link #brief(Article, int)} within a word budget (0: none). The budget is counted on the Arabic
   * sentences, the ones chosen before translation, so the English summary may run somewhat over or under it.
   */
  public Brief brief(Article a, int summarySentences, int summaryWords) {
    List<String> chosen = arabicSummary(a, summarySentences, summaryWords);
    List<String> segments = new ArrayList<>();
    int head = add(segments, a.headline());
    List<String> deck = standfirstLines(a);
    segments.addAll(deck);
    segments.addAll(chosen);
    List<Translation> ts = translate(segments);
    int first = (head < 0 ? 0 : 1) + deck.size();
    List<String> summary = new ArrayList<>();
    List<String> summarySource = new ArrayList<>();
    for (int i = first; i < ts.size(); i++) {
      if (!ts.get(i).text().isEmpty()) {
        summary.add(ts.get(i).text());
        summarySource.add(segments.get(i));
      }
    }
    int total = a.paragraphs().stream().mapToInt(p -> p.sentences().size()).sum();
    return new Brief(
        head < 0 ? null : segment(ts.get(head)),
        a.dateline(),
        null,
        List.of(),
        summary,
        a.dropped(),
        chosen.size(),
        total,
        a.byline(),
        summarySource,
        standfirst(a, ts.subList(first - deck.size(), first)));
  }

  /**
   * The Arabic body sentences that brief the article, verbatim and in article order, ranked on the
   * Arabic side without any model: what {@code brief} translates and {@code summarize} prints for
   * Arabic input. Headline, dateline, caption and furniture are already out of the body.
   *
   * @param summarySentences at most this many ({@link Integer#MAX_VALUE}: no limit but the budget); 0 for none
   * @param summaryWords a word budget counted on the Arabic (0: none)
   */
  public static List<String> arabicSummary(Article a, int summarySentences, int summaryWords) {
    List<String> arabic = new ArrayList<>();
    List<Integer> paragraphOf = new ArrayList<>();
    for (int pi = 0; pi < a.paragraphs().size(); pi++) {
      for (String s : a.paragraphs().get(pi).sentences()) {
        arabic.add(s);
        paragraphOf.add(pi);
      }
    }
    if (summarySentences == 0) {
      return List.of();
    }
    return Summarizer.arabic().select(arabic, paragraphOf, summarySentences, summaryWords).stream()
        .map(arabic::get).toList();
  }

  private List<Translation> translate(List<String> segments) {
    List<Translation> ts = engine.translate(segments);
    observer.accept(ts);
    return ts;
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  private static int add(List<String> segments, String text) {
    if (!present(text)) {
      return -1;
    }
    segments.add(text);
    return segments.size() - 1;
  }

  private static Segment segment(Translation t) {
    return new Segment(t.source(), t.text(), t.score());
  }
}

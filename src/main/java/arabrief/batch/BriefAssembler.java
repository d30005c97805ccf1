package arabrief.batch;

import arabrief.article.Article;
import arabrief.article.Paragraph;
import arabrief.mt.Translation;
import arabrief.pipeline.Brief;
import arabrief.pipeline.Segment;
import arabrief.pipeline.TranslatedParagraph;
import arabrief.summary.Summarizer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link arabrief.pipeline.Pipeline#translate}, cut in two so that many articles can share one model
 * call: {@link #segments} lists what an article needs translated, {@link #assemble} builds its brief from
 * the translations, exactly as the pipeline does. (Belongs in Pipeline; kept here until it moves.)
 */
final class BriefAssembler {
  private BriefAssembler() {}

  /** Headline, caption, then every body sentence, as Pipeline.translate sends them to the model. */
  static List<String> segments(Article a) {
    List<String> segments = new ArrayList<>();
    if (present(a.headline())) {
      segments.add(a.headline());
    }
    if (present(a.caption())) {
      segments.add(a.caption());
    }
    for (Paragraph p : a.paragraphs()) {
      segments.addAll(p.sentences());
    }
    return segments;
  }

  /** The brief of {@code a} from the translations of its {@link #segments}, in the same order. */
  static Brief assemble(Article a, List<Translation> ts, int summarySentences) {
    int k = 0;
    Segment headline = present(a.headline()) ? segment(ts.get(k++)) : null;
    Segment caption = present(a.caption()) ? segment(ts.get(k++)) : null;
    int bodyStart = k;
    List<TranslatedParagraph> paragraphs = new ArrayList<>();
    List<String> english = new ArrayList<>();
    List<Integer> paragraphOf = new ArrayList<>();
    for (int pi = 0; pi < a.paragraphs().size(); pi++) {
      Paragraph p = a.paragraphs().get(pi);
      List<Segment> sentences = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < p.sentences().size(); i++, k++) {
        Segment s = segment(ts.get(k));
        sentences.add(s);
        if (!s.text().isEmpty()) {
          english.add(s.text());
          paragraphOf.add(pi);
          text.append(text.length() > 0 ? " " : "").append(s.text());
        }
      }
      paragraphs.add(new TranslatedParagraph(p.source(), text.toString(), sentences));
    }
    List<String> summary = new ArrayList<>();
    if (summarySentences > 0) {
      for (int i : Summarizer.english().select(english, paragraphOf, summarySentences)) {
        summary.add(english.get(i));
      }
    }
    int total = k - bodyStart;
    return new Brief(headline, a.dateline(), caption, paragraphs, summary, a.dropped(), total, total);
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  private static Segment segment(Translation t) {
    return new Segment(t.source(), t.text(), t.score());
  }
}

package arabrief.pipeline;

import java.util.List;

/** A body paragraph: its Arabic, its English (the sentences' translations joined), and the sentences. */
public record TranslatedParagraph(String source, String text, List<Segment> sentences) {
  public TranslatedParagraph {
    sentences = List.copyOf(sentences);
  }
}

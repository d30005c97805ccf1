package arabrief.article;

import java.util.List;

/**
 * A body paragraph and its sentences; the sentences joined by single spaces give the source back
 * (modulo whitespace).
 */
public record Paragraph(String source, List<String> sentences) {

  public Paragraph {
    sentences = List.copyOf(sentences);
  }
}

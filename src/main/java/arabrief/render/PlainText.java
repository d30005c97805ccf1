package arabrief.render;

import arabrief.pipeline.Brief;
import arabrief.pipeline.TranslatedParagraph;

/** Plain text for reading in a terminal or pasting into an email. */
final class PlainText {
  private PlainText() {}

  static String render(Brief b, boolean bilingual) {
    StringBuilder sb = new StringBuilder();
    if (b.headline() != null) {
      if (bilingual) {
        sb.append(b.headline().source()).append('\n');
      }
      sb.append(b.headline().text()).append('\n');
    }
    if (b.origin() != null) {
      sb.append(b.origin().url()).append('\n');
    }
    if (b.standfirst() != null) {
      if (bilingual) {
        sb.append(b.standfirst().source()).append('\n');
      }
      sb.append(b.standfirst().text()).append('\n');
    }
    if (b.dateline() != null) {
      sb.append(b.dateline().english() != null ? b.dateline().english() : b.dateline().source()).append('\n');
    }
    String byline = BylineText.of(b.byline());
    if (byline != null) {
      sb.append("By: ").append(byline).append('\n');
    }
    if (!b.summary().isEmpty()) {
      sb.append("\nSummary:\n");
      for (int i = 0; i < b.summary().size(); i++) {
        sb.append("  - ");
        if (bilingual && !b.summarySource().isEmpty()) {
          sb.append(b.summarySource().get(i)).append("\n    ");
        }
        sb.append(b.summary().get(i)).append('\n');
      }
    }
    if (b.caption() != null) {
      sb.append("\nPhoto: ");
      if (bilingual) {
        sb.append(b.caption().source()).append("\n       ");
      }
      sb.append(b.caption().text()).append('\n');
    }
    for (TranslatedParagraph p : b.paragraphs()) {
      sb.append('\n');
      if (bilingual) {
        sb.append(p.source()).append('\n');
      }
      sb.append(p.text()).append('\n');
    }
    return sb.toString();
  }
}

package arabrief.render;

import arabrief.article.Byline;
import java.util.ArrayList;
import java.util.List;

/** The byline as one short line for the text and Markdown renderers: "Beirut · نادين الأحمد · رويترز". */
final class BylineText {
  private BylineText() {}

  /** Null when the article credits no one. */
  static String of(Byline b) {
    if (b == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (String p : new String[] {b.place(), b.author(), b.source()}) {
      if (p != null && !p.isBlank()) {
        parts.add(p);
      }
    }
    return parts.isEmpty() ? null : String.join(" · ", parts);
  }
}

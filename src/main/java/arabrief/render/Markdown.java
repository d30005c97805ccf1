package arabrief.render;

import arabrief.pipeline.Brief;
import arabrief.pipeline.TranslatedParagraph;

/** Markdown for newsroom wikis and chat: headline as a title, the summary as a list, the body after. */
public final class Markdown {
  private Markdown() {}

  static String render(Brief b, boolean bilingual) {
    StringBuilder sb = new StringBuilder();
    if (b.headline() != null) {
      sb.append("# ").append(escape(b.headline().text())).append("\n\n");
      if (bilingual) {
        sb.append("<div dir=\"rtl\">").append(escape(b.headline().source())).append("</div>\n\n");
      }
    }
    if (b.origin() != null) {
      sb.append('<').append(b.origin().url().replace(">", "%3E").replace(" ", "%20")).append(">\n\n");
    }
    if (b.standfirst() != null) {
      // one point a line, as the page prints the deck; a hard line break keeps them apart in Markdown
      sb.append("**").append(escape(b.standfirst().text()).replace("\n", "**  \n**")).append("**\n\n");
      if (bilingual) {
        sb.append("<div dir=\"rtl\">").append(escape(b.standfirst().source()).replace("\n", "<br>")).append("</div>\n\n");
      }
    }
    if (b.dateline() != null) {
      sb.append('*').append(escape(b.dateline().english() != null ? b.dateline().english() : b.dateline().source()))
          .append("*\n\n");
    }
    String byline = BylineText.of(b.byline());
    if (byline != null) {
      sb.append("By: ").append(escape(byline)).append("\n\n");
    }
    if (!b.summary().isEmpty()) {
      sb.append("## Summary\n\n");
      for (int i = 0; i < b.summary().size(); i++) {
        sb.append("- ");
        if (bilingual && !b.summarySource().isEmpty()) {
          sb.append("<span dir=\"rtl\">").append(escape(b.summarySource().get(i))).append("</span><br>\n  ");
        }
        sb.append(escape(b.summary().get(i))).append('\n');
      }
      sb.append('\n');
    }
    if (b.caption() != null) {
      sb.append("> Photo: ").append(escape(b.caption().text())).append("\n\n");
      if (bilingual) {
        sb.append("> <span dir=\"rtl\">").append(escape(b.caption().source())).append("</span>\n\n");
      }
    }
    if (!b.paragraphs().isEmpty()) {
      sb.append("## Article\n\n");
      for (TranslatedParagraph p : b.paragraphs()) {
        if (bilingual) {
          sb.append("<div dir=\"rtl\">").append(escape(p.source())).append("</div>\n\n");
        }
        sb.append(escape(p.text())).append("\n\n");
      }
    }
    return sb.toString().stripTrailing() + "\n";
  }

  /** Markdown's inline specials would otherwise turn "*" in a quote into emphasis. */
  public static String escape(String s) {
    return s.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
  }
}

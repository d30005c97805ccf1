package arabrief.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * What a reader gets by selecting a whole saved page in a browser and pasting it as text: every visible
 * text block on a line of its own, menus, tickers, related stories and footer included. Made from the
 * real HTML pages so the text-copy path is measured on real sites' furniture, not on composed text.
 */
final class PastedCopy {

  private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
      "br", "tr", "table", "section", "article", "header", "footer", "nav", "aside", "figure", "figcaption",
      "blockquote", "main", "form", "dl", "dt", "dd", "hr", "address", "pre", "td", "th");

  private PastedCopy() {}

  static String of(String html) {
    Document doc = Jsoup.parse(html);
    doc.select("script, style, noscript, template, iframe, svg, [hidden], [aria-hidden=true], "
        + "[style*=display:none], [style*=display: none], select, input, textarea, head").remove();
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
          out.append(t.text());
        } else if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          out.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
          out.append('\n');
        }
      }
    }, doc.body() == null ? doc : doc.body());
    List<String> lines = new ArrayList<>();
    for (String line : out.toString().split("\n")) {
      String l = line.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
      if (!l.isEmpty()) {
        lines.add(l);
      }
    }
    return String.join("\n", lines) + "\n";
  }
}

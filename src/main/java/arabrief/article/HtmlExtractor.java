package arabrief.article;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * An HTML news page to the plain-text layout {@link ArticleParser} reads: headline, date line,
 * caption, then one paragraph per line with blank lines between. Going through text rather than
 * straight to an {@link Article} keeps one parser, so furniture inside the article body (bylines,
 * "اقرأ أيضا" links) is handled the same way for pages and for copied text.
 */
final class HtmlExtractor {

  private static final Pattern HTML_START =
      Pattern.compile("(?is)^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html|head|body|article|div|p|meta|title)\\b");
  private static final Pattern HTML_PARAGRAPH = Pattern.compile("(?i)</p>|<br\\s*/?>");

  /** Page chrome: never article text. */
  private static final String CHROME =
      "script, style, noscript, template, iframe, svg, nav, header, footer, aside, form, menu, button, "
          + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true]";
  /** Class or id words of widgets that sit inside article containers: share bars, related links, ads. */
  private static final Pattern WIDGET =
      Pattern.compile("(?i)(?:^|[-_\\s])(?:share|sharing|social|related|recommended|more-stories|newsletter|"
          + "comments?|tags?|breadcrumbs?|menu|navbar|ads?|advert\\w*|promo|subscribe|most-read|ticker|author-box)(?:$|[-_\\s])");

  private HtmlExtractor() {}

  static boolean looksLikeHtml(String text) {
    return HTML_START.matcher(text).find()
        || HTML_PARAGRAPH.matcher(text).results().limit(2).count() >= 2;
  }

  static String extract(String html) {
    Document doc = Jsoup.parse(html);
    String headline = headline(doc);
    doc.select(CHROME).remove();
    for (Element e : doc.getAllElements()) {
      if (e != doc && e.parent() != null && WIDGET.matcher(e.className() + " " + e.id()).find()) {
        e.remove();
      }
    }
    Element content = contentOf(doc);
    String dateline = dateline(content, doc);
    String caption = firstText(content.select("figcaption"), doc.select("figcaption"));
    content.select("figure, figcaption, h1").remove();

    List<String> out = new ArrayList<>();
    addIfPresent(out, headline);
    addIfPresent(out, dateline);
    addIfPresent(out, caption);
    out.addAll(paragraphs(content));
    return String.join("\n\n", out);
  }

  /** The h1 if the page has one (inside chrome or not), else og:title, else the title tag. */
  private static String headline(Document doc) {
    Element article = doc.selectFirst("article h1");
    Element h1 = article != null ? article : doc.selectFirst("h1");
    if (h1 != null && !h1.text().isBlank()) {
      return h1.text();
    }
    Element og = doc.selectFirst("meta[property=og:title]");
    if (og != null && !og.attr("content").isBlank()) {
      return og.attr("content");
    }
    // "Headline | Site": the site name after the bar is not part of the headline.
    String title = doc.title();
    int bar = title.lastIndexOf(" | ");
    return bar > 0 ? title.substring(0, bar) : title;
  }

  /**
   * The {@code <article>} (the one with the most paragraph text when a page has several),
   * otherwise the element whose own {@code <p>} children hold the most text.
   */
  private static Element contentOf(Document doc) {
    Elements articles = doc.select("article, [itemprop=articleBody]");
    Elements candidates = articles.isEmpty() ? doc.select("p").parents() : articles;
    Element best = doc.body();
    int bestLength = -1;
    for (Element candidate : candidates) {
      int length = 0;
      for (Element p : articles.isEmpty() ? candidate.children() : candidate.select("p")) {
        if (p.nameIs("p")) {
          length += p.text().length();
        }
      }
      if (length > bestLength) {
        best = candidate;
        bestLength = length;
      }
    }
    return best;
  }

  private static String dateline(Element content, Document doc) {
    Element time = content.selectFirst("time");
    if (time == null) {
      time = doc.selectFirst("time, [class*=date], [itemprop=datePublished]");
    }
    if (time == null) {
      return null;
    }
    String text = time.text();
    if (DatelineParser.parse(Normalizer.normalize(text)) != null) {
      time.remove();
      return text;
    }
    String machine = time.hasAttr("datetime") ? time.attr("datetime") : time.attr("content");
    time.remove();
    return machine.length() >= 10 ? machine.substring(0, 10) : null;
  }

  private static String firstText(Elements preferred, Elements fallback) {
    Elements from = preferred.isEmpty() ? fallback : preferred;
    return from.isEmpty() ? null : from.first().text();
  }

  /** Paragraph-like blocks in document order; a block nested in another block is not repeated. */
  private static List<String> paragraphs(Element content) {
    Set<Element> blocks = new LinkedHashSet<>(content.select("p, h2, h3, h4, blockquote, li"));
    List<String> out = new ArrayList<>();
    for (Element block : blocks) {
      boolean nested = block.parents().stream().anyMatch(blocks::contains);
      String text = block.text().strip();
      if (!nested && !text.isEmpty()) {
        out.add(text);
      }
    }
    if (out.isEmpty() && !content.text().isBlank()) {
      out.add(content.text());
    }
    return out;
  }

  private static void addIfPresent(List<String> out, String text) {
    if (text != null && !text.isBlank()) {
      out.add(text.strip());
    }
  }
}

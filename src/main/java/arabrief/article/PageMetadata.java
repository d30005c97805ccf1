package arabrief.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * What an HTML page says about itself: schema.org {@code NewsArticle} JSON-LD (headline, datePublished,
 * author, image caption, publisher), Open Graph and {@code <title>}. A page's own statement beats any
 * guess from its layout, so {@link HtmlExtractor} asks here first.
 *
 * @param headline JSON-LD headline, or null
 * @param ogTitle og:title, or null
 * @param title the {@code <title>} text, or null
 * @param datePublished the JSON-LD date, {@code yyyy-MM-dd}, or null
 * @param authors the JSON-LD author names, in order
 * @param imageCaption the JSON-LD image caption, or null
 * @param siteNames names the page gives itself (publisher, og:site_name, WebSite name)
 */
record PageMetadata(String headline, String ogTitle, String title, String datePublished, List<String> authors,
    String imageCaption, List<String> siteNames) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static PageMetadata of(Document doc) {
    JsonNode article = null;
    List<String> sites = new ArrayList<>();
    for (Element script : doc.select("script[type=application/ld+json]")) {
      JsonNode root = parse(script.data());
      if (root == null) {
        continue;
      }
      for (JsonNode node : flatten(root)) {
        String type = node.path("@type").toString();
        if (type.contains("Article") && article == null) {
          article = node;
        }
        if (type.contains("WebSite") || type.contains("Organization")) {
          add(sites, text(node.path("name")));
        }
      }
    }
    add(sites, meta(doc, "og:site_name"));
    List<String> authors = new ArrayList<>();
    String headline = null;
    String date = null;
    String caption = null;
    if (article != null) {
      headline = text(article.path("headline"));
      String published = text(article.path("datePublished"));
      date = published != null && published.length() >= 10 ? published.substring(0, 10) : null;
      JsonNode author = article.path("author");
      for (JsonNode a : author.isArray() ? author : List.of(author)) {
        add(authors, a.isTextual() ? text(a) : text(a.path("name")));
      }
      JsonNode image = article.path("image");
      caption = text((image.isArray() ? image.path(0) : image).path("caption"));
      add(sites, text(article.path("publisher").path("name")));
    }
    if (date == null) {
      date = markedUpDate(doc);
    }
    String title = doc.title().isBlank() ? null : doc.title().strip();
    return new PageMetadata(headline, meta(doc, "og:title"), title, date, authors, caption, sites);
  }

  /**
   * The publication date the markup declares when there is no JSON-LD, in htmldate's order of trust:
   * Open Graph / Dublin Core / itemprop meta tags, then any element carrying a machine date in an
   * attribute that says "published" ({@code itemprop}, {@code property}, {@code <time pubdate>}).
   * Modification dates are not read: an "updated" stamp is the printed fallback's business.
   */
  private static String markedUpDate(Document doc) {
    String[] selectors = {
      "meta[property=article:published_time]", "meta[property=og:published_time]", "meta[itemprop=datePublished]",
      "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=publish-date]", "meta[name=dc.date]",
      "meta[name=dc.date.issued]", "meta[name=dcterms.date]", "meta[name=date]", "[itemprop=datePublished][datetime]",
      "[itemprop=datePublished][content]", "[property=dc:date][content]", "[property=dcterms:date][content]",
      "time[pubdate][datetime]"
    };
    for (String selector : selectors) {
      for (Element e : doc.select(selector)) {
        String v = e.hasAttr("content") ? e.attr("content") : e.attr("datetime");
        if (v.strip().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
          return v.strip().substring(0, 10);
        }
      }
    }
    return null;
  }

  /** Some sites wrap the JSON in CDATA or comments; an unreadable block is skipped, not fatal. */
  private static JsonNode parse(String data) {
    String json = data.strip().replaceFirst("^(?://\\s*)?<!\\[CDATA\\[", "").replaceFirst("(?://\\s*)?]]>$", "").strip();
    try {
      return JSON.readTree(json);
    } catch (java.io.IOException | RuntimeException unreadable) {
      return null;
    }
  }

  private static List<JsonNode> flatten(JsonNode root) {
    List<JsonNode> out = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(n -> out.addAll(flatten(n)));
    } else if (root.isObject()) {
      out.add(root);
      if (root.has("@graph")) {
        out.addAll(flatten(root.get("@graph")));
      }
    }
    return out;
  }

  /** JSON-LD text, entity-decoded: some sites HTML-escape it twice (&amp;quot;). */
  private static String text(JsonNode n) {
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      return null;
    }
    return Parser.unescapeEntities(n.asText(), false).replaceAll("\\s+", " ").strip();
  }

  private static String meta(Document doc, String property) {
    Element e = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
    return e == null || e.attr("content").isBlank() ? null : Parser.unescapeEntities(e.attr("content"), false).strip();
  }

  private static void add(List<String> list, String s) {
    if (s != null && !list.contains(s)) {
      list.add(s);
    }
  }
}

package arabrief.article;

import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Metamorphic checks of the HTML path: changes to a page that must not change its reading, so they need no new
 * truth. Two families:
 *
 * <ul>
 *   <li><b>Real pages</b> (the seven real HTML pages of {@code fixtures/corpus}): each page's article (the
 *       smallest element holding its headline and its first and last body paragraph, by the hand-read truth) is
 *       put in the place of the article of every other real page, inside that page's header, menus, sidebars,
 *       related lists, footer and scripts ({@link #transplant}); and each page is re-encoded, re-indented, its
 *       paragraphs written as {@code <br><br>} runs, wrapped in more {@code <div>}s, without {@code <article>},
 *       without or with JSON-LD and Open Graph ({@link #VARIANTS}). The reading must stay the page's own:
 *       headline, date, byline and every body paragraph.</li>
 *   <li><b>Clean articles in page shapes</b>: the 1,328 BBC Arabic articles of {@code ../shared/summ-ar} put
 *       into the generic page shapes of {@link HtmlShapes}, with other articles' headlines as the page's related
 *       and most-read lists; the headline and body must be the clean text's, the date and author those the
 *       shape prints.</li>
 * </ul>
 *
 * <p>Composed pages test features, not the score to expect on a new site: a transplant keeps the chrome and the
 * article of real pages, but the way they meet is ours. Run by {@code scripts/eval_html_metamorphic.sh};
 * {@code HtmlMetamorphicTest} asserts a sample.
 */
public final class HtmlMetamorphic {

  /** A real page: its name, its HTML, the element of its article, and its reading as served. */
  record Real(String name, String html, Metamorphic.Reading reading) {
    Document doc() {
      return Jsoup.parse(html);
    }
  }

  private HtmlMetamorphic() {}

  /** The meta and script elements that say what the page's article is: they move with the article. */
  static final String ARTICLE_META = "meta[property^=og:], meta[property^=article:], meta[name^=twitter:], "
      + "meta[property^=twitter:], meta[name~=(?i)^(dc\\.|dcterms\\.|description|keywords|author|pubdate|publishdate|date)], "
      + "meta[itemprop], script[type=application/ld+json], link[rel=canonical], link[rel=amphtml]";

  private static List<Real> reals;

  /** The real HTML pages, each with its reading as served (which the structure eval checks against the truth). */
  static synchronized List<Real> reals() {
    if (reals == null) {
      List<Real> out = new ArrayList<>();
      for (String name : StructureEval.pastedPages()) {
        String html = TextDecoder.decodeBytes(StructureEval.bytes(StructureEval.expected(name)));
        out.add(new Real(name, html, read(html.getBytes(StandardCharsets.UTF_8), name)));
      }
      reals = List.copyOf(out);
    }
    return reals;
  }

  static Metamorphic.Reading read(byte[] html, String name) {
    try {
      return Metamorphic.Reading.of(new ArticleReader().read(html, name));
    } catch (BadInputException e) {
      return null;
    }
  }

  /**
   * The element of the page's article: the smallest element holding the headline, the first and the last body
   * paragraph as the truth gives them. Of several copies of the headline (a ticker, a slider), the one nearest
   * the body.
   */
  static Element article(Document doc, String name) {
    StructureEval.Expected e = StructureEval.expected(name);
    Element first = smallestHolding(doc, e.first());
    Element last = smallestHolding(doc, e.last());
    Element body = common(first, last);
    Element best = null;
    List<Element> copies = holding(doc, List.of(e.headline()));
    List<Element> visible = copies.stream().filter(h -> h.nameIs("h1") || h.parents().stream().anyMatch(p -> p.nameIs("h1"))).toList();
    for (Element h : visible.isEmpty() ? copies : visible) { // the <h1>, not a hidden copy nearer the body
      Element c = common(h, body);
      if (best == null || depth(c) > depth(best)) {
        best = c;
      }
    }
    return best;
  }

  private static List<Element> holding(Document doc, List<String> wants) {
    List<String> w = wants.stream().map(HtmlMetamorphic::squash).toList();
    List<Element> out = new ArrayList<>();
    for (Element el : doc.body().getAllElements()) {
      String t = squash(el.text());
      if (w.stream().anyMatch(t::contains)
          && el.children().stream().noneMatch(c -> w.stream().anyMatch(squash(c.text())::contains))) {
        out.add(el);
      }
    }
    return out;
  }

  private static Element smallestHolding(Document doc, List<String> wants) {
    List<Element> all = holding(doc, wants);
    if (all.isEmpty()) {
      throw new IllegalStateException("not on the page: " + wants);
    }
    return all.get(0);
  }

  static String squash(String s) {
    return Normalizer.normalize(s).replace('*', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip();
  }

  private static Element common(Element a, Element b) {
    List<Element> up = new ArrayList<>();
    for (Element x = a; x != null; x = x.parent()) {
      up.add(x);
    }
    for (Element y = b; y != null; y = y.parent()) {
      if (up.contains(y)) {
        return y;
      }
    }
    throw new IllegalStateException("no common ancestor");
  }

  private static int depth(Element e) {
    int d = 0;
    for (Element x = e; x != null; x = x.parent()) {
      d++;
    }
    return d;
  }

  // ---- transplant ----

  /**
   * The article of {@code donor} inside the chrome of {@code host}: the host's article element is replaced by
   * the donor's, and what the host's head says about its own article (title, Open Graph, JSON-LD, canonical)
   * is replaced by the donor's when {@code withMeta}, else left out on both sides.
   */
  static String transplant(Real donor, Real host, boolean withMeta) {
    Document d = donor.doc();
    Document h = host.doc();
    Element content = article(d, donor.name());
    Element place = article(h, host.name());
    place.replaceWith(content.clone());
    h.select(ARTICLE_META).remove();
    h.title(d.title());
    if (withMeta) {
      for (Element m : d.select(ARTICLE_META)) {
        if (!content.getAllElements().contains(m)) {
          h.head().appendChild(m.clone());
        }
      }
    } else {
      h.select(ARTICLE_META).remove();
    }
    return h.outerHtml();
  }

  // ---- variants of one page ----

  /** Changes to one page, by name: each takes the page and the element of its article, returns the page's bytes. */
  static final Map<String, Function<Real, byte[]>> VARIANTS = new LinkedHashMap<>();

  static {
    VARIANTS.put("windows-1256", r -> windows1256(r.doc()));
    VARIANTS.put("utf-8 with BOM", r -> {
      byte[] b = r.html().getBytes(StandardCharsets.UTF_8);
      byte[] out = new byte[b.length + 3];
      out[0] = (byte) 0xEF;
      out[1] = (byte) 0xBB;
      out[2] = (byte) 0xBF;
      System.arraycopy(b, 0, out, 3, b.length);
      return out;
    });
    VARIANTS.put("re-indented", r -> {
      Document d = r.doc();
      d.outputSettings().prettyPrint(true).indentAmount(4);
      return utf8(d.outerHtml());
    });
    VARIANTS.put("one line", r -> utf8(r.html().replaceAll("\\s+", " ")));
    VARIANTS.put("<br><br> for <p>", r -> {
      Document d = r.doc();
      brParagraphs(article(d, r.name()));
      return utf8(d.outerHtml());
    });
    VARIANTS.put("more <div>s", r -> {
      Document d = r.doc();
      Element a = article(d, r.name());
      for (Element p : a.select("p")) {
        p.wrap("<div class=\"para\"></div>");
      }
      a.wrap("<div class=\"container\"><div class=\"row\"><div class=\"col\"></div></div></div>");
      return utf8(d.outerHtml());
    });
    VARIANTS.put("no <article>", r -> {
      Document d = r.doc();
      d.select("article, main, section").tagName("div");
      return utf8(d.outerHtml());
    });
    VARIANTS.put("no JSON-LD or og:", r -> {
      Document d = r.doc();
      d.select("meta[property^=og:], meta[property^=article:], script[type=application/ld+json]").remove();
      return utf8(d.outerHtml());
    });
    VARIANTS.put("JSON-LD added", r -> {
      Document d = r.doc();
      if (d.selectFirst("script[type=application/ld+json]") == null && r.reading() != null) {
        d.head().appendElement("script").attr("type", "application/ld+json").appendChild(new org.jsoup.nodes.DataNode(
            HtmlShapes.jsonLd(r.reading().headline(), r.reading().date(), null)));
      }
      return utf8(d.outerHtml());
    });
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The page in windows-1256, declared so in its head; characters the code page lacks as character references. */
  private static byte[] windows1256(Document d) {
    d.select("meta[charset], meta[http-equiv~=(?i)content-type]").remove();
    d.head().prependElement("meta").attr("http-equiv", "Content-Type").attr("content", "text/html; charset=windows-1256");
    String html = d.outerHtml();
    CharsetEncoder enc = TextDecoder.WINDOWS_1256.newEncoder();
    StringBuilder out = new StringBuilder(html.length());
    html.codePoints().forEach(cp -> {
      String s = new String(Character.toChars(cp));
      out.append(enc.canEncode(s) ? s : "&#" + cp + ";");
    });
    return out.toString().getBytes(TextDecoder.WINDOWS_1256);
  }

  /** Every {@code <p>} of the article whose content is inline becomes that content followed by two {@code <br>}s. */
  private static void brParagraphs(Element article) {
    for (Element p : article.select("p")) {
      if (!p.select("p, div, ul, ol, table, figure, h1, h2, h3, h4").stream().skip(1).findAny().isPresent()) {
        List<Node> kids = new ArrayList<>(p.childNodes());
        for (Node k : kids) {
          p.before(k);
        }
        p.before(new Element("br"));
        p.before(new Element("br"));
        p.before(new TextNode("\n"));
        p.remove();
      }
    }
  }

  // ---- scoring ----

  /** One compared reading, field by field. */
  record Check(boolean headline, boolean date, boolean byline, boolean first, boolean last, boolean paragraphs, String diff) {
    boolean ok() {
      return headline && date && byline && first && last && paragraphs;
    }

    static Check of(Metamorphic.Reading want, Metamorphic.Reading got) {
      if (got == null) {
        return new Check(false, false, false, false, false, false, "refused");
      }
      List<String> w = want.paragraphs();
      List<String> g = got.paragraphs();
      return new Check(Objects.equals(want.headline(), got.headline()), Objects.equals(want.date(), got.date()),
          Objects.equals(want.byline(), got.byline()), !g.isEmpty() && g.get(0).equals(w.get(0)),
          !g.isEmpty() && g.get(g.size() - 1).equals(w.get(w.size() - 1)), w.equals(g), want.diff(got));
    }
  }

  /** Tallies of checks per field. */
  static final class Tally {
    int cases;
    int ok;
    final int[] fields = new int[6];
    final List<String> misses = new ArrayList<>();

    void add(String name, Check c) {
      cases++;
      ok += c.ok() ? 1 : 0;
      boolean[] f = {c.headline(), c.date(), c.byline(), c.first(), c.last(), c.paragraphs()};
      for (int i = 0; i < f.length; i++) {
        fields[i] += f[i] ? 1 : 0;
      }
      if (!c.ok()) {
        misses.add(name + ": " + c.diff());
      }
    }

    String line(String label) {
      return String.format(Locale.ROOT, "%-34s %5d/%-5d (%5.1f%%)  headline %d, date %d, byline %d, first %d, last %d, all ¶ %d",
          label, ok, cases, cases == 0 ? 0 : 100.0 * ok / cases, fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
    }
  }

  /** Every real page's article in every other real page's chrome, with and without the donor's metadata. */
  static Map<String, Tally> transplants() {
    Map<String, Tally> out = new LinkedHashMap<>();
    for (boolean withMeta : new boolean[] {true, false}) {
      Tally t = out.computeIfAbsent(withMeta ? "transplant, article's metadata" : "transplant, no metadata", k -> new Tally());
      for (Real donor : reals()) {
        for (Real host : reals()) {
          if (donor != host) {
            String page = transplant(donor, host, withMeta);
            t.add(donor.name() + " in " + host.name(), Check.of(donor.reading(), read(utf8(page), donor.name())));
          }
        }
      }
    }
    return out;
  }

  static Map<String, Tally> variants() {
    Map<String, Tally> out = new LinkedHashMap<>();
    for (Map.Entry<String, Function<Real, byte[]>> v : VARIANTS.entrySet()) {
      Tally t = out.computeIfAbsent(v.getKey(), k -> new Tally());
      for (Real r : reals()) {
        t.add(r.name(), Check.of(r.reading(), read(v.getValue().apply(r), r.name())));
      }
    }
    return out;
  }

  /** Every {@code step}th BBC article in every shape. */
  static Map<String, Tally> shapes(int step, int limit) {
    List<Metamorphic.Clean> bbc = Metamorphic.bbcArticles();
    Map<String, Tally> out = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(limit, bbc.size()); i += step) {
      Metamorphic.Clean c = bbc.get(i);
      Metamorphic.Reading clean = Metamorphic.read(c.text(), c.name());
      if (clean == null) {
        continue;
      }
      for (HtmlShapes.Shape s : HtmlShapes.Shape.values()) {
        HtmlShapes.Page p = HtmlShapes.render(s, bbc, i);
        Metamorphic.Reading want = new Metamorphic.Reading(clean.headline(), p.date(), p.byline(), clean.paragraphs());
        out.computeIfAbsent(s.label, k -> new Tally()).add(c.name(), Check.of(want, read(utf8(p.html()), c.name())));
      }
    }
    return out;
  }

  public static void main(String[] args) {
    boolean verbose = List.of(args).contains("-v");
    int dump = List.of(args).indexOf("--dump");
    if (dump >= 0) { // --dump DIR: article 0 in every shape and every transplant, as files, for ReadDebug
      java.nio.file.Path dir = java.nio.file.Path.of(args[dump + 1]);
      try {
        java.nio.file.Files.createDirectories(dir);
        List<Metamorphic.Clean> bbc = Metamorphic.bbcArticles();
        int at = 0; // --dump DIR [BBC id]
        for (int i = 0; dump + 2 < args.length && i < bbc.size(); i++) {
          at = bbc.get(i).name().equals(args[dump + 2]) ? i : at;
        }
        for (HtmlShapes.Shape s : HtmlShapes.Shape.values()) {
          java.nio.file.Files.writeString(dir.resolve(s.name().toLowerCase(Locale.ROOT) + ".html"), HtmlShapes.render(s, bbc, at).html());
        }
        for (Real donor : reals()) {
          for (Real host : reals()) {
            if (donor != host) {
              java.nio.file.Files.writeString(dir.resolve(donor.name() + "_in_" + host.name() + ".html"), transplant(donor, host, false));
              java.nio.file.Files.writeString(dir.resolve(donor.name() + "_in_" + host.name() + "_meta.html"), transplant(donor, host, true));
            }
          }
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return;
    }
    int misses = verbose ? 12 : 0;
    System.out.println("Real pages: " + reals().size());
    for (Real r : reals()) {
      if (r.reading() == null) {
        System.out.println("  " + r.name() + " is refused as served");
      }
    }
    Map<String, Tally> all = new LinkedHashMap<>();
    if (!List.of(args).contains("--shapes-only")) {
      all.putAll(transplants());
      all.putAll(variants());
    }
    if (Metamorphic.bbc().isPresent() && !List.of(args).contains("--real-only")) {
      int step = List.of(args).indexOf("--step");
      all.putAll(shapes(step >= 0 ? Integer.parseInt(args[step + 1]) : 1, Integer.MAX_VALUE));
    }
    int cases = 0;
    int ok = 0;
    for (Map.Entry<String, Tally> e : all.entrySet()) {
      System.out.println(e.getValue().line(e.getKey()));
      e.getValue().misses.stream().limit(misses).forEach(m -> System.out.println("    " + m));
      cases += e.getValue().cases;
      ok += e.getValue().ok;
    }
    System.out.printf(Locale.ROOT, "all cases %d/%d (%.1f%%)%n", ok, cases, 100.0 * ok / cases);
  }
}

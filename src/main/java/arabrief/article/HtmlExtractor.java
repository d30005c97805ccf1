package arabrief.article;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * An HTML news page to the plain-text layout {@link ArticleParser} reads: headline, date line,
 * caption, then one paragraph per line with blank lines between. Going through text rather than
 * straight to an {@link Article} keeps one parser, so furniture inside the article body (bylines,
 * "اقرأ أيضا" links) is handled the same way for pages and for copied text.
 *
 * <p>Order of trust: what the page says about itself ({@link PageMetadata}: JSON-LD, og:title,
 * {@code <h1>}, {@code <time datetime>}, {@code <figcaption>}), then a readability-style content score
 * for the body. Written on jsoup rather than with Readability4J (the Java port of Mozilla's
 * Readability on Maven Central): its last release, 1.0.8, is built against jsoup 1.11 and Kotlin 1.3
 * (this project is on jsoup 1.21), returns the article as one HTML blob without the per-block scores
 * the parser's furniture features need, and ignores JSON-LD; the scoring it does is the ~40 lines of
 * {@link #contentRoot} below.
 */
final class HtmlExtractor {

  /** The first tag of a page, after any XML declaration and comments ({@link #startsLikeHtml} skips those). */
  private static final Pattern HTML_START =
      Pattern.compile("(?i)<(?:!doctype\\s+html|html|head|body|article|div|p|meta|title)\\b");
  private static final Pattern BLANKS = Pattern.compile("\\s+");
  private static final Pattern HTML_PARAGRAPH = Pattern.compile("(?i)</p>|<br\\s*/?>");

  /**
   * Page chrome: never article text. ARIA regions ({@code role=region}) inside an article are the
   * boxes a page sets apart from the story's flow: promos, recommendations, ads, the byline box.
   * Not {@code <form>}: ASP.NET sites wrap the whole page in one; its controls go one by one.
   */
  private static final String CHROME =
      "script, style, noscript, template, iframe, svg, nav, header, footer, aside, menu, button, select, input, textarea, "
          + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=region], [aria-hidden=true], "
          + "[hidden], .d-none, [style*=display:none], [style*=display: none]";
  /** Class or id words of widgets that sit inside article containers: share bars, related links, ads. */
  private static final Pattern WIDGET =
      Pattern.compile("(?i)(?:^|[-_\\s])(?:share|sharing|social|related|recommended|more-stories|newsletter|"
          + "comments?|tags?|breadcrumbs?|menu|navbar|ads?|advert\\w*|promo|subscribe|most-read|ticker|author-box|"
          + "cookies?|consent|weather|gallery|footer|sidebar|widgets?|copyright)(?:$|[-_\\s])");
  /**
   * Readability's "ok maybe it's a candidate": a container named for the story itself ("entry-content
   * no-share", "article-body related-links") is not removed for a widget word in its other names.
   */
  private static final Pattern CONTENT_CLASS = Pattern.compile("(?i)(?:^|[-_\\s])(?:article|body|content|main|entry|story)(?:$|[-_\\s])");
  /** Labels pages print before a byline's parts ("Author, name", "Role, outlet", "بقلم: name"). */
  private static final Pattern AUTHOR_LABEL = Pattern.compile("^(?i:author|by|الكاتب|بقلم|بواسطة|كتب|كتبت)\\s*[,،:]\\s*(.+)$");
  private static final Pattern SOURCE_LABEL = Pattern.compile("^(?i:role|source|المصدر)\\s*[,،:]\\s*(.+)$");
  /** A caption's screen-reader prefix: a short label ending in a comma or colon, in its own element. */
  private static final Pattern CAPTION_LABEL = Pattern.compile("^[\\p{L}\\s]{2,25}[،,:]$");
  private static final Pattern INLINE =
      Pattern.compile("a|span|b|strong|em|i|u|sup|sub|small|abbr|font|mark|q|cite|bdi|bdo|time|label|s|del|ins");

  // Content score (readability): each text block of at least MIN_BLOCK chars adds
  // 1 + its commas/full stops + min(length/100, 3) to the element holding it, half that to the next
  // ancestor up; blocks that are mostly link text (link density > MAX_SCORED_LINKS) add nothing.
  // The body is the best-scoring element; blocks inside it that are links by more than
  // MAX_KEPT_LINKS are related-story lists, not paragraphs.
  private static final int MIN_BLOCK = 25;
  /** How many elements from a block's holder upwards share its score (readability scores five). */
  private static final int SCORED_LEVELS = 5;
  /** Deepest element kept in place (see {@link #flatten}). */
  static final int MAX_DEPTH = 256;
  /**
   * A byline label ("بقلم: name") is a few nodes; checking the text of every larger element cost time quadratic
   * in a deep page's depth (each ancestor's text is the whole page's).
   */
  private static final int MAX_LABEL_NODES = 64;
  /** Below the cap, an element of inline markup at most this deep keeps its content. */
  private static final int MAX_WHOLE_HEIGHT = 8;
  /** A date element's text is a date line, not a paragraph. */
  private static final int MAX_DATE_CHARS = 80;
  private static final double MAX_SCORED_LINKS = 0.5;
  /** How many blocks above the body a printed date without markup may stand (headline, byline, caption...). */
  private static final int MAX_BLOCKS_ABOVE = 4;
  /** A body paragraph, for telling what stands above the body: a long block with few links, not a heading or caption. */
  private static final int MIN_PROSE = 80;
  private static final double MAX_PROSE_LINKS = 0.25;
  private static final Pattern NOT_PROSE = Pattern.compile("h[1-6]|figure|figcaption");
  /** Elements that may hold the article's printed or machine date. */
  private static final String DATE_ELEMENTS = "time, [itemprop=datePublished], [class*=date], [id*=Date], [id*=date]";
  private static final double MAX_KEPT_LINKS = 0.8;

  /** The page as text, plus what the page says about its byline. */
  record Page(String text, String headline, String caption, String author, String source) {}

  /** One run of text between block boundaries, with how much of it is link text. */
  private record Block(Element holder, String text, int linkChars) {
    double linkDensity() {
      return text.isEmpty() ? 0 : Math.min(1.0, (double) linkChars / text.length());
    }
  }

  private HtmlExtractor() {}

  static boolean looksLikeHtml(String text) {
    return startsLikeHtml(text)
        || HTML_PARAGRAPH.matcher(text).results().limit(2).count() >= 2;
  }

  /**
   * Whether the text starts with an HTML tag once blanks, an XML declaration and comments are skipped. A loop,
   * not one regex: Java's regex engine recurses once per repetition of a group, so a page that opens with tens
   * of thousands of comments overflowed the stack (found by DeepPageTest, issue 20).
   */
  private static boolean startsLikeHtml(String text) {
    int i = skipBlanks(text, 0);
    if (text.regionMatches(true, i, "<?xml", 0, 5)) {
      int end = text.indexOf('>', i);
      if (end < 0) {
        return false;
      }
      i = skipBlanks(text, end + 1);
    }
    while (text.startsWith("<!--", i)) {
      int end = text.indexOf("-->", i + 4);
      if (end < 0) {
        return false;
      }
      i = skipBlanks(text, end + 3);
    }
    return HTML_START.matcher(text).region(i, text.length()).lookingAt();
  }

  private static int skipBlanks(String text, int i) {
    while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) { // regex \\s
      i++;
    }
    return i;
  }

  static String extract(String html) {
    return page(html).text();
  }

  static Page page(String html) {
    Document doc = Jsoup.parse(html);
    flatten(doc);
    PageMetadata meta = PageMetadata.of(doc);
    // Where the headlines, dates and bylines stand is noted before menus and headers are pruned: of several, the
    // article's own is the one nearest its headline (Nearness)
    Nearness near = new Nearness(doc);
    List<Element> h1Elements = doc.select("h1");
    h1Elements.forEach(near::note);
    String author = meta.authors().isEmpty() ? null : String.join(" و", meta.authors());
    String source = null;
    Map<Node, Integer> sizes = subtreeSizes(doc);
    List<Labelled> labelled = new ArrayList<>();
    for (Element e : doc.select("li, p, span, div")) {
      if (e.children().size() > 3 || sizes.get(e) > MAX_LABEL_NODES || e.text().length() > 80) {
        continue;
      }
      String name = labelledAuthor(e);
      // the innermost element that says it: «كتب: name» in a box that also holds the date and a view count
      if (name != null && e.children().stream().noneMatch(c -> labelledAuthor(c) != null)) {
        labelled.add(new Labelled(near.note(e), name));
      }
      Matcher s = SOURCE_LABEL.matcher(e.text().strip());
      if (source == null && s.matches() && TextDecoder.hasArabicLetter(s.group(1))) {
        source = s.group(1).strip();
      }
    }
    List<Labelled> marked = PageParts.authorsFromMarkup(doc);
    marked.forEach(m -> near.note(m.element()));
    List<String> h1s = doc.select("h1").eachText();
    String caption = caption(doc, meta);
    if (caption == null) {
      caption = PageParts.shownImageCaption(doc, h1s, meta);
    }
    PageParts.splitSentenceBreaks(doc);
    List<Element> dates = new ArrayList<>(doc.select(DATE_ELEMENTS));
    Set<Element> aboveHeadlines = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    h1Elements.forEach(h -> aboveHeadlines.addAll(h.parents()));
    dates.removeIf(d -> siteClock(d, aboveHeadlines));
    dates.forEach(near::note);
    // With a JSON-LD date the printed date that matches it may stand in a byline box or a header
    // the chrome step removes; without one, the printed date nearest the headline.
    String dateline = meta.datePublished() != null ? dateline(dates, meta) : null;
    doc.select(CHROME).remove();
    for (Element e : doc.getAllElements()) {
      String classes = e.className() + " " + e.id();
      if (e != doc && e.parent() != null && !e.nameIs("body") && WIDGET.matcher(classes).find()
          && !CONTENT_CLASS.matcher(classes).find()) { // <body class="has-sidebar"> is the page, not a widget
        e.remove();
      }
    }
    Element content = contentRoot(doc);
    Element anchor = h1Elements.isEmpty() ? content : near.nearest(h1Elements, content);
    if (dateline == null) {
      // the article's date is printed above its body (under the headline, in the byline box); a date among the
      // paragraphs is a linked story's or an update's, taken only when none stands above
      Element firstParagraph = blocks(content).stream().filter(b -> b.text().length() >= MIN_PROSE && b.linkDensity() <= MAX_PROSE_LINKS)
          .map(Block::holder).filter(h -> !NOT_PROSE.matcher(h.normalName()).matches()
              && h.parents().stream().noneMatch(p -> NOT_PROSE.matcher(p.normalName()).matches()))
          .findFirst().orElse(content);
      Map<Boolean, List<Element>> split = near.byDistance(dates, e -> e, anchor).stream()
          .collect(java.util.stream.Collectors.partitioningBy(d -> near.precedes(d, firstParagraph)));
      List<Element> ranked = new ArrayList<>(split.get(true));
      ranked.addAll(split.get(false));
      dateline = dateline(near.own(ranked, e -> e, anchor), meta);
    }
    if (dateline == null) {
      dateline = printedDateBefore(doc, content);
    }
    if (author == null) {
      // labelled first on a tie: «كتب: name» says more than a class word
      List<Labelled> named = new ArrayList<>(labelled);
      named.addAll(marked);
      List<Labelled> own = near.own(near.byDistance(named, Labelled::element, anchor), Labelled::element, anchor);
      author = own.isEmpty() ? null : own.get(0).name();
    }
    List<Element> lead = PageParts.leadSiblings(content);
    doc.select("figure, figcaption, h1, picture").remove();
    List<String> body = new ArrayList<>();
    for (Element e : lead) {
      body.addAll(paragraphs(e));
    }
    body.addAll(paragraphs(content));
    String headline = HeadlineScorer.bestOfPage(h1s, meta, body);
    // the headline printed again at the top of the body (a CMS that repeats the title in the text) is no paragraph
    while (headline != null && body.size() > 1 && squash(body.get(0)).equals(squash(headline))) {
      body.remove(0);
    }

    List<String> out = new ArrayList<>();
    addIfPresent(out, headline);
    addIfPresent(out, dateline);
    addIfPresent(out, caption);
    out.addAll(body);
    return new Page(String.join("\n\n", out), headline, caption, author, source);
  }

  /** An element that names the article's author, and the name. */
  record Labelled(Element element, String name) {}

  /** The author an element's text names after a label («بقلم: name», "Author, name») or a verb of writing; else null. */
  private static String labelledAuthor(Element e) {
    String text = e.text().strip();
    if (text.length() > 80) {
      return null;
    }
    Matcher a = AUTHOR_LABEL.matcher(text);
    if (a.matches()) {
      return TextDecoder.hasArabicLetter(a.group(1)) ? a.group(1).strip() : null;
    }
    Byline printed = BylineParser.ofLine(Normalizer.normalize(text)); // «كتبت نورهان نبيل»
    return printed != null && printed.author() != null && TextDecoder.hasArabicLetter(printed.author()) ? printed.author() : null;
  }

  /**
   * Elements nested deeper than {@link #MAX_DEPTH} are lifted into their ancestor at that depth, in document
   * order, each followed by its content (as browsers cap the DOM's depth: Blink at 512). No real page comes
   * near the limit; a page that does (100,000 nested {@code <div>}s) would otherwise cost time quadratic in its
   * depth in every step that reads an element's text, and stack in the recursive walks (jsoup's and ours).
   * Iterative, linear in the page.
   */
  static void flatten(Document doc) {
    List<Element> caps = new ArrayList<>();
    NodeTraversor.filter(new NodeFilter() {
      @Override
      public FilterResult head(Node node, int depth) {
        if (depth < MAX_DEPTH) {
          return FilterResult.CONTINUE;
        }
        if (node instanceof Element e && !e.children().isEmpty()) {
          caps.add(e);
        }
        return FilterResult.SKIP_CHILDREN;
      }
    }, doc);
    for (Element cap : caps) {
      Set<Node> whole = wholeElements(cap);
      List<Node> flat = new ArrayList<>();
      ArrayDeque<Node> todo = new ArrayDeque<>();
      List<Node> kids = new ArrayList<>(cap.childNodes());
      cap.empty();
      for (int i = kids.size() - 1; i >= 0; i--) {
        todo.push(kids.get(i));
      }
      while (!todo.isEmpty()) {
        Node n = todo.pop();
        flat.add(n);
        if (n instanceof Element e && !whole.contains(e) && e.childNodeSize() > 0) {
          List<Node> inner = new ArrayList<>(e.childNodes());
          e.empty();
          for (int i = inner.size() - 1; i >= 0; i--) {
            todo.push(inner.get(i));
          }
        }
      }
      cap.appendChildren(flat);
    }
  }

  /** The number of nodes under each node, itself included: one post-order pass. */
  private static Map<Node, Integer> subtreeSizes(Document doc) {
    Map<Node, Integer> sizes = new IdentityHashMap<>();
    NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
      @Override
      public void head(Node node, int depth) {}

      @Override
      public void tail(Node node, int depth) {
        int n = 1;
        for (Node c : node.childNodes()) {
          n += sizes.getOrDefault(c, 1);
        }
        sizes.put(node, n);
      }
    }, doc);
    return sizes;
  }

  /**
   * The elements under {@code root} that stay whole when it is flattened: text and inline markup only, a few
   * levels deep (a heading, a paragraph with its links), so their text stays theirs. One post-order pass.
   */
  private static Set<Node> wholeElements(Element root) {
    Set<Node> whole = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    Map<Node, Integer> height = new IdentityHashMap<>();
    NodeTraversor.traverse(new org.jsoup.select.NodeVisitor() {
      @Override
      public void head(Node node, int depth) {}

      @Override
      public void tail(Node node, int depth) {
        if (!(node instanceof Element e) || node == root) {
          return;
        }
        int h = 0;
        boolean inline = true;
        for (Node c : e.childNodes()) {
          if (c instanceof Element ce) {
            h = Math.max(h, height.getOrDefault(ce, 0) + 1);
            inline &= whole.contains(ce) && INLINE.matcher(ce.normalName()).matches();
          }
        }
        height.put(e, h);
        if (inline && h <= MAX_WHOLE_HEIGHT) {
          whole.add(e);
        }
      }
    }, root);
    return whole;
  }

  /** The element with the best content score; the body when nothing scores. */
  private static Element contentRoot(Document doc) {
    Map<Element, Double> scores = new HashMap<>();
    for (Block b : blocks(doc.body())) {
      if (b.text().length() < MIN_BLOCK || b.linkDensity() > MAX_SCORED_LINKS) {
        continue;
      }
      double score = 1 + b.text().chars().filter(c -> c == '،' || c == ',' || c == '.').count()
          + Math.min(b.text().length() / 100.0, 3);
      Element target = isParagraphElement(b.holder()) ? b.holder().parent() : b.holder();
      // readability's single-child rule: a wrapper around this one paragraph alone is the paragraph, so the
      // container of all the story's paragraphs gets the score even when each sits in wrappers of its own
      while (target != null && isParagraphElement(b.holder()) && target.parent() != null && isWrapper(target)) {
        target = target.parent();
      }
      if (target == null) {
        continue;
      }
      // readability's ancestors: the parent takes the score, the grandparent half, the next levels a third of
      // it divided by their level, so a story whose paragraphs each sit in a wrapper of their own still adds up
      Element up = target;
      for (int level = 0; up != null && level < SCORED_LEVELS; level++, up = up.parent()) {
        scores.merge(up, score / (level == 0 ? 1 : level == 1 ? 2 : level * 3), Double::sum);
      }
    }
    return scores.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(doc.body());
  }

  /** An element whose only content is one child element (blank text aside). */
  private static boolean isWrapper(Element e) {
    if (e.childrenSize() != 1 || e.nameIs("body")) {
      return false;
    }
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t && !t.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isParagraphElement(Element e) {
    return e.nameIs("p") || e.nameIs("li") || e.nameIs("blockquote") || e.normalName().matches("h[2-6]");
  }

  /**
   * The text blocks under {@code root} in reading order: each block element's own run of text, split
   * where a {@code <br>} follows a {@code <br>} (sites that write paragraphs as {@code text<br><br>text}).
   */
  private static List<Block> blocks(Element root) {
    List<Block> out = new ArrayList<>();
    walk(root, out);
    return out;
  }

  private static void walk(Element e, List<Block> out) {
    StringBuilder text = new StringBuilder();
    int[] links = {0};
    boolean pendingBr = false;
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        if (!t.isBlank()) {
          text.append(t.text());
          pendingBr = false;
        }
      } else if (n instanceof Element c) {
        if (c.nameIs("br")) {
          if (pendingBr) {
            flush(e, text, links, out);
            pendingBr = false;
          } else {
            text.append(' ');
            pendingBr = true;
          }
        } else if (INLINE.matcher(c.normalName()).matches() && c.select("p, div, br, li, h2, h3, table, section").isEmpty()) {
          text.append(c.text());
          links[0] += c.nameIs("a") ? c.text().length() : c.select("a").stream().mapToInt(a -> a.text().length()).sum();
          pendingBr = false;
        } else {
          flush(e, text, links, out);
          walk(c, out);
          pendingBr = false;
        }
      }
    }
    flush(e, text, links, out);
  }

  private static void flush(Element holder, StringBuilder text, int[] links, List<Block> out) {
    String t = BLANKS.matcher(text).replaceAll(" ").strip();
    if (!t.isEmpty()) {
      out.add(new Block(holder, t, links[0]));
    }
    text.setLength(0);
    links[0] = 0;
  }

  /**
   * The printed date the page marks up ({@code <time>} or an element whose class or id says date), of
   * {@code candidates} in their order, that agrees with the JSON-LD datePublished when there is one; else the
   * machine date.
   */
  private static String dateline(List<Element> candidates, PageMetadata meta) {
    String published = meta.datePublished();
    String machineDate = published;
    Element machineFrom = null;
    for (Element t : candidates) {
      String text = t.text().strip();
      String machine = t.hasAttr("datetime") ? t.attr("datetime") : t.attr("content");
      boolean matches = published == null || machine.startsWith(published) || text.contains(published);
      if (!matches) {
        continue;
      }
      Dateline printed = text.isEmpty() || text.length() > MAX_DATE_CHARS ? null : DatelineParser.parse(Normalizer.normalize(text));
      if (printed != null && (published == null || published.equals(String.valueOf(printed.gregorian())))) {
        t.remove();
        return text; // the date as the page prints it
      }
      if (machineFrom == null && machine.length() >= 10 && text.length() <= MAX_DATE_CHARS) {
        machineFrom = t;
        machineDate = machineDate != null ? machineDate : machine.substring(0, 10);
      }
    }
    if (machineFrom != null) {
      machineFrom.remove(); // "منذ ساعتين": a relative date is no paragraph
    }
    return machineDate;
  }

  /** The page's own furniture, outside any article: its banner, menus, footer, sidebars and widgets. */
  private static final String PAGE_CHROME = "header, nav, footer, aside, [role=banner], [role=navigation], [role=contentinfo], "
      + "[role=complementary]";
  private static final Pattern CLOCK_PLACE = Pattern.compile("(?i)(?:^|[-_\\s])(?:top-?bar|weather|ticker|sidebar|footer|"
      + "most-read|menu|navbar|widgets?|masthead|site-header)(?:$|[-_\\s])");

  /**
   * A date printed in the site's chrome — a banner, menu, footer, sidebar or widget that holds no headline and
   * stands in no {@code <article>} — is the page's clock (today's date beside the weather), never the story's.
   */
  private static boolean siteClock(Element date, Set<Element> aboveHeadlines) {
    for (Element x = date; x != null; x = x.parent()) {
      if (x.nameIs("article") || x.nameIs("main") || aboveHeadlines.contains(x)) {
        return false;
      }
      if (x.is(PAGE_CHROME) || CLOCK_PLACE.matcher(x.className() + " " + x.id()).find()) {
        return x.parents().stream().noneMatch(p -> p.nameIs("article") || p.nameIs("main"));
      }
    }
    return false;
  }

  /**
   * A page that marks up no date (old table layouts, {@code <font>} markup) prints it as a short line of its own
   * just above the body, under the headline: the nearest such block among the few before the body's first.
   */
  private static String printedDateBefore(Document doc, Element content) {
    List<Block> all = blocks(doc.body());
    int start = 0;
    while (start < all.size() && all.get(start).holder() != content && !all.get(start).holder().parents().contains(content)) {
      start++;
    }
    for (int i = start - 1; i >= Math.max(0, start - MAX_BLOCKS_ABOVE); i--) {
      String text = all.get(i).text();
      Dateline d = text.length() > MAX_DATE_CHARS ? null : DatelineParser.parse(Normalizer.normalize(text));
      if (d != null && d.gregorian() != null) {
        return text;
      }
    }
    return null;
  }

  /** The JSON-LD image caption, else the first figcaption that says something (its label prefix cut). */
  private static String caption(Document doc, PageMetadata meta) {
    if (meta.imageCaption() != null) {
      return meta.imageCaption();
    }
    for (Element fc : doc.select("figcaption")) {
      Element clone = fc.clone();
      for (Element child : clone.select("span, strong, b")) {
        if (CAPTION_LABEL.matcher(child.text().strip()).matches()) {
          child.remove();
        }
      }
      String text = clone.text().strip();
      if (!text.isEmpty() && !Furniture.isFurniture(Normalizer.normalize(text))) {
        return text;
      }
    }
    return null;
  }

  /** Paragraph blocks of the content root in document order, related-link lists left out. */
  private static List<String> paragraphs(Element content) {
    List<String> out = new ArrayList<>();
    for (Block b : blocks(content)) {
      if (b.linkDensity() <= MAX_KEPT_LINKS) {
        out.add(b.text());
      }
    }
    if (out.isEmpty() && !content.text().isBlank()) {
      out.add(content.text());
    }
    return out;
  }

  private static String squash(String s) {
    return Normalizer.normalize(s).replaceAll("\\s+", " ").strip();
  }

  private static void addIfPresent(List<String> out, String text) {
    if (text != null && !text.isBlank()) {
      out.add(text.strip());
    }
  }
}

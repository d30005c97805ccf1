package arabrief.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;

/**
 * How far apart two elements of a page stand in its tree (steps up from one to their lowest common ancestor and
 * down to the other), remembered from before the page is pruned: {@link HtmlExtractor} removes menus, headers and
 * widgets before it finds the body, and an element removed so has lost its parents. The article's own date and
 * author are printed beside its headline; another story's (a related list, a sidebar, a header clock) stand further
 * away, so among several candidates the nearest to the headline is the article's — a convention of page layout,
 * not of any site. Document order breaks ties.
 */
final class Nearness {

  private final Map<Element, List<Element>> chains = new IdentityHashMap<>();
  /** Each element's place in document order, before pruning. */
  private final Map<Element, Integer> order = new IdentityHashMap<>();

  Nearness(Element root) {
    for (Element e : root.getAllElements()) {
      order.put(e, order.size());
    }
  }

  /** Whether {@code a} came before {@code b} in the page as it was read. */
  boolean precedes(Element a, Element b) {
    return order.getOrDefault(a, Integer.MAX_VALUE) < order.getOrDefault(b, Integer.MAX_VALUE);
  }

  /** Remembers where {@code e} stands (call before the page is pruned); returns it. */
  Element note(Element e) {
    chains.computeIfAbsent(e, Nearness::ancestors);
    return e;
  }

  private List<Element> chain(Element e) {
    List<Element> c = chains.get(e);
    return c != null ? c : ancestors(e);
  }

  private static List<Element> ancestors(Element e) {
    List<Element> out = new ArrayList<>();
    for (Element x = e; x != null; x = x.parent()) {
      out.add(x);
    }
    return out;
  }

  /** Steps between {@code a} and {@code b}; Integer.MAX_VALUE when they share no ancestor. */
  int distance(Element a, Element b) {
    List<Element> ca = chain(a);
    Map<Element, Integer> up = new IdentityHashMap<>();
    for (int i = 0; i < ca.size(); i++) {
      up.put(ca.get(i), i);
    }
    List<Element> cb = chain(b);
    for (int j = 0; j < cb.size(); j++) {
      Integer i = up.get(cb.get(j));
      if (i != null) {
        return i + j;
      }
    }
    return Integer.MAX_VALUE;
  }

  /**
   * Whether {@code e} belongs to another story's teaser: below where it meets {@code anchor} (the headline) it
   * stands in a container that also holds a linked heading of its own (a related or most-read item: title
   * link, author, date).
   */
  boolean underOtherHeading(Element e, Element anchor) {
    List<Element> ce = chain(e);
    java.util.Set<Element> up = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    up.addAll(chain(anchor));
    for (Element x : ce) {
      if (up.contains(x)) {
        return false;
      }
      if (x != e && x.select(TEASER_TITLE).stream().anyMatch(h -> !chain(h).contains(e))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The first {@link #MAX_OWN} of {@code ranked} that are not under another story's heading, in order; a bound,
   * so that a page of thousands of dated items costs time linear in its size.
   */
  <T> List<T> own(List<T> ranked, java.util.function.Function<T, Element> element, Element anchor) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < ranked.size() && i < MAX_OWN; i++) {
      if (!underOtherHeading(element.apply(ranked.get(i)), anchor)) {
        out.add(ranked.get(i));
      }
    }
    return out;
  }

  private static final int MAX_OWN = 32;

  private static final String TEASER_TITLE = "h2 a, h3 a, h4 a, a h2, a h3, a h4";

  /** {@code elements} nearest to {@code anchor} first; a stable sort, so document order breaks ties. */
  <T> List<T> byDistance(List<T> items, java.util.function.Function<T, Element> element, Element anchor) {
    Map<T, Integer> d = new IdentityHashMap<>();
    items.forEach(t -> d.put(t, distance(element.apply(t), anchor))); // once each: a page may date thousands of items
    List<T> out = new ArrayList<>(items);
    out.sort(Comparator.comparingInt(d::get));
    return out;
  }

  /** Of {@code candidates}, the one nearest to {@code target}; null when there is none. */
  Element nearest(List<Element> candidates, Element target) {
    return candidates.isEmpty() ? null : byDistance(candidates, e -> e, target).get(0);
  }
}

package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A sample of the HTML metamorphic checks ({@link HtmlMetamorphic}; {@code scripts/eval_html_metamorphic.sh} runs
 * them all): each real page's article in the chrome of the next two real pages (with and without its metadata),
 * every variant of every real page, and every twentieth of the first 600 BBC Arabic articles in every page shape.
 * The floors sit just under what the full run reaches (docs/structure.md), so a regression fails.
 */
class HtmlMetamorphicTest {

  @Test
  void anArticleInAnotherPagesChromeReadsAsOnItsOwnPage() {
    List<HtmlMetamorphic.Real> reals = HtmlMetamorphic.reals();
    HtmlMetamorphic.Tally withMeta = new HtmlMetamorphic.Tally();
    HtmlMetamorphic.Tally bare = new HtmlMetamorphic.Tally();
    for (int i = 0; i < reals.size(); i++) {
      for (int k = 1; k <= 2; k++) {
        HtmlMetamorphic.Real donor = reals.get(i);
        HtmlMetamorphic.Real host = reals.get((i + k) % reals.size());
        for (HtmlMetamorphic.Tally t : List.of(withMeta, bare)) {
          String page = HtmlMetamorphic.transplant(donor, host, t == withMeta);
          t.add(donor.name() + " in " + host.name(), HtmlMetamorphic.Check.of(donor.reading(),
              HtmlMetamorphic.read(page.getBytes(StandardCharsets.UTF_8), donor.name())));
        }
      }
    }
    assertEquals(List.of(), withMeta.misses, withMeta.line("with the article's metadata"));
    // without metadata the body and headline must hold everywhere; a date or byline may differ on a page or two
    assertEquals(bare.cases, bare.fields[0], bare.line("headline") + "\n" + bare.misses);
    assertEquals(bare.cases, bare.fields[5], bare.line("paragraphs") + "\n" + bare.misses);
    assertTrue(bare.ok >= bare.cases * 8 / 10, bare.line("no metadata") + "\n" + bare.misses);
  }

  @Test
  void variantsOfARealPageReadAsThePage() {
    Map<String, HtmlMetamorphic.Tally> all = HtmlMetamorphic.variants();
    for (Map.Entry<String, HtmlMetamorphic.Tally> e : all.entrySet()) {
      HtmlMetamorphic.Tally t = e.getValue();
      if (e.getKey().startsWith("no JSON-LD")) {
        // the page's own statements gone, what it prints must still give the headline and every paragraph
        assertEquals(t.cases, t.fields[0], t.line(e.getKey()) + "\n" + t.misses);
        assertEquals(t.cases, t.fields[5], t.line(e.getKey()) + "\n" + t.misses);
      } else {
        assertEquals(List.of(), t.misses, t.line(e.getKey()));
      }
    }
  }

  @Test
  void cleanArticlesInGenericPageShapesReadAsTheCleanText() {
    Assumptions.assumeTrue(Metamorphic.bbc().isPresent(), "../shared is not beside the repository");
    for (Map.Entry<String, HtmlMetamorphic.Tally> e : HtmlMetamorphic.shapes(20, 600).entrySet()) {
      HtmlMetamorphic.Tally t = e.getValue();
      assertTrue(t.cases >= 25, e.getKey());
      assertTrue(t.misses.size() <= 1, t.line(e.getKey()) + "\n" + String.join("\n", t.misses));
    }
  }
}

package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every page with hand-read structure (the eight real pages of ../shared/corpus and its dev/, the seed, the layout
 * fixtures, the composed pages): the same expectations scripts/eval_structure.sh scores.
 */
class StructureTest {

  static java.util.List<String> pages() {
    return StructureEval.PAGES;
  }

  @ParameterizedTest
  @MethodSource("pages")
  void structureAsReadByHand(String page) {
    StructureEval.Score s = StructureEval.run(page);
    String why = page + ": " + s.why();
    assertTrue(s.headline(), why);
    assertTrue(s.date(), why);
    assertTrue(s.caption(), why);
    assertTrue(s.byline(), why);
    assertTrue(s.first(), why);
    assertTrue(s.last(), why);
    assertEquals(0, s.furnitureParagraphs(), why);
    assertEquals(0, s.furnitureKept(), why);
  }

  static java.util.List<String> pastedPages() {
    return StructureEval.pastedPages();
  }

  /**
   * A real page pasted whole, read with a line model fitted without its site: the article's ends are
   * found and at most one furniture paragraph reaches the model.
   */
  @ParameterizedTest
  @MethodSource("pastedPages")
  void pastedPageOfAnUnseenSite(String page) {
    StructureEval.Score s = StructureEval.runPasted(page, StructureEval.fitWithout(StructureEval.expected(page).site()));
    String why = page + " (pasted): " + s.why();
    assertTrue(s.first(), why);
    assertTrue(s.last(), why);
    assertTrue(s.furnitureParagraphs() <= 1, why);
  }

  @ParameterizedTest
  @MethodSource("pages")
  void sentencesGiveEveryParagraphBack(String page) {
    StructureEval.Expected e = StructureEval.expected(page);
    Article a = Fixtures.read(StructureEval.bytes(e), page);
    for (Paragraph p : a.paragraphs()) {
      assertEquals(p.source().replaceAll("\\s+", " "), String.join(" ", p.sentences()));
    }
  }
}

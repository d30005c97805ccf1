package arabrief.article;

import static arabrief.article.PastedHeaderTest.BODY;
import static arabrief.article.PastedHeaderTest.HEADLINE;
import static arabrief.article.PastedHeaderTest.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deck and the lines between the headline and the body, one feature each on composed snippets: unit tests
 * of the rules. How often they hold on real decks is {@link DeckMetamorphic}'s to say.
 */
class StandfirstTest {

  static final String LEDE = BODY.lines().findFirst().orElseThrow();
  /** A deck that the lede restates, in other words. */
  static final String DECK = "الحكومة تقر خطة لدعم مشاريع الطاقة المتجددة في البلاد بتمويل دولي.";

  private static List<String> paragraphs(Article a) {
    return a.paragraphs().stream().map(Paragraph::source).toList();
  }

  @Test
  void plainDeckThatTheLedeRestatesIsTheStandfirst() {
    Article a = read(HEADLINE + "\n\n" + DECK + "\n\n" + BODY);
    assertEquals(DECK, a.standfirst());
    assertEquals(HEADLINE, a.headline());
    assertEquals(LEDE, paragraphs(a).get(0));
    assertEquals(3, a.paragraphs().size());
  }

  @Test
  void aLedeIsNoDeck() {
    // the second paragraph goes on from the first («وقال …»): the first is the lede
    Article clean = read(HEADLINE + "\n\n" + BODY);
    assertNull(clean.standfirst());
    assertEquals(3, clean.paragraphs().size());
    // a first paragraph that the next one does not restate
    String other = "تشهد البلاد منذ سنوات نقصا حادا في إنتاج الكهرباء خلال أشهر الصيف.";
    Article unrelated = read(HEADLINE + "\n\n" + other + "\n\n" + BODY);
    assertNull(unrelated.standfirst());
    assertEquals(other, paragraphs(unrelated).get(0));
  }

  @Test
  void summarizesNeedsOverlapBothWaysAndNoConjunction() {
    assertTrue(Standfirst.summarizes(DECK, LEDE));
    assertFalse(Standfirst.summarizes(DECK, "و" + LEDE), "a line opening with «و» goes on from the line above");
    assertFalse(Standfirst.summarizes("انخفضت أسعار النفط في الأسواق العالمية اليوم.", LEDE));
    assertFalse(Standfirst.summarizes(DECK + " وقال الوزير إنها الأولى.", LEDE), "a deck is one sentence");
  }

  @Test
  void pointsThatDoNotEndLikeSentencesAreTheDeckNotHeadlines() {
    String points = "- الحكومة تقر خطة لدعم مشاريع الطاقة المتجددة،\n- بتمويل من البنك الدولي";
    Article a = read(HEADLINE + "\n\n" + points + "\n\n" + BODY);
    assertEquals(points, a.standfirst());
    assertEquals(HEADLINE, a.headline());
    assertEquals(3, a.paragraphs().size());
    // the last point ends like a sentence: it is the first prose line, the points above it are the deck's too
    String ended = points + " في ثلاث محافظات.";
    Article b = read(HEADLINE + "\n\n" + ended + "\n\n" + BODY);
    assertEquals(ended, b.standfirst());
    assertEquals(LEDE, paragraphs(b).get(0));
    // a list longer than a deck is no deck
    String list = "• البند الأول من الخطة\n• البند الثاني من الخطة\n• البند الثالث من الخطة\n• البند الرابع من الخطة\n• البند الخامس من الخطة";
    List<String> lines = (HEADLINE + "\n" + list + "\n" + LEDE).lines().toList();
    assertEquals(6, Standfirst.pointsAbove(lines, 6, 0), "five points above the lede: a list, no deck");
    List<String> two = List.of(HEADLINE, lines.get(1), lines.get(2), LEDE);
    assertEquals(1, Standfirst.pointsAbove(two, 3, 0), "two points under the headline");
  }

  @Test
  void imagePlaceholdersAndPhotoCreditsAreNeitherParagraphsNorBylines() {
    for (String photo : List.of("صورة", "(صورة)", "[صورة 2 من 5]", "Image", "(صورة: رويترز)", "المصدر: Getty Images",
        "تصوير: سامي علي", "صدر الصورة، EPA")) {
      Article a = read(HEADLINE + "\n\n" + DECK + "\n" + photo + "\n\n" + BODY);
      assertEquals(DECK, a.standfirst(), photo);
      assertEquals(LEDE, paragraphs(a).get(0), photo);
      assertEquals(3, a.paragraphs().size(), photo);
      assertNull(a.byline(), photo);
    }
    // a source label naming a news agency still credits the story
    assertEquals("رويترز", read(HEADLINE + "\nالمصدر: رويترز\n\n" + BODY).byline().source());
  }

  @Test
  void captionRepeatingTheLedeOrTheDeckIsNoParagraph() {
    String first = "أقرت الحكومة اليوم خطة جديدة لدعم مشاريع الطاقة المتجددة في البلاد.";
    String lede = first + " وتبلغ قيمة التمويل مليار دولار من البنك الدولي.";
    String body = lede + "\n\n" + BODY.substring(BODY.indexOf("\n\n") + 2);
    Article a = read(HEADLINE + "\nصدر الصورة، EPA\n" + first + "\n\n" + body);
    assertEquals(lede, paragraphs(a).get(0));
    assertEquals(first, a.caption());
    assertEquals(HEADLINE, a.headline());
    // the deck printed again under the photo: the copy is the caption, the headline stays
    Article twice = read(HEADLINE + "\n\n" + DECK + "\n(صورة)\n" + DECK + "\n\n" + BODY);
    assertEquals(DECK, twice.standfirst());
    assertEquals(HEADLINE, twice.headline());
    assertEquals(LEDE, paragraphs(twice).get(0));
    assertEquals(3, twice.paragraphs().size());
  }
}

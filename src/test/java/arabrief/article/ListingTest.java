package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A "latest news" listing of other stories (title, one-sentence teaser, next title …) pasted above the article:
 * composed snippets, unit tests of the walk past it (its rate on 1,342 articles is Metamorphic's "listing above").
 */
class ListingTest {

  private static final String HEADLINE = PastedHeaderTest.HEADLINE;
  private static final String BODY = PastedHeaderTest.BODY;

  private static Article read(String text) {
    return PastedHeaderTest.read(text);
  }

  private static String listing(String... titles) {
    String[] teasers = {
      "أعلن المنتخب الوطني لكرة القدم قائمة اللاعبين المشاركين في البطولة القارية المقبلة بعد معسكر طويل.",
      "ارتفعت أسعار الذهب في الأسواق العالمية مع تراجع الدولار وتزايد المخاوف من تباطؤ النمو.",
      "افتتح مهرجان السينما الدولي دورته الجديدة بمشاركة عشرات الأفلام من مختلف القارات.",
    };
    StringBuilder s = new StringBuilder("الأكثر قراءة\n");
    for (int i = 0; i < titles.length; i++) {
      s.append(titles[i]).append('\n').append(teasers[i]).append('\n');
    }
    return s.append('\n').toString();
  }

  @Test
  void titlesOfTheListingEndingLikeSentencesAreWalkedPast() {
    String plain = listing("المنتخب يعلن قائمته للبطولة القارية", "الذهب يرتفع في الأسواق العالمية", "مهرجان السينما يفتتح دورته");
    String open = listing("هل يصل المنتخب إلى نهائي البطولة القارية هذا العام بعد غياب طويل عن المنافسة؟",
        "خبراء: الذهب \"سيبقى الملاذ الآمن للمستثمرين في الأسواق العالمية حتى نهاية العام المقبل\"",
        "مهرجان السينما يفتتح دورته");
    for (String above : new String[] {plain, open}) {
      Article a = read(above + HEADLINE + "\n\n" + BODY);
      assertEquals(HEADLINE, a.headline(), above);
      assertTrue(a.paragraphs().get(0).source().startsWith("أقرت الحكومة"), above);
      assertEquals(3, a.paragraphs().size(), above);
    }
  }

  @Test
  void anArticlesOwnQuoteEndedParagraphsAreNotAListing() {
    // paragraphs of one story, some ending with a quote and no full stop, are not titles of other stories
    String text = HEADLINE + "\n\n" + "أقرت الحكومة اليوم خطة جديدة لدعم مشاريع الطاقة المتجددة في البلاد بتمويل من البنك الدولي.\n\n"
        + "وقال وزير الطاقة: \"الخطة تشمل محطات شمسية جديدة في ثلاث محافظات\"\n\n"
        + "وأضاف الوزير أن مشاريع الطاقة المتجددة ستوفر آلاف فرص العمل وتخفض فاتورة الطاقة على المواطنين في البلاد.\n\n"
        + "وتابع: \"سنبدأ التنفيذ خلال أسابيع في المحافظات الثلاث\"\n\n"
        + "ومن المتوقع أن تعرض الحكومة تفاصيل الخطة على البرلمان الشهر المقبل لإقرار التمويل اللازم لها.";
    Article a = read(text);
    assertEquals(HEADLINE, a.headline());
    assertEquals(5, a.paragraphs().size());
    assertTrue(a.paragraphs().get(0).source().startsWith("أقرت الحكومة"));
  }
}

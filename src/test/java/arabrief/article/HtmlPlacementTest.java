package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The placement rules of the HTML path that the metamorphic checks ({@link HtmlMetamorphic}) called for, each on a
 * small composed page: the article's date and author are the ones nearest its headline and above its body, not a
 * header clock's, a sidebar teaser's or a linked story's among the paragraphs.
 */
class HtmlPlacementTest {

  private static final String BODY = "<p>أعلنت الحكومة اليوم عن خطة جديدة لدعم المزارعين في المناطق الريفية، تشمل قروضا ميسرة ومعدات حديثة.</p>"
      + "<p>وقال وزير الزراعة إن الخطة ستبدأ في الربيع المقبل، وإنها ستشمل أكثر من عشرة آلاف مزارع في أنحاء البلاد.</p>"
      + "<p>ورحب اتحاد المزارعين بالخطة، لكنه طالب بزيادة المبالغ المخصصة لها في الموازنة العامة.</p>";

  private static Article read(String html) {
    return Fixtures.read(html.getBytes(StandardCharsets.UTF_8), "page.html");
  }

  @Test
  void theDateNearestTheHeadlineAboveTheBodyNotTheHeaderClockNorALinkedStorys() {
    String html = "<html><body><div class='top'><span class='today-date'>الأحد 5 يناير 2025</span></div>"
        + "<div class='main'><div class='story'><h1>الحكومة تعلن خطة لدعم المزارعين في الأرياف</h1>"
        + "<div class='meta'><span class='post-date'>12 مارس 2024</span></div>"
        + "<div class='text'>" + BODY.replace("</p><p>ورحب", "</p><div class='inline-link'><a href='/x'>خبر سابق عن المزارعين</a>"
            + " <span class='date'>1 مارس 2024</span></div><p>ورحب") + "</div></div></div></body></html>";
    assertEquals("2024-03-12", String.valueOf(read(html).dateline().gregorian()));
  }

  @Test
  void theAuthorOfTheArticleNotOfATeaserInTheSidebar() {
    String teaser = "<li><h3><a href='/a'>خبر آخر في الشريط الجانبي عن الطقس</a></h3><div class='post-author'>كتب: سامي فؤاد</div></li>";
    String html = "<html><body><div class='col'><ul>" + teaser + "</ul></div>"
        + "<div class='story'><h1>الحكومة تعلن خطة لدعم المزارعين في الأرياف</h1>"
        + "<span class='author-name'>منى السيد</span><div class='text'>" + BODY + "</div></div></body></html>";
    assertEquals("منى السيد", read(html).byline().author());
  }

  @Test
  void theInnermostElementThatLabelsTheAuthor() {
    String html = "<html><body><h1>الحكومة تعلن خطة لدعم المزارعين في الأرياف</h1>"
        + "<div class='info'><div class='w'>كتب: منى السيد</div><div class='d'>نشر في: 2024/03/12</div></div>"
        + "<div class='text'>" + BODY + "</div></body></html>";
    assertEquals("منى السيد", read(html).byline().author());
  }

  @Test
  void aDateLineUnderATableLayoutsHeadlineWithOneBreak() {
    String html = "<html><head><title>الموقع - الحكومة تعلن خطة لدعم المزارعين في الأرياف</title></head><body><table><tr><td>"
        + "<font size='5'><b>الحكومة تعلن خطة لدعم المزارعين في الأرياف</b></font><br>"
        + "<font size='2'>الثلاثاء 12 مارس 2024</font><br><br>"
        + BODY.replace("<p>", "").replace("</p>", "<br><br>") + "</td><td><a href='/1'>رابط</a></td></tr></table></body></html>";
    Article a = read(html);
    assertEquals("2024-03-12", String.valueOf(a.dateline().gregorian()));
    assertEquals(3, a.paragraphs().size());
  }

  @Test
  void paragraphsEachInAWrapperOfTheirOwnStillMakeOneBody() {
    String wrapped = BODY.replace("<p>", "<div class='block'><div class='para'><p>").replace("</p>", "</p></div></div>");
    Article a = read("<html><body><h1>الحكومة تعلن خطة لدعم المزارعين في الأرياف</h1><div class='text'>" + wrapped
        + "</div><div class='side'><p>نص قصير في الشريط الجانبي لا يتصل بالخبر أبدا.</p></div></body></html>");
    assertEquals(3, a.paragraphs().size());
  }

  @Test
  void theHeadlineRepeatedAtTheTopOfTheBodyIsNoParagraph() {
    Article a = read("<html><body><h1>الحكومة تعلن خطة لدعم المزارعين في الأرياف</h1><div class='text'>"
        + "<p>الحكومة تعلن خطة لدعم المزارعين في الأرياف</p>" + BODY + "</div></body></html>");
    assertEquals(3, a.paragraphs().size());
    assertEquals("الحكومة تعلن خطة لدعم المزارعين في الأرياف", a.headline());
  }
}

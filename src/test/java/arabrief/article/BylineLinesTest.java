package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The conventions of Arabic author lines, one per test line (composed: unit tests of the rules). */
class BylineLinesTest {

  @Test
  void verbsAndLabelsOfAuthorship() {
    assertEquals("آسيا العتروس", BylineParser.ofLine("حوار: آسيا العتروس").author());
    assertEquals("سامي علي", BylineParser.ofLine("كتب سامي علي").author());
    assertEquals("ليلى حسن", BylineParser.ofLine("ترجمة: ليلى حسن").author());
    assertEquals("كايلا إبستين وأنجليكا كاساس", BylineParser.ofLine("Author, كايلا إبستين وأنجليكا كاساس").author());
  }

  @Test
  void sectionNamesAreNoBylines() {
    assertNull(BylineParser.ofLine("حوار المرحلة"));
    assertNull(BylineParser.ofLine("متابعات عربية"));
  }

  @Test
  void nameThenPlace() {
    Byline b = BylineParser.ofLine("حسام أبو العلا - القاهرة");
    assertEquals("حسام أبو العلا", b.author());
    assertEquals("Cairo", b.place());
    assertNull(BylineParser.ofLine("أرفع اتصال عسكري أميركي - روسي"));
  }
}

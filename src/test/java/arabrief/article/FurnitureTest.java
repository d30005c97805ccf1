package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FurnitureTest {

  @Test
  void labelsAndWidgets() {
    for (String line : List.of("اختيارات المحرر", "فيديو", "اقرأ أيضا", "إقرأ أيضاً: عنوان آخر", "شارك", "شارك على فيسبوك",
        "مواضيع ذات صلة", "رئيس التحرير: خالد صلاح", "رئيس التحرير محمد حسن", "صورة توضيحية",
        "عاجل | خبر أول", "خبر أول | خبر ثان | خبر ثالث", "الوسوم: مصر، اقتصاد",
        "تابع الآن خبر عنوان ما حصرياً على موقع ما", "جميع الحقوق محفوظة © 2024")) {
      assertTrue(Furniture.isFurniture(line), line);
    }
  }

  @Test
  void newsIsNotFurniture() {
    for (String line : List.of("شارك آلاف المتظاهرين في المسيرة التي جابت شوارع العاصمة.",
        "قال الوزير إن الحكومة، رغم الصعوبات، ماضية في الإصلاح.", "فيديو يظهر لحظة الانفجار",
        "أميركا، روسيا، الصين تتنافس على النفوذ في أفريقيا منذ عقود طويلة.")) {
      assertFalse(Furniture.isFurniture(line), line);
    }
  }

  @Test
  void commaTagList() {
    assertTrue(Furniture.isCommaTagList("النفط، أوبك، الصين، أسعار الخام"));
    assertFalse(Furniture.isCommaTagList("النفط، أوبك"));
    assertFalse(Furniture.isCommaTagList("قال، وأضاف، ثم غادر."));
  }

  @Test
  void wrapperInsideAParagraph() {
    String p = "وأشار إلى ذلك. تابع الان خبر عنوان حصريا على موقع اليوم السابع";
    assertEquals(p.indexOf("تابع"), Furniture.wrapperStart(p));
    assertEquals(-1, Furniture.wrapperStart("تابع الوزير الخبر باهتمام."));
  }

  @Test
  void bylines() {
    assertEquals("بيروت - محمد شقير - ", Byline.prefixOf("بيروت - محمد شقير - قال مصدر سياسي إن الحكومة ستجتمع."));
    assertEquals("القاهرة (رويترز) - ", Byline.prefixOf("القاهرة (رويترز) - قال البنك المركزي إنه سيرفع الفائدة."));
    assertEquals("باريس (أ ف ب) - ", Byline.prefixOf("باريس (أ ف ب) - أعلنت الحكومة الفرنسية خطة جديدة."));
    assertEquals("لندن: «الشرق الأوسط» ", Byline.prefixOf("لندن: «الشرق الأوسط» أعلنت الحكومة البريطانية خطة جديدة."));
    assertNull(Byline.prefixOf("حض وزير الدفاع الأميركي لويد أوستن، في اتصال هاتفي الجمعة، نظيره الروسي."));
    assertNull(Byline.prefixOf("أرفع اتصال عسكري أميركي - روسي منذ بدء الحرب على أوكرانيا."));
    assertTrue(Byline.isBylineLine("كتب: أحمد علي"));
    assertTrue(Byline.isBylineLine("الرياض: «الشرق الأوسط»"));
    assertFalse(Byline.isBylineLine("كتب الوزير رسالة إلى نظيره."));
  }
}

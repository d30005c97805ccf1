package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-made pages imitating the layouts of real Arabic news sites. */
class LayoutTest {

  private static Article read(String fixture) {
    return Fixtures.read(Fixtures.article(fixture), fixture);
  }

  private static List<Integer> sentenceCounts(Article a) {
    return a.paragraphs().stream().map(p -> p.sentences().size()).toList();
  }

  @Test
  void youm7MastheadTickerBylineWrapperAndMostRead() {
    Article a = read("youm7_style.txt");
    assertEquals("وزير المالية: الحكومة ملتزمة بخفض الدين العام خلال 3 سنوات", a.headline());
    assertEquals("الخميس، 14 مارس 2024 02:30 م", a.dateline().source());
    assertEquals("Thursday 14 March 2024", a.dateline().english());
    assertEquals(LocalDate.of(2024, 3, 14), a.dateline().gregorian());
    assertNull(a.dateline().hijri());
    assertEquals("محمد معيط وزير المالية", a.caption());
    assertEquals(List.of(2, 2, 2), sentenceCounts(a));
    assertEquals("وقال د. معيط: «نستهدف تحقيق فائض أولي قدره 3.5% من الناتج المحلي».",
        a.paragraphs().get(2).sentences().get(0));
    assertTrue(a.paragraphs().get(2).source().endsWith("في الاستثمارات العامة."), "wrapper cut off");
    assertEquals(
        List.of(
            "رئيس التحرير: خالد صلاح",
            "عاجل | الرئيس السيسي يستقبل رئيس وزراء اليونان | ارتفاع أسعار الذهب في مصر اليوم",
            "كتب أحمد عبد الرحمن",
            "اقرأ أيضا: البنك المركزي يثبت أسعار الفائدة للمرة الثالثة على التوالي",
            "تابع الان خبر وزير المالية: الحكومة ملتزمة بخفض الدين العام حصريا على موقع اليوم السابع",
            "الأكثر قراءة",
            "أسعار الذهب اليوم في مصر",
            "هل ترتفع أسعار السجائر الشهر المقبل؟"),
        a.dropped());
  }

  @Test
  void aljazeeraNumericDatesShareButtonAndSourceLine() {
    Article a = read("aljazeera_style.txt");
    assertEquals("الأمم المتحدة تحذر من مجاعة وشيكة في شمال غزة", a.headline());
    assertEquals(LocalDate.of(2024, 3, 18), a.dateline().gregorian());
    assertEquals("18 March 2024", a.dateline().english());
    assertEquals("أطفال فلسطينيون ينتظرون الحصول على الطعام في رفح جنوبي قطاع غزة (الأناضول)", a.caption());
    assertEquals(List.of(1, 2, 2), sentenceCounts(a));
    assertEquals(List.of("شارك", "المصدر : الجزيرة + وكالات"), a.dropped());
  }

  @Test
  void lebaneseBylineLevantineMonthsArabicIndicDigits() {
    Article a = read("lebanese_style.txt");
    assertEquals("لبنان يدخل الصمت الانتخابي عشية الاستحقاق النيابي", a.headline());
    assertEquals("السبت ١٤ أيار ٢٠٢٢", a.dateline().source());
    assertEquals("Saturday 14 May 2022", a.dateline().english());
    assertEquals(LocalDate.of(2022, 5, 14), a.dateline().gregorian());
    assertNull(a.caption());
    assertEquals(List.of(1, 2, 1), sentenceCounts(a));
    assertTrue(a.paragraphs().get(0).source().startsWith("دخل لبنان منتصف ليل الجمعة"));
    assertEquals(
        List.of(
            "الرئيسية",
            "بيروت - هادي الأحمد -",
            "كلمات مفتاحية: لبنان، الانتخابات النيابية، الصمت الانتخابي",
            "مواضيع ذات صلة",
            "من يحكم لبنان بعد الانتخابات؟",
            "باسيل يرد على جعجع"),
        a.dropped());
  }

  @Test
  void reutersWireDatelineCreditAndCommaTags() {
    Article a = read("reuters_wire.txt");
    assertEquals("أسعار النفط ترتفع بفعل آمال تعافي الطلب الصيني", a.headline());
    assertEquals("Monday 16 January 2023", a.dateline().english());
    assertEquals("ناقلة نفط راسية في ميناء رأس تنورة بالسعودية في صورة من أرشيف رويترز (رويترز)", a.caption());
    assertEquals(3, a.paragraphs().size());
    assertTrue(a.paragraphs().get(0).source().startsWith("ارتفعت أسعار النفط يوم الاثنين"));
    assertEquals(
        List.of(
            "دبي (رويترز) -",
            "(إعداد أحمد إلهامي للنشرة العربية - تحرير سها جادو)",
            "النفط، أوبك، الصين، أسعار الخام"),
        a.dropped());
  }

  @Test
  void illustrativePhotoIsDroppedAndHijriOnlyDateline() {
    Article a = read("photo_caption_style.txt");
    assertEquals("السعودية تعلن بدء صيام شهر رمضان المبارك", a.headline());
    assertEquals("1445-09-01", a.dateline().hijri());
    assertNull(a.dateline().gregorian());
    assertEquals("Sunday 1 Ramadan 1445 AH", a.dateline().english());
    assertNull(a.caption(), "صورة توضيحية says nothing worth translating");
    assertEquals(List.of(1, 2, 1), sentenceCounts(a));
    assertEquals(
        List.of(
            "صورة توضيحية",
            "الرياض: «الشرق الأوسط»",
            "اقرأ أيضاً: مواعيد عمل الجهات الحكومية خلال رمضان",
            "شارك"),
        a.dropped());
  }

  @Test
  void htmlPageWithChrome() {
    Article a = read("news_page.html");
    assertEquals("ارتفاع معدل التضخم في مصر إلى 35.7%", a.headline());
    assertEquals(LocalDate.of(2023, 3, 10), a.dateline().gregorian());
    assertEquals("Friday 10 March 2023", a.dateline().english());
    assertEquals("سوق شعبي في القاهرة (أ.ف.ب)", a.caption());
    assertEquals(3, a.paragraphs().size());
    assertTrue(a.paragraphs().get(0).source().startsWith("أعلن الجهاز المركزي للتعبئة العامة"));
    assertTrue(a.paragraphs().get(2).source().startsWith("ويتوقع محللون"));
    // Menus, scripts, share bars, tags and related links are removed by the HTML step;
    // only furniture inside the article text reaches the parser.
    assertEquals(List.of("اقرأ أيضا: البنك المركزي يرفع الفائدة"), a.dropped());
    a.paragraphs().forEach(p -> assertTrue(!p.source().contains("dataLayer") && !p.source().contains("ads.push")));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"youm7_style.txt", "aljazeera_style.txt",
      "lebanese_style.txt", "reuters_wire.txt", "photo_caption_style.txt", "news_page.html"})
  void sentencesGiveEveryParagraphBack(String fixture) {
    for (Paragraph p : read(fixture).paragraphs()) {
      assertEquals(p.source().replaceAll("\\s+", " "), String.join(" ", p.sentences()));
    }
  }
}

package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One feature at a time: what the scorers and recognizers see in a single line. */
class StructureFeaturesTest {

  private static final List<String> LEAD = List.of(
      "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة طرابلس بطاقة مئتي سرير.",
      "وقال وزير الصحة إن المستشفى سيخدم سكان الشمال.");

  @Test
  void tickerOfRunTogetherHeadlinesIsFurniture() {
    String ticker = "ارتفاع أسعار الذهب في السوق المحلية اليوم سعر الدولار يستقر أمام الجنيه في البنوك موعد صرف المعاشات";
    assertTrue(Furniture.isTicker(ticker));
    assertTrue(Furniture.isFurniture(ticker));
    assertFalse(Furniture.isTicker("وقال الوزير إن الحكومة ماضية في خطتها، رغم الصعوبات التي تواجهها في الأسواق المحلية."));
    assertFalse(Furniture.isTicker("متظاهرة تحمل لافتة عليها صورة الطيار في مدينة غلاسكو البريطانية - 2 مارس/آذار 2024 كما يظهر هنا"));
  }

  @Test
  void headlineOverlapsTheLeadSiteNameAndSectionLabelDoNot() {
    var headline = new HeadlineScorer.Candidate("وزارة الصحة تفتتح مستشفى جديدا في طرابلس", false, 0);
    var site = new HeadlineScorer.Candidate("أنباء اليوم", false, 1);
    var section = new HeadlineScorer.Candidate("أحدث الأخبار", false, 2);
    var unrelated = new HeadlineScorer.Candidate("منتخب الكرة يستعد لمباراة الغد في البطولة", false, 3);
    assertEquals(headline.text(), HeadlineScorer.best(List.of(site, section, unrelated, headline), LEAD, Set.of()));
    Set<String> lead = HeadlineScorer.leadWords(LEAD);
    assertEquals(Double.NEGATIVE_INFINITY, HeadlineScorer.score(site, lead, Set.of()), "two words: a name, not a headline");
    assertTrue(HeadlineScorer.score(headline, lead, Set.of()) > HeadlineScorer.score(unrelated, lead, Set.of()));
    assertTrue(HeadlineScorer.overlap(headline.text(), lead) > 0.5);
    assertEquals(0.0, HeadlineScorer.overlap(unrelated.text(), lead));
  }

  @Test
  void siteSuffixLeavesTheTitle() {
    assertEquals("عنوان الخبر الطويل هنا", HeadlineScorer.withoutSiteName("عنوان الخبر الطويل هنا - BBC News عربي", Set.of("BBC News عربي")));
    assertEquals("عنوان الخبر الطويل هنا", HeadlineScorer.withoutSiteName("الموقع | عنوان الخبر الطويل هنا", Set.of()));
  }

  @Test
  void wrapperGivesItsHeadline() {
    String line = "تابع الان خبر الحكومة تعلن خطة لخفض الأسعار حصرياً على موقع ما";
    assertEquals("الحكومة تعلن خطة لخفض الأسعار", Furniture.wrapperHeadline(line));
    assertNull(Furniture.wrapperHeadline("تابع الوزير الخبر باهتمام."));
    Article a = ArticleParser.parse(line + "\n\n" + "أعلنت الحكومة خطة لخفض الأسعار في الأسواق خلال الشهر المقبل.");
    assertEquals("الحكومة تعلن خطة لخفض الأسعار", a.headline());
    assertEquals(List.of(line), a.dropped());
  }

  @Test
  void editorNameUnderMastheadLabelIsFurniture() {
    Article a = ArticleParser.parse("رئيس التحرير\nسامي عبد الله\nوزارة الصحة تفتتح مستشفى جديدا في طرابلس\n\n" + String.join("\n\n", LEAD));
    assertEquals("وزارة الصحة تفتتح مستشفى جديدا في طرابلس", a.headline());
    assertNull(a.caption());
    assertEquals(List.of("رئيس التحرير", "سامي عبد الله"), a.dropped());
  }

  @Test
  void teaserForAnotherStoryIsNoCaption() {
    String head = "وزارة الصحة تفتتح مستشفى جديدا في طرابلس\n";
    Article teaser = ArticleParser.parse(head + "منتخب الكرة يستعد لمباراة الغد في البطولة\n\n" + String.join("\n\n", LEAD));
    assertNull(teaser.caption());
    assertEquals(List.of("منتخب الكرة يستعد لمباراة الغد في البطولة"), teaser.dropped());
    Article photo = ArticleParser.parse(head + "وزير الصحة خلال افتتاح المستشفى\n\n" + String.join("\n\n", LEAD));
    assertEquals("وزير الصحة خلال افتتاح المستشفى", photo.caption());
  }

  @Test
  void questionAndQuoteHeadlinesAreNotTakenForTheBody() {
    for (String h : List.of("هل تفتتح وزارة الصحة مستشفى جديدا في طرابلس؟", "وزير الصحة: «المستشفى سيخدم سكان الشمال»")) {
      Article a = ArticleParser.parse(h + "\n\n" + String.join("\n\n", LEAD));
      assertEquals(h, a.headline());
      assertEquals(2, a.paragraphs().size());
    }
  }

  @Test
  void telegraphicCopyStillHasABody() {
    Article a = ArticleParser.parse("عنوان قصير للخبر\n\nانتهى الاجتماع.\n\nوتأجل التصويت.");
    assertEquals("عنوان قصير للخبر", a.headline());
    assertEquals(2, a.paragraphs().size());
  }

  @Test
  void genericCaptionsCreditsDurationsAndEnglishAreFurniture() {
    for (String line : List.of("صورة توضيحية", "صورة أرشيفية", "صدر الصورة، EPA-EFE/REX/Shutterstock",
        "(AP Photo/Hussein Malla)", "02:15", "2 min", "Lebanese army soldiers stand guard at the site",
        "التعليقات المنشورة لا تعبر عن رأي الموقع وإنما تعبر عن رأي أصحابها",
        "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا.")) {
      assertTrue(Furniture.isFurniture(line), line);
    }
  }

  @Test
  void bylineOfEachForm() {
    assertEquals(new Byline(null, "Beirut", "نادين الأحمد", "بيروت - نادين الأحمد -"),
        BylineParser.ofPrefix("بيروت - نادين الأحمد - انتشر الجيش في الشوارع صباح اليوم."));
    assertEquals(new Byline("CNN", "Damascus, Syria", null, "دمشق، سوريا (CNN) --"),
        BylineParser.ofPrefix("دمشق، سوريا (CNN) -- قالت الحكومة السورية إنها ستفتح المعابر."));
    assertEquals(new Byline("أ ف ب", null, null, "(أ ف ب) -"),
        BylineParser.ofPrefix("(أ ف ب) - أعلنت الحكومة الفرنسية خطة جديدة للطاقة."));
    assertEquals(new Byline(null, null, "محمود حسن", "كتب: محمود حسن"), BylineParser.ofLine("كتب: محمود حسن"));
    assertEquals(new Byline("أ ف ب", null, null, "(أ ف ب)"), BylineParser.ofLine("(أ ف ب)"));
    assertEquals(new Byline("الجزيرة + وكالات", null, null, "المصدر : الجزيرة + وكالات"),
        BylineParser.ofLine("المصدر : الجزيرة + وكالات"));
    assertEquals(new Byline("الشرق الأوسط", "London", null, "لندن: «الشرق الأوسط»"), BylineParser.ofLine("لندن: «الشرق الأوسط»"));
    assertEquals("مدينة مجهولة", BylineParser.ofPrefix("مدينة مجهولة - علي حسن - قال مصدر إن الاجتماع تأجل.").place(),
        "an unknown place stays as printed");
    assertNull(BylineParser.ofLine("كتب الوزير رسالة إلى نظيره."));
  }

  @Test
  void bylineAtTheStartOfTheFirstParagraphIsTakenOutAndReported() {
    Article a = ArticleParser.parse("عنوان الخبر عن الجيش في بيروت\n\nبيروت - نادين الأحمد - انتشر الجيش في شوارع بيروت صباح اليوم بعد الانفجار.");
    assertEquals("انتشر الجيش في شوارع بيروت صباح اليوم بعد الانفجار.", a.paragraphs().get(0).source());
    assertEquals("Beirut", a.byline().place());
    assertEquals("نادين الأحمد", a.byline().author());
    assertNull(a.byline().source());
  }

  @Test
  void datelineForms() {
    assertEquals(LocalDate.of(2024, 3, 3), DatelineParser.parse("3 مارس/ آذار 2024").gregorian());
    Dateline d = DatelineParser.parse("الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21 (GMT+0400)");
    assertEquals(LocalDate.of(2013, 8, 4), d.gregorian());
    assertEquals("Sunday 4 August 2013", d.english());
    assertEquals(LocalDate.of(2026, 1, 8), DatelineParser.parse("2026-01-08 | 12:42").gregorian());
    assertEquals(LocalDate.of(2023, 2, 28), DatelineParser.parse("28/2/2023").gregorian());
    assertEquals(LocalDate.of(2023, 2, 28), DatelineParser.parse("الثلاثاء ٢٨ شباط ٢٠٢٣").gregorian());
    assertEquals(LocalDate.of(2024, 6, 1), DatelineParser.parse("1 يونيه 2024").gregorian());
    Dateline both = DatelineParser.parse("الاثنين 5 رمضان 1445 هـ الموافق 15 مارس 2024");
    assertEquals("1445-09-05", both.hijri());
    assertEquals(LocalDate.of(2024, 3, 15), both.gregorian());
  }
}

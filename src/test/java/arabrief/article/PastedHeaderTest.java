package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * One feature of a pasted page's header each (issue 32's failure kinds), on composed snippets: unit tests of
 * the rules, not evidence of how well they do (that is CopiesEval's, on real pages).
 */
class PastedHeaderTest {

  static final String HEADLINE = "الحكومة تقر خطة جديدة لدعم الطاقة المتجددة في البلاد";
  static final String BODY = "أقرت الحكومة اليوم خطة جديدة لدعم مشاريع الطاقة المتجددة في البلاد بتمويل من البنك الدولي.\n\n"
      + "وقال وزير الطاقة إن الخطة تشمل إنشاء محطات شمسية جديدة في ثلاث محافظات خلال العامين المقبلين.\n\n"
      + "وأضاف أن المشاريع ستوفر آلاف فرص العمل وتخفض فاتورة الطاقة على المواطنين.";

  static Article read(String text) {
    return ArticleParser.parse(Normalizer.normalize(text));
  }

  @Test
  void headerClockAboveTheMastheadIsNotTheArticlesDate() {
    Article a = read("الجمعة 29-03-2024\nموقع الأخبار\n\n" + HEADLINE + "\n\n" + BODY);
    assertEquals(HEADLINE, a.headline());
    assertNull(a.dateline(), "the day's clock at the top of the page");
    Article own = read("الجمعة 29-03-2024\nموقع الأخبار\n\n" + HEADLINE + "\nنشر في\n12 مايو 2023\n\n" + BODY);
    assertEquals(LocalDate.of(2023, 5, 12), own.dateline().gregorian(), "the date printed under the headline");
    Article updated = read("الجمعة 29-03-2024\n" + HEADLINE + "\nآخر تحديث: 3 مايو 2023 - 10:15\n\n" + BODY);
    assertEquals(LocalDate.of(2023, 5, 3), updated.dateline().gregorian(), "an update stamp is the only date under the headline");
    Article weather = read("20.06° القدس\nالجمعة 29 مارس 2024\n19.89° رام الله\n" + HEADLINE + "\n\n" + BODY);
    assertNull(weather.dateline(), "a date among weather widgets is the page's clock, even just above the headline");
  }

  @Test
  void dateUnderTheStoryIsItsOwn() {
    Article below = read("الرئيسية\nاقتصاد\n" + HEADLINE + "\n\n" + BODY + "\nنشر في 12 مايو 2023\nاقرأ أيضا");
    assertEquals(LocalDate.of(2023, 5, 12), below.dateline().gregorian(), "a labelled date right after the last paragraph");
    Article clock = read("الجمعة 29-03-2024\n" + HEADLINE + "\nكتب: سامي علي\n\n" + BODY + "\nالأحد 12 مايو 2023 - 10:30");
    assertEquals(LocalDate.of(2023, 5, 12), clock.dateline().gregorian(), "the date under the story, not the clock above the headline");
    Article related = read(HEADLINE + "\n\n" + BODY + "\nاقرأ أيضا\nوزير الطاقة يفتتح محطة شمسية جديدة في الجنوب\n12 مايو 2023");
    assertNull(related.dateline(), "a related story's date after its headline is not the story's");
    Article under = read(HEADLINE + "\nنشر في 3 مايو 2023\n\n" + BODY + "\n12 مايو 2023");
    assertEquals(LocalDate.of(2023, 5, 3), under.dateline().gregorian(), "the date under the headline comes first");
  }

  @Test
  void dateAndBylineInOneMetaLine() {
    Article a = read(HEADLINE + "\nالأحد 17-01-2016 19:05 | كتب: محمد السيد صالح، فادي فرنسيس، سامي علي |\n\n" + BODY);
    assertEquals(LocalDate.of(2016, 1, 17), a.dateline().gregorian());
    assertEquals("محمد السيد صالح، فادي فرنسيس، سامي علي", a.byline().author(), "every author kept");
  }

  @Test
  void bylinesWithSeveralNames() {
    assertEquals("رائد يوسف وعبدالرحمن الشمري", BylineParser.ofLine("كتب: رائد يوسف وعبدالرحمن الشمري").author());
    assertEquals("سلمى علي و هند سعيد", BylineParser.ofLine("كتبت سلمى علي و هند سعيد").author());
    Byline placed = BylineParser.ofLine("بقلم: سامي علي، بيروت");
    assertEquals("سامي علي", placed.author());
    assertEquals("Beirut", placed.place());
    assertEquals("د. مجدي أبو الخير", BylineParser.ofLine("بقلم: د. مجدي أبو الخير").author());
    assertEquals("د. مجدي أبو الخير", BylineParser.ofHeadline("د. مجدي أبو الخير يكتب: الأزمة وما بعدها").author());
  }

  @Test
  void publishingSystemsByAndSlashedLabels() {
    // «بواسطة» is how Arabic publishing systems print "by"; a slash after the verb is a separator like a colon
    assertEquals("هند سعيد", BylineParser.ofLine("بواسطة هند سعيد").author());
    assertEquals("هند سعيد", BylineParser.ofLine("بواسطة: هند سعيد").author());
    assertEquals("رائد يوسف", BylineParser.ofLine("بقلم/ رائد يوسف").author());
    assertEquals("سامي عبد الله", read(HEADLINE + "\nبواسطة سامي عبد الله\n\n" + BODY).byline().author());
  }

  @Test
  void nameAloneUnderTheHeadlineIsTheByline() {
    Article a = read(HEADLINE + "\nسامي عبد الله\n\n" + BODY);
    assertEquals("سامي عبد الله", a.byline().author());
    assertEquals(3, a.paragraphs().size());
    // a caption names the story's people; a section label or a widget is no name
    assertFalse(ArticleParser.isNameLine("وزير الطاقة", HeadlineScorer.words(BODY)));
    assertFalse(ArticleParser.isNameLine("الأحوال الجوية", Set.of()));
    assertFalse(ArticleParser.isNameLine("أخبار عربية", Set.of()));
    assertFalse(ArticleParser.isNameLine("سلطان صلاح يشارك بـ", Set.of()));
    assertTrue(ArticleParser.isNameLine("عبد المنعم فهمي", Set.of()));
  }

  @Test
  void creditsClosingTheArticle() {
    for (String credit : List.of("المصدر - وفا", "المصدر: وفا", "(وفا)", "وفا")) {
      Article a = read(HEADLINE + "\n\n" + BODY + "\n\n" + credit);
      assertEquals("وفا", a.byline().source(), credit);
      assertEquals(3, a.paragraphs().size(), credit);
    }
    Article label = read(HEADLINE + "\nالمصدر:\nرويترز\n\n" + BODY);
    assertEquals("رويترز", label.byline().source(), "a source label with the source on the next line");
    Article signOff = read(HEADLINE + "\n\n" + BODY.replace("المواطنين.", "المواطنين --(بترا)"));
    assertEquals("بترا", signOff.byline().source());
    assertTrue(signOff.paragraphs().get(2).source().endsWith("المواطنين"));
  }

  @Test
  void siteTagOpeningTheFirstParagraphIsACredit() {
    Article a = read(HEADLINE + "\n\nالموقع الإخباري - " + BODY);
    assertEquals("الموقع الإخباري", a.byline().source());
    assertTrue(a.paragraphs().get(0).source().startsWith("أقرت الحكومة"));
    Article placed = read(HEADLINE + "\n\nأفريقيا برس – المغرب. " + BODY);
    assertEquals("أفريقيا برس", placed.byline().source());
    assertEquals("Morocco", placed.byline().place());
    Article wire = read(HEADLINE + "\n\nالجزائر / 3 تشرين الثاني / نوفمبر / إرنا-" + BODY);
    assertEquals("إرنا", wire.byline().source());
  }

  @Test
  void bulletDeckIsTheStandfirst() {
    Article a = read(HEADLINE + "\n• الخطة تشمل ثلاث محافظات\n• تمويل من البنك الدولي\n\n" + BODY);
    assertEquals("• الخطة تشمل ثلاث محافظات\n• تمويل من البنك الدولي", a.standfirst());
    assertTrue(a.paragraphs().get(0).source().startsWith("أقرت الحكومة"));
    Article prose = read(HEADLINE + "\n■ الخطة تشمل إنشاء محطات شمسية في ثلاث محافظات.\n■ التمويل من البنك الدولي.\n\n" + BODY);
    assertEquals(2, prose.standfirst().lines().count());
    assertEquals(3, prose.paragraphs().size());
  }

  @Test
  void deckSetApartByTheDateLineAndPhoto() {
    String deck = "خطة طموحة تراهن عليها الحكومة لخفض فاتورة الطاقة وتوفير فرص العمل في المحافظات.";
    Article a = read(HEADLINE + "\n" + deck + "\nالأحد 17 يناير 2016 - 19:05\nصورة أرشيفية\n\n" + BODY);
    assertEquals(deck, a.standfirst());
    assertEquals(LocalDate.of(2016, 1, 17), a.dateline().gregorian());
    assertTrue(a.paragraphs().get(0).source().startsWith("أقرت الحكومة"));
    // an advertisement slot after the first paragraph does not make it a deck: pages put ads inside the body
    Article ad = read(HEADLINE + "\n\n" + BODY.replaceFirst("\n\n", "\nإعلان\n"));
    assertNull(ad.standfirst());
    assertEquals(3, ad.paragraphs().size());
  }

  @Test
  void furnitureAboveAndBetween() {
    String above = "الرئيسية / أخبار / اقتصاد\nتم نسخ الرابط\n4.68 جنيه إسترليني\n22.87° غزة\nعاجل | انفجار في المرفأ | سقوط أمطار\n";
    Article a = read(above + HEADLINE + "\nصورة أرشيفية\nتصوير: سامي علي\n\n" + BODY);
    assertEquals(HEADLINE, a.headline());
    assertEquals(3, a.paragraphs().size());
    Article crumb = read("الرئيسية / الرئيسية / " + HEADLINE + "\n\n" + HEADLINE + "\n\n" + BODY);
    assertEquals(HEADLINE, crumb.headline(), "a breadcrumb ending in the headline is no headline");
  }

  @Test
  void genreTagClosingAHeadlineIsNoPhotoCredit() {
    String interview = "وزير الطاقة: الخطة الجديدة تخفض فاتورة الطاقة على المواطنين (حوار)";
    Article a = read(interview + "\nوزير الطاقة في مكتبه وزير الطاقة في مكتبه تصوير : سامي علي\n\n" + BODY);
    assertEquals(interview, a.headline());
  }

  @Test
  void relatedStoryTeasersAfterTheBody() {
    Article a = read(HEADLINE + "\n\n" + BODY + "\n\nشاهد أيضاً\n\nوزير الطاقة يفتتح محطة شمسية في الجنوب\n\n"
        + "افتتح وزير الطاقة اليوم محطة شمسية جديدة في الجنوب بقدرة عشرين ميغاواط …");
    assertEquals(3, a.paragraphs().size());
  }

  @Test
  void longHeadlineEndingWithAQuoteIsTheHeadline() {
    String title = "وزير الطاقة يقول إن الخطة الجديدة \"ستغير وجه قطاع الطاقة المتجددة في البلاد خلال عامين\"";
    Article a = read(title + "\n\n" + BODY);
    assertEquals(title, a.headline());
    assertEquals(3, a.paragraphs().size());
  }

  @Test
  void aNameTheListLacksIsFoundWhereItsPositionSaysByline() {
    String name = "جوناثان حداد";
    assertFalse(GivenNames.startsName(name.split(" ")), "the test needs a name the list lacks");
    assertNull(read(HEADLINE + "\n" + name + "\n\n" + BODY).byline(), "alone under the headline: no evidence");
    for (String header : List.of(name + "\n12 مارس 2024", "12 مارس 2024\n" + name, "12 مارس 2024 | " + name,
        "12 مارس 2024 · " + name, name + " 12 مارس 2024", name + "\nصحفي", name + "\nمراسل الموقع في بيروت", "كتب:\n" + name, "بقلم\n" + name)) {
      Article a = read(HEADLINE + "\n" + header + "\n\n" + BODY);
      assertEquals(name, a.byline().author(), header);
      assertEquals(HEADLINE, a.headline(), header);
      assertEquals(3, a.paragraphs().size(), header);
    }
    Article signed = read(HEADLINE + "\n\n" + BODY + "\n\n" + name + "\nكاتب صحفي");
    assertEquals(name, signed.byline().author(), "a name over its role under the story");
    assertEquals(3, signed.paragraphs().size());
  }

  @Test
  void linesBesideTheDateThatAreNoNames() {
    for (String line : List.of("وزارة الداخلية", "الشرق الأوسط", "بتوقيت القدس", "آخر تحديث", "5 دقائق قراءة", "أخبار عربية")) {
      Article a = read(HEADLINE + "\n" + line + "\n12 مارس 2024\n\n" + BODY);
      assertNull(a.byline(), line);
      Article field = read(HEADLINE + "\n12 مارس 2024 | " + line + "\n\n" + BODY);
      assertNull(field.byline(), line);
    }
  }
}

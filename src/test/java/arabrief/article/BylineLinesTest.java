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

  @Test
  void agencySignOffClosingTheBodyIsACredit() {
    Article a = ArticleParser.parse("الحكومة تعلن خطة جديدة للطاقة\n\nأعلنت الحكومة اليوم خطة جديدة لدعم الطاقة المتجددة في البلاد.\n\n"
        + "وقال الوزير إن الخطة تبدأ العام المقبل. (أ.ف.ب)");
    assertEquals("وقال الوزير إن الخطة تبدأ العام المقبل.", a.paragraphs().get(1).source());
    assertEquals("أ.ف.ب", a.byline().source());
    assertEquals("(أ.ف.ب)", a.dropped().get(a.dropped().size() - 1));
    Article quote = ArticleParser.parse("عنوان الخبر هنا اليوم\n\nوقال المتحدث إن الاجتماع عقد في مقر الحزب (الوطني).");
    assertNull(quote.byline(), "a bracket that names no agency stays in the text");
  }

  @Test
  void cityDashAgencyDateline() {
    Byline b = BylineParser.ofPrefix("القاهرة - (رويترز) - أعلنت وزارة الصحة المصرية اليوم تسجيل حالات جديدة");
    assertEquals("رويترز", b.source());
    assertEquals("Cairo", b.place());
  }

  @Test
  void wireDatelinesWithTheDay() {
    Byline petra = BylineParser.ofPrefix("عمان 12 آذار (بترا) - أعلن وزير المالية اليوم عن خطة جديدة");
    assertEquals("بترا", petra.source());
    assertEquals("Amman", petra.place());
    Byline mena = BylineParser.ofPrefix("القاهرة في 12 مارس /أ ش أ/ أعلن وزير المالية اليوم عن خطة جديدة");
    assertEquals("أ ش أ", mena.source());
    assertEquals("Cairo", mena.place());
    Byline wafa = BylineParser.ofPrefix("رام الله 12-3-2024 وفا- أعلن وزير المالية اليوم عن خطة جديدة");
    assertEquals("وفا", wafa.source());
    assertEquals("Ramallah", wafa.place());
    assertEquals("رام الله 12-3-2024 وفا-", BylineParser.prefixOf("رام الله 12-3-2024 وفا- أعلن وزير المالية اليوم عن خطة").strip());
  }

  @Test
  void aSentenceWithANumberAndABracketIsNoDateline() {
    assertNull(BylineParser.ofPrefix("قتل 12 شخصا (بينهم أطفال) في قصف على البلدة صباح اليوم"));
    assertNull(BylineParser.ofPrefix("أصيب 3 أشخاص أمس - بحسب مصادر طبية - في حادث سير على الطريق"));
    // a sentence's first words and a bracket are no «PLACE (AGENCY)» unless the place or the agency is known or a
    // dash or colon closes the credit
    assertNull(BylineParser.ofPrefix("فقدت العملة الإيرانية (الريال) نحو نصف قيمتها خلال الأشهر الماضية"));
    assertEquals("خاص", BylineParser.ofPrefix("غزة (خاص) أعلنت وزارة الصحة في القطاع اليوم عن حصيلة جديدة").source());
    assertEquals("الأناضول", BylineParser.ofPrefix("مدينة صغيرة (الأناضول) أعلنت السلطات المحلية اليوم حالة الطوارئ").source());
    assertEquals("مراسلنا", BylineParser.ofPrefix("بلدة الشيخ (مراسلنا) - أعلنت السلطات المحلية اليوم حالة الطوارئ").source());
  }

  @Test
  void placeAndCreditOrNameOnALine() {
    Byline spa = BylineParser.ofLine("الرياض - واس");
    assertEquals("واس", spa.source());
    assertEquals("Riyadh", spa.place());
    assertEquals("الحياة", BylineParser.ofLine("بيروت - «الحياة»").source());
    Byline reporter = BylineParser.ofLine("القاهرة - محمود عبد الرحمن");
    assertEquals("محمود عبد الرحمن", reporter.author());
    assertEquals("Cairo", reporter.place());
    assertNull(BylineParser.ofLine("القاهرة - الخرطوم"), "two places are a route, not a byline");
    Byline ours = BylineParser.ofLine("مراسلنا في بيروت");
    assertEquals("Beirut", ours.place());
  }

  @Test
  void labelsAndRolesBeforeTheName() {
    assertEquals("محمود عبد الرحمن", BylineParser.ofLine("رصد - محمود عبد الرحمن").author());
    assertEquals("محمود عبد الرحمن", BylineParser.ofLine("تحقيق: محمود عبد الرحمن").author());
    assertEquals("محمود عبد الرحمن", BylineParser.ofLine("بقلم الكاتب: محمود عبد الرحمن").author());
    assertNull(BylineParser.ofLine("تحقيق العدالة"), "a noun that is also a label needs its colon or dash");
  }

  @Test
  void aNameAsAFieldOfTheDateLine() {
    Article a = ArticleParser.parse("وزير المالية يعلن خطة جديدة لدعم الشركات الصغيرة\n12 مارس 2024 | محمود عبد الرحمن\n"
        + "أعلن وزير المالية اليوم الثلاثاء عن خطة جديدة لدعم الشركات الصغيرة والمتوسطة في البلاد خلال العام الحالي.\n"
        + "وقال الوزير في مؤتمر صحفي إن الخطة تتضمن قروضا ميسرة وإعفاءات ضريبية للشركات التي توظف الشباب.");
    assertEquals("محمود عبد الرحمن", a.byline().author());
    assertEquals("2024-03-12", a.dateline().gregorian().toString());
  }

  @Test
  void aReprintIsCreditedToItsOutlet() {
    assertEquals("الشرق الأوسط", BylineParser.ofLine("نقلا عن «الشرق الأوسط»").source());
    assertEquals("وكالة الأناضول", BylineParser.ofLine("نقلاً عن وكالة الأناضول").source());
    assertNull(BylineParser.ofLine("نقلا عن مصادر مطلعة قولها إن الاجتماع تأجل إلى الأسبوع المقبل"));
  }

  @Test
  void newerAgenciesCloseTheBody() {
    Article a = ArticleParser.parse("الحكومة تعلن خطة جديدة للطاقة\n\nأعلنت الحكومة اليوم خطة جديدة لدعم الطاقة المتجددة في البلاد.\n\n"
        + "وقال الوزير إن الخطة تبدأ العام المقبل. (معا)");
    assertEquals("معا", a.byline().source());
  }

  @Test
  void everySeparatorTitleAndJoiner() {
    assertEquals("سامي علي", BylineParser.ofLine("كتب – سامي علي").author());
    assertEquals("سامي علي", BylineParser.ofLine("كتب — سامي علي").author());
    assertEquals("أ.د. جوناثان حداد", BylineParser.ofLine("بقلم: أ.د. جوناثان حداد").author());
    assertEquals("الدكتورة هتون الزعبي", BylineParser.ofLine("بقلم: الدكتورة هتون الزعبي").author());
    assertEquals("سامي علي & هند سعيد", BylineParser.ofLine("بقلم: سامي علي & هند سعيد").author());
  }

  @Test
  void aRoleAfterTheName() {
    Byline labelled = BylineParser.ofLine("كتب: جوناثان حداد - صحفي");
    assertEquals("جوناثان حداد", labelled.author());
    assertNull(labelled.place(), "a role is no place");
    assertEquals("جوناثان حداد", BylineParser.ofLine("جوناثان حداد - كاتب وباحث").author());
    Byline correspondent = BylineParser.ofLine("جوناثان حداد، مراسل الموقع في بيروت");
    assertEquals("جوناثان حداد", correspondent.author());
    assertEquals("Beirut", correspondent.place());
    assertNull(BylineParser.ofLine("وزارة الداخلية - صحفي"), "an institution is no name");
  }

  @Test
  void englishLabels() {
    assertEquals("Jonathan Marcus", BylineParser.ofLine("By Jonathan Marcus").author());
    assertEquals("سامي علي", BylineParser.ofLine("Written by سامي علي").author());
    assertNull(BylineParser.ofLine("by the way we go"), "lower-case English words are a sentence");
  }

  @Test
  void nameBarPlace() {
    Byline b = BylineParser.ofLine("سامي علي | بيروت");
    assertEquals("سامي علي", b.author());
    assertEquals("Beirut", b.place());
  }

  @Test
  void anAuthorLabelOnALineOfItsOwn() {
    assertEquals("جوناثان حداد وهتون الزعبي", BylineParser.ofLine("كتب:", "جوناثان حداد وهتون الزعبي").author());
    assertEquals("جوناثان حداد", BylineParser.ofLine("By", "جوناثان حداد").author());
    assertNull(BylineParser.ofLine("تقرير", "جوناثان حداد"), "a section's noun needs its colon");
  }

  @Test
  void placeSlashAgency() {
    Byline line = BylineParser.ofLine("بغداد/ واع");
    assertEquals("واع", line.source());
    assertEquals("Baghdad", line.place());
    Byline prefix = BylineParser.ofPrefix("بغداد/ واع - أعلن وزير المالية اليوم عن خطة جديدة");
    assertEquals("واع", prefix.source());
    assertNull(BylineParser.ofPrefix("الحكومة/ المعارضة - جولة جديدة من المفاوضات تبدأ اليوم"), "a slash between two nouns names no agency");
  }

  @Test
  void placeDashAgencyWithoutBrackets() {
    Byline sana = BylineParser.ofPrefix("دمشق-سانا أكد وزير الخارجية اليوم أن المحادثات مستمرة");
    assertEquals("سانا", sana.source());
    assertEquals("Damascus", sana.place());
    Byline mena = BylineParser.ofPrefix("القاهرة - أ ش أ: أعلنت وزارة الصحة اليوم تسجيل حالات جديدة");
    assertEquals("أ ش أ", mena.source());
    assertNull(BylineParser.ofPrefix("بيروت - الحريري يلتقي الرئيس اليوم في القصر الجمهوري").source(),
        "a dash after the place and a word that is no agency: the place alone");
  }

  @Test
  void placeReporterAgencyBetweenSlashes() {
    Byline b = BylineParser.ofPrefix("إسطنبول/ جوناثان حداد/ الأناضول/ أعلنت السلطات التركية اليوم عن خطة جديدة");
    assertEquals("الأناضول", b.source());
    assertEquals("جوناثان حداد", b.author());
    assertEquals("Istanbul", b.place());
  }

  @Test
  void reporterBesideThePlaceUnderTheHeadline() {
    String body = "\n\nأعلنت الحكومة اليوم خطة جديدة لدعم الطاقة المتجددة في البلاد خلال السنوات المقبلة.\n\n"
        + "وقال الوزير إن الخطة تبدأ العام المقبل وتشمل كل المحافظات.";
    for (String line : new String[] {"بيروت - نصوح الزريقات", "بيروت: نصوح الزريقات", "نصوح الزريقات (بيروت)"}) {
      Article a = ArticleParser.parse("الحكومة تعلن خطة جديدة للطاقة\n" + line + body);
      assertEquals("نصوح الزريقات", a.byline().author(), line);
      assertEquals("Beirut", a.byline().place(), line);
      assertEquals(2, a.paragraphs().size(), line);
    }
    assertEquals("نصوح الزريقات", ArticleParser.parse("الحكومة تعلن خطة جديدة للطاقة\nنصوح الزريقات\nمنذ ساعتين" + body)
        .byline().author(), "a name over a relative stamp");
    assertEquals("نصوح الزريقات", ArticleParser.parse("الحكومة تعلن خطة جديدة للطاقة\nنشر بواسطة: نصوح الزريقات" + body)
        .byline().author());
    Article column = ArticleParser.parse("مقالات\nسامي الحلبي\nالحكومة تعلن خطة جديدة للطاقة" + body);
    assertEquals("سامي الحلبي", column.byline().author(), "a columnist's name right above the title");
    assertEquals("الحكومة تعلن خطة جديدة للطاقة", column.headline());
    assertNull(ArticleParser.parse("رئيس التحرير\nسامي الحلبي\nالحكومة تعلن خطة جديدة للطاقة" + body).byline(),
        "a masthead's editor under the role's line is not the story's writer");
    assertNull(ArticleParser.parse("سامي الحلبي\nمقالات\nسامي الحلبي\nالحكومة تعلن خطة جديدة للطاقة" + body).byline(),
        "a name the masthead prints twice");
    assertNull(ArticleParser.parse("الحكومة تعلن خطة جديدة للطاقة\nبيروت: الحكومة تعلن" + body).byline(),
        "a place, a colon and the story's words");
  }
}

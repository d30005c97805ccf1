package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineModelTest {

  @Test
  void shippedWeightsAreTheFitOnTheRealPages() {
    // scripts/eval_structure.sh --write-model src/main/resources/arabrief/article/line-model.txt refreshes them
    assertArrayEquals(StructureEval.fitOnAllRealPages().weights(), LineModel.shipped().weights(), 1e-5);
  }

  @Test
  void serializedWeightsReadBack() {
    LineModel m = LineModel.shipped();
    assertArrayEquals(m.weights(), LineModel.parse(m.serialize()).weights(), 1e-6);
  }

  @Test
  void everyRealPageGivesLabelledLinesOfBothKinds() {
    for (String page : StructureEval.PAGES) {
      StructureEval.Expected e = StructureEval.expected(page);
      if (!e.real()) {
        continue;
      }
      List<LineModel.Example> ex = TrainingData.examples(e);
      assertTrue(ex.stream().anyMatch(LineModel.Example::body), page + ": no body line found in its copy");
      assertTrue(ex.stream().anyMatch(x -> !x.body()) || e.input().endsWith(".txt"), page + ": no furniture line");
    }
  }

  @Test
  void articleSpanLeavesMenusAndRelatedStoriesOut() {
    List<String> lines = new ArrayList<>();
    for (String menu : List.of("الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "فن", "منوعات", "فيديو")) {
      lines.add(menu);
    }
    lines.add("وزير المالية يعلن خطة جديدة لدعم الصادرات");
    String prose = "وقال الوزير في مؤتمر صحفي عقده في العاصمة اليوم إن الحكومة ستخصص مبالغ إضافية لدعم المصدرين، "
        + "وإن الخطة ستبدأ مع بداية العام المقبل بعد أن يقرها البرلمان في جلسته القادمة.";
    int first = lines.size();
    for (int i = 0; i < 5; i++) {
      lines.add(prose);
    }
    int end = lines.size();
    for (String related : List.of("الأكثر قراءة", "مباراة الليلة بين الفريقين", "أسعار الذهب اليوم", "طقس الغد",
        "جميع الحقوق محفوظة 2024")) {
      lines.add(related);
    }
    int[] span = ArticleSpan.of(LineModel.shipped(), lines);
    assertTrue(span[0] >= first - 1 && span[0] <= first, "span starts at " + span[0]);
    assertEquals(end, span[1]);
  }

  @Test
  void fitIsDeterministicAndSeparatesProseFromLabels() {
    List<LineModel.Example> ex = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ex.add(new LineModel.Example(LineModel.features(List.of("الأكثر قراءة"))[0], false, "a"));
      ex.add(new LineModel.Example(LineModel.features(List.of(
          "وقال المتحدث إن الوزارة ستعلن النتائج في الأسبوع المقبل بعد مراجعة كل الطلبات."))[0], true, "a"));
    }
    LineModel a = LineModel.fit(ex);
    assertArrayEquals(a.weights(), LineModel.fit(ex).weights(), 0);
    double[] odds = a.logOdds(List.of("الأكثر قراءة"));
    assertTrue(odds[0] < 0);
  }
}

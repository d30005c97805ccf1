package arabrief.mt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.article.ClauseSplitter;
import arabrief.mt.search.GenerationSettings;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line longer than the model's positions is split at clause boundaries and its pieces' translations joined. */
class LongInputTest {
  @Test
  void overlongLineIsSplitNotTruncated() throws Exception {
    try (Translator t = Translator.load(Fixtures.model("tiny-opus")).withSplitter(ClauseSplitter::split)) {
      GenerationSettings greedy = GenerationSettings.read(t.modelDir(),
          JsonNodeFactory.instance.objectNode().put("num_beams", 1).put("max_new_tokens", 24));
      StringBuilder line = new StringBuilder();
      String[] clauses = {"وزير الدفاع الأميركي لويد أوستن", "نظيره الروسي سيرغي شويغو", "وقف فوري لإطلاق النار",
          "خطوط الاتصال بين الطرفين", "مستشار الأمن القومي الأميركي"};
      for (int i = 0; t.sourceTokens(line.toString()) <= t.maxSourceTokens(); i++) {
        line.append(i == 0 ? "" : "، ").append(clauses[i % clauses.length]);
      }
      String text = line.toString();
      assertTrue(t.sourceTokens(text) > t.maxSourceTokens());

      Translation whole = t.translate(List.of(text), greedy, 4).get(0);

      List<String> pieces = ClauseSplitter.split(text, t::sourceTokens, t.maxSourceTokens());
      assertTrue(pieces.size() >= 2, "split into pieces: " + pieces.size());
      assertEquals(text.replace(" ", ""), String.join("", pieces).replace(" ", ""), "nothing dropped");
      List<String> expected = new ArrayList<>();
      for (Translation p : t.translate(pieces, greedy, 4)) {
        expected.add(p.text());
      }
      assertEquals(String.join(" ", expected), whole.text());
      assertEquals(t.sourceTokens(text) - 1 + pieces.size(), whole.sourceTokens(), "each piece has its own </s>");
    }
  }
}

package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build half of the real pasted pages (../shared/corpus/copies): every check of issue 32 passes on each.
 * The validation half is scored by {@code scripts/eval_copies.sh --validation} at milestones, not here.
 */
class CopiesTest {

  static List<String> buildHalf() {
    if (CopiesEval.dir().isEmpty()) {
      return List.of();
    }
    return CopiesEval.copies().stream().filter(c -> CopiesEval.half(c.site()).equals("build")).map(CopiesEval.Copy::file).toList();
  }

  @Test
  void theCopiesAreBesideTheRepository() {
    Assumptions.assumeTrue(CopiesEval.dir().isPresent(), "../shared/corpus/copies is not beside the repository");
    assertTrue(buildHalf().size() >= 10, "the build half holds " + buildHalf().size() + " pages");
  }

  @ParameterizedTest
  @MethodSource("buildHalf")
  void everyCheckPasses(String file) {
    CopiesEval.Copy c = CopiesEval.copies().stream().filter(x -> x.file().equals(file)).findFirst().orElseThrow();
    CopiesEval.Score s = CopiesEval.run(c);
    assertEquals(s.checks().size(), s.checks().stream().filter(x -> x).count(), file + ": " + s.why());
    assertTrue(!Boolean.FALSE.equals(s.noFalseDate()) && !Boolean.FALSE.equals(s.noFalseByline()), file + ": " + s.why());
  }
}

package arabrief.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path tmp;

  /** An archive's lines come back in order across many pages, gaps skipped, and lines past the end forgotten. */
  @Test
  void linesStreamInOrderAcrossPagesAndForgetTheTail() throws Exception {
    int n = 1000;
    try (Store s = Store.open(tmp)) {
      // written out of order, as a batch's window finishes them; every 7th line missing (failed, not stored)
      for (int i = n - 1; i >= 0; i--) {
        if (i % 7 != 3) {
          s.putLine("a.en.jsonl", i, "sha", "engine", true, "{\"line\":" + i + "}");
        }
      }
      s.putLine("b.en.jsonl", 0, "sha", "engine", true, "{\"other\":0}");
      List<String> got = new ArrayList<>();
      s.lines("a.en.jsonl", 600, got::add);
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        if (i % 7 != 3) {
          expected.add("{\"line\":" + i + "}");
        }
      }
      assertEquals(expected, got);
      // the input shrank to 600 lines: what was past its end is gone, the other archive's line is not
      List<String> again = new ArrayList<>();
      s.lines("a.en.jsonl", n, again::add);
      assertEquals(expected, again);
      List<String> other = new ArrayList<>();
      s.lines("b.en.jsonl", 5, other::add);
      assertEquals(List.of("{\"other\":0}"), other);
    }
  }
}

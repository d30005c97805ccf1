package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OneLineTest {
  @Test
  void quoteEscapesControlsAndCutsOnWholeCharacters() {
    assertEquals("'en\\n\\u0000'", OneLine.quote("en\n\0", 40));
    assertEquals("'abc\u2026'", OneLine.quote("abcdef", 3));
    // an emoji is two chars: a cut between them keeps neither half
    assertEquals("'ab\u2026'", OneLine.quote("ab\uD83D\uDE00cd", 3));
    assertEquals("'ab\uD83D\uDE00\u2026'", OneLine.quote("ab\uD83D\uDE00cd", 4));
  }
}

package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EnglishStemmerTest {
  private static void stems(String expected, String... words) {
    for (String w : words) {
      assertEquals(expected, EnglishStemmer.stem(w), w);
    }
  }

  @Test
  void inflectionsOfOneWordMeet() {
    stems("talk", "talk", "talks", "talked", "talking");
    stems("hop", "hope", "hoped", "hoping");
    stems("agr", "agree", "agreed", "agrees");
    stems("run", "running");
    stems("stop", "stop", "stopped");
  }

  @Test
  void plurals() {
    stems("city", "cities");
    stems("box", "boxes");
    stems("watch", "watches");
    stems("pres", "press", "presses");
    stems("carry", "carried");
  }

  @Test
  void wordsThatOnlyLookInflectedStayWhole() {
    stems("crisis", "crisis");
    stems("bus", "bus");
    stems("sing", "sing");
    stems("bring", "bring");
    stems("war", "war");
  }
}

package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArabicNormalizerTest {
  @Test
  void stripsDiacriticsAndTatweel() {
    assertEquals("احمد العربيه", ArabicNormalizer.normalize("أَحْمَدُ العـــربيّةِ"));
    assertEquals("رحمن", ArabicNormalizer.normalize("رحمٰن")); // dagger alef
  }

  @Test
  void foldsAlefYaAndTaMarbuta() {
    assertEquals("ابراهيم امال احمد الله", ArabicNormalizer.normalize("إبراهيم آمال أحمد ٱلله"));
    assertEquals("مصطفي", ArabicNormalizer.normalize("مصطفى"));
    assertEquals("مدرسه", ArabicNormalizer.normalize("مدرسة"));
  }

  @Test
  void leavesOtherTextAlone() {
    assertEquals("Austin، 18 «وقف»", ArabicNormalizer.normalize("Austin، 18 «وقف»"));
  }
}

package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Input here is already normalised (ة written ه), as ArabicTerms hands it over. */
class ProcliticsTest {
  @Test
  void stripsArticleGroups() {
    assertEquals("كتاب", Proclitics.stripPrefix("والكتاب"));
    assertEquals("مدرسه", Proclitics.stripPrefix("بالمدرسه"));
    assertEquals("بحر", Proclitics.stripPrefix("كالبحر"));
    assertEquals("امر", Proclitics.stripPrefix("فالامر"));
    assertEquals("بيت", Proclitics.stripPrefix("للبيت"));
    assertEquals("رياض", Proclitics.stripPrefix("الرياض"));
  }

  @Test
  void stripsOneLetterProcliticOnlyWhenFourLettersRemain() {
    assertEquals("حاول", Proclitics.stripPrefix("وحاول"));
    assertEquals("اوكرانيا", Proclitics.stripPrefix("لاوكرانيا"));
    assertEquals("وزير", Proclitics.stripPrefix("وزير"));
    assertEquals("لحرب", Proclitics.stripPrefix("لحرب"));
  }

  @Test
  void neverLeavesFewerThanThreeLetters() {
    assertEquals("الم", Proclitics.stripPrefix("الم"));
  }
}

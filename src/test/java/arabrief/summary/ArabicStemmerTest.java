package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Input here is already normalised (ة written ه), as ArabicTerms hands it over. */
class ArabicStemmerTest {
  @Test
  void stripsArticleGroups() {
    assertEquals("كتاب", ArabicStemmer.stripPrefix("والكتاب"));
    assertEquals("مدرسه", ArabicStemmer.stripPrefix("بالمدرسه"));
    assertEquals("بحر", ArabicStemmer.stripPrefix("كالبحر"));
    assertEquals("امر", ArabicStemmer.stripPrefix("فالامر"));
    assertEquals("بيت", ArabicStemmer.stripPrefix("للبيت"));
    assertEquals("رياض", ArabicStemmer.stripPrefix("الرياض"));
  }

  @Test
  void stripsOneLetterProcliticOnlyWhenFourLettersRemain() {
    assertEquals("حاول", ArabicStemmer.stripPrefix("وحاول"));
    assertEquals("اوكرانيا", ArabicStemmer.stripPrefix("لاوكرانيا"));
    assertEquals("وزير", ArabicStemmer.stripPrefix("وزير"));
    assertEquals("لحرب", ArabicStemmer.stripPrefix("لحرب"));
  }

  @Test
  void aWordStemsAlikeWithAndWithoutArticle() {
    assertEquals(ArabicStemmer.stem("وزير"), ArabicStemmer.stem("الوزير"));
    assertEquals(ArabicStemmer.stem("وزاره"), ArabicStemmer.stem("الوزاره"));
    assertEquals("زار", ArabicStemmer.stem("الوزاره"));
  }

  @Test
  void neverLeavesFewerThanThreeLetters() {
    assertEquals("الم", ArabicStemmer.stripPrefix("الم"));
    assertEquals("ابن", ArabicStemmer.stripSuffix("ابن"));
    assertEquals("وجه", ArabicStemmer.stripSuffix("وجه"));
  }

  @Test
  void stripsOneLightSuffix() {
    assertEquals("كتاب", ArabicStemmer.stripSuffix("كتابها"));
    assertEquals("كتب", ArabicStemmer.stripSuffix("كتبهم"));
    assertEquals("سيار", ArabicStemmer.stripSuffix("سيارات"));
    assertEquals("معلم", ArabicStemmer.stripSuffix("معلمون"));
    assertEquals("معلم", ArabicStemmer.stripSuffix("معلمين"));
    assertEquals("مدرس", ArabicStemmer.stripSuffix("مدرسه"));
  }
}

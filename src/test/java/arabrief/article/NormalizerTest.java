package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalizerTest {

  @Test
  void presentationFormsFolded() {
    // ﻻ (U+FEFB) is the lam-alef ligature as a single presentation-form character.
    assertEquals("لا سلام", Normalizer.normalize("\uFEFB \uFEB3\uFEE0\uFE8E\uFEE1"));
  }

  @Test
  void tatweelRemovedInsideWordsButKeptAsAbbreviationMark() {
    assertEquals("الحرب على أوكرانيا", Normalizer.normalize("الحـــرب علـى أوكـرانيا"));
    assertEquals("12 شوال 1443 هـ - 13 مايو 2022 مـ", Normalizer.normalize("12 شوال 1443 هـ - 13 مايو 2022 مـ"));
  }

  @Test
  void invisibleCharactersRemoved() {
    String dirty = "\u200Fوزير\u200B الدفاع\u200E \u061Cالأميركي\u2066 لويد\u2069\uFEFF";
    assertEquals("وزير الدفاع الأميركي لويد", Normalizer.normalize(dirty));
  }

  @Test
  void whitespaceTidiedParagraphBreaksKept() {
    String messy = "  العنوان  \r\n\r\n\r\n\r\nالسطر\u00A0الأول\t\tهنا  \nالسطر الثاني\n\n\n";
    assertEquals("العنوان\n\nالسطر الأول هنا\nالسطر الثاني", Normalizer.normalize(messy));
  }

  @Test
  void meaningKept() {
    String text = "قالَ: «نعم»، ونسبة ٣٫٥٪ أو 3.5% (تقريباً)؟!";
    assertEquals(text, Normalizer.normalize(text));
  }
}

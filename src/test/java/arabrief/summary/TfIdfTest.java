package arabrief.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfTest {
  private final TfIdf tfidf = new TfIdf(List.of(
      List.of("ceasefir", "talk", "nairobi"),
      List.of("ceasefir", "talk", "nairobi"),
      List.of("coffe", "pric"),
      List.of(),
      List.of("ceasefir", "aid")));

  @Test
  void identicalSentencesHaveCosineOne() {
    assertEquals(1.0, tfidf.cosine(0, 1), 1e-12);
  }

  @Test
  void disjointAndEmptySentencesHaveCosineZero() {
    assertEquals(0.0, tfidf.cosine(0, 2));
    assertEquals(0.0, tfidf.cosine(0, 3));
    assertEquals(0.0, tfidf.cosine(3, 3));
  }

  @Test
  void sharingOnlyACommonTermIsWeakerThanSharingRareOnes() {
    double weak = tfidf.cosine(0, 4); // share "ceasefir", in three sentences
    assertTrue(weak > 0 && weak < 0.5, "cosine " + weak);
    assertEquals(weak, tfidf.cosine(4, 0), 1e-15);
  }
}

package arabrief.mt.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Fuzz test of the SentencePiece model reader (issue 20): a {@code source.spm} comes with a downloaded model.
 * It is read or refused with an {@link IOException} that says why; a model read has pieces, each with text
 * and a type from the proto's enum. Seeds: {@code src/test/resources/arabrief/mt/tokenize/SentencePieceFuzzTestInputs/}.
 */
class SentencePieceFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void sentencePieceModel(byte[] bytes) {
    SentencePieceModel m;
    try {
      m = SentencePieceModel.parse(bytes);
    } catch (IOException e) {
      assertNotNull(e.getMessage());
      assertFalse(e.getMessage().isBlank());
      return;
    }
    assertFalse(m.pieces().isEmpty());
    for (SentencePieceModel.Piece p : m.pieces()) {
      assertNotNull(p.piece());
      assertTrue(p.type() >= SentencePieceModel.NORMAL && p.type() <= SentencePieceModel.BYTE, "type " + p.type());
    }
    int unk = m.unkId();
    assertTrue(unk == -1 || m.pieces().get(unk).type() == SentencePieceModel.UNKNOWN);
    assertEquals(m.pieces().size(), m.pieces().stream().map(SentencePieceModel.Piece::piece).count());
  }
}

package arabrief.mt.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import arabrief.mt.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The position rules of each family, against what transformers computes: M2M100's
 * create_position_ids_from_input_ids (a padding token anywhere keeps the padding row and is not counted), its
 * decoder's rows after a cache, mBART's offset of 2 and Marian's rows from 0.
 */
class PositionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Positions of(String fixture, NDManager m) throws IOException {
    var dir = Fixtures.root().resolve("families").resolve(fixture);
    ModelConfig c = ModelConfig.parse(JSON.readTree(dir.resolve("config.json").toFile()), fixture);
    return Positions.of(c, null, m); // sinusoidal kinds read no weights
  }

  @Test
  void fairseqRowsSkipPaddingWherever() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Positions p = of("m2m100", m); // pad_token_id 1
      // torch: (cumsum(ids != 1) * (ids != 1)) + 1 for [[5, 1, 7, 9, 1, 1]]
      assertArrayEquals(new long[] {2, 1, 3, 4, 1, 1}, p.encoderRows(new long[] {5, 1, 7, 9, 1, 1}, 6));
      // the decoder after 3 cached tokens: 1 + 1 + 3; a padding token keeps row 1
      assertEquals(5, p.decoderRow(2, 3));
      assertEquals(1, p.decoderRow(1, 3));
      // the padding row is zero, the others are sines then cosines
      try (NDArray pad = p.encoder.get(1); NDArray first = p.encoder.get(2)) {
        assertEquals(0f, pad.abs().sum().getFloat());
        assertEquals((float) Math.sin(2), first.getFloat(0), 1e-6f);
        assertEquals((float) Math.cos(2), first.getFloat(p.encoder.getShape().get(1) / 2), 1e-6f);
      }
    }
  }

  @Test
  void marianCountsFromZeroWhatever() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      Positions p = of("tc-big", m);
      assertArrayEquals(new long[] {0, 1, 2}, p.encoderRows(new long[] {407, 5, 407}, 3));
      assertEquals(7, p.decoderRow(407, 7));
    }
  }
}

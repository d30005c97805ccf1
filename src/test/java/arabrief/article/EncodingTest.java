package arabrief.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EncodingTest {

  private static final String SEED = new String(Fixtures.seedBytes(), StandardCharsets.UTF_8);
  private static final Article EXPECTED = Fixtures.read(Fixtures.seedBytes(), "seed");

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }

  @Test
  void utf8WithBom() {
    byte[] in = concat(bytes(0xEF, 0xBB, 0xBF), SEED.getBytes(StandardCharsets.UTF_8));
    assertEquals(EXPECTED, Fixtures.read(in, "bom.txt"));
  }

  @Test
  void utf16LittleEndianWithBom() {
    byte[] in = concat(bytes(0xFF, 0xFE), SEED.getBytes(StandardCharsets.UTF_16LE));
    assertEquals(EXPECTED, Fixtures.read(in, "le.txt"));
  }

  @Test
  void utf16BigEndianWithBom() {
    // Java's UTF_16 encoder writes the big-endian BOM itself.
    assertEquals(EXPECTED, Fixtures.read(SEED.getBytes(StandardCharsets.UTF_16), "be.txt"));
  }

  @Test
  void windows1256() {
    byte[] in = SEED.getBytes(Charset.forName("windows-1256"));
    assertEquals(SEED, new String(in, Charset.forName("windows-1256")), "the seed fits windows-1256");
    assertEquals(EXPECTED, Fixtures.read(in, "legacy.txt"));
  }

  @Test
  void pngIsBinary() {
    byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0);
    BadInputException e = assertThrows(BadInputException.class, () -> new ArticleReader().read(png, "photo.png"));
    assertEquals("photo.png: looks like binary data, not text", e.getMessage());
  }

  @Test
  void controlCharactersWithoutNulAreBinaryToo() {
    byte[] in = concat(SEED.getBytes(StandardCharsets.UTF_8), bytes(1, 2, 3, 4, 5, 6, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19));
    byte[] many = new byte[0];
    for (int i = 0; i < 20; i++) {
      many = concat(many, bytes(1, 2, 3, 4, 5, 6, 7, 8, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15));
    }
    byte[] mostlyControl = concat(bytes('a'), concat(many, "نص".getBytes(StandardCharsets.UTF_8)));
    BadInputException e = assertThrows(BadInputException.class, () -> new ArticleReader().read(mostlyControl, "x.bin"));
    assertEquals("x.bin: looks like binary data, not text", e.getMessage());
    assertEquals(EXPECTED, Fixtures.read(in, "stray-controls.txt"), "a few strays are tolerated");
  }

  @Test
  void englishOnlyText() {
    byte[] in = "Pentagon chief calls Russian counterpart for first time since invasion.".getBytes(StandardCharsets.UTF_8);
    BadInputException e = assertThrows(BadInputException.class, () -> new ArticleReader().read(in, "en.txt"));
    assertEquals("en.txt: no Arabic text found", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n\n  "})
  void emptyInput(String text) {
    BadInputException e = assertThrows(BadInputException.class,
        () -> new ArticleReader().read(text.getBytes(StandardCharsets.UTF_8), "empty.txt"));
    assertEquals("empty.txt: empty input, nothing to read", e.getMessage());
  }

  @Test
  void bomOnlyIsEmpty() {
    assertThrows(BadInputException.class, () -> new ArticleReader().read(bytes(0xEF, 0xBB, 0xBF), "bom-only.txt"));
  }
}

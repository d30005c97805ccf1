package arabrief.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs: the seed article and the layouts under fixtures/articles. */
final class Fixtures {

  static final Path SEED = Path.of("seeds/000_576a10afaf96e38e.txt");

  private Fixtures() {}

  static byte[] seedBytes() {
    try {
      return Files.readAllBytes(SEED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] article(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/articles/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Article read(byte[] bytes, String name) {
    try {
      return new ArticleReader().read(bytes, name);
    } catch (BadInputException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}

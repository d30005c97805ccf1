package arabrief.server;

import arabrief.mt.Translator;
import arabrief.mt.search.GenerationSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The fixture model, loaded once for the server tests, and the seed article. */
final class ServerFixture {
  static final Path SEED = Path.of("seeds/000_576a10afaf96e38e.txt");
  private static Translator translator;

  private ServerFixture() {}

  static Path model() {
    try {
      return Path.of(ServerFixture.class.getResource("/fixtures/models/tiny-opus").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static synchronized Translator translator() {
    if (translator == null) {
      try {
        translator = Translator.load(model());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return translator;
  }

  static GenerationSettings settings() {
    try {
      return GenerationSettings.read(model());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String seed() {
    try {
      return Files.readString(SEED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started, ready server on an ephemeral loopback port. */
  static Server start(ServerConfig cfg) {
    Server s = new Server(cfg.withPort(0)).start();
    s.ready(translator(), settings());
    return s;
  }
}

package arabrief.models;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A check that a model directory actually works (e.g. translate one sentence). {@code models verify} runs
 * the one installed here; the engine's owner installs it from {@code Main}, so this package needs no engine.
 */
@FunctionalInterface
public interface ModelSmokeTest {
  void check(Path modelDir) throws Exception;

  /** Installs the check {@code models verify} runs; null removes it. */
  static void install(ModelSmokeTest test) {
    Holder.CURRENT.set(test);
  }

  static Optional<ModelSmokeTest> installed() {
    return Optional.ofNullable(Holder.CURRENT.get());
  }

  /** Holds the installed check; interfaces cannot hold mutable state themselves. */
  final class Holder {
    private static final AtomicReference<ModelSmokeTest> CURRENT = new AtomicReference<>();

    private Holder() {}
  }
}

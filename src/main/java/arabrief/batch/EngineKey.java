package arabrief.batch;

import arabrief.mt.search.GenerationSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a translation depends on besides its source: the model (its small files by content, its weights
 * by name, size and modification time, so a re-run does not hash hundreds of megabytes) and the
 * generation settings. Remembered translations and finished documents are only reused under the same key.
 */
final class EngineKey {
  /** Files larger than this are identified by size and mtime instead of content. */
  private static final long HASH_LIMIT = 16L << 20;

  private EngineKey() {}

  /** The identity of a model directory. */
  static String model(Path dir) throws IOException {
    MessageDigest md = Digests.digest();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      long size = Files.size(f);
      if (size <= HASH_LIMIT) {
        md.update(Files.readAllBytes(f));
      } else {
        md.update((size + ":" + Files.getLastModifiedTime(f).toMillis()).getBytes(StandardCharsets.UTF_8));
      }
      md.update((byte) 0);
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** Every field of the settings that can change a translation, in a fixed order. */
  static String settings(GenerationSettings s) {
    return String.join(
        "|",
        "beams=" + s.numBeams(),
        "lp=" + s.lengthPenalty(),
        "es=" + s.earlyStopping(),
        "max=" + s.effectiveMaxLength(),
        "min=" + s.minLength(),
        "bad=" + Arrays.deepToString(s.badWordsIds().toArray()),
        "eos=" + Arrays.toString(s.eosTokenIds()),
        "feos=" + s.forcedEosTokenId(),
        "pad=" + s.padTokenId(),
        "start=" + s.decoderStartTokenId(),
        "renorm=" + s.renormalizeLogits(),
        "rep=" + s.repetitionPenalty(),
        "ngram=" + s.noRepeatNgramSize());
  }
}

package arabrief.mt.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which file the generation defaults come from, and refusal of keys arabrief does not implement. */
class GenerationSettingsTest {
  private static final String CONFIG = "{\"model_type\":\"marian\",\"vocab_size\":10,\"pad_token_id\":9,"
      + "\"eos_token_id\":0,\"decoder_start_token_id\":9,\"forced_eos_token_id\":0,\"num_beams\":6,"
      + "\"max_length\":512,\"bad_words_ids\":[[9]]}";

  @Test
  void generationConfigAloneWinsOverConfigJson(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("config.json"), CONFIG);
    Files.writeString(dir.resolve("generation_config.json"), "{\"bos_token_id\":0,\"eos_token_id\":0,\"num_beams\":2}");
    GenerationSettings s = GenerationSettings.read(dir);
    assertEquals(2, s.numBeams());
    assertNull(s.forcedEosTokenId(), "config.json's forced_eos_token_id is not used");
    assertEquals(20, s.maxLength(), "transformers' default, not config.json's 512");
    assertTrue(s.badWordsIds().isEmpty());
    assertEquals(0, s.decoderStartTokenId(), "decoder start falls back to bos_token_id");
    assertEquals(0, s.padTokenId(), "pad falls back to the first EOS id");
  }

  @Test
  void withoutGenerationConfigEverythingComesFromConfigJson(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("config.json"), CONFIG);
    GenerationSettings s = GenerationSettings.read(dir);
    assertEquals(6, s.numBeams());
    assertEquals(512, s.maxLength());
    assertEquals(0L, s.forcedEosTokenId());
    assertArrayEquals(new long[] {9}, s.badWordsIds().get(0));
    assertEquals(9, s.decoderStartTokenId());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"no_repeat_ngram_size\":3", "\"repetition_penalty\":1.2", "\"num_return_sequences\":2",
      "\"do_sample\":true", "\"min_new_tokens\":4", "\"suppress_tokens\":[3]"})
  void unimplementedKeysAreRefusedByName(String entry, @TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("config.json"), CONFIG);
    Files.writeString(dir.resolve("generation_config.json"), "{\"bos_token_id\":0,\"eos_token_id\":0," + entry + "}");
    String key = entry.substring(1, entry.indexOf('"', 1));
    IOException e = assertThrows(IOException.class, () -> GenerationSettings.read(dir));
    assertTrue(e.getMessage().contains("'" + key + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("generation_config.json"), e.getMessage());
  }

  @Test
  void neutralValuesOfUnimplementedKeysAreAccepted(@TempDir Path dir) throws IOException {
    // the 2020 opus-mt config.json files list every generation default
    Files.writeString(dir.resolve("config.json"), CONFIG.replace("}", ",\"no_repeat_ngram_size\":0,"
        + "\"repetition_penalty\":1.0,\"do_sample\":false,\"num_return_sequences\":1,\"forced_bos_token_id\":null}"));
    assertEquals(6, GenerationSettings.read(dir).numBeams());
  }

  /** A multilingual config's forced_bos_token_id is read (arabrief sets the English code itself, see Translator). */
  @Test
  void forcedBosIsReadFromTheFileAndSetOnTop(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("config.json"), CONFIG);
    Files.writeString(dir.resolve("generation_config.json"),
        "{\"bos_token_id\":0,\"eos_token_id\":2,\"forced_bos_token_id\":7}");
    GenerationSettings s = GenerationSettings.read(dir);
    assertEquals(7L, s.forcedBosTokenId());
    assertEquals(11L, s.withForcedBos(11L).forcedBosTokenId());
    assertEquals(s.maxLength(), s.withForcedBos(11L).maxLength());
  }

  @Test
  void noDecoderStartAndNoBosIsRefused(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("config.json"), CONFIG);
    Files.writeString(dir.resolve("generation_config.json"), "{\"eos_token_id\":0}");
    IOException e = assertThrows(IOException.class, () -> GenerationSettings.read(dir));
    assertTrue(e.getMessage().contains("decoder_start_token_id"), e.getMessage());
  }
}

package arabrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A {@code --model} that names no model: exit 3, the path and what is missing named, no stack trace. */
class ModelResolverTest {
  @ParameterizedTest
  @ValueSource(strings = {"/no/such/model/dir", "h1", "./not-here"})
  void unknownModelIsExit3NamingThePath(String model) {
    CliTest.Run r = CliTest.run(null, "translate", "--offline", "--model", model, "seeds/000_576a10afaf96e38e.txt");
    assertEquals(ExitCodes.MODEL, r.code(), r.err());
    assertTrue(r.err().contains(model), r.err());
    assertTrue(r.err().contains("neither a directory nor an installed model name"), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @Test
  void aDirectoryWithoutAModelNamesTheFilesItLacks(@TempDir Path dir) throws Exception {
    Path empty = Files.createDirectories(dir.resolve("opus"));
    CliTest.Run r = CliTest.run(null, "translate", "--offline", "--model", empty.toString(), "seeds/000_576a10afaf96e38e.txt");
    assertEquals(ExitCodes.MODEL, r.code(), r.err());
    assertTrue(r.err().startsWith("arabrief: '" + empty + "' is a directory but not a model: it lacks config.json,"
        + " tokenizer files (tokenizer.json; sentencepiece.bpe.model and vocab.json; or source.spm, target.spm and"
        + " vocab.json), model.safetensors or pytorch_model.bin."), r.err());
    assertEquals(1, r.err().lines().count(), r.err());

    Files.writeString(empty.resolve("vocab.json"), "{}");
    CliTest.Run some = CliTest.run(null, "brief", "--offline", "--model", empty.toString(), "seeds/000_576a10afaf96e38e.txt");
    assertEquals(ExitCodes.MODEL, some.code(), some.err());
    assertTrue(some.err().contains("it lacks config.json, tokenizer files"), some.err());
  }
}

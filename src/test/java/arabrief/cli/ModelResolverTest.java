package arabrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A {@code --model} that is neither a directory nor an installed name: exit 3, the path named, no stack trace. */
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
}

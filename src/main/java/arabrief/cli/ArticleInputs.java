package arabrief.cli;

import arabrief.article.Article;
import arabrief.article.BadInputException;
import arabrief.pipeline.InputLimits;
import java.util.ArrayList;
import java.util.List;

/** Reads and parses every article argument before any model is loaded, so bad input fails fast with exit 1. */
final class ArticleInputs {
  private ArticleInputs() {}

  record Named(String name, Article article) {}

  static List<Named> read(List<String> files) {
    List<String> names = files.isEmpty() ? List.of("-") : files;
    if (names.stream().filter(n -> n.equals("-")).count() > 1) {
      throw new UserException(ExitCodes.USAGE, "standard input (-) can be read only once");
    }
    List<Named> out = new ArrayList<>();
    for (String f : names) {
      try {
        out.add(new Named(Inputs.name(f), InputLimits.read(Inputs.read(f), Inputs.name(f))));
      } catch (BadInputException e) {
        throw new UserException(ExitCodes.BAD_INPUT, e.getMessage(), e);
      }
    }
    return out;
  }
}

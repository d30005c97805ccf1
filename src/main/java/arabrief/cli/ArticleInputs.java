package arabrief.cli;

import arabrief.article.Article;
import arabrief.article.BadInputException;
import arabrief.fetch.Fetched;
import arabrief.pipeline.InputLimits;
import arabrief.pipeline.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and parses every article argument (files, standard input, URLs) before any model is loaded, so bad input
 * fails fast with exit 1, and a URL that cannot be fetched with exit 6.
 */
final class ArticleInputs {
  private ArticleInputs() {}

  /** @param origin where a fetched article came from; null for files */
  record Named(String name, Article article, Origin origin) {}

  static List<Named> read(List<String> files, FetchOptions fetch) {
    List<String> names = files.isEmpty() ? List.of("-") : files;
    if (names.stream().filter(n -> n.equals("-")).count() > 1) {
      throw new UserException(ExitCodes.USAGE, "standard input (-) can be read only once");
    }
    List<Named> out = new ArrayList<>();
    try (fetch) {
      for (String f : names) {
        try {
          if (FetchOptions.isUrl(f)) {
            Fetched page = fetch.page(f);
            Article a = InputLimits.readPage(page.body(), page.url().toString(), page.charset());
            out.add(new Named(f, a, new Origin(page.url().toString(), page.fetchedAt())));
          } else {
            out.add(new Named(Inputs.name(f), InputLimits.read(Inputs.read(f), Inputs.name(f)), null));
          }
        } catch (BadInputException e) {
          throw new UserException(ExitCodes.BAD_INPUT, e.getMessage(), e);
        }
      }
    }
    return out;
  }
}

package arabrief.cli;

import arabrief.batch.Fetching;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How {@code batch} and {@code watch} fetch many pages: the fetch options, and the delay between requests to a host. */
final class CrawlOptions {
  @Option(
      names = "--delay",
      paramLabel = "SECONDS",
      description = "Least time between two requests to one host; a site's Crawl-delay wins when larger. Default: ${DEFAULT-VALUE}.",
      defaultValue = "1")
  double delay;

  @Mixin FetchOptions fetch;

  /** @param maxBackoff the longest a failing host is left alone */
  Fetching fetching(Duration maxBackoff) {
    if (!(delay >= 0) || delay > 3600) {
      throw new UserException(ExitCodes.USAGE, "--delay is 0 to 3600 seconds, got " + delay);
    }
    return new Fetching(fetch.settings(), Duration.ofMillis(Math.round(delay * 1000)), maxBackoff, fetch.warc);
  }
}

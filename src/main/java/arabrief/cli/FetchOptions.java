package arabrief.cli;

import arabrief.fetch.FetchException;
import arabrief.fetch.FetchSettings;
import arabrief.fetch.Fetched;
import arabrief.fetch.Fetcher;
import arabrief.fetch.WarcLog;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How the commands that take URLs fetch them: the timeout, and a WARC file recording what was read. */
final class FetchOptions implements AutoCloseable {
  @Option(
      names = "--fetch-timeout",
      paramLabel = "SECONDS",
      description = "Longest a URL's fetch may take, redirects and body included. Default: ${DEFAULT-VALUE}.",
      defaultValue = "30")
  int fetchTimeout;

  @Option(
      names = "--warc",
      paramLabel = "FILE",
      description = "Record every request and response in this WARC file (.warc.gz: compressed), appended to if it exists.")
  Path warc;

  private Fetcher fetcher;
  private WarcLog log;

  /** An http or https URL rather than a file name. */
  static boolean isUrl(String arg) {
    String a = arg.toLowerCase(Locale.ROOT);
    return a.startsWith("http://") || a.startsWith("https://");
  }

  static URI uri(String arg) {
    try {
      URI u = new URI(arg);
      if (u.getHost() == null) {
        throw new UserException(ExitCodes.USAGE, arg + " is not a URL with a host name");
      }
      return u;
    } catch (URISyntaxException e) {
      throw new UserException(ExitCodes.USAGE, arg + " is not a valid URL: " + e.getReason());
    }
  }

  FetchSettings settings() {
    if (fetchTimeout < 1) {
      throw new UserException(ExitCodes.USAGE, "--fetch-timeout must be at least 1 second, got " + fetchTimeout);
    }
    return FetchSettings.defaults().withTimeouts(Duration.ofSeconds(Math.min(10, fetchTimeout)), Duration.ofSeconds(fetchTimeout));
  }

  /** The client, made on first use (with its WARC file open when --warc was given). */
  Fetcher fetcher() {
    if (fetcher == null) {
      fetcher = new Fetcher(settings());
      if (warc != null) {
        try {
          log = WarcLog.open(warc);
        } catch (IOException e) {
          throw new UserException(ExitCodes.USAGE, "--warc " + warc + ": " + e.getMessage(), e);
        }
        fetcher.recordTo(log);
      }
    }
    return fetcher;
  }

  /** One page the user asked for: no robots.txt (like a browser, a person is asking), exit 6 when it fails. */
  Fetched page(String url) {
    try {
      return fetcher().get(uri(url), Fetcher.Accept.PAGE);
    } catch (FetchException e) {
      throw new UserException(ExitCodes.NETWORK, e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (fetcher != null) {
      fetcher.close();
    }
    if (log != null) {
      try {
        log.close();
      } catch (IOException e) {
        System.err.println("arabrief: closing " + warc + ": " + e.getMessage());
      }
    }
  }
}

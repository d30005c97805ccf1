package arabrief.batch;

import arabrief.fetch.FetchSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a batch or a watch fetches URLs, feeds and sitemaps.
 *
 * @param delay the least time between two requests to one host (a site's Crawl-delay wins when larger)
 * @param maxBackoff the longest a host is left alone after failures in a row
 * @param warc the WARC file every request and response is recorded in; null for none
 */
public record Fetching(FetchSettings settings, Duration delay, Duration maxBackoff, Path warc) {}

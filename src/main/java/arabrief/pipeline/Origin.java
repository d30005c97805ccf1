package arabrief.pipeline;

import java.time.Instant;

/**
 * Where an article was fetched from: its URL after redirects and when. Briefs of files and pasted text have none.
 *
 * @param fetchedAt null when not known
 */
public record Origin(String url, Instant fetchedAt) {}

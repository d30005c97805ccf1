package arabrief.batch;

import arabrief.article.Article;
import arabrief.pipeline.Origin;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document after reading and parsing, before the model: ready (an article), already current (skip),
 * or failed (a reason).
 *
 * @param id the archive line's id (null for files)
 * @param notArticle for a WARC record that is skipped rather than failed (an English page, a section page): why
 * @param origin for a fetched page: its URL after redirects and when it was fetched
 * @param skipKey for a URL that is skipped rather than failed (robots.txt, not a page, not an Arabic article): why
 */
record Prepared(Doc doc, Article article, String inputSha, JsonNode id, boolean skip, String failure, WarcRecords.Skip notArticle,
    Origin origin, String skipKey) {
  static Prepared ready(Doc d, Article a, String sha, JsonNode id) {
    return new Prepared(d, a, sha, id, false, null, null, null, null);
  }

  static Prepared fetched(Doc d, Article a, String sha, Origin origin) {
    return new Prepared(d, a, sha, null, false, null, null, origin, null);
  }

  static Prepared skipped(Doc d) {
    return new Prepared(d, null, null, null, true, null, null, null, null);
  }

  static Prepared failed(Doc d, String sha, JsonNode id, String reason) {
    return new Prepared(d, null, sha, id, false, reason, null, null, null);
  }

  static Prepared notArticle(Doc d, String sha, String reason, WarcRecords.Skip why) {
    return new Prepared(d, null, sha, null, false, reason, why, null, null);
  }

  static Prepared skippedUrl(Doc d, String sha, String reason, String key) {
    return new Prepared(d, null, sha, null, false, reason, null, null, key);
  }
}

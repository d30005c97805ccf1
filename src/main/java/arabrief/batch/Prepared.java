package arabrief.batch;

import arabrief.article.Article;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document after reading and parsing, before the model: ready (an article), already current (skip),
 * or failed (a reason).
 *
 * @param id the archive line's id (null for files)
 * @param notArticle for a WARC record that is skipped rather than failed (an English page, a section page): why
 */
record Prepared(Doc doc, Article article, String inputSha, JsonNode id, boolean skip, String failure, WarcRecords.Skip notArticle) {
  static Prepared ready(Doc d, Article a, String sha, JsonNode id) {
    return new Prepared(d, a, sha, id, false, null, null);
  }

  static Prepared skipped(Doc d) {
    return new Prepared(d, null, null, null, true, null, null);
  }

  static Prepared failed(Doc d, String sha, JsonNode id, String reason) {
    return new Prepared(d, null, sha, id, false, reason, null);
  }

  static Prepared notArticle(Doc d, String sha, String reason, WarcRecords.Skip why) {
    return new Prepared(d, null, sha, null, false, reason, why);
  }
}

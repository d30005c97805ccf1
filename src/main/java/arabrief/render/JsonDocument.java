package arabrief.render;

import arabrief.article.Byline;
import arabrief.pipeline.Brief;
import arabrief.pipeline.Segment;
import arabrief.pipeline.TranslatedParagraph;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON document: every key always present, absent parts null or empty, so scripts never need to
 * test for a key. {@link #toJson} gives the tree for callers that embed it (batch, JSONL).
 */
public final class JsonDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonDocument() {}

  static String render(Brief b, JsonNode model, JsonNode stats) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(b, model, stats)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode toJson(Brief b, JsonNode model, JsonNode stats) {
    ObjectNode o = JSON.createObjectNode();
    o.put("url", b.origin() == null ? null : b.origin().url());
    o.put("fetched_at", b.origin() == null || b.origin().fetchedAt() == null ? null : b.origin().fetchedAt().toString());
    o.set("headline", segment(b.headline(), false));
    o.set("standfirst", segment(b.standfirst(), false));
    if (b.dateline() == null) {
      o.putNull("dateline");
    } else {
      ObjectNode d = o.putObject("dateline");
      d.put("source", b.dateline().source());
      d.put("text", b.dateline().english());
      d.put("gregorian", b.dateline().gregorian() == null ? null : b.dateline().gregorian().toString());
      d.put("hijri", b.dateline().hijri());
    }
    o.set("caption", segment(b.caption(), false));
    o.set("byline", byline(b.byline()));
    ArrayNode ps = o.putArray("paragraphs");
    for (TranslatedParagraph p : b.paragraphs()) {
      ObjectNode pn = ps.addObject();
      pn.put("source", p.source());
      pn.put("text", p.text());
      ArrayNode ss = pn.putArray("sentences");
      for (Segment s : p.sentences()) {
        ss.add(segment(s, true));
      }
    }
    ArrayNode summary = o.putArray("summary");
    b.summary().forEach(summary::add);
    ArrayNode summarySource = o.putArray("summary_source");
    b.summarySource().forEach(summarySource::add);
    ArrayNode dropped = o.putArray("dropped");
    b.dropped().forEach(dropped::add);
    o.set("model", model == null ? JSON.nullNode() : model);
    o.set("stats", stats == null ? JSON.nullNode() : stats);
    return o;
  }

  /** {@code {source, place, author}}: always the object, each part null when the page does not say it. */
  public static ObjectNode byline(Byline by) {
    ObjectNode n = JSON.createObjectNode();
    n.put("source", by == null ? null : by.source());
    n.put("place", by == null ? null : by.place());
    n.put("author", by == null ? null : by.author());
    return n;
  }

  private static JsonNode segment(Segment s, boolean withScore) {
    if (s == null) {
      return JSON.nullNode();
    }
    ObjectNode n = JSON.createObjectNode();
    n.put("source", s.source());
    n.put("text", s.text());
    if (withScore) {
      n.put("score", s.score());
    }
    return n;
  }
}

package arabrief.server;

import arabrief.mt.model.OneLine;
import arabrief.mt.Translation;
import arabrief.mt.Translator;
import arabrief.pipeline.Lines;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;

/**
 * LibreTranslate's API (POST /translate, GET /languages, POST /detect, GET /frontend/settings), with its
 * request and response shapes, so tools that speak it use arabrief unchanged. Text is translated in line
 * mode, exactly as {@code translate --lines}: one segment per line.
 */
final class LibreTranslate {
  private static final String PAIRS = "the only language pair is ar -> en (source 'ar' or 'auto', target 'en')";
  private final Server server;

  LibreTranslate(Server server) {
    this.server = server;
  }

  void translate(Context ctx) {
    ObjectNode body = Requests.body(ctx, true);
    server.checkKey(Requests.apiKey(ctx, body));
    JsonNode q = body.get("q");
    List<String> texts = new ArrayList<>();
    boolean array = q != null && q.isArray();
    if (q == null || q.isNull()) {
      throw new ApiError(400, "Invalid request: missing q parameter");
    } else if (array) {
      for (JsonNode e : q) {
        if (!e.isTextual()) {
          throw new ApiError(400, "Invalid request: every element of q must be a string");
        }
        texts.add(e.asText());
      }
    } else if (q.isTextual()) {
      texts.add(q.asText());
    } else {
      throw new ApiError(400, "Invalid request: q must be a string or an array of strings");
    }
    String source = Requests.string(body, "source");
    String target = Requests.string(body, "target");
    if (source == null) {
      throw new ApiError(400, "Invalid request: missing source parameter");
    }
    if (target == null) {
      throw new ApiError(400, "Invalid request: missing target parameter");
    }
    if (!source.equals("ar") && !source.equals("auto")) {
      throw new ApiError(400, OneLine.quote(source, 40) + " is not supported as a source language: " + PAIRS);
    }
    if (!target.equals("en")) {
      throw new ApiError(400, OneLine.quote(target, 40) + " is not supported as a target language: " + PAIRS);
    }
    String format = Requests.string(body, "format");
    if (format != null && !format.equals("text") && !format.equals("html")) {
      throw new ApiError(400, "Invalid request: format is text or html, not " + OneLine.quote(format, 40));
    }
    boolean html = "html".equals(format);
    if (!html) {
      server.checkChars(texts.stream().mapToLong(String::length).sum(), "q");
    }
    if (texts.stream().allMatch(String::isBlank)) {
      throw new ApiError(400, "Invalid request: q is empty");
    }
    if (texts.stream().allMatch(t -> arabicShare(t) == 0)) {
      throw new ApiError(400, "no Arabic text in q: " + PAIRS);
    }
    List<String> out = html ? translateHtml(texts) : translateLines(texts);
    ObjectNode o = Server.JSON.createObjectNode();
    if (array) {
      ArrayNode a = o.putArray("translatedText");
      out.forEach(a::add);
    } else {
      o.put("translatedText", out.get(0));
    }
    if (source.equals("auto")) {
      if (array) {
        ArrayNode d = o.putArray("detectedLanguage");
        texts.forEach(t -> d.add(detected(t)));
      } else {
        o.set("detectedLanguage", detected(texts.get(0)));
      }
    }
    Server.json(ctx, o);
  }

  /** Every text's lines translated as `translate --lines` does, joined back with newlines. */
  private List<String> translateLines(List<String> texts) {
    List<String> segments = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (String t : texts) {
      List<String> lines = Lines.split(t);
      counts.add(lines.size());
      segments.addAll(lines);
    }
    List<Translation> ts = server.translate(segments, server.model().settings(), Translator.NO_SPLIT);
    List<String> out = new ArrayList<>();
    int k = 0;
    for (int c : counts) {
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < c; i++) {
        lines.add(ts.get(k++).text());
      }
      out.add(String.join("\n", lines));
    }
    return out;
  }

  /** HTML in, HTML out: each text node translated in place, markup kept. */
  private List<String> translateHtml(List<String> texts) {
    List<Document> docs = new ArrayList<>();
    List<TextNode> nodes = new ArrayList<>();
    for (String t : texts) {
      Document d = Jsoup.parseBodyFragment(t);
      docs.add(d);
      NodeTraversor.traverse(
          (node, depth) -> {
            if (node instanceof TextNode tn && !tn.isBlank()) {
              nodes.add(tn);
            }
          },
          d.body());
    }
    List<String> segments = nodes.stream().map(n -> n.text().strip()).toList();
    server.checkChars(segments.stream().mapToLong(String::length).sum(), "the text of q (its markup not counted)");
    List<Translation> ts = server.translate(segments, server.model().settings(), Translator.NO_SPLIT);
    for (int i = 0; i < nodes.size(); i++) {
      String whole = nodes.get(i).getWholeText();
      String lead = whole.substring(0, whole.length() - whole.stripLeading().length());
      String trail = whole.substring(whole.stripTrailing().length());
      nodes.get(i).text(lead + ts.get(i).text() + trail);
    }
    return docs.stream().map(d -> d.body().html()).toList();
  }

  void languages(Context ctx) {
    ArrayNode a = Server.JSON.createArrayNode();
    ObjectNode ar = a.addObject();
    ar.put("code", "ar");
    ar.put("name", "Arabic");
    ar.putArray("targets").add("en");
    ObjectNode en = a.addObject();
    en.put("code", "en");
    en.put("name", "English");
    en.putArray("targets");
    Server.json(ctx, a);
  }

  void detect(Context ctx) {
    ObjectNode body = Requests.body(ctx, true);
    server.checkKey(Requests.apiKey(ctx, body));
    String q = Requests.string(body, "q");
    if (q == null) {
      throw new ApiError(400, "Invalid request: missing q parameter");
    }
    server.checkChars(q.length(), "q");
    ArrayNode a = Server.JSON.createArrayNode();
    ObjectNode d = detected(q);
    if (d.get("confidence").asDouble() > 0) {
      a.add(d);
    }
    Server.json(ctx, a);
  }

  void settings(Context ctx) {
    ObjectNode o = Server.JSON.createObjectNode();
    o.put("charLimit", server.config.maxChars());
    o.put("frontendTimeout", 500);
    o.put("apiKeys", !server.config.apiKeys().isEmpty());
    o.put("keyRequired", !server.config.apiKeys().isEmpty());
    o.put("suggestions", false);
    o.put("filesTranslation", false);
    o.putArray("supportedFilesFormat");
    o.put("fetchUrls", server.fetcher() != null); // arabrief's own: the page shows its URL box
    ObjectNode lang = o.putObject("language");
    ObjectNode src = lang.putObject("source");
    src.put("code", "ar");
    src.put("name", "Arabic");
    ObjectNode tgt = lang.putObject("target");
    tgt.put("code", "en");
    tgt.put("name", "English");
    Server.json(ctx, o);
  }

  /**
   * LibreTranslate's {confidence, language}: the server knows one source language, so the confidence is
   * the share of Arabic among the letters, in percent.
   */
  static ObjectNode detected(String text) {
    ObjectNode d = Server.JSON.createObjectNode();
    d.put("confidence", Math.round(1000.0 * arabicShare(text)) / 10.0);
    d.put("language", "ar");
    return d;
  }

  /** Arabic letters among all letters, 0 to 1. */
  static double arabicShare(String text) {
    long letters = text.codePoints().filter(Character::isLetter).count();
    long arabic =
        text.codePoints()
            .filter(c -> Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
            .count();
    return letters == 0 ? 0.0 : (double) arabic / letters;
  }
}

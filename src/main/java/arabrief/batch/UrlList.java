package arabrief.batch;

import arabrief.fetch.FeedItem;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Batch inputs that are URLs: an http(s) argument (a page, a feed or a sitemap), or a file of URLs, one a line
 * (blank lines and {@code #} comments allowed). A file is a URL list when every line that is not blank or a
 * comment is an http(s) URL: no article is made of URLs alone, so files of articles are never mistaken for one.
 */
final class UrlList {
  /** A URL list larger than this is an article file (or a mistake), not a list. */
  private static final int MAX_BYTES = 32 << 20;

  private UrlList() {}

  static boolean isUrl(String s) {
    String a = s.strip().toLowerCase(Locale.ROOT);
    if (!(a.startsWith("http://") || a.startsWith("https://")) || s.strip().indexOf(' ') >= 0) {
      return false;
    }
    try {
      return new URI(s.strip()).getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The URLs of {@code file} in order, or null when it is not a URL list. */
  static List<String> read(Path file) throws IOException {
    if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
      return null;
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readAllBytes();
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
    List<String> urls = new ArrayList<>();
    for (String line : text.replace("\uFEFF", "").split("\r?\n")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      if (!isUrl(l)) {
        return null;
      }
      urls.add(l);
    }
    return urls.isEmpty() ? null : urls;
  }

  /**
   * Where a URL input's output goes, without the extension: its host (and port) and path, e.g.
   * {@code https://news.example/feeds/rss.xml} to {@code news.example/feeds/rss}, a path ending in "/" to
   * {@code .../index}; characters a file name cannot hold become "_".
   */
  static String outputStem(String url) {
    URI u = URI.create(url.strip());
    String host = u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() > 0 ? "_" + u.getPort() : "");
    String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
    if (path.endsWith("/")) {
      path += "index";
    }
    if (u.getRawQuery() != null) {
      path += "_" + u.getRawQuery();
    }
    StringBuilder sb = new StringBuilder(safe(host));
    for (String part : path.split("/")) {
      if (!part.isEmpty() && !part.equals(".") && !part.equals("..")) {
        sb.append('/').append(safe(part));
      }
    }
    return sb.toString();
  }

  /** What a feed or sitemap said of a page, as the "listed" object of its output line. */
  static ObjectNode listed(FeedItem i) {
    ObjectNode l = JsonNodeFactory.instance.objectNode();
    l.put("url", i.url());
    l.put("guid", i.guid());
    l.put("title", i.title());
    l.put("published", i.published() == null ? null : i.published().toString());
    l.put("updated", i.updated() == null ? null : i.updated().toString());
    return l;
  }

  private static String safe(String s) {
    String t = s.replaceAll("[^A-Za-z0-9._-]", "_");
    return t.length() > 120 ? t.substring(0, 120) : t;
  }
}

package arabrief.fetch;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a fetch brought back: the body (its Content-Encoding undone) with the URL it came from after redirects,
 * the response's headers and the time it was fetched. A 304 answer to a conditional request has an empty body.
 *
 * @param requested the URL asked for
 * @param url the URL after redirects
 * @param headers the final response's headers, names in lower case
 */
public record Fetched(URI requested, URI url, int status, Map<String, List<String>> headers, byte[] body, Instant fetchedAt) {
  public Fetched {
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** The media type without parameters, lower case ("text/html"), or null when the server named none. */
  public String mediaType() {
    return mediaType(header("content-type"));
  }

  /** The charset the Content-Type header names, or null. */
  public String charset() {
    String ct = header("content-type");
    if (ct == null) {
      return null;
    }
    for (String part : ct.split(";")) {
      String p = part.trim();
      if (p.regionMatches(true, 0, "charset=", 0, 8)) {
        return p.substring(8).replace("\"", "").replace("'", "").trim();
      }
    }
    return null;
  }

  /** A 304: the copy the validators named is still current. */
  public boolean notModified() {
    return status == 304;
  }

  /** The validators to send next time (ETag, Last-Modified); null when the server gave none. */
  public Validators validators() {
    String etag = header("etag");
    String modified = header("last-modified");
    return etag == null && modified == null ? null : new Validators(etag, modified);
  }

  static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
  }

  /** A previous answer's ETag and Last-Modified, for a conditional GET; either may be null. */
  public record Validators(String etag, String lastModified) {}
}

package arabrief.batch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * WARC files for tests, written record by record with jwarc's writer (one gzip member per record for
 * {@code .warc.gz}, as crawlers write them): article pages in UTF-8 and windows-1256 (declared by the HTTP
 * header, by the page's meta only, or mislabelled by the header), and every kind of record a crawl holds
 * besides: warcinfo, request, metadata, a 404, an image, an English page, an Arabic section page; then
 * breakage: a gzip member corrupted in the middle of the file, a record whose Content-Length lies (followed
 * by an article that must still be read), a truncated last record.
 */
public final class WarcFixture {
  /** What a reader should make of the files. */
  public record Expected(
      List<String> files,
      /** URL to article text, in file order: the pages that are articles. */
      Map<String, String> articles,
      /** URL to the record id of every page that is an article. */
      Map<String, String> recordIds,
      /** URLs of the broken records, in file order (null: one whose header may not be read). */
      List<String> broken,
      /** How many times reading resumes at a later record after a broken one. */
      int resyncs,
      /** Skipped records by reason key. */
      Map<String, Long> skipped) {}

  private WarcFixture() {}

  private static final Instant DATE = Instant.parse("2024-03-05T06:07:08Z");

  /**
   * Writes {@code crawl-a.warc.gz} (gzip; its last record truncated) and {@code crawl-b.warc} (plain; ends with a
   * record whose Content-Length is shorter than its block) under {@code dir}, with {@code pages} articles each.
   */
  public static Expected write(Path dir, long seed, int pages) throws IOException {
    Files.createDirectories(dir);
    Map<String, String> articles = new LinkedHashMap<>();
    Map<String, String> ids = new LinkedHashMap<>();
    List<String> broken = new ArrayList<>();
    Map<String, Long> skipped = new LinkedHashMap<>();

    // crawl-a.warc.gz
    List<byte[]> a = new ArrayList<>();
    a.add(gz(warcinfo("crawl-a.warc.gz")));
    skipped.merge("warcinfo", 1L, Long::sum);
    for (int i = 0; i < pages; i++) {
      String url = "https://news.example/a/" + i;
      String text = Corpus.article(seed, i);
      String h = html(text, i % 3 == 2 ? "windows-1256" : null);
      byte[] body;
      String type;
      switch (i % 3) {
        case 0 -> { body = h.getBytes(StandardCharsets.UTF_8); type = "text/html; charset=utf-8"; }
        case 1 -> { body = h.getBytes(Corpus.WINDOWS_1256); type = "text/html; charset=windows-1256"; }
        default -> { body = h.getBytes(Corpus.WINDOWS_1256); type = i % 2 == 0 ? "text/html" : "text/html; charset=iso-8859-1"; }
      }
      WarcRecord req = request(url);
      a.add(gz(req));
      skipped.merge("request", 1L, Long::sum);
      WarcResponse resp = response(url, 200, type, body);
      a.add(gz(resp));
      articles.put(url, text);
      ids.put(url, resp.headers().first("WARC-Record-ID").orElseThrow());
      if (i == 0) {
        a.add(gz(metadata(url)));
        skipped.merge("metadata", 1L, Long::sum);
      }
      if (i == pages / 2) {
        // an article page whose gzip member is damaged in the middle of its compressed bytes
        String damagedUrl = "https://news.example/a/damaged";
        a.add(corrupt(gz(response(damagedUrl, 200, "text/html; charset=utf-8",
            html(Corpus.article(seed, 904), null).getBytes(StandardCharsets.UTF_8)))));
        // its URL is known only when its header is read before the damage is met, which depends on the bytes
        broken.add(null);
      }
    }
    String arabicPage = html(Corpus.article(seed, 900), null);
    a.add(gz(response("https://news.example/missing", 404, "text/html; charset=utf-8", arabicPage.getBytes(StandardCharsets.UTF_8))));
    skipped.merge("not_2xx", 1L, Long::sum);
    a.add(gz(response("https://news.example/photo.jpg", 200, "image/jpeg", jpeg())));
    skipped.merge("not_html", 1L, Long::sum);
    a.add(gz(response("https://news.example/en/story", 200, "text/html; charset=utf-8",
        ("<html><head><title>Story</title></head><body><article><h1>Ministers meet in Cairo</h1><p>The ministers met on"
            + " Monday to discuss the budget and the coming elections.</p><p>They agreed to meet again.</p></article>"
            + "</body></html>").getBytes(StandardCharsets.UTF_8))));
    skipped.merge("not_arabic", 1L, Long::sum);
    a.add(gz(response("https://news.example/section/politics", 200, "text/html; charset=utf-8", sectionPage().getBytes(StandardCharsets.UTF_8))));
    skipped.merge("not_an_article", 1L, Long::sum);
    String lastUrl = "https://news.example/a/last";
    byte[] last = gz(response(lastUrl, 200, "text/html; charset=utf-8", html(Corpus.article(seed, 901), null).getBytes(StandardCharsets.UTF_8)));
    a.add(java.util.Arrays.copyOf(last, last.length - 40));
    broken.add(null); // the truncation is met while reading its header
    write(dir.resolve("crawl-a.warc.gz"), a);
    int resyncs = 1; // past the damaged member; nothing follows the truncated one

    // crawl-b.warc: plain; a page whose Content-Length is 100 bytes short is broken, and the page after it is read
    List<byte[]> b = new ArrayList<>();
    b.add(plain(warcinfo("crawl-b.warc")));
    skipped.merge("warcinfo", 1L, Long::sum);
    for (int i = pages; i < pages + 2; i++) {
      String url = "https://news.example/b/" + i;
      String text = Corpus.article(seed, i);
      WarcResponse resp = response(url, 200, "text/html; charset=utf-8", html(text, null).getBytes(StandardCharsets.UTF_8));
      b.add(plain(resp));
      articles.put(url, text);
      ids.put(url, resp.headers().first("WARC-Record-ID").orElseThrow());
    }
    String lying = "https://news.example/b/lying";
    String lyingText = Corpus.article(seed, 902);
    WarcResponse liar = response(lying, 200, "text/html; charset=utf-8", html(lyingText, null).getBytes(StandardCharsets.UTF_8));
    b.add(lie(plain(liar), -100));
    broken.add(lying);
    resyncs++;
    String after = "https://news.example/b/after";
    String afterText = Corpus.article(seed, 903);
    WarcResponse afterResp = response(after, 200, "text/html; charset=utf-8", html(afterText, null).getBytes(StandardCharsets.UTF_8));
    b.add(plain(afterResp));
    articles.put(after, afterText);
    ids.put(after, afterResp.headers().first("WARC-Record-ID").orElseThrow());
    write(dir.resolve("crawl-b.warc"), b);
    return new Expected(List.of("crawl-a.warc.gz", "crawl-b.warc"), articles, ids, broken, resyncs, skipped);
  }

  /** An article page: headline in h1, paragraphs in p, a meta charset when {@code metaCharset} is set. */
  public static String html(String text, String metaCharset) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head>");
    if (metaCharset != null) {
      sb.append("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=").append(metaCharset).append("\">");
    }
    sb.append("<title>").append(text.lines().findFirst().orElseThrow()).append("</title></head><body><article><h1>")
        .append(text.lines().findFirst().orElseThrow()).append("</h1>");
    text.lines().skip(1).filter(l -> !l.isBlank()).forEach(l -> sb.append("<p>").append(l).append("</p>"));
    return sb.append("</article></body></html>").toString();
  }

  /** An Arabic page with menus and links only: not an article. */
  static String sectionPage() {
    StringBuilder sb = new StringBuilder("<html lang=\"ar\"><head><title>سياسة</title></head><body><nav><ul>");
    for (String s : new String[] {"الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة", "منوعات"}) {
      sb.append("<li><a href=\"/").append(s.length()).append("\">").append(s).append("</a></li>");
    }
    return sb.append("</ul></nav></body></html>").toString();
  }

  /** A thousand-record WARC of articles for the benchmark: {@code n} responses, each with its request. */
  public static void writeBench(Path file, long seed, int n) throws IOException {
    List<byte[]> out = new ArrayList<>();
    out.add(gz(warcinfo(file.getFileName().toString())));
    for (int i = 0; i < n; i++) {
      String url = "https://news.example/bench/" + i;
      if (i % 2 == 0) {
        out.add(gz(request(url)));
      } else {
        out.add(gz(response(url, 200, "text/html; charset=utf-8", html(Corpus.article(seed, i), null).getBytes(StandardCharsets.UTF_8))));
      }
    }
    write(file, out);
  }

  private static Warcinfo warcinfo(String name) {
    return new Warcinfo.Builder().filename(name).date(DATE).recordId(id(name)).fields(Map.of("software", List.of("arabrief tests"))).build();
  }

  static WarcRecord request(String url) throws IOException {
    HttpRequest http = new HttpRequest.Builder("GET", URI.create(url).getRawPath()).addHeader("Host", "news.example").build();
    return new WarcRequest.Builder(URI.create(url)).date(DATE).recordId(id(url + "#request")).body(http).build();
  }

  private static WarcRecord metadata(String url) {
    return new WarcMetadata.Builder().targetURI(url).date(DATE).recordId(id(url + "#metadata")).fields(Map.of("fetchTimeMs", List.of("12"))).build();
  }

  static WarcResponse response(String url, int status, String type, byte[] body) throws IOException {
    HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
        .body(MediaType.parse(type), body).build();
    return new WarcResponse.Builder(URI.create(url)).date(DATE).recordId(id(url)).body(http).build();
  }

  /** A resource record (as archives of single files hold pages). */
  public static WarcRecord resource(String url, String type, byte[] body) {
    return new WarcResource.Builder(URI.create(url)).date(DATE).recordId(id(url)).body(MediaType.parse(type), body).build();
  }

  private static UUID id(String s) {
    return UUID.nameUUIDFromBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] jpeg() {
    byte[] b = new byte[600];
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xD8;
    b[2] = (byte) 0xFF;
    for (int i = 3; i < b.length; i++) {
      b[i] = (byte) (i * 31);
    }
    return b;
  }

  public static byte[] plain(WarcRecord r) throws IOException {
    return serialize(r, WarcCompression.NONE);
  }

  public static byte[] gz(WarcRecord r) throws IOException {
    return serialize(r, WarcCompression.GZIP);
  }

  private static byte[] serialize(WarcRecord r, WarcCompression c) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WarcWriter w = new WarcWriter(Channels.newChannel(out), c)) {
      w.write(r);
    }
    return out.toByteArray();
  }

  /** A plain record whose Content-Length header says {@code delta} bytes more (or less) than its block has. */
  static byte[] lie(byte[] plainRecord, int delta) {
    String s = new String(plainRecord, StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Content-Length: (\\d+)\r\n").matcher(s);
    if (!m.find()) {
      throw new IllegalStateException("no Content-Length");
    }
    long n = Long.parseLong(m.group(1)) + delta;
    return (s.substring(0, m.start(1)) + n + s.substring(m.end(1))).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A gzip member with a run of bytes in the middle of its compressed data inverted. */
  static byte[] corrupt(byte[] member) {
    byte[] b = member.clone();
    for (int i = b.length / 2; i < b.length / 2 + 8; i++) {
      b[i] ^= (byte) 0xff;
    }
    return b;
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(bytes);
    }
    return out.toByteArray();
  }

  private static void write(Path file, List<byte[]> records) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] r : records) {
      all.write(r);
    }
    Files.write(file, all.toByteArray());
  }
}

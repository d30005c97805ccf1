import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/**
 * A crawl-shaped WARC for the WARC benchmark: exactly RECORDS records (a warcinfo, then request/response
 * pairs as crawlers write them, one gzip member per record), the responses mostly Arabic article pages made
 * from the .txt files under ARTICLES (make_articles.py), every tenth an image and every tenth+5 an English
 * page; plus the same article pages (the same HTML) as JSONL ({"id","text"}) for the side-by-side run.
 *
 * <p>java -cp "target/classes:target/lib/*" scripts/bench/MakeWarc.java ARTICLES OUT.warc.gz OUT.jsonl [RECORDS]
 */
public class MakeWarc {
  public static void main(String[] a) throws IOException {
    List<Path> texts;
    try (Stream<Path> s = Files.walk(Path.of(a[0]))) {
      texts = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
    }
    int records = a.length > 3 ? Integer.parseInt(a[3]) : 1000;
    Instant date = Instant.parse("2024-03-05T06:07:08Z");
    StringBuilder jsonl = new StringBuilder();
    int written = 0;
    int articles = 0;
    try (WarcWriter w = new WarcWriter(Files.newByteChannel(Path.of(a[1]),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING,
        java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP)) {
      w.write(new Warcinfo.Builder().date(date).filename(Path.of(a[1]).getFileName().toString()).build());
      written++;
      for (int i = 0; written < records; i++) {
        String url = "https://news.example/" + i;
        HttpRequest req = new HttpRequest.Builder("GET", "/" + i).addHeader("Host", "news.example").build();
        w.write(new WarcRequest.Builder(URI.create(url)).date(date).body(req).build());
        if (++written == records) {
          break;
        }
        HttpResponse http;
        if (i % 10 == 0) {
          byte[] img = new byte[20_000];
          img[0] = (byte) 0xFF;
          img[1] = (byte) 0xD8;
          http = new HttpResponse.Builder(200, "OK").body(MediaType.parse("image/jpeg"), img).build();
        } else if (i % 10 == 5) {
          http = new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html; charset=utf-8"),
              ("<html><body><article><h1>Ministers meet</h1><p>The ministers met on Monday to discuss the budget.</p>"
                  + "</article></body></html>").getBytes(StandardCharsets.UTF_8)).build();
        } else {
          String page = html(Files.readString(texts.get(articles % texts.size()), StandardCharsets.UTF_8));
          articles++;
          http = new HttpResponse.Builder(200, "OK")
              .body(MediaType.parse("text/html; charset=utf-8"), page.getBytes(StandardCharsets.UTF_8)).build();
          // the same page as the JSONL line's text: batch reads HTML in a text field alike, so the two runs
          // differ only in how the pages are stored
          jsonl.append("{\"id\":\"").append(i).append("\",\"text\":").append(json(page)).append("}\n");
        }
        w.write(new WarcResponse.Builder(URI.create(url)).date(date).recordId(UUID.nameUUIDFromBytes(url.getBytes(StandardCharsets.UTF_8))).body(http).build());
        written++;
      }
    }
    Files.writeString(Path.of(a[2]), jsonl, StandardCharsets.UTF_8);
    System.out.println(written + " records, " + articles + " article pages");
  }

  private static String html(String text) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"ar\"><head><title>").append(lines.get(0))
        .append("</title></head><body><nav><a href=\"/\">الرئيسية</a> <a href=\"/s\">سياسة</a></nav><article><h1>")
        .append(lines.get(0)).append("</h1>");
    lines.stream().skip(1).forEach(l -> sb.append("<p>").append(l).append("</p>"));
    return sb.append("</article><footer>جميع الحقوق محفوظة</footer></body></html>").toString();
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}

package arabrief.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.fetch.AddressPolicy;
import arabrief.fetch.FetchSettings;
import arabrief.fetch.Fetcher;
import arabrief.fetch.Resolver;
import arabrief.fetch.TestSite;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {"url": ...} on the article endpoints: off unless the server fetches, internal addresses refused after DNS and on
 * every redirect (a resolver stands in for DNS: news.test is a "public" site on 127.0.0.2, inside.test a private
 * address), and a fetched page briefed exactly like the same page sent as html.
 */
class ServerFetchTest {
  static final Path PAGE = Path.of("src/test/resources/fixtures/corpus/bbc-arabic-2024-03-03.html");
  static TestSite loopback;
  static TestSite outside;
  static Server off;
  static Server guarded;
  static Server open;

  @BeforeAll
  static void start() throws Exception {
    byte[] page = Files.readAllBytes(PAGE);
    loopback = TestSite.start().page("/article.html", "text/html; charset=utf-8", page);
    outside = TestSite.start("127.0.0.2")
        .page("/article.html", "text/html; charset=utf-8", page)
        .page("/logo.png", "image/png", new byte[] {1, 2, 3})
        .redirect("/to-loopback", 302, loopback.url("/article.html"))
        .redirect("/to-inside", 301, "http://inside.test/admin");
    Resolver dns = host -> switch (host) {
      case "news.test" -> List.of(InetAddress.getByName("127.0.0.2"));
      case "inside.test" -> List.of(InetAddress.getByName("10.0.0.1"));
      case "localhost" -> List.of(InetAddress.getByName("127.0.0.1"));
      default -> throw new UnknownHostException(host);
    };
    ServerConfig d = ServerConfig.defaults();
    ServerConfig cfg = new ServerConfig("127.0.0.1", 0, 1_000_000, 8 << 20, 64, 16, true, 60, java.util.Set.of());
    off = ServerFixture.start(cfg);
    guarded = ServerFixture.start(cfg).fetching(new Fetcher(FetchSettings.defaults()
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
        .withPolicy(AddressPolicy.PUBLIC_ONLY.allowing(InetAddress.getByName("127.0.0.2")))
        .withResolver(dns)));
    open = ServerFixture.start(cfg).fetching(new Fetcher(FetchSettings.defaults()));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {off, guarded, open, loopback, outside}) {
      try {
        c.close();
      } catch (Exception e) {
        // closing test servers
      }
    }
  }

  static Http.Reply post(Server s, String path, String url) {
    ObjectNode body = Http.JSON.createObjectNode();
    body.put("url", url);
    body.put("beams", 1);
    return Http.postJson(s.port(), path, body);
  }

  @Test
  void urlsAreRefusedUnlessTheServerFetches() {
    int seen = outside.hits().size();
    Http.Reply r = post(off, "/api/brief", outside.url("/article.html"));
    assertEquals(403, r.status(), r.body());
    assertEquals("this server does not fetch URLs (start it with --allow-fetch); send the page as \"html\"", r.json().get("error").asText());
    assertEquals(seen, outside.hits().size());
    assertTrue(!Http.get(off.port(), "/frontend/settings").json().get("fetchUrls").asBoolean());
    assertTrue(Http.get(guarded.port(), "/frontend/settings").json().get("fetchUrls").asBoolean());
  }

  @Test
  void internalAddressesAreRefusedAfterDnsAndOnEveryRedirect() {
    int seen = loopback.hits().size();
    for (String url : List.of(loopback.url("/article.html"), "http://10.0.0.1/article.html",
        "http://[::1]:" + loopback.port() + "/article.html", "http://localhost:" + loopback.port() + "/article.html",
        "http://inside.test/article.html", "http://news.test:" + outside.port() + "/to-loopback",
        "http://news.test:" + outside.port() + "/to-inside")) {
      for (String path : List.of("/api/brief", "/api/article")) {
        Http.Reply r = post(guarded, path, url);
        assertEquals(403, r.status(), url + " -> " + r.body());
        assertTrue(r.json().get("error").asText().contains("(this server fetches public addresses only)"), r.body());
      }
    }
    assertEquals(seen, loopback.hits().size(), "nothing ever reached the loopback site");
  }

  @Test
  void aFetchedPageIsBriefedLikeTheSamePageSentAsHtml() throws Exception {
    String url = "http://news.test:" + outside.port() + "/article.html";
    Http.Reply fetched = post(guarded, "/api/brief", url);
    assertEquals(200, fetched.status(), fetched.body());
    ObjectNode html = Http.JSON.createObjectNode();
    html.put("html", Files.readString(PAGE));
    html.put("beams", 1);
    Http.Reply sent = Http.postJson(open.port(), "/api/brief", html);
    assertEquals(200, sent.status(), sent.body());
    JsonNode f = fetched.json();
    assertEquals(url, f.get("url").asText());
    assertTrue(f.get("fetched_at").isTextual());
    assertTrue(sent.json().get("url").isNull());
    for (String k : List.of("headline", "dateline", "summary", "summary_source", "byline")) {
      assertEquals(sent.json().get(k), f.get(k), k);
    }
    // the private-fetch server takes the loopback page; the stream names the URL in its first line
    Http.Reply stream = post(open, "/api/stream", loopback.url("/article.html"));
    assertEquals(200, stream.status(), stream.body());
    JsonNode first = Http.JSON.readTree(stream.body().lines().findFirst().orElseThrow());
    assertEquals(loopback.url("/article.html"), first.get("brief").get("url").asText());
  }

  @Test
  void pagesThatCannotBeFetchedAre502() {
    Http.Reply missing = post(guarded, "/api/article", "http://news.test:" + outside.port() + "/gone.html");
    assertEquals(502, missing.status(), missing.body());
    assertEquals("http://news.test:" + outside.port() + "/gone.html: HTTP 404 Not Found", missing.json().get("error").asText());
    Http.Reply image = post(guarded, "/api/brief", "http://news.test:" + outside.port() + "/logo.png");
    assertEquals(502, image.status());
    assertTrue(image.json().get("error").asText().endsWith("not a web page but image/png"));
    Http.Reply dns = post(guarded, "/api/brief", "http://nowhere.test/a.html");
    assertEquals(502, dns.status());
    Http.Reply bad = post(guarded, "/api/brief", "file:///etc/passwd");
    assertEquals(400, bad.status());
    assertEquals("'url' must be an http or https URL with a host name", bad.json().get("error").asText());
  }
}

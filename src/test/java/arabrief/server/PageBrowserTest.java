package arabrief.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real headless Chromium (Debian's chromium and chromium-driver): paste the seed article,
 * press the button, find the headline, the dateline and every paragraph; give a URL instead (a server started with
 * fetching on), find the brief and the link. Skipped where Chromium is not
 * installed, except in CI (CI=true), where its absence is a failure.
 */
class PageBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** A headless Chromium, or the test skipped (failed under CI) when there is none. */
  private static ChromeDriver chromium() throws Exception {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if ("true".equals(System.getenv("CI"))) {
      assertEquals(true, present, "CI must have " + CHROMIUM + " and " + DRIVER + " (.ci/run installs them)");
    }
    assumeTrue(present, "chromium and chromium-driver are not installed");
    Path profile = Files.createTempDirectory("arabrief-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1600", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    return new ChromeDriver(service, options);
  }

  /** Presses the button and waits for the status line to say the run is over; returns it. */
  private static String translate(ChromeDriver driver) {
    driver.findElement(By.id("go")).click();
    new WebDriverWait(driver, Duration.ofSeconds(120))
        .until(d -> "Done.".equals(d.findElement(By.id("status")).getText())
            || d.findElement(By.id("status")).getText().startsWith("Error"));
    return driver.findElement(By.id("status")).getText();
  }

  @Test
  void aUrlInTheBoxIsFetchedAndNamedUnderTheHeadline() throws Exception {
    try (arabrief.fetch.TestSite site = arabrief.fetch.TestSite.start()
            .page("/seed.txt", "text/plain; charset=utf-8", ServerFixture.seed());
        Server off = ServerFixture.start(ServerConfig.defaults());
        Server server = ServerFixture.start(ServerConfig.defaults())
            .fetching(new arabrief.fetch.Fetcher(arabrief.fetch.FetchSettings.defaults()))) {
      JsonNode expected = Http.postJson(server.port(), "/api/brief",
          Http.JSON.createObjectNode().put("url", site.url("/seed.txt"))).json();
      ChromeDriver driver = chromium();
      try {
        driver.get("http://127.0.0.1:" + off.port() + "/");
        // the page asks /frontend/settings whether to show the box; once a later request has answered, it has decided
        driver.executeAsyncScript("const done = arguments[0]; fetch('/frontend/settings').then(() => setTimeout(done, 300));");
        assertFalse(driver.findElement(By.id("url")).isDisplayed(), "no URL box on a server that does not fetch");
        driver.get("http://127.0.0.1:" + server.port() + "/");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("url")).isDisplayed());
        driver.findElement(By.id("url")).sendKeys(site.url("/seed.txt"));
        assertEquals("Done.", translate(driver));
        assertEquals(expected.get("headline").get("text").asText(), driver.findElement(By.id("headline")).getText());
        WebElement link = driver.findElement(By.id("origin-link"));
        assertEquals(site.url("/seed.txt"), link.getText());
        assertEquals(site.url("/seed.txt"), link.getAttribute("href"));
      } finally {
        driver.quit();
      }
    }
  }

  @Test
  void pastedArticleShowsBriefThenEveryParagraph() throws Exception {
    try (Server server = ServerFixture.start(ServerConfig.defaults())) {
      JsonNode expected = Http.postJson(server.port(), "/api/article",
          Http.JSON.createObjectNode().put("text", ServerFixture.seed())).json();
      ChromeDriver driver = chromium();
      try {
        driver.get("http://127.0.0.1:" + server.port() + "/");
        WebElement source = driver.findElement(By.id("source"));
        // a paste: the text lands in the box and an input event fires
        driver.executeScript(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", source, ServerFixture.seed());
        assertEquals("Done.", translate(driver));
        int n = expected.get("paragraphs").size();
        assertEquals(expected.get("headline").get("text").asText(), driver.findElement(By.id("headline")).getText());
        assertEquals(expected.get("dateline").get("text").asText(), driver.findElement(By.id("dateline")).getText());
        List<WebElement> rows = driver.findElements(By.cssSelector("#paragraphs .para"));
        assertEquals(n, rows.size());
        for (int i = 0; i < n; i++) {
          JsonNode p = expected.get("paragraphs").get(i);
          assertEquals(squash(p.get("text").asText()), squash(rows.get(i).findElement(By.cssSelector(".en")).getText()), "paragraph " + i);
          WebElement ar = rows.get(i).findElement(By.cssSelector(".ar"));
          assertEquals("rtl", ar.getAttribute("dir"));
          assertEquals(squash(p.get("source").asText()), squash(ar.getText()));
        }
        assertFalse(driver.findElements(By.cssSelector("#summary li")).isEmpty());
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target/page-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
      } finally {
        driver.quit();
      }
    }
  }

  /** A saved web page, chosen as a file, is translated; an article over the limit shows the server's message. */
  @Test
  void aSavedPageIsTranslatedAndAnErrorShowsTheServersMessage() throws Exception {
    Path fits = Path.of("src/test/resources/fixtures/corpus/dev/02-sputnikarabic-egypt-corona.html").toAbsolutePath();
    Path over = Path.of("src/test/resources/fixtures/corpus/bbc-arabic-2024-03-03.html").toAbsolutePath();
    ServerConfig d = ServerConfig.defaults();
    // 101,134 and 570,239 characters as pages; 2,058 and 5,497 characters of article text
    ServerConfig limit = new ServerConfig("127.0.0.1", 0, 5000, d.maxBodyBytes(), d.queue(), d.batchSize(), true, 60, d.apiKeys());
    try (Server server = ServerFixture.start(limit)) {
      ChromeDriver driver = chromium();
      try {
        driver.get("http://127.0.0.1:" + server.port() + "/");
        choose(driver, fits, 100_000);
        assertEquals("Done.", translate(driver));
        assertFalse(driver.findElement(By.id("headline")).getText().isBlank());
        assertEquals(10, driver.findElements(By.cssSelector("#paragraphs .para")).size());

        choose(driver, over, 500_000);
        String status = translate(driver);
        String message = Http.postJson(server.port(), "/api/stream", Http.JSON.createObjectNode().put("html", Files.readString(over)))
            .json().get("error").asText();
        assertTrue(message.contains("5,497 characters") && message.contains("--max-chars"), message);
        assertEquals("Error: " + message, status);
      } finally {
        driver.quit();
      }
    }
  }

  /** Picks {@code file} in the page's file chooser and waits until the box holds it. */
  private static void choose(ChromeDriver driver, Path file, int atLeast) {
    driver.findElement(By.id("file")).sendKeys(file.toString());
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(x -> x.findElement(By.id("source")).getAttribute("value").length() > atLeast);
  }

  private static String squash(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }
}

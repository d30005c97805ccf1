package arabrief.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arabrief.article.Article;
import arabrief.article.ArticleReader;
import arabrief.mt.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: outputs, formats, exit codes and messages. */
class CliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MODEL = Fixtures.model("tiny-opus").toString();
  private static final String SEED = "seeds/000_576a10afaf96e38e.txt";

  record Run(int code, String out, String err) {}

  static synchronized Run run(String stdin, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    InputStream oldIn = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setIn(new ByteArrayInputStream((stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8)));
      picocli.CommandLine cl = Main.commandLine();
      cl.setOut(new java.io.PrintWriter(System.out, true));
      cl.setErr(new java.io.PrintWriter(System.err, true));
      int code = cl.execute(args);
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
      System.setIn(oldIn);
    }
  }

  @Test
  void linesModeKeepsOneLinePerInputLineAndEmptyLinesEmpty() {
    Run r = run("روسيا\n\nأوكرانيا واشنطن\n", "translate", "--lines", "--model", MODEL, "--beams", "1");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.out());
    assertFalse(lines.get(0).isBlank());
    assertEquals("", lines.get(1));
    assertFalse(lines.get(2).isBlank());
  }

  @Test
  void jsonlAndStats() throws Exception {
    Run r = run("روسيا\nموسكو\n", "translate", "--lines", "-", "--model", MODEL, "--format", "jsonl", "--stats");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size());
    JsonNode first = JSON.readTree(lines.get(0));
    assertEquals("روسيا", first.get("source").asText());
    assertFalse(first.get("text").asText().isEmpty());
    assertTrue(first.get("score").isNumber() && first.get("score").asDouble() <= 0);
    List<String> errLines = r.err().lines().toList();
    JsonNode stats = JSON.readTree(errLines.get(errLines.size() - 1));
    assertEquals(2, stats.get("segments").asInt());
    for (String k : List.of("source_tokens", "generated_tokens", "load_seconds", "translate_seconds", "tokens_per_second")) {
      assertTrue(stats.has(k), "stats has " + k);
    }
    assertTrue(stats.get("generated_tokens").asInt() >= 2);
    // what ran: the exact mode, in float32 throughout
    assertEquals("float32", stats.get("compute_type").asText());
    assertEquals("float32", stats.get("compute").get("lm_head").asText());
  }

  @Test
  void articleJsonHasEveryKey() throws Exception {
    Run r = run(null, "translate", SEED, "--model", MODEL, "--format", "json", "--beams", "1", "--max-new-tokens", "32");
    assertEquals(0, r.code(), r.err());
    JsonNode doc = JSON.readTree(r.out());
    for (String k : List.of("headline", "dateline", "caption", "paragraphs", "summary", "dropped", "model", "stats")) {
      assertTrue(doc.has(k), "key " + k);
    }
    assertEquals("2022-05-13", doc.get("dateline").get("gregorian").asText());
    assertEquals("1443-10-12", doc.get("dateline").get("hijri").asText());
    assertEquals(8, doc.get("paragraphs").size());
    assertEquals(3, doc.get("summary").size());
    JsonNode s = doc.get("paragraphs").get(0).get("sentences").get(0);
    assertTrue(s.has("source") && s.has("text") && s.has("score"));
  }

  @Test
  void jsonIsTheSameBytesEveryRunAndStatsOnlyWhenAsked(@TempDir Path dir) throws Exception {
    String[] args = {"translate", SEED, SEED, "--model", MODEL, "--format", "json", "--beams", "1", "--max-new-tokens", "16"};
    Run first = run(null, args);
    Run second = run(null, args);
    assertEquals(0, first.code(), first.err());
    assertEquals(first.out(), second.out(), "same input, same bytes");
    JsonNode docs = JSON.readTree(first.out());
    assertEquals(2, docs.size());
    docs.forEach(d -> assertTrue(d.get("stats").isNull(), "no --stats, no stats: " + d.get("stats")));

    Run brief = run(null, "brief", SEED, "--model", MODEL, "--format", "json", "--max-new-tokens", "16");
    assertEquals(brief.out(), run(null, "brief", SEED, "--model", MODEL, "--format", "json", "--max-new-tokens", "16").out());
    assertTrue(JSON.readTree(brief.out()).get("stats").isNull());

    Run asked = run(null, "translate", SEED, "--model", MODEL, "--format", "json", "--beams", "1", "--max-new-tokens", "16", "--stats");
    JsonNode stats = JSON.readTree(asked.out()).get("stats");
    assertTrue(stats.get("translate_seconds").isNumber() && stats.get("generated_tokens").asInt() > 0, stats.toString());
  }

  @Test
  void markdownAndBilingualText() {
    Run md = run(null, "translate", SEED, "--model", MODEL, "--format", "markdown", "--beams", "1", "--max-new-tokens", "24");
    assertEquals(0, md.code(), md.err());
    assertTrue(md.out().startsWith("# "), md.out());
    assertTrue(md.out().contains("## Summary"));
    Run bi = run(null, "translate", SEED, "--model", MODEL, "--bilingual", "--beams", "1", "--max-new-tokens", "24");
    assertEquals(0, bi.code(), bi.err());
    assertTrue(bi.out().contains("وقال المتحدث باسم وزارة الدفاع الأميركية"), "Arabic paragraph in bilingual output");
  }

  @Test
  void briefJsonNamesTheArabicSourceOfEachSummaryLine() throws Exception {
    Run r = run(null, "brief", SEED, "--model", MODEL, "--format", "json", "--beams", "1", "--max-new-tokens", "16");
    assertEquals(0, r.code(), r.err());
    JsonNode o = JSON.readTree(r.out());
    assertEquals(o.get("summary").size(), o.get("summary_source").size());
    Run plain = run(null, "summarize", SEED);
    assertEquals(plain.out().lines().toList(),
        java.util.stream.StreamSupport.stream(o.get("summary_source").spliterator(), false).map(JsonNode::asText).toList(),
        "brief translates what summarize prints");
    Run bi = run(null, "brief", SEED, "--model", MODEL, "--bilingual", "--beams", "1", "--max-new-tokens", "16");
    assertEquals(0, bi.code(), bi.err());
    assertTrue(bi.out().contains("  - " + o.get("summary_source").get(0).asText() + "\n    "), bi.out());
  }

  @Test
  void briefReportsHowManySentencesWereTranslated() throws Exception {
    Run r = run(null, "brief", SEED, "--model", MODEL, "--stats", "--beams", "1", "--max-new-tokens", "32");
    assertEquals(0, r.code(), r.err());
    List<String> errLines = r.err().lines().toList();
    JsonNode stats = JSON.readTree(errLines.get(errLines.size() - 1));
    assertEquals(3, stats.get("translated_sentences").asInt());
    assertEquals(13, stats.get("total_sentences").asInt());
    assertTrue(r.out().contains("Friday 13 May 2022"));
  }

  @Test
  void computeTypeIsAnOptInAndReportedInTheModelInfo() throws Exception {
    Run r = run(null, "translate", SEED, "--model", MODEL, "--format", "json", "--beams", "1", "--max-new-tokens", "16",
        "--compute-type", "int8");
    assertEquals(0, r.code(), r.err());
    JsonNode m = JSON.readTree(r.out()).get("model");
    assertEquals("int8", m.get("compute_type").asText());
    assertEquals("int8", m.get("compute").get("lm_head").asText());
    Run exact = run(null, "translate", SEED, "--model", MODEL, "--format", "json", "--beams", "1", "--max-new-tokens", "16");
    assertEquals("float32", JSON.readTree(exact.out()).get("model").get("compute_type").asText());
    Run bad = run("x\n", "translate", "--lines", "--model", MODEL, "--compute-type", "fp16");
    assertEquals(ExitCodes.USAGE, bad.code());
    assertTrue(bad.err().contains("float32, int8, bfloat16, auto"), bad.err());
  }

  @Test
  void shortlistIsAnOptInAndReportedInTheModelInfo() throws Exception {
    Run r = run(null, "translate", SEED, "--model", MODEL, "--format", "json", "--beams", "1", "--max-new-tokens", "16",
        "--shortlist", "100");
    assertEquals(0, r.code(), r.err());
    assertEquals(100, JSON.readTree(r.out()).get("model").get("shortlist").asInt());
    Run full = run(null, "translate", SEED, "--model", MODEL, "--format", "json", "--beams", "1", "--max-new-tokens", "16");
    assertEquals(0, JSON.readTree(full.out()).get("model").get("shortlist").asInt());
    assertEquals(ExitCodes.USAGE, run("x\n", "translate", "--lines", "--model", MODEL, "--shortlist", "-1").code());
  }

  @Test
  void summarizeEnglish() {
    String text = "The minister met his counterpart on Friday. They discussed a ceasefire.\n\n"
        + "Officials said the call lasted an hour. The weather was fine.";
    Run r = run(text, "summarize", "--summary-sentences", "2");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size());
    assertEquals("The minister met his counterpart on Friday.", lines.get(0));
  }

  @Test
  void summarizeArabicLeavesOutHeadlineDatelineAndCaption() throws Exception {
    Article seed = new ArticleReader().read(Files.readAllBytes(Path.of(SEED)), "seed");
    List<String> body = new ArrayList<>();
    seed.paragraphs().forEach(p -> body.addAll(p.sentences()));
    Run r = run(null, "summarize", SEED);
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.out());
    for (String line : lines) {
      assertTrue(body.contains(line), "a body sentence verbatim: " + line);
      assertFalse(line.equals(seed.headline()) || line.equals(seed.caption()), line);
      assertFalse(line.contains("2022"), "no dateline: " + line);
    }
    Run json = run(null, "summarize", SEED, "--format", "json", "--summary-sentences", "1");
    assertEquals(0, json.code(), json.err());
    JsonNode arr = JSON.readTree(json.out());
    assertEquals(1, arr.size());
    assertEquals(body.get(0), arr.get(0).asText(), "the lead sentence opens the brief");
    Run words = run(null, "summarize", SEED, "--summary-words", "40");
    assertEquals(0, words.code(), words.err());
    assertTrue(words.out().lines().mapToInt(l -> l.split("\\s+").length).sum() <= 40
        || words.out().lines().count() == 1, words.out());
    assertEquals(ExitCodes.BAD_INPUT, run("فيديو\n", "summarize").code(), "Arabic without a body");
  }

  @Test
  void summarizeWithinAWordBudget() {
    String text = "The minister met his counterpart on Friday. They discussed a ceasefire for the region.\n\n"
        + "Officials said the call about the ceasefire lasted an hour. The weather was fine.";
    Run r = run(text, "summarize", "--summary-words", "14");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertFalse(lines.isEmpty());
    assertTrue(lines.stream().mapToInt(l -> l.split("\\s+").length).sum() <= 14, lines.toString());
    assertTrue(text.contains(lines.get(0)), "verbatim");
    assertEquals(ExitCodes.USAGE, run(text, "summarize", "--summary-words", "0").code());
    assertEquals(ExitCodes.USAGE, run(text, "summarize", "--summary-sentences", "-1").code());
  }

  @Test
  void badInputIsExitOneWithAMessageAndNoStackTrace(@TempDir Path dir) throws Exception {
    Path bin = dir.resolve("photo.png");
    Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2, 3});
    Run r = run(null, "translate", bin.toString(), "--model", MODEL);
    assertEquals(ExitCodes.BAD_INPUT, r.code());
    assertTrue(r.err().contains("binary"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());

    Path english = dir.resolve("en.txt");
    Files.writeString(english, "Only English here.\n");
    Run e = run(null, "translate", english.toString(), "--model", MODEL);
    assertEquals(ExitCodes.BAD_INPUT, e.code());
    assertTrue(e.err().contains("no Arabic"), e.err());

    Run missing = run(null, "translate", dir.resolve("nope.txt").toString(), "--model", MODEL);
    assertEquals(ExitCodes.BAD_INPUT, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  @Test
  void usageErrorsAreExitTwo() {
    assertEquals(ExitCodes.USAGE, run(null, "translate", "--no-such-option").code());
    assertEquals(ExitCodes.USAGE, run("x\n", "translate", "--lines", "--model", MODEL, "--format", "xml").code());
    assertEquals(ExitCodes.USAGE, run("x\n", "translate", "--lines", "--model", MODEL, "--beams", "0").code());
  }

  @Test
  void anUnusableModelIsExitThreeAndLeavesExistingOutputAlone(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("out.txt");
    Files.writeString(out, "earlier result\n");
    Path broken = dir.resolve("model");
    Files.createDirectories(broken);
    Files.writeString(broken.resolve("config.json"), "{\"model_type\": \"marian\", \"vocab_size\": 10}");
    Run r = run("روسيا\n", "translate", "--lines", "--model", broken.toString(), "-o", out.toString());
    assertEquals(ExitCodes.MODEL, r.code(), r.err());
    assertTrue(r.err().contains("models verify " + broken), r.err());
    assertFalse(r.err().contains("models pull"), "a directory given by hand cannot be pulled: " + r.err());
    assertEquals("earlier result\n", Files.readString(out));
    try (var files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void outputFileIsWrittenWhole(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("sub")).resolve("out.jsonl");
    Run r = run("روسيا\nموسكو\n", "translate", "--lines", "--model", MODEL, "--format", "jsonl", "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    assertEquals(2, Files.readAllLines(out).size());
  }
}

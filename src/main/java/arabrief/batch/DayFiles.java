package arabrief.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A watch's outputs: {@code DIR/YYYY-MM-DD.jsonl}, one brief a line, and {@code DIR/YYYY-MM-DD.md}, the day's
 * digest. They follow the {@link WatchState}: a day file holds the day's first N briefs, in order; bringing it in
 * line cuts a last line left incomplete by a killed run and appends the briefs it lacks. Since a brief is committed to
 * the state before its line is written, a run killed at any point and started again ends with every brief exactly once.
 */
final class DayFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  /** Complete lines in each day file, as last read or written by this run. */
  private final Map<String, Integer> lines = new HashMap<>();

  DayFiles(Path dir) {
    this.dir = dir;
  }

  Path jsonl(String day) {
    return dir.resolve(day + ".jsonl");
  }

  Path digest(String day) {
    return dir.resolve(day + ".md");
  }

  /** Brings every day with briefs in line with the state (on start: a killed run may have left them behind). */
  void reconcile(WatchState state) throws IOException {
    for (String day : state.days()) {
      sync(state, day);
    }
  }

  /** Appends the day's briefs its file lacks, and writes its digest again. Returns how many lines were appended. */
  int sync(WatchState state, String day) throws IOException {
    Integer have = lines.get(day);
    if (have == null) {
      have = completeLines(jsonl(day));
    }
    List<String> missing = state.lines(day, have);
    if (!missing.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (String l : missing) {
        sb.append(l).append('\n');
      }
      Files.writeString(jsonl(day), sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    lines.put(day, have + missing.size());
    if (!missing.isEmpty() || !Files.exists(digest(day))) {
      BatchRunner.writeAtomically(digest(day), digestOf(day, state.lines(day, 0)).getBytes(StandardCharsets.UTF_8));
    }
    return missing.size();
  }

  /** The number of complete lines in {@code file}, after cutting off an incomplete last one. */
  static int completeLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    byte[] b = Files.readAllBytes(file);
    int n = 0;
    int end = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        n++;
        end = i + 1;
      }
    }
    if (end < b.length) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(end);
      }
    }
    return n;
  }

  /** The day's digest in Markdown: each brief's headline, link, dateline and summary, in the order they were briefed. */
  static String digestOf(String day, List<String> briefs) throws IOException {
    StringBuilder sb = new StringBuilder("# Briefs of ").append(day).append("\n\n");
    sb.append(briefs.size()).append(briefs.size() == 1 ? " story" : " stories").append(", in the order they were briefed.\n");
    for (String line : briefs) {
      JsonNode b = JSON.readTree(line);
      sb.append("\n## ").append(md(text(b.get("headline"), "(no headline)"))).append("\n\n");
      sb.append('<').append(b.path("url").asText()).append(">");
      if (b.hasNonNull("briefed_at")) {
        sb.append(" · briefed ").append(b.get("briefed_at").asText());
      }
      if (b.hasNonNull("feed")) {
        sb.append(" · from <").append(b.get("feed").asText()).append('>');
      }
      sb.append("\n\n");
      if (b.hasNonNull("dateline")) {
        sb.append('*').append(md(b.get("dateline").path("text").asText())).append("*\n\n");
      }
      for (JsonNode s : b.path("summary")) {
        sb.append("- ").append(md(s.asText())).append('\n');
      }
    }
    return sb.toString();
  }

  private static String text(JsonNode segment, String none) {
    return segment == null || segment.isNull() || segment.path("text").asText().isBlank() ? none : segment.get("text").asText();
  }

  private static String md(String s) {
    return arabrief.render.Markdown.escape(s);
  }
}

package arabrief.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/**
 * Finds the documents of a batch: named files, files under directories (recursively, in sorted order,
 * hidden files and the output directory left out), the lines of JSONL archives, the pages of WARC files, and the
 * URLs of URL lists, feeds and sitemaps; and decides where each one's translation goes, mirroring the input's
 * relative path (a URL's output is named after its host and path).
 */
final class Discovery {
  private final List<Object> units = new ArrayList<>(); // Doc.File or Doc.Archive, in order
  private final Map<WarcRecords.Skip, Long> skippedRecords = new java.util.EnumMap<>(WarcRecords.Skip.class);
  private long resyncs;
  private int total;

  /**
   * @param glob a glob on the path relative to the directory given, or null for .txt, .html and .htm
   * @param extension the output extension for file documents, e.g. "json"
   * @throws NoSuchFileException when an input does not exist
   * @throws IllegalArgumentException when two inputs would write the same output
   */
  static Discovery find(List<String> inputs, Path outDir, String glob, String extension, WebSource web) throws IOException {
    Discovery d = new Discovery();
    Path out = outDir.toAbsolutePath().normalize();
    Map<String, String> outputs = new HashMap<>();
    PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
    PathMatcher tail = glob != null && glob.startsWith("**/")
        ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3))
        : null;
    for (String arg : inputs) {
      if (UrlList.isUrl(arg)) {
        d.addUrls(null, arg, outputName(UrlList.outputStem(arg), "jsonl"), web.list(arg), outputs);
        continue;
      }
      Path input = Path.of(arg);
      if (!Files.exists(input)) {
        throw new NoSuchFileException(input + ": no such file or directory");
      }
      if (Files.isDirectory(input)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(input)) {
          files = s.filter(Files::isRegularFile)
              .filter(p -> !p.toAbsolutePath().normalize().startsWith(out))
              .filter(p -> !hidden(input.relativize(p)))
              .sorted()
              .toList();
        }
        for (Path f : files) {
          String rel = slashes(input.relativize(f));
          boolean take = matcher == null
              ? hasExtension(rel, ".txt", ".html", ".htm")
              : matcher.matches(Path.of(rel)) || (tail != null && tail.matches(Path.of(rel)));
          if (take) {
            d.add(f, rel, extension, outputs);
          }
        }
      } else {
        List<String> urls = UrlList.read(input);
        String rel = input.getFileName().toString();
        if (urls != null) {
          List<arabrief.fetch.FeedItem> items = new ArrayList<>();
          for (String u : urls) {
            items.add(new arabrief.fetch.FeedItem(u, null, null, null, null, null));
          }
          d.addUrls(input, rel, outputName(rel, "jsonl"), items, outputs);
        } else {
          d.add(input, rel, extension, outputs);
        }
      }
    }
    return d;
  }

  /** A URL list, a feed or a sitemap: one output line per page. */
  private void addUrls(Path file, String name, String output, List<arabrief.fetch.FeedItem> items, Map<String, String> outputs) {
    String clash = outputs.putIfAbsent(output, name);
    if (clash != null) {
      throw new IllegalArgumentException(
          clash + " and " + name + " would both be written to " + output + "; give them in separate batches");
    }
    units.add(new Doc.Archive(file, name, output, items.size(), List.copyOf(items)));
    total += items.size();
  }

  private void add(Path file, String rel, String extension, Map<String, String> outputs) throws IOException {
    boolean warc = isWarc(rel);
    boolean archive = warc || hasExtension(rel, ".jsonl");
    String output = outputName(warc ? rel.substring(0, rel.toLowerCase(Locale.ROOT).lastIndexOf(".warc")) + ".warc" : rel,
        archive ? "jsonl" : extension);
    String clash = outputs.putIfAbsent(output, rel);
    if (clash != null) {
      throw new IllegalArgumentException(
          clash + " and " + rel + " would both be written to " + output + "; rename one or give them in separate batches");
    }
    if (archive) {
      int lines = warc ? countRecords(file, rel) : countLines(file);
      units.add(new Doc.Archive(file, rel, output, lines));
      total += lines;
    } else {
      units.add(new Doc.File(total, file, rel, output));
      total++;
    }
  }

  /** {@code sub/a01.txt} to {@code sub/a01.en.json}. */
  static String outputName(String rel, String extension) {
    int slash = rel.lastIndexOf('/');
    int dot = rel.lastIndexOf('.');
    String stem = dot > slash + 1 ? rel.substring(0, dot) : rel;
    return stem + ".en." + extension;
  }

  int total() {
    return total;
  }

  /** WARC records that are not documents, by why (request, metadata, not HTML, ...), counted when found. */
  Map<WarcRecords.Skip, Long> skippedRecords() {
    return skippedRecords;
  }

  /** How many times reading a WARC file resumed at a later record after a broken one, counted when found. */
  long resyncs() {
    return resyncs;
  }

  /** {@code .warc} and {@code .warc.gz} files are web archives. */
  static boolean isWarc(String rel) {
    return hasExtension(rel, ".warc", ".warc.gz");
  }

  /** Pages and broken records of a WARC file (the documents), counting the other records by why they are skipped. */
  private int countRecords(Path file, String rel) throws IOException {
    int n = 0;
    WarcRecords.Tally tally = new WarcRecords.Tally() {
      @Override
      public void skipped(WarcRecords.Skip why) {
        skippedRecords.merge(why, 1L, Long::sum);
      }

      @Override
      public void resynced() {
        resyncs++;
      }
    };
    try (WarcRecords r = WarcRecords.open(file, rel, tally)) {
      for (; r.hasNext(); r.next()) {
        n++;
      }
    }
    return n;
  }

  List<Doc.Archive> archives() {
    return units.stream().filter(u -> u instanceof Doc.Archive).map(u -> (Doc.Archive) u).toList();
  }

  /** The documents in order; archive lines are read as they are reached. */
  Iterator<Doc> documents() {
    return new Iterator<>() {
      private int unit;
      private int index;
      private Doc next;
      private Doc.Archive archive;
      private BufferedReader reader;
      private WarcRecords records;
      private int line;
      private int lineNo;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = advance();
        }
        return next != null;
      }

      @Override
      public Doc next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Doc d = next;
        next = null;
        return d;
      }

      private Doc advance() {
        try {
          while (true) {
            if (reader != null) {
              String s;
              while ((s = reader.readLine()) != null) {
                lineNo++;
                if (!s.isBlank() && line < archive.lines()) {
                  return new Doc.Line(index++, archive, line++, lineNo, s);
                }
              }
              reader.close();
              reader = null;
              index += archive.lines() - line; // an archive that shrank since it was counted
            }
            if (archive != null && archive.urls() && line < archive.lines()) {
              return new Doc.Url(index++, archive, line, archive.items().get(line++));
            }
            if (records != null) {
              if (records.hasNext() && line < archive.lines()) {
                return new Doc.Record(index++, archive, line++, records.next());
              }
              records.close();
              records = null;
              index += archive.lines() - line;
            }
            if (unit >= units.size()) {
              return null;
            }
            Object u = units.get(unit++);
            if (u instanceof Doc.File f) {
              index++;
              return f;
            }
            archive = (Doc.Archive) u;
            if (archive.urls()) {
              // its items are in memory: taken one by one above
            } else if (archive.warc()) {
              records = WarcRecords.open(archive.file(), archive.name(), WarcRecords.Tally.NONE);
            } else {
              reader = Files.newBufferedReader(archive.file(), StandardCharsets.UTF_8);
            }
            line = 0;
            lineNo = 0;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(archive.name() + ": " + e.getMessage(), e);
        }
      }
    };
  }

  private static int countLines(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int n = 0;
      String s;
      while ((s = r.readLine()) != null) {
        if (!s.isBlank()) {
          n++;
        }
      }
      return n;
    }
  }

  private static boolean hidden(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasExtension(String rel, String... exts) {
    String lower = rel.toLowerCase(Locale.ROOT);
    for (String e : exts) {
      if (lower.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  private static String slashes(Path rel) {
    return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
  }
}

package arabrief.batch;

import java.nio.file.Path;

/**
 * One document of a batch, numbered in input order: a file, one line of a JSONL archive, one WARC record, or one
 * URL (of a URL list, a feed or a sitemap).
 */
sealed interface Doc {
  /** Position in the whole batch; windows of documents are cut on it, so they do not depend on what is skipped. */
  int index();

  /** How the report and stderr name the document. */
  String name();

  /** A file whose translation goes to {@code output} (relative to the output directory). */
  record File(int index, Path file, String name, String output) implements Doc {}

  /** Line {@code line} (0-based, blank lines not counted) of an archive, at {@code lineNo} (1-based) in its file. */
  record Line(int index, Archive archive, int line, int lineNo, String json) implements Doc {
    @Override
    public String name() {
      return archive.name() + ":" + lineNo;
    }
  }

  /**
   * Record {@code item.ordinal()} (0-based, every record counted) of a WARC file, the {@code line}-th (0-based)
   * of its records that are pages or broken, each of which has a line in the archive's JSONL output.
   */
  record Record(int index, Archive archive, int line, WarcRecords.Item item) implements Doc {
    @Override
    public String name() {
      return archive.name() + "#" + item.ordinal();
    }
  }

  /** Entry {@code line} (0-based) of a URL list, a feed or a sitemap: a page to fetch. */
  record Url(int index, Archive archive, int line, arabrief.fetch.FeedItem item) implements Doc {
    @Override
    public String name() {
      return item.url();
    }
  }

  /**
   * A JSONL archive: one article per non-blank line, translated into one JSONL output. Or the URLs of a list file,
   * a feed or a sitemap ({@code items} set; {@code file} null for a URL), one output line per URL.
   */
  record Archive(Path file, String name, String output, int lines, java.util.List<arabrief.fetch.FeedItem> items) {
    Archive(Path file, String name, String output, int lines) {
      this(file, name, output, lines, null);
    }

    /** Pages to fetch rather than lines or records to read. */
    boolean urls() {
      return items != null;
    }

    /** A WARC file rather than JSONL: its records are the documents, its output one line per article. */
    boolean warc() {
      return !urls() && Discovery.isWarc(name);
    }
  }
}

package arabrief.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WARC reader on files written with jwarc's writer and then damaged the ways real files are: a gzip
 * member corrupted or cut short in the middle, a lying Content-Length, garbage between records, a broken
 * first record. Every other record must be read, in order; each broken one is one failed document with its
 * byte offset; each time reading resumes is counted.
 */
class WarcRecordsTest {
  @TempDir Path tmp;

  /** A file being built: its records' bytes, and the offset and URL of each. */
  private static final class File {
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Long> offsets = new ArrayList<>();
    final List<String> urls = new ArrayList<>();

    long add(byte[] record, String url) {
      long at = bytes.size();
      bytes.writeBytes(record);
      offsets.add(at);
      urls.add(url);
      return at;
    }
  }

  /** What reading a file gave. */
  private record Read(List<WarcRecords.Item> items, Map<WarcRecords.Skip, Long> skipped, int resyncs) {
    List<String> pages() {
      return items.stream().filter(WarcRecords.Item::isPage).map(WarcRecords.Item::url).toList();
    }

    List<WarcRecords.Item> broken() {
      return items.stream().filter(i -> !i.isPage()).toList();
    }
  }

  private static String url(int i) {
    return "https://news.example/p/" + i;
  }

  private static byte[] page(int i, boolean gz) throws IOException {
    var r = WarcFixture.response(url(i), 200, "text/html; charset=utf-8",
        WarcFixture.html(Corpus.article(7, i), null).getBytes(StandardCharsets.UTF_8));
    return gz ? WarcFixture.gz(r) : WarcFixture.plain(r);
  }

  private static byte[] request(int i, boolean gz) throws IOException {
    var r = WarcFixture.request(url(i));
    return gz ? WarcFixture.gz(r) : WarcFixture.plain(r);
  }

  private Read read(File f, String name) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, f.bytes.toByteArray());
    return read(p);
  }

  static Read read(Path p) throws IOException {
    Map<WarcRecords.Skip, Long> skipped = new EnumMap<>(WarcRecords.Skip.class);
    int[] resyncs = {0};
    WarcRecords.Tally tally = new WarcRecords.Tally() {
      @Override
      public void skipped(WarcRecords.Skip why) {
        skipped.merge(why, 1L, Long::sum);
      }

      @Override
      public void resynced() {
        resyncs[0]++;
      }
    };
    List<WarcRecords.Item> items = new ArrayList<>();
    try (WarcRecords r = WarcRecords.open(p, p.getFileName().toString(), tally)) {
      r.forEachRemaining(items::add);
    }
    return new Read(items, skipped, resyncs[0]);
  }

  private static List<String> pagesExcept(int n, int... broken) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      final int k = i;
      if (Arrays.stream(broken).noneMatch(b -> b == k)) {
        out.add(url(i));
      }
    }
    return out;
  }

  /** Ten pages, each after its request; {@code damage} may replace page {@code i}'s bytes. */
  private static File tenPages(boolean gz, java.util.function.IntFunction<byte[]> damage) throws IOException {
    File f = new File();
    for (int i = 0; i < 10; i++) {
      f.add(request(i, gz), null);
      byte[] d = damage.apply(i);
      f.add(d != null ? d : page(i, gz), url(i));
    }
    return f;
  }

  private static void assertBroken(WarcRecords.Item item, long offset, String url, String reason, boolean resumed) {
    assertEquals(offset, item.offset(), item.toString());
    assertEquals(url, item.url(), item.toString());
    assertTrue(item.error().startsWith("broken WARC record at byte " + offset + " (" + reason), item.error());
    assertTrue(item.error().contains(resumed ? "; reading resumed at the next record, at byte " : "; no readable record follows it"),
        item.error());
  }

  @Test
  void aGzipMemberCorruptedInTheMiddleIsOneBrokenRecordAndEveryOtherRecordIsRead() throws IOException {
    File f = tenPages(true, i -> i == 4 ? uncheckedCorrupt(i) : null);
    Read r = read(f, "crawl.warc.gz");
    assertEquals(pagesExcept(10, 4), r.pages());
    assertEquals(1, r.broken().size());
    assertBroken(r.broken().get(0), f.offsets.get(9), url(4), "corrupt gzip", true);
    assertTrue(r.broken().get(0).error().endsWith("at byte " + f.offsets.get(10)), r.broken().get(0).error());
    assertEquals(1, r.resyncs());
    assertEquals(Map.of(WarcRecords.Skip.REQUEST, 10L), r.skipped());
    // the broken record sits between its neighbours, numbered as a record
    assertEquals(9, r.broken().get(0).ordinal());
    assertEquals(url(3), r.items().get(3).url());
    assertEquals(url(5), r.items().get(5).url());
    assertEquals(11, r.items().get(5).ordinal());
  }

  private static byte[] uncheckedCorrupt(int i) {
    try {
      return WarcFixture.corrupt(page(i, true));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aTruncatedGzipMemberInTheMiddleIsOneBrokenRecord() throws IOException {
    File f = tenPages(true, i -> {
      try {
        return i == 6 ? Arrays.copyOf(page(i, true), page(i, true).length - 40) : null;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Read r = read(f, "crawl.warc.gz");
    assertEquals(pagesExcept(10, 6), r.pages());
    assertEquals(1, r.broken().size());
    assertBroken(r.broken().get(0), f.offsets.get(13), url(6), "", true);
    assertEquals(1, r.resyncs());
  }

  @Test
  void aTruncatedLastMemberIsBrokenAndNothingIsResumed() throws IOException {
    File f = tenPages(true, i -> null);
    byte[] last = page(10, true);
    f.add(Arrays.copyOf(last, last.length - 30), url(10));
    Read r = read(f, "crawl.warc.gz");
    assertEquals(pagesExcept(10), r.pages());
    assertEquals(1, r.broken().size());
    assertBroken(r.broken().get(0), f.offsets.get(20), url(10), "truncated", false);
    assertEquals(0, r.resyncs());
  }

  @Test
  void aLyingContentLengthInAGzipMemberBreaksOnlyItsRecord() throws IOException {
    File f = tenPages(true, i -> {
      try {
        // 3: the length says less than the block holds; 6: more (the member ends first)
        return i == 3 ? WarcFixture.gzip(WarcFixture.lie(page(i, false), -100))
            : i == 6 ? WarcFixture.gzip(WarcFixture.lie(page(i, false), 100)) : null;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Read r = read(f, "crawl.warc.gz");
    assertEquals(pagesExcept(10, 3, 6), r.pages());
    assertEquals(2, r.broken().size());
    assertBroken(r.broken().get(0), f.offsets.get(7), url(3), "its Content-Length does not match", true);
    assertBroken(r.broken().get(1), f.offsets.get(13), url(6), "truncated", true);
    assertEquals(2, r.resyncs());
  }

  @Test
  void aLyingContentLengthInAPlainFileBreaksOnlyItsRecord() throws IOException {
    File f = tenPages(false, i -> {
      try {
        // 3: short by 100 bytes; 6: long by 100 bytes, swallowing the start of the next record's header
        return i == 3 ? WarcFixture.lie(page(i, false), -100) : i == 6 ? WarcFixture.lie(page(i, false), 100) : null;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    Read r = read(f, "crawl.warc");
    assertEquals(pagesExcept(10, 3, 6), r.pages());
    assertEquals(2, r.broken().size());
    assertBroken(r.broken().get(0), f.offsets.get(7), url(3), "its Content-Length does not match", true);
    assertBroken(r.broken().get(1), f.offsets.get(13), url(6), "its Content-Length does not match", true);
    assertTrue(r.broken().get(1).error().endsWith("at byte " + f.offsets.get(14)), "resumed at the swallowed request");
    assertEquals(Map.of(WarcRecords.Skip.REQUEST, 10L), r.skipped());
    assertEquals(2, r.resyncs());
  }

  @Test
  void aBrokenRecordOfAKindThatIsSkippedIsCountedAsBrokenOnly() throws IOException {
    File f = new File();
    f.add(page(0, false), url(0));
    f.add(WarcFixture.lie(request(1, false), -20), url(1));
    f.add(page(2, false), url(2));
    Read r = read(f, "crawl.warc");
    assertEquals(List.of(url(0), url(2)), r.pages());
    assertBroken(r.broken().get(0), f.offsets.get(1), url(1), "its Content-Length does not match", true);
    assertEquals(Map.of(), r.skipped(), "not also a skipped request");
  }

  /** Bytes that are no record, with what looks like the start of one in them (a gzip magic, a WARC version line). */
  private static byte[] garbage() {
    byte[] g = new byte[3000];
    new java.util.Random(11).nextBytes(g);
    byte[] fake = "\r\nWARC/1.0\r\nX-Note: a header line, but not a record's\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(fake, 0, g, 1000, fake.length);
    g[2000] = 0x1f;
    g[2001] = (byte) 0x8b;
    g[2002] = 8;
    g[2003] = 0;
    return g;
  }

  @Test
  void garbageBetweenGzipMembersIsOneBrokenStretch() throws IOException {
    File f = new File();
    for (int i = 0; i < 6; i++) {
      if (i == 3) {
        f.add(garbage(), null);
      }
      f.add(page(i, true), url(i));
    }
    Read r = read(f, "crawl.warc.gz");
    assertEquals(pagesExcept(6), r.pages());
    assertEquals(1, r.broken().size());
    assertBroken(r.broken().get(0), f.offsets.get(3), null, "not the start of a gzip member", true);
    assertTrue(r.broken().get(0).error().endsWith("at byte " + f.offsets.get(4)), r.broken().get(0).error());
    assertEquals(1, r.resyncs());
  }

  @Test
  void garbageBetweenPlainRecordsIsOneBrokenStretch() throws IOException {
    File f = new File();
    for (int i = 0; i < 6; i++) {
      if (i == 3) {
        f.add(garbage(), null);
      }
      f.add(page(i, false), url(i));
    }
    Read r = read(f, "crawl.warc");
    assertEquals(pagesExcept(6), r.pages());
    assertEquals(1, r.broken().size());
    assertBroken(r.broken().get(0), f.offsets.get(3), null, "ParsingException", true);
    assertTrue(r.broken().get(0).error().endsWith("at byte " + f.offsets.get(4)), r.broken().get(0).error());
    assertEquals(1, r.resyncs());
  }

  @Test
  void aFileWhoseFirstRecordIsBrokenIsReadPastIt() throws IOException {
    // gzip: the first member's magic is gone, so the file is known for gzip by its name alone
    File gz = tenPages(true, i -> null);
    byte[] b = gz.bytes.toByteArray();
    b[0] = 0;
    b[1] = 0;
    gz.bytes.reset();
    gz.bytes.writeBytes(b);
    Read r = read(gz, "crawl.warc.gz");
    assertEquals(pagesExcept(10), r.pages());
    assertEquals(1, r.broken().size());
    assertBroken(r.broken().get(0), 0, null, "not the start of a gzip member", true);
    assertEquals(Map.of(WarcRecords.Skip.REQUEST, 9L), r.skipped(), "the first request is the broken record");

    // plain: the first record's version line is damaged, and its first page's member corrupt in a gzip file
    File plain = tenPages(false, i -> null);
    b = plain.bytes.toByteArray();
    b[0] = 'X';
    plain.bytes.reset();
    plain.bytes.writeBytes(b);
    r = read(plain, "crawl.warc");
    assertEquals(pagesExcept(10), r.pages());
    assertBroken(r.broken().get(0), 0, null, "ParsingException", true);

    File first = new File();
    first.add(WarcFixture.corrupt(page(0, true)), url(0));
    for (int i = 1; i < 4; i++) {
      first.add(page(i, true), url(i));
    }
    r = read(first, "first.warc.gz");
    assertEquals(pagesExcept(4, 0), r.pages());
    assertBroken(r.broken().get(0), 0, url(0), "corrupt gzip", true);
    assertEquals(1, r.resyncs());
  }

  @Test
  void anHttpMessageThatCannotBeReadFailsItsRecordAloneWithoutAResync() throws IOException {
    File f = new File();
    f.add(page(0, true), url(0));
    var bad = new org.netpreserve.jwarc.WarcResponse.Builder(java.net.URI.create(url(1)))
        .body(org.netpreserve.jwarc.MediaType.HTTP_RESPONSE, "NOT HTTP AT ALL\0\0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))
        .build();
    f.add(WarcFixture.gz(bad), url(1));
    f.add(page(2, true), url(2));
    Read r = read(f, "crawl.warc.gz");
    assertEquals(List.of(url(0), url(2)), r.pages());
    assertEquals(1, r.broken().size());
    WarcRecords.Item i = r.broken().get(0);
    assertEquals(url(1), i.url());
    assertEquals(f.offsets.get(1), i.offset());
    assertTrue(i.error().startsWith("WARC record at byte " + f.offsets.get(1) + " cannot be read ("), i.error());
    assertEquals(0, r.resyncs());
  }

  @Test
  void aFileOfGarbageIsOneBrokenStretchAndAnEmptyFileHasNothing() throws IOException {
    Path empty = tmp.resolve("empty.warc.gz");
    Files.write(empty, new byte[0]);
    assertEquals(List.of(), read(empty).items());
    File f = new File();
    f.add(garbage(), null);
    Read r = read(f, "noise.warc");
    assertEquals(1, r.items().size());
    assertBroken(r.items().get(0), 0, null, "", false);
    assertNull(r.items().get(0).payload());
  }

  /**
   * The reader streams: a file with a 96 MB record to skip and a 48 MB stretch of garbage to search through
   * (both compressible, so the file stays small) is read in a JVM whose heap is 32 MB.
   */
  @Test
  void aHugeRecordAndAHugeBrokenStretchAreReadInASmallHeap() throws Exception {
    Path big = tmp.resolve("big.warc.gz");
    File f = new File();
    f.add(page(0, true), url(0));
    var image = WarcFixture.response("https://news.example/huge.bin", 200, "application/octet-stream", new byte[96 << 20]);
    f.add(WarcFixture.gz(image), null);
    f.add(WarcFixture.gzip(new byte[48 << 20]), null); // a valid member, but no WARC record in it
    f.add(page(1, true), url(1));
    Files.write(big, f.bytes.toByteArray());
    assertTrue(Files.size(big) < (2 << 20), "compressible: " + Files.size(big));

    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
        "-cp", System.getProperty("java.class.path"), SmallHeap.class.getName(), big.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertEquals(List.of("page " + url(0), "broken " + f.offsets.get(2), "page " + url(1), "skipped {NOT_HTML=1}", "resyncs 1"),
        out.lines().toList());
  }

  /** Reads a WARC file and prints what it holds, for {@link #aHugeRecordAndAHugeBrokenStretchAreReadInASmallHeap}. */
  public static final class SmallHeap {
    public static void main(String[] args) throws IOException {
      Read r = read(Path.of(args[0]));
      for (WarcRecords.Item i : r.items()) {
        System.out.println(i.isPage() ? "page " + i.url() : "broken " + i.offset());
      }
      System.out.println("skipped " + r.skipped());
      System.out.println("resyncs " + r.resyncs());
    }
  }
}

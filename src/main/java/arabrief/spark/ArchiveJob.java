package arabrief.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.when;

import arabrief.batch.BatchConfig;
import arabrief.batch.WarcRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import arabrief.mt.Translator;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * An archive of Arabic articles to English briefs as a Spark job: one output row per article, the same
 * content {@code arabrief batch} writes for it. Retries, speculation and the all-or-nothing output are
 * Spark's own (the output committer publishes the directory only when the whole job succeeded).
 */
@Command(
    name = "ArchiveJob",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Translate an archive of Arabic articles into English briefs on Spark.",
      "",
      "text and html inputs are files read whole (one article per file, any encoding the CLI reads; HTML is"
          + " recognized by its content), directories searched recursively; jsonl and parquet take the article"
          + " from --text-field and the id from --id-field. One output row per article: id, source, headline,"
          + " dateline, caption, byline, paragraphs, summary, summary_source, dropped, error (null unless the document failed).",
      "",
      "warc reads .warc and .warc.gz files (a file, or every one under a directory), one task per file: each"
          + " response or resource record holding an Arabic HTML article gives a row with source (the file), url,"
          + " warc_record_id and warc_date instead of id, as `arabrief batch` writes it; the other records (requests,"
          + " metadata, non-HTML, non-2xx, not Arabic, not an article) are counted and reported, not written.",
      ""
    })
public final class ArchiveJob implements Callable<Integer> {
  /** Output row: the input's id and path, then the brief's fields. */
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .merge(BriefRow.BRIEF, false);

  @Option(names = "--input", required = true, paramLabel = "PATH", description = "Input file or directory (any Hadoop path).")
  String input;

  @Option(names = "--output", required = true, paramLabel = "PATH", description = "Output directory; must not exist.")
  String output;

  @Option(names = "--model", paramLabel = "DIR|NAME", description = "Model directory seen by every node, a directory"
      + " shipped with --files/--archives (its name), or an installed name. Default: ${DEFAULT-VALUE}.",
      defaultValue = BriefSettings.DEFAULT_MODEL)
  String model;

  @Option(names = "--input-format", paramLabel = "F", description = "text, html, jsonl, parquet or warc. Default: ${DEFAULT-VALUE}.",
      defaultValue = "text")
  String inputFormat;

  @Option(names = "--text-field", paramLabel = "F", description = "Column holding the article (jsonl, parquet). Default: ${DEFAULT-VALUE}.",
      defaultValue = "text")
  String textField;

  @Option(names = "--id-field", paramLabel = "F", description = "Column holding the id (jsonl, parquet). Default: ${DEFAULT-VALUE}.",
      defaultValue = "id")
  String idField;

  @Option(names = "--output-format", paramLabel = "F", description = "jsonl or parquet. Default: ${DEFAULT-VALUE}.",
      defaultValue = "jsonl")
  String outputFormat;

  @Option(names = "--beams", paramLabel = "N", description = "Beam size (1 = greedy). Default: the model's num_beams.")
  Integer beams;

  @Option(names = "--compute-type", paramLabel = "T", description = "float32 (exact), int8, bfloat16 or auto, as for"
      + " translate. Default: ${DEFAULT-VALUE}.", defaultValue = "float32")
  String computeType;

  @Option(names = "--summary-sentences", paramLabel = "N", description = "Sentences in each summary. Default: ${DEFAULT-VALUE}.",
      defaultValue = "3")
  int summarySentences;

  @Option(names = "--max-new-tokens", paramLabel = "N", description = "Most tokens generated per sentence. Default: the model's max_length.")
  Integer maxNewTokens;

  @Option(names = "--batch-size", paramLabel = "N", description = "Most sentences per model batch. Default: ${DEFAULT-VALUE}.",
      defaultValue = "" + Translator.DEFAULT_BATCH_SIZE)
  int batchSize;

  @Option(names = "--window", paramLabel = "N", description = "Documents whose sentences share one model call. Default: ${DEFAULT-VALUE}.",
      defaultValue = "" + BatchConfig.DEFAULT_WINDOW)
  int window;

  @Option(names = "--partitions", paramLabel = "N", description = "Spread the articles over N tasks (Spark packs small"
      + " files into few partitions; a cluster wants at least one per executor core; WARC files are read one task per"
      + " file, and N spreads their pages over the translation tasks). Default: as read.")
  Integer partitions;

  /** A test hook for Spark's retries: the first attempt of this partition fails. */
  @Option(names = "--fail-first-attempt-of-partition", hidden = true, defaultValue = "-1")
  int faultPartition;

  private SparkSession spark;
  private long modelLoads;
  private Map<String, Long> skippedRecords;
  private long warcResyncs;

  ArchiveJob() {}

  ArchiveJob(SparkSession spark) {
    this.spark = spark;
  }

  public static void main(String[] args) {
    int code = run(null, args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the job on {@code spark} (null: the session spark-submit configured); returns the exit code. */
  static int run(SparkSession spark, String[] args) {
    return execute(new ArchiveJob(spark), args);
  }

  /** Parses {@code args} into {@code job} and runs it; the job keeps its figures ({@link #modelLoads}). */
  static int execute(ArchiveJob job, String[] args) {
    CommandLine cl = new CommandLine(job);
    cl.setExecutionExceptionHandler((e, c, p) -> {
      c.getErr().println("ArchiveJob: " + e.getMessage());
      return e instanceof IllegalArgumentException ? 2 : 1;
    });
    return cl.execute(args);
  }

  /** The WARC records the last {@link #call} skipped, by why (null unless the input was WARC). */
  Map<String, Long> skippedRecords() {
    return skippedRecords;
  }

  /** How many times reading a WARC file resumed at a later record after a broken one in the last {@link #call}. */
  long warcResyncs() {
    return warcResyncs;
  }

  /** How many times the model was loaded by the last {@link #call} (once per executor JVM that ran a task). */
  long modelLoads() {
    return modelLoads;
  }

  @Override
  public Integer call() {
    if (!List.of("text", "html", "jsonl", "parquet", "warc").contains(inputFormat)) {
      throw new IllegalArgumentException("--input-format is text, html, jsonl, parquet or warc, not '" + inputFormat + "'");
    }
    if (!List.of("jsonl", "parquet").contains(outputFormat)) {
      throw new IllegalArgumentException("--output-format is jsonl or parquet, not '" + outputFormat + "'");
    }
    if (partitions != null && partitions < 1) {
      throw new IllegalArgumentException("--partitions must be at least 1, got " + partitions);
    }
    SparkSession s = spark != null ? spark : SparkSession.builder().appName("arabrief ArchiveJob").getOrCreate();
    LongAccumulator loads = s.sparkContext().longAccumulator("arabrief model loads");
    BriefSettings settings =
        new BriefSettings(model, beams, maxNewTokens, batchSize, summarySentences, window, loads, faultPartition, computeType);
    long t0 = System.nanoTime();
    JobRetries retries = new JobRetries();
    s.sparkContext().addSparkListener(retries);
    boolean warc = inputFormat.equals("warc");
    WarcSource.Counters counters = warc ? new WarcSource.Counters(s) : null;
    Dataset<Row> sources;
    try {
      sources = warc ? WarcSource.read(s, input, counters) : sources(s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + input + ": " + e.getMessage(), e);
    }
    if (partitions != null) {
      sources = sources.repartition(partitions);
    }
    Dataset<Row> briefs = warc
        ? sources.mapPartitions(warcBriefs(settings, counters.pages), Encoders.row(WarcSource.SCHEMA))
        : sources.mapPartitions(briefs(settings), Encoders.row(SCHEMA));
    var writer = briefs.write().mode(SaveMode.ErrorIfExists);
    try {
      if (outputFormat.equals("parquet")) {
        writer.parquet(output);
      } else {
        writer.json(output);
      }
    } finally {
      s.sparkContext().removeSparkListener(retries);
    }
    modelLoads = loads.value();
    if (warc) {
      StringBuilder sb = new StringBuilder();
      skippedRecords = new java.util.TreeMap<>();
      for (WarcRecords.Skip k : WarcRecords.Skip.values()) {
        long n = counters.skipped(k);
        skippedRecords.put(k.key, n);
        if (n > 0) {
          sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(k.key);
        }
      }
      warcResyncs = counters.resyncs();
      new PrintWriter(System.err, true).println("ArchiveJob: records skipped: " + (sb.length() == 0 ? "none" : sb)
          + (warcResyncs > 0 ? "; reading resumed after " + warcResyncs + " broken record(s)" : ""));
    }
    new PrintWriter(System.err, true).printf("ArchiveJob: wrote %s (%s) in %.1f s; model loaded %d time(s)%s%n",
        output, outputFormat, (System.nanoTime() - t0) / 1e9, modelLoads, retries.summary());
    return 0;
  }

  /**
   * The partition function for WARC source rows ({@link WarcSource#SOURCE}): pages that are articles to output
   * rows, broken records to error rows; pages that are not articles are counted and left out.
   */
  static MapPartitionsFunction<Row, Row> warcBriefs(BriefSettings settings, Map<WarcRecords.Skip, LongAccumulator> skipped) {
    return rows -> PartitionBriefs.map(rows, settings,
        r -> new PartitionBriefs.Source(r.getString(2), r.getString(1), (byte[]) r.get(4), r.getString(6), true, r.getString(5)),
        (r, result) -> {
          if (result.skipped() != null) {
            skipped.get(result.skipped()).add(1);
            return null;
          }
          return BriefRow.row(Arrays.asList(r.getString(0), r.getString(1), r.getString(2), r.getString(3)), result);
        });
  }

  /** The partition function: source rows (id, source, bytes, error) to output rows. */
  static MapPartitionsFunction<Row, Row> briefs(BriefSettings settings) {
    return rows -> PartitionBriefs.map(rows, settings,
        r -> new PartitionBriefs.Source(r.getString(0), r.getString(1), (byte[]) r.get(2), r.getString(3)),
        (r, result) -> BriefRow.row(Arrays.asList(r.getString(0), r.getString(1)), result));
  }

  /** The input as rows of (id, source, bytes, error): the article's bytes, or why a row has none. */
  private Dataset<Row> sources(SparkSession s) {
    Column noError = lit(null).cast(DataTypes.StringType);
    if (inputFormat.equals("text") || inputFormat.equals("html")) {
      Dataset<Row> files = s.read().format("binaryFile").option("recursiveFileLookup", "true").load(input);
      return files.select(element_at(split(col("path"), "/"), -1).as("id"), col("path").as("source"),
          col("content").as("bytes"), noError.as("error"));
    }
    Dataset<Row> table = inputFormat.equals("jsonl")
        ? s.read().option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt_record").json(input)
        : s.read().parquet(input);
    List<String> columns = Arrays.asList(table.columns());
    Column id = columns.contains(idField) ? col(idField).cast(DataTypes.StringType) : noError;
    Column text = columns.contains(textField) ? col(textField).cast(DataTypes.StringType) : noError;
    Column error = when(text.isNull(), lit("no \"" + textField + "\" string field with the article"));
    if (columns.contains("_corrupt_record")) {
      error = when(col("_corrupt_record").isNotNull(), lit("not valid JSON")).otherwise(error);
    }
    return table.select(id.as("id"), input_file_name().as("source"), encode(text, "UTF-8").as("bytes"), error.as("error"));
  }
}

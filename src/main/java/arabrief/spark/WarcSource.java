package arabrief.spark;

import arabrief.article.BadInputException;
import arabrief.batch.WarcRecords;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;

/**
 * WARC files as source rows for the job: one task per file (a gzip member cannot be split in the middle, and
 * a record's place is only known by reading up to it), the records read as {@code arabrief batch} reads them
 * ({@link WarcRecords}). Pages and broken records become rows; the other records are counted, by why, and the
 * resynchronisations after broken records, in {@link Counters}.
 */
final class WarcSource {
  /** Source rows: the file, the record's URL, id and date, its payload and HTTP charset, or why it is broken. */
  static final StructType SOURCE = new StructType()
      .add("source", DataTypes.StringType)
      .add("url", DataTypes.StringType)
      .add("warc_record_id", DataTypes.StringType)
      .add("warc_date", DataTypes.StringType)
      .add("bytes", DataTypes.BinaryType)
      .add("charset", DataTypes.StringType)
      .add("error", DataTypes.StringType);

  /** Output rows: the file and the record's URL, id and date, then the brief's fields (as batch's WARC lines). */
  static final StructType SCHEMA = new StructType()
      .add("source", DataTypes.StringType)
      .add("url", DataTypes.StringType)
      .add("warc_record_id", DataTypes.StringType)
      .add("warc_date", DataTypes.StringType)
      .merge(BriefRow.BRIEF, false);

  private WarcSource() {}

  /**
   * The job's WARC counters, registered on its session: what reading each file skipped and how often it
   * resynchronised ({@link WarcCounts}, exact however often Spark re-reads a file), and the pages the
   * translation tasks found not to be articles (result-stage tasks, whose updates Spark applies once).
   */
  static final class Counters implements java.io.Serializable {
    final WarcCounts files = new WarcCounts();
    final Map<WarcRecords.Skip, LongAccumulator> pages = new EnumMap<>(WarcRecords.Skip.class);

    Counters(SparkSession s) {
      s.sparkContext().register(files, "arabrief WARC records skipped and resyncs");
      for (BadInputException.Kind k : BadInputException.Kind.values()) {
        WarcRecords.Skip why = WarcRecords.Skip.of(k);
        pages.put(why, s.sparkContext().longAccumulator("arabrief skipped " + why.key));
      }
    }

    /** Records skipped by why, over every file. */
    long skipped(WarcRecords.Skip why) {
      return files.total(why.ordinal()) + (pages.containsKey(why) ? pages.get(why).value() : 0);
    }

    /** Times reading resumed at a later record after a broken one, over every file. */
    long resyncs() {
      return files.total(WarcCounts.RESYNCS);
    }
  }

  /** The {@code .warc} and {@code .warc.gz} files at or under {@code input}, sorted. */
  static List<String> files(SparkSession s, String input) throws IOException {
    Path root = new Path(input);
    FileSystem fs = root.getFileSystem(s.sparkContext().hadoopConfiguration());
    List<String> out = new ArrayList<>();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      LocatedFileStatus f = it.next();
      String name = f.getPath().getName().toLowerCase(Locale.ROOT);
      if (f.isFile() && !name.startsWith(".") && !name.startsWith("_") && (name.endsWith(".warc") || name.endsWith(".warc.gz"))) {
        out.add(f.getPath().toString());
      }
    }
    out.sort(null);
    return out;
  }

  /** The source rows of every WARC file under {@code input}, one partition per file. */
  static Dataset<Row> read(SparkSession s, String input, Counters counters) throws IOException {
    List<String> files = files(s, input);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no .warc or .warc.gz files at " + input);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(s.sparkContext());
    Broadcast<SerializableConfiguration> conf = jsc.broadcast(new SerializableConfiguration(s.sparkContext().hadoopConfiguration()));
    JavaRDD<Row> rows = jsc.parallelize(files, files.size()).flatMap(records(conf, counters));
    return s.createDataFrame(rows, SOURCE);
  }

  private static FlatMapFunction<String, Row> records(Broadcast<SerializableConfiguration> conf, Counters counters) {
    return file -> {
      Path p = new Path(file);
      WarcCounts.FileTally tally = new WarcCounts.FileTally();
      WarcRecords records = new WarcRecords(HadoopChannel.open(p.getFileSystem(conf.value().value()), p), p.getName(), tally);
      return new Iterator<Row>() {
        private boolean finished;

        @Override
        public boolean hasNext() {
          if (records.hasNext()) {
            return true;
          }
          if (!finished) {
            finished = true;
            tally.finish(counters.files, file);
            try {
              records.close();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
          return false;
        }

        @Override
        public Row next() {
          WarcRecords.Item i = records.next();
          return RowFactory.create(file, i.url(), i.recordId(), i.date(), i.payload(), i.charset(), i.error());
        }
      };
    };
  }
}

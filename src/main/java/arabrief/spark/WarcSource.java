package arabrief.spark;

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
 * ({@link WarcRecords}). Pages and broken records become rows; the other records are counted, by why, in
 * accumulators (a retried task counts its records again: the counts are a report, not an exact figure).
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
   * The job's WARC counters, registered on its session: records skipped, by why, and resynchronisations
   * (reading resumed at a later record after a broken one). A retried task counts its records again.
   */
  static final class Counters implements java.io.Serializable {
    final Map<WarcRecords.Skip, LongAccumulator> skipped = new EnumMap<>(WarcRecords.Skip.class);
    final LongAccumulator resyncs;

    Counters(SparkSession s) {
      for (WarcRecords.Skip k : WarcRecords.Skip.values()) {
        skipped.put(k, s.sparkContext().longAccumulator("arabrief skipped " + k.key));
      }
      resyncs = s.sparkContext().longAccumulator("arabrief WARC resyncs");
    }

    WarcRecords.Tally tally() {
      return new WarcRecords.Tally() {
        @Override
        public void skipped(WarcRecords.Skip why) {
          skipped.get(why).add(1);
        }

        @Override
        public void resynced() {
          resyncs.add(1);
        }
      };
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
      WarcRecords records = new WarcRecords(HadoopChannel.open(p.getFileSystem(conf.value().value()), p), p.getName(), counters.tally());
      return new Iterator<Row>() {
        @Override
        public boolean hasNext() {
          if (records.hasNext()) {
            return true;
          }
          try {
            records.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
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

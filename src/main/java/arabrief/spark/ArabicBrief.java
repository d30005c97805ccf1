package arabrief.spark;

import arabrief.batch.BatchConfig;
import arabrief.mt.Translator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * arabrief as a Spark ML stage: a string column of Arabic articles in, a struct column of English briefs
 * out (headline, dateline, caption, byline, paragraphs, summary, summary_source, dropped, error), for a {@code Pipeline} next to
 * other stages. The same partition code as {@link ArchiveJob}, so a row's brief is what the job writes.
 */
public final class ArabicBrief extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> outputCol;
  private final Param<String> model;
  private final IntParam beams;
  private final IntParam maxNewTokens;
  private final IntParam summarySentences;
  private final IntParam batchSize;
  private final Param<String> computeType;

  public ArabicBrief() {
    this(Identifiable$.MODULE$.randomUID("arabicBrief"));
  }

  /** For {@link DefaultParamsReader}, which rebuilds a saved stage by its uid. */
  public ArabicBrief(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "column with the Arabic article text");
    outputCol = new Param<>(this, "outputCol", "struct column for the English brief");
    model = new Param<>(this, "model", "model directory seen by every node, shipped directory name, or installed name");
    beams = new IntParam(this, "beams", "beam size (1 = greedy); 0 for the model's num_beams", ParamValidators.gtEq(0));
    maxNewTokens = new IntParam(this, "maxNewTokens", "most tokens per sentence; 0 for the model's max_length", ParamValidators.gtEq(0));
    summarySentences = new IntParam(this, "summarySentences", "sentences in each summary", ParamValidators.gtEq(0));
    batchSize = new IntParam(this, "batchSize", "most sentences per model batch", ParamValidators.gtEq(1));
    computeType = new Param<>(this, "computeType", "float32 (exact), int8, bfloat16 or auto",
        ParamValidators.inArray(new String[] {"float32", "int8", "bfloat16", "auto"}));
    setDefault(inputCol, "text");
    setDefault(outputCol, "brief");
    setDefault(model, BriefSettings.DEFAULT_MODEL);
    setDefault(beams, 0);
    setDefault(maxNewTokens, 0);
    setDefault(summarySentences, 3);
    setDefault(batchSize, Translator.DEFAULT_BATCH_SIZE);
    setDefault(computeType, "float32");
  }

  public static MLReader<ArabicBrief> read() {
    return new DefaultParamsReader<>();
  }

  public static ArabicBrief load(String path) {
    return read().load(path);
  }

  @Override
  public String uid() {
    return uid;
  }

  public ArabicBrief setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public ArabicBrief setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public ArabicBrief setModel(String v) {
    set(model, v);
    return this;
  }

  public ArabicBrief setBeams(int v) {
    set(beams, v);
    return this;
  }

  public ArabicBrief setMaxNewTokens(int v) {
    set(maxNewTokens, v);
    return this;
  }

  public ArabicBrief setSummarySentences(int v) {
    set(summarySentences, v);
    return this;
  }

  public ArabicBrief setBatchSize(int v) {
    set(batchSize, v);
    return this;
  }

  public ArabicBrief setComputeType(String v) {
    set(computeType, v);
    return this;
  }

  public Param<String> computeType() {
    return computeType;
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public IntParam beams() {
    return beams;
  }

  public IntParam summarySentences() {
    return summarySentences;
  }

  // Spark finds a stage's params through its public no-argument methods returning Param: every param needs one

  public Param<String> model() {
    return model;
  }

  public IntParam maxNewTokens() {
    return maxNewTokens;
  }

  public IntParam batchSize() {
    return batchSize;
  }

  BriefSettings settings() {
    int b = (Integer) getOrDefault(beams);
    int m = (Integer) getOrDefault(maxNewTokens);
    return new BriefSettings(getOrDefault(model), b == 0 ? null : b, m == 0 ? null : m, (Integer) getOrDefault(batchSize),
        (Integer) getOrDefault(summarySentences), BatchConfig.DEFAULT_WINDOW, null, -1, getOrDefault(computeType));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String in = getOrDefault(inputCol);
    String out = getOrDefault(outputCol);
    if (!Arrays.asList(schema.fieldNames()).contains(in)) {
      throw new IllegalArgumentException("input column '" + in + "' does not exist; columns: " + String.join(", ", schema.fieldNames()));
    }
    if (!schema.apply(in).dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("input column '" + in + "' must be a string, not " + schema.apply(in).dataType().simpleString());
    }
    if (Arrays.asList(schema.fieldNames()).contains(out)) {
      throw new IllegalArgumentException("output column '" + out + "' already exists");
    }
    return schema.add(out, BriefRow.BRIEF);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType out = transformSchema(dataset.schema());
    String inName = getOrDefault(inputCol);
    int in = dataset.schema().fieldIndex(inName);
    BriefSettings s = settings();
    MapPartitionsFunction<Row, Row> f = rows -> PartitionBriefs.map(rows, s,
        r -> {
          String text = r.isNullAt(in) ? null : r.getString(in);
          return new PartitionBriefs.Source(null, null, text == null ? null : text.getBytes(StandardCharsets.UTF_8),
              text == null ? "no text in column " + inName : null);
        },
        (r, result) -> {
          List<Object> head = new ArrayList<>(r.size() + 1);
          for (int i = 0; i < r.size(); i++) {
            head.add(r.get(i));
          }
          head.add(RowFactory.create(BriefRow.values(result)));
          return RowFactory.create(head.toArray());
        });
    return dataset.toDF().mapPartitions(f, Encoders.row(out));
  }

  @Override
  public ArabicBrief copy(ParamMap extra) {
    return defaultCopy(extra);
  }
}

package arabrief.spark;

import arabrief.article.Byline;
import arabrief.article.Dateline;
import arabrief.pipeline.Brief;
import arabrief.pipeline.Segment;
import arabrief.pipeline.TranslatedParagraph;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A {@link Brief} as a Spark row, with the same names and nesting as the JSON document that
 * {@code translate} and {@code batch} write (render/JsonDocument), so the two read alike; plus
 * {@code error}, null when the document went through. A field added to the JSON goes in both places.
 */
final class BriefRow {
  private static final StructType TEXT = new StructType()
      .add("source", DataTypes.StringType)
      .add("text", DataTypes.StringType);
  private static final StructType SENTENCE = TEXT.add("score", DataTypes.DoubleType);
  private static final StructType DATELINE = TEXT
      .add("gregorian", DataTypes.StringType)
      .add("hijri", DataTypes.StringType);
  private static final StructType BYLINE = new StructType()
      .add("source", DataTypes.StringType)
      .add("place", DataTypes.StringType)
      .add("author", DataTypes.StringType);
  private static final StructType PARAGRAPH = TEXT.add("sentences", DataTypes.createArrayType(SENTENCE));

  /** The brief's own fields, in the order {@link #values} gives them. */
  static final StructType BRIEF = new StructType()
      .add("headline", TEXT)
      .add("standfirst", TEXT)
      .add("dateline", DATELINE)
      .add("caption", TEXT)
      .add("byline", BYLINE)
      .add("paragraphs", DataTypes.createArrayType(PARAGRAPH))
      .add("summary", DataTypes.createArrayType(DataTypes.StringType))
      .add("summary_source", DataTypes.createArrayType(DataTypes.StringType))
      .add("dropped", DataTypes.createArrayType(DataTypes.StringType))
      .add("error", DataTypes.StringType);

  private BriefRow() {}

  /** The {@link #BRIEF} values of a result: the brief's fields and a null error, or nulls and the error. */
  static Object[] values(PartitionBriefs.Result r) {
    Brief b = r.brief();
    if (b == null) {
      return new Object[] {null, null, null, null, null, null, null, null, null, r.error()};
    }
    return new Object[] {
      text(b.headline()),
      text(b.standfirst()),
      dateline(b.dateline()),
      text(b.caption()),
      byline(b.byline()),
      b.paragraphs().stream().map(BriefRow::paragraph).toArray(Row[]::new),
      b.summary().toArray(String[]::new),
      b.summarySource().toArray(String[]::new),
      b.dropped().toArray(String[]::new),
      null
    };
  }

  /** {@code head} followed by the {@link #BRIEF} fields of {@code r}, as one row. */
  static Row row(List<Object> head, PartitionBriefs.Result r) {
    Object[] v = values(r);
    Object[] all = new Object[head.size() + v.length];
    for (int i = 0; i < head.size(); i++) {
      all[i] = head.get(i);
    }
    System.arraycopy(v, 0, all, head.size(), v.length);
    return RowFactory.create(all);
  }

  private static Row text(Segment s) {
    return s == null ? null : RowFactory.create(s.source(), s.text());
  }

  /** Always a struct, as the JSON's byline is always an object; its parts null when absent. */
  private static Row byline(Byline by) {
    return by == null ? RowFactory.create(null, null, null) : RowFactory.create(by.source(), by.place(), by.author());
  }

  private static Row dateline(Dateline d) {
    return d == null ? null
        : RowFactory.create(d.source(), d.english(), d.gregorian() == null ? null : d.gregorian().toString(), d.hijri());
  }

  private static Row paragraph(TranslatedParagraph p) {
    Row[] sentences = p.sentences().stream().map(s -> RowFactory.create(s.source(), s.text(), s.score())).toArray(Row[]::new);
    return RowFactory.create(p.source(), p.text(), sentences);
  }
}

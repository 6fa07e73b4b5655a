package io.github.beamcassandra.pipelines.format;

import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes Beam rows (of a read's schema) as one Parquet file, with Beam's {@link ParquetIO#sink}: the
 * Avro schema and values of {@link ParquetCodec}, lists in Parquet's standard three-level form (as
 * Spark, Arrow and DuckDB write them). Parquet buffers a row group in memory before writing it, so
 * row groups are kept to {@link #ROW_GROUP_BYTES} rather than parquet-mr's 128 MiB: an unload has one
 * writer open per range it reads at once.
 */
public final class ParquetRecordWriter implements Closeable {
  /** The row group size: what one writer holds in memory at most, about. */
  public static final int ROW_GROUP_BYTES = 32 * 1024 * 1024;

  private final OutputColumns columns;
  private final Schema schema;
  private final List<Schema.Field> fields;
  private final ParquetIO.Sink sink;
  private long rows;

  /**
   * Starts a file on {@code out} (closed with the writer).
   *
   * @param name the name of the file's record type, e.g. the table's
   * @param columns the columns to write, in order, each with its CQL type; each row must have a field of
   *     each name
   * @throws IllegalArgumentException when a column name cannot be a Parquet field name (see {@link
   *     ParquetCodec#schema})
   */
  public ParquetRecordWriter(WritableByteChannel out, String name, Map<String, CqlType> columns,
      CompressionCodecName codec) throws IOException {
    this.columns = new OutputColumns(columns);
    this.schema = ParquetCodec.schema(name, columns);
    this.fields = schema.getFields();
    this.sink = ParquetIO.sink(schema)
        .withCompressionCodec(codec)
        .withRowGroupSize(ROW_GROUP_BYTES)
        .withConfiguration(Map.of(AvroWriteSupport.WRITE_OLD_LIST_STRUCTURE, "false"));
    sink.open(out);
  }

  /**
   * Writes one row.
   *
   * @throws IllegalArgumentException when the row lacks a column or holds a value not of its type
   */
  public void write(Row row) throws IOException {
    GenericData.Record record = new GenericData.Record(schema);
    for (int i = 0; i < columns.size(); i++) {
      record.put(i, ParquetCodec.toAvro(columns.value(row, i), columns.type(i), fields.get(i).schema()));
    }
    sink.write(record);
    rows++;
  }

  /** Rows written so far. */
  public long rowCount() {
    return rows;
  }

  /** Writes the last row group and the footer, and closes the channel. */
  @Override
  public void close() throws IOException {
    sink.flush();
  }
}

package io.github.beamcassandra.pipelines.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * Writes Beam rows (of a read's schema) as JSON Lines, the way DSBulk 1.10's JSON connector unloads by
 * default: one compact object per line, keys in column order, every column present (null as JSON
 * null, DSBulk's {@code serializationStrategy = ALWAYS}), values as {@link TextCodec#toJson} gives
 * them: numbers and booleans as JSON numbers and booleans, blobs as base64 strings, temporals, UUIDs,
 * addresses and durations as strings, collections and tuples as arrays, maps and UDTs as objects.
 */
public final class JsonRecordWriter implements Closeable, Flushable {
  private final Writer out;
  private final OutputColumns columns;
  private long rows;

  /**
   * @param columns the columns to write, in order (a {@code LinkedHashMap}, e.g. {@code
   *     TableSpec.types()}), each with its CQL type; each row must have a field of each name
   */
  public JsonRecordWriter(Writer out, Map<String, CqlType> columns) {
    this.out = out;
    this.columns = new OutputColumns(columns);
  }

  /**
   * Writes one row as one line.
   *
   * @throws IllegalArgumentException when the row lacks a column or holds a value not of its type
   */
  public void write(Row row) throws IOException {
    ObjectNode object = Json.NODES.objectNode();
    for (int i = 0; i < columns.size(); i++) {
      object.set(columns.names().get(i), TextCodec.toJson(columns.value(row, i), columns.type(i)));
    }
    out.write(Json.write(object));
    out.write('\n');
    rows++;
  }

  /** Rows written so far. */
  public long rowCount() {
    return rows;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

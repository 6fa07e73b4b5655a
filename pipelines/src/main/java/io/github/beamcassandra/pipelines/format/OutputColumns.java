package io.github.beamcassandra.pipelines.format;

import io.github.beamcassandra.transforms.schema.CqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;

/** The columns a writer writes, in order, found by name in each row's schema. */
final class OutputColumns {
  private final List<String> names;
  private final List<CqlType> types;
  private Schema lastSchema;
  private int[] lastIndexes;

  OutputColumns(Map<String, CqlType> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("A writer needs at least one column");
    }
    this.names = List.copyOf(columns.keySet());
    this.types = List.copyOf(columns.values());
  }

  List<String> names() {
    return names;
  }

  int size() {
    return names.size();
  }

  CqlType type(int i) {
    return types.get(i);
  }

  /** The row's value of column {@code i}. */
  Object value(Row row, int i) {
    return row.getValue(indexes(row.getSchema())[i]);
  }

  private int[] indexes(Schema schema) {
    if (schema != lastSchema) {
      List<String> missing = new ArrayList<>();
      int[] indexes = new int[names.size()];
      for (int i = 0; i < indexes.length; i++) {
        if (schema.hasField(names.get(i))) {
          indexes[i] = schema.indexOf(names.get(i));
        } else {
          missing.add(names.get(i));
        }
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("The row has no field(s) " + String.join(", ", missing)
            + "; its fields: " + String.join(", ", schema.getFieldNames()));
      }
      lastSchema = schema;
      lastIndexes = indexes;
    }
    return lastIndexes;
  }
}

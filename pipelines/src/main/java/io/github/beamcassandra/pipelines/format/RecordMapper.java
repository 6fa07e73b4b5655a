package io.github.beamcassandra.pipelines.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.beamcassandra.transforms.schema.BeamSchemas;
import io.github.beamcassandra.transforms.schema.CqlType;
import io.github.beamcassandra.transforms.schema.TableSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.schemas.logicaltypes.UuidLogicalType;
import org.apache.beam.sdk.values.Row;

/**
 * Turns the records of a file into Beam {@link Row}s for a table: one nullable field per input column
 * (the file's header, {@code --columns}, or the keys a JSON document may have), typed as a read of the
 * table gives it ({@link BeamSchemas#fieldType(CqlType)}), or with its own Beam type for an "extra"
 * input column that is not in the table (a delete flag, a TTL, a write time).
 *
 * <p>Input columns are checked when the mapper is built: a name that is neither a table column nor an
 * extra, or a name given twice, fails with an {@link IllegalArgumentException} listing them and the
 * table's columns. Table columns missing from the input are simply not in the rows.
 *
 * <p>Values are read with {@link TextCodec} (CSV), {@link TextCodec#fromJson} (JSON) or {@link
 * ParquetCodec#fromAvro} (Parquet), so DSBulk's rules hold for text: an empty string is the empty
 * string for text and ascii, zero bytes for blob, null for every other type; a null field is null. A
 * JSON key that is not an input column rejects the document; a missing key is null. A null
 * primary-key value is not checked here: the row carries it and the write transform reports it.
 *
 * <p>Each record gives a {@link MappingResult}: the row, or a {@link Rejection} naming the column and
 * the reason, with the record's source, line and text.
 */
public final class RecordMapper implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> columns;
  private final List<CqlType> types;
  private final Schema schema;

  private RecordMapper(List<String> columns, List<CqlType> types, Schema schema) {
    this.columns = List.copyOf(columns);
    this.types = List.copyOf(types);
    this.schema = schema;
  }

  /**
   * A mapper for a table.
   *
   * @param extras input columns that are not table columns, with their Beam types (of {@code STRING,
   *     INT64, INT32, INT16, BYTE, BOOLEAN, DOUBLE, FLOAT, DECIMAL, BYTES, DATETIME} and the date,
   *     time and UUID logical types); read as the CQL type of the same Beam type
   * @param inputColumns the input's column names, in file order
   * @throws IllegalArgumentException for unknown or repeated input columns, or an extra that clashes
   *     with a table column or has an unsupported type
   */
  public static RecordMapper of(TableSpec table, Map<String, FieldType> extras,
      List<String> inputColumns) {
    return of(table.types(), extras, inputColumns, "Table " + table.qualifiedName());
  }

  /** A mapper for columns given by name and CQL type; see {@link #of(TableSpec, Map, List)}. */
  public static RecordMapper of(Map<String, CqlType> columns, Map<String, FieldType> extras,
      List<String> inputColumns) {
    return of(columns, extras, inputColumns, "The table");
  }

  private static RecordMapper of(Map<String, CqlType> tableColumns, Map<String, FieldType> extras,
      List<String> inputColumns, String tableName) {
    CsvFormat.checkNames("Input columns", inputColumns);
    Map<String, FieldType> beamTypes = new LinkedHashMap<>();
    Map<String, CqlType> cqlTypes = new LinkedHashMap<>();
    tableColumns.forEach((name, type) -> {
      beamTypes.put(name, BeamSchemas.fieldType(type));
      cqlTypes.put(name, type);
    });
    extras.forEach((name, type) -> {
      if (tableColumns.containsKey(name)) {
        throw new IllegalArgumentException("Extra input column " + name
            + " has the name of a table column; give it another name");
      }
      beamTypes.put(name, type);
      cqlTypes.put(name, cqlTypeOf(name, type));
    });
    List<String> unknown = inputColumns.stream().filter(n -> !cqlTypes.containsKey(n))
        .collect(Collectors.toList());
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("Unknown column(s) in the input: "
          + String.join(", ", unknown) + ". " + tableName + " has: "
          + String.join(", ", tableColumns.keySet())
          + (extras.isEmpty() ? "" : "; extra input columns: " + String.join(", ", extras.keySet())));
    }
    Schema.Builder schema = Schema.builder();
    List<CqlType> types = new ArrayList<>();
    for (String name : inputColumns) {
      schema.addNullableField(name, beamTypes.get(name));
      types.add(cqlTypes.get(name));
    }
    return new RecordMapper(inputColumns, types, schema.build());
  }

  /** The schema of the rows: one nullable field per input column, in input order. */
  public Schema schema() {
    return schema;
  }

  /** The input columns, in input order. */
  public List<String> columns() {
    return columns;
  }

  /** The row of a CSV record (fields matched to input columns by position), or why not. */
  public MappingResult map(CsvRecord record) {
    if (record.isError()) {
      return reject(record.source(), record.line(), null, record.error(), record.text());
    }
    List<String> fields = record.fields();
    if (fields.size() != columns.size()) {
      return reject(record.source(), record.line(), null, fields.size() + " fields, but "
          + columns.size() + " input columns (" + String.join(", ", columns) + ")", record.text());
    }
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = TextCodec.parse(fields.get(i), types.get(i));
      } catch (ValueFormatException e) {
        return reject(record.source(), record.line(), columns.get(i), e.getMessage(), record.text());
      }
    }
    return MappingResult.of(row(values));
  }

  /** The row of a JSON document (keys matched to input columns by name), or why not. */
  public MappingResult map(JsonRecord record) {
    if (record.isError()) {
      return reject(record.source(), record.line(), null, record.error(), record.text());
    }
    ObjectNode object = record.object();
    List<String> unknown = new ArrayList<>();
    object.fieldNames().forEachRemaining(name -> {
      if (!columns.contains(name)) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      return reject(record.source(), record.line(), unknown.get(0), "unknown field(s) "
          + String.join(", ", unknown) + "; the input columns are " + String.join(", ", columns),
          record.text());
    }
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode node = object.get(columns.get(i));
      try {
        values[i] = TextCodec.fromJson(node, types.get(i));
      } catch (ValueFormatException e) {
        return reject(record.source(), record.line(), columns.get(i), e.getMessage(), record.text());
      }
    }
    return MappingResult.of(row(values));
  }

  /**
   * The row of a Parquet record (fields matched to input columns by name; a column the record lacks
   * is null), or why not; {@code number} is the record's 1-based position in the file.
   */
  public MappingResult map(GenericRecord record, String source, long number) {
    org.apache.avro.Schema avro = record.getSchema();
    Object[] values = new Object[columns.size()];
    for (int i = 0; i < values.length; i++) {
      org.apache.avro.Schema.Field field = avro.getField(columns.get(i));
      if (field == null) {
        continue;
      }
      try {
        values[i] = ParquetCodec.fromAvro(record.get(field.pos()), field.schema(), types.get(i));
      } catch (ValueFormatException e) {
        return reject(source, number, columns.get(i), e.getMessage(), record.toString());
      }
    }
    return MappingResult.of(row(values));
  }

  /** TextCodec gives each value the Beam type of its field, so Beam's per-value check is skipped. */
  private Row row(Object[] values) {
    return Row.withSchema(schema).attachValues(Arrays.asList(values));
  }

  private static MappingResult reject(String source, long line, String column, String reason,
      String text) {
    return MappingResult.rejected(new Rejection(source, line, column, reason, text));
  }

  /** The CQL type whose Beam type is that of an extra column, so its text reads the same way. */
  private static CqlType cqlTypeOf(String name, FieldType type) {
    switch (type.getTypeName()) {
      case STRING: return CqlType.primitive(CqlType.Kind.TEXT);
      case INT64: return CqlType.primitive(CqlType.Kind.BIGINT);
      case INT32: return CqlType.primitive(CqlType.Kind.INT);
      case INT16: return CqlType.primitive(CqlType.Kind.SMALLINT);
      case BYTE: return CqlType.primitive(CqlType.Kind.TINYINT);
      case BOOLEAN: return CqlType.primitive(CqlType.Kind.BOOLEAN);
      case DOUBLE: return CqlType.primitive(CqlType.Kind.DOUBLE);
      case FLOAT: return CqlType.primitive(CqlType.Kind.FLOAT);
      case DECIMAL: return CqlType.primitive(CqlType.Kind.DECIMAL);
      case BYTES: return CqlType.primitive(CqlType.Kind.BLOB);
      case DATETIME: return CqlType.primitive(CqlType.Kind.TIMESTAMP);
      case LOGICAL_TYPE: {
        String id = type.getLogicalType().getIdentifier();
        if (id.equals(SqlTypes.DATE.getIdentifier())) {
          return CqlType.primitive(CqlType.Kind.DATE);
        }
        if (id.equals(SqlTypes.TIME.getIdentifier())) {
          return CqlType.primitive(CqlType.Kind.TIME);
        }
        if (id.equals(UuidLogicalType.IDENTIFIER)) {
          return CqlType.primitive(CqlType.Kind.UUID);
        }
        break;
      }
      default:
        break;
    }
    throw new IllegalArgumentException("Extra input column " + name + " has Beam type " + type
        + ", which has no text form here; use a scalar type such as INT64, STRING or BOOLEAN");
  }
}

package io.github.beamcassandra.pipelines.format;

import io.github.beamcassandra.transforms.schema.BeamSchemas;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * CQL values in Parquet files, through parquet-avro: the Avro schema of a table's columns, and Beam
 * values (as a read gives them, {@link BeamSchemas#fieldType(CqlType)}) to Avro values and back.
 *
 * <p>Written ({@link #schema}, {@link #toAvro}): one nullable field per column, named as the column.
 *
 * <table>
 *   <caption>CQL types in Parquet files</caption>
 *   <tr><th>CQL type</th><th>Avro (Parquet) type</th></tr>
 *   <tr><td>text, ascii</td><td>string</td></tr>
 *   <tr><td>tinyint, smallint, int</td><td>int</td></tr>
 *   <tr><td>bigint, counter</td><td>long</td></tr>
 *   <tr><td>float, double, boolean</td><td>float, double, boolean</td></tr>
 *   <tr><td>blob</td><td>bytes</td></tr>
 *   <tr><td>uuid, timeuuid</td><td>string, logical type uuid</td></tr>
 *   <tr><td>timestamp</td><td>long, timestamp-millis</td></tr>
 *   <tr><td>date</td><td>int, date</td></tr>
 *   <tr><td>time</td><td>long, time-micros: digits below the microsecond are dropped</td></tr>
 *   <tr><td>decimal, varint, duration, inet</td><td>string, the CSV text ({@link TextCodec#format})</td></tr>
 *   <tr><td>list, set, vector</td><td>array of the element type</td></tr>
 *   <tr><td>map</td><td>map (Avro keys are strings: a key is its CSV text)</td></tr>
 *   <tr><td>tuple, user-defined type</td><td>record of nullable fields {@code f0, f1, ...} or the
 *       type's field names</td></tr>
 * </table>
 *
 * <p>Read ({@link #fromAvro}), leniently, so that files other tools write load too: a string is read as
 * CSV text is ({@link TextCodec#parse}: JSON for collections, tuples and UDTs); numbers of any Avro
 * numeric type or decimal logical type become any numeric column when they fit exactly (else the
 * record is rejected, never wrapped or rounded); {@code timestamp-millis}/{@code -micros} (also the
 * local ones, taken as UTC), {@code date}, {@code time-millis}/{@code -micros} become timestamp, date
 * and time; a plain long is milliseconds for a timestamp and nanoseconds of the day for a time, a
 * plain int days for a date (as {@code Cassandra.write()} takes them); bytes and fixed become blobs,
 * or UUIDs when 16 long; arrays, maps and records become collections, vectors, tuples (by position)
 * and UDTs (by name). A value that fits none of these is a {@link ValueFormatException} naming the
 * CQL type, the value and why.
 */
public final class ParquetCodec {
  private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Schema STRING = Schema.create(Schema.Type.STRING);

  private ParquetCodec() {}

  /**
   * The Avro record schema of a file's columns: one nullable field (default null) per column.
   *
   * @param name the record's name (a table name; characters Avro does not allow become {@code _})
   * @throws IllegalArgumentException naming the column when a column or UDT field name is not a valid
   *     Avro name ({@code [A-Za-z_][A-Za-z0-9_]*})
   */
  public static Schema schema(String name, Map<String, CqlType> columns) {
    String recordName = name.replaceAll("[^A-Za-z0-9_]", "_").replaceFirst("^(?=[0-9])", "_");
    List<Schema.Field> fields = new ArrayList<>();
    for (Map.Entry<String, CqlType> column : columns.entrySet()) {
      String namespace = recordName + "." + checkName(column.getKey(), "Column");
      fields.add(nullableField(column.getKey(), avroType(column.getValue(), namespace, new int[1])));
    }
    return Schema.createRecord(recordName, "Rows of the Cassandra table " + name, null, false, fields);
  }

  /** The Avro type of a CQL type; nested records are named {@code <namespace>.<kind><n>}. */
  private static Schema avroType(CqlType type, String namespace, int[] records) {
    switch (type.kind()) {
      case TEXT: case ASCII: case DECIMAL: case VARINT: case DURATION: case INET:
        return Schema.create(Schema.Type.STRING);
      case BOOLEAN: return Schema.create(Schema.Type.BOOLEAN);
      case TINYINT: case SMALLINT: case INT: return Schema.create(Schema.Type.INT);
      case BIGINT: case COUNTER: return Schema.create(Schema.Type.LONG);
      case FLOAT: return Schema.create(Schema.Type.FLOAT);
      case DOUBLE: return Schema.create(Schema.Type.DOUBLE);
      case BLOB: return Schema.create(Schema.Type.BYTES);
      case UUID: case TIMEUUID: return LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING));
      case TIMESTAMP: return LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
      case DATE: return LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIME: return LogicalTypes.timeMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case LIST: case SET: case VECTOR:
        return Schema.createArray(avroType(type.parameters().get(0), namespace, records));
      case MAP:
        return Schema.createMap(avroType(type.parameters().get(1), namespace, records));
      case TUPLE: case UDT: {
        String recordName = type.kind().name().toLowerCase() + (++records[0]);
        List<Schema.Field> fields = new ArrayList<>();
        for (int i = 0; i < type.parameters().size(); i++) {
          String field = type.kind() == CqlType.Kind.UDT
              ? checkName(type.fieldNames().get(i), "UDT field") : "f" + i;
          fields.add(nullableField(field, avroType(type.parameters().get(i), namespace, records)));
        }
        return Schema.createRecord(recordName, type.toCql(), namespace, false, fields);
      }
      default:
        throw new IllegalArgumentException("Unsupported CQL type " + type.toCql());
    }
  }

  private static Schema.Field nullableField(String name, Schema type) {
    return new Schema.Field(name, Schema.createUnion(Schema.create(Schema.Type.NULL), type), null,
        Schema.Field.NULL_DEFAULT_VALUE);
  }

  private static String checkName(String name, String what) {
    if (!AVRO_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " '" + name + "' cannot be a Parquet field name here:"
          + " parquet-avro allows letters, digits and _ only, not starting with a digit");
    }
    return name;
  }

  /**
   * The Avro value of a Beam value of {@code type}, for a field of Avro type {@code schema} (as {@link
   * #schema} makes it).
   *
   * @throws IllegalArgumentException when the value is not of the type's Beam type
   */
  public static Object toAvro(Object value, CqlType type, Schema schema) {
    if (value == null) {
      return null;
    }
    Schema avro = nonNull(schema);
    try {
      switch (type.kind()) {
        case TEXT: case ASCII: case DURATION: case INET: case BOOLEAN: case INT: case BIGINT: case COUNTER:
        case FLOAT: case DOUBLE:
          return value;
        case DECIMAL: case VARINT: return TextCodec.format(value, type);
        case TINYINT: case SMALLINT: return ((Number) value).intValue();
        case BLOB: return ByteBuffer.wrap((byte[]) value);
        case UUID: case TIMEUUID: return ((UUID) value).toString();
        case TIMESTAMP: return ((ReadableInstant) value).getMillis();
        case DATE: return Math.toIntExact(((LocalDate) value).toEpochDay());
        case TIME: return ((LocalTime) value).toNanoOfDay() / 1000;
        case LIST: case SET: case VECTOR: {
          List<Object> array = new ArrayList<>();
          for (Object element : (Iterable<?>) value) {
            array.add(toAvro(element, type.parameters().get(0), avro.getElementType()));
          }
          return array;
        }
        case MAP: {
          Map<String, Object> map = new LinkedHashMap<>();
          for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            map.put(TextCodec.format(e.getKey(), type.parameters().get(0)),
                toAvro(e.getValue(), type.parameters().get(1), avro.getValueType()));
          }
          return map;
        }
        case TUPLE: case UDT: {
          Row row = (Row) value;
          GenericData.Record record = new GenericData.Record(avro);
          for (int i = 0; i < type.parameters().size(); i++) {
            record.put(i, toAvro(row.getValue(i), type.parameters().get(i),
                avro.getFields().get(i).schema()));
          }
          return record;
        }
        default:
          throw new IllegalArgumentException("Unsupported CQL type " + type.toCql());
      }
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("a " + value.getClass().getSimpleName()
          + " is not a Beam value of CQL " + type.toCql(), e);
    }
  }

  /**
   * The Beam value of {@code type} of an Avro value (as parquet-avro reads it without conversions:
   * {@code Utf8}, {@code ByteBuffer}, {@code GenericData.Array}, ...) of Avro type {@code schema}.
   *
   * @throws ValueFormatException when the value cannot be one of the type
   */
  public static Object fromAvro(Object value, Schema schema, CqlType type) {
    if (value == null) {
      return null;
    }
    Schema avro = schema.getType() == Schema.Type.UNION
        ? schema.getTypes().get(GenericData.get().resolveUnion(schema, value)) : schema;
    if (value instanceof CharSequence || value instanceof GenericEnumSymbol) {
      return TextCodec.parse(value.toString(), type);
    }
    switch (type.kind()) {
      case LIST: case SET: case VECTOR:
        return collection(value, avro, type);
      case MAP:
        return map(value, avro, type);
      case TUPLE: case UDT:
        return row(value, avro, type);
      default:
        return scalar(value, avro, type);
    }
  }

  private static Object scalar(Object value, Schema avro, CqlType type) {
    try {
      return scalar(value, logical(value, avro.getLogicalType()), avro, type);
    } catch (DateTimeException | ArithmeticException e) {
      throw new ValueFormatException(type, shown(value), "out of range (" + e.getMessage() + ")");
    }
  }

  private static Object scalar(Object value, Object v, Schema avro, CqlType type) {
    switch (type.kind()) {
      case BOOLEAN:
        if (v instanceof Boolean) {
          return v;
        }
        break;
      case TINYINT: case SMALLINT: case INT: case BIGINT: case COUNTER: case VARINT: case DECIMAL:
      case FLOAT: case DOUBLE:
        if (v instanceof Number) {
          return number((Number) v, type);
        }
        break;
      case TIMESTAMP:
        if (v instanceof Instant || v instanceof Long) {
          Instant instant = v instanceof Long ? Instant.ofEpochMilli((Long) v) : (Instant) v;
          // CQL timestamps hold milliseconds: finer digits are dropped, as the driver does.
          return new org.joda.time.Instant(instant.toEpochMilli());
        }
        break;
      case DATE:
        if (v instanceof LocalDate) {
          return v;
        }
        if (v instanceof Integer) {
          return LocalDate.ofEpochDay((Integer) v);
        }
        break;
      case TIME:
        if (v instanceof LocalTime) {
          return v;
        }
        if (v instanceof Long) {
          long nanos = (Long) v;
          if (nanos < 0 || nanos >= 86_400_000_000_000L) {
            throw new ValueFormatException(type, shown(value), "not a time of day in nanoseconds");
          }
          return LocalTime.ofNanoOfDay(nanos);
        }
        break;
      case BLOB:
        if (v instanceof ByteBuffer || v instanceof GenericFixed) {
          return bytes(v);
        }
        break;
      case UUID: case TIMEUUID:
        if ((v instanceof ByteBuffer || v instanceof GenericFixed) && bytes(v).length == 16) {
          ByteBuffer b = ByteBuffer.wrap(bytes(v));
          return TextCodec.parse(new UUID(b.getLong(), b.getLong()).toString(), type);
        }
        break;
      default:
        break;
    }
    throw new ValueFormatException(type, shown(value), "a Parquet " + describe(avro) + " cannot be one");
  }

  /** Temporal and decimal logical types as java.time values and BigDecimal; others as they are. */
  private static Object logical(Object value, LogicalType logical) {
    if (logical == null) {
      return value;
    }
    switch (logical.getName()) {
      case "timestamp-millis": case "local-timestamp-millis": return Instant.ofEpochMilli((Long) value);
      case "timestamp-micros": case "local-timestamp-micros":
        return Instant.EPOCH.plus((Long) value, ChronoUnit.MICROS);
      case "date": return LocalDate.ofEpochDay((Integer) value);
      case "time-millis": return LocalTime.ofNanoOfDay((Integer) value * 1_000_000L);
      case "time-micros": return LocalTime.ofNanoOfDay((Long) value * 1_000L);
      case "decimal":
        return new BigDecimal(new BigInteger(bytes(value)), ((LogicalTypes.Decimal) logical).getScale());
      default: return value;
    }
  }

  /** A number for a numeric column: exactly, else an error (never wrapped or rounded). */
  private static Object number(Number n, CqlType type) {
    String shown = n.toString();
    if (n instanceof Float || n instanceof Double) {
      double d = n.doubleValue();
      if (type.kind() == CqlType.Kind.DOUBLE) {
        return d;
      }
      if (type.kind() == CqlType.Kind.FLOAT) {
        float f = (float) d;
        if (n instanceof Float || Double.isNaN(d) || f == d) {
          return f;
        }
        throw new ValueFormatException(type, shown, "a float cannot hold it without rounding (nearest: "
            + f + ")");
      }
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new ValueFormatException(type, shown, "not a finite number");
      }
      return Numbers.narrow(new BigDecimal(shown), type, shown);
    }
    BigDecimal d = n instanceof BigDecimal ? (BigDecimal) n : BigDecimal.valueOf(n.longValue());
    return Numbers.narrow(d, type, shown);
  }

  private static List<Object> collection(Object value, Schema avro, CqlType type) {
    if (!(value instanceof Collection) || avro.getType() != Schema.Type.ARRAY) {
      throw new ValueFormatException(type, shown(value), "a Parquet " + describe(avro) + " is not a list");
    }
    List<Object> values = new ArrayList<>();
    for (Object element : (Collection<?>) value) {
      String label = "element " + (values.size() + 1);
      Object v = nested(value, element, avro.getElementType(), type.parameters().get(0), type, label);
      if (v == null) {
        throw new ValueFormatException(type, shown(value), label + " is null; a "
            + type.kind().name().toLowerCase() + " cannot hold null");
      }
      values.add(v);
    }
    if (type.kind() == CqlType.Kind.VECTOR && values.size() != type.dimension()) {
      throw new ValueFormatException(type, shown(value), values.size() + " elements, but the vector has "
          + type.dimension());
    }
    return values;
  }

  private static Map<Object, Object> map(Object value, Schema avro, CqlType type) {
    if (!(value instanceof Map) || avro.getType() != Schema.Type.MAP) {
      throw new ValueFormatException(type, shown(value), "a Parquet " + describe(avro) + " is not a map");
    }
    Map<Object, Object> values = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
      String label = "key " + ValueFormatException.shown(String.valueOf(e.getKey()));
      Object key = nested(value, e.getKey(), STRING, type.parameters().get(0), type, label);
      Object v = nested(value, e.getValue(), avro.getValueType(), type.parameters().get(1), type,
          "value of " + label);
      if (key == null || v == null) {
        throw new ValueFormatException(type, shown(value), (key == null ? label : "value of " + label)
            + " is null; a map cannot hold null");
      }
      values.put(key, v);
    }
    return values;
  }

  /** A tuple's components by position, a UDT's fields by name (fields the file lacks are null). */
  private static Row row(Object value, Schema avro, CqlType type) {
    if (!(value instanceof IndexedRecord) || avro.getType() != Schema.Type.RECORD) {
      throw new ValueFormatException(type, shown(value), "a Parquet " + describe(avro) + " is not a record");
    }
    IndexedRecord record = (IndexedRecord) value;
    List<Schema.Field> fields = avro.getFields();
    int size = type.parameters().size();
    if (type.kind() == CqlType.Kind.TUPLE && fields.size() != size) {
      throw new ValueFormatException(type, shown(value), fields.size() + " fields, but the tuple has "
          + size + " components");
    }
    Object[] values = new Object[size];
    for (Schema.Field field : fields) {
      int i = type.kind() == CqlType.Kind.TUPLE ? field.pos() : type.fieldNames().indexOf(field.name());
      if (i < 0) {
        throw new ValueFormatException(type, shown(value), "unknown field " + field.name()
            + "; the fields are " + String.join(", ", type.fieldNames()));
      }
      String label = type.kind() == CqlType.Kind.TUPLE ? "component " + (i + 1) : "field " + field.name();
      values[i] = nested(value, record.get(field.pos()), field.schema(), type.parameters().get(i), type,
          label);
    }
    return TextCodec.row(type, Arrays.asList(values));
  }

  private static Object nested(Object parent, Object child, Schema childSchema, CqlType childType,
      CqlType type, String label) {
    try {
      return fromAvro(child, childSchema, childType);
    } catch (ValueFormatException e) {
      throw new ValueFormatException(type, shown(parent), label + ": " + e.getMessage());
    }
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElseThrow();
  }

  private static byte[] bytes(Object value) {
    if (value instanceof GenericFixed) {
      return ((GenericFixed) value).bytes();
    }
    ByteBuffer buffer = ((ByteBuffer) value).duplicate();
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static String shown(Object value) {
    return value instanceof ByteBuffer || value instanceof GenericFixed
        ? "0x" + HexFormat.of().formatHex(bytes(value)) : String.valueOf(value);
  }

  private static String describe(Schema avro) {
    return (avro.getLogicalType() != null ? avro.getLogicalType().getName() + " " : "")
        + avro.getType().getName();
  }
}

package io.github.beamcassandra.transforms.schema;

import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.schemas.logicaltypes.UuidLogicalType;
import org.apache.beam.sdk.values.Row;

/**
 * The Beam side of CQL types for reads: the Beam schema of a table and the conversion of the driver's
 * values to Beam values, chosen so that what a read returns, a write accepts (see the README's type
 * table): every CQL type has one Beam type here.
 */
public final class BeamSchemas {
  private BeamSchemas() {}

  /** The Beam field type a read gives for a CQL type. */
  public static FieldType fieldType(CqlType type) {
    switch (type.kind()) {
      case ASCII: case TEXT: case DURATION: case INET: return FieldType.STRING;
      case BIGINT: case COUNTER: return FieldType.INT64;
      case BLOB: return FieldType.BYTES;
      case BOOLEAN: return FieldType.BOOLEAN;
      case DATE: return FieldType.logicalType(SqlTypes.DATE);
      case DECIMAL: case VARINT: return FieldType.DECIMAL;
      case DOUBLE: return FieldType.DOUBLE;
      case FLOAT: return FieldType.FLOAT;
      case INT: return FieldType.INT32;
      case SMALLINT: return FieldType.INT16;
      case TINYINT: return FieldType.BYTE;
      case TIME: return FieldType.logicalType(SqlTypes.TIME);
      case TIMESTAMP: return FieldType.DATETIME;
      case UUID: case TIMEUUID: return FieldType.logicalType(new UuidLogicalType());
      case LIST: case SET: case VECTOR:
        return FieldType.array(fieldType(type.parameters().get(0)));
      case MAP:
        return FieldType.map(fieldType(type.parameters().get(0)), fieldType(type.parameters().get(1)));
      case TUPLE: case UDT:
        return FieldType.row(rowSchema(type));
      default:
        throw new IllegalArgumentException("Unsupported CQL type " + type.toCql());
    }
  }

  /** Fields of a tuple ({@code f0, f1, ...}) or user-defined type (its field names); all nullable. */
  static Schema rowSchema(CqlType type) {
    Schema.Builder builder = Schema.builder();
    for (int i = 0; i < type.parameters().size(); i++) {
      String name = type.kind() == CqlType.Kind.UDT ? type.fieldNames().get(i) : "f" + i;
      builder.addNullableField(name, fieldType(type.parameters().get(i)));
    }
    return builder.build();
  }

  /** The Beam value of a driver value (as {@code Row.getObject} gives it) of a CQL type. */
  public static Object toBeam(Object value, CqlType type) {
    if (value == null) {
      return null;
    }
    switch (type.kind()) {
      case DURATION: {
        // The driver writes a zero duration as the empty string, which no parser (nor CSV) reads back.
        String text = value.toString();
        return text.isEmpty() ? "0s" : text;
      }
      case INET: return ((InetAddress) value).getHostAddress();
      case BLOB: {
        ByteBuffer buffer = ((ByteBuffer) value).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
      }
      case VARINT: return new BigDecimal((BigInteger) value);
      case TIMESTAMP: return new org.joda.time.Instant(((Instant) value).toEpochMilli());
      case LIST: case SET: {
        List<Object> list = new ArrayList<>();
        for (Object item : (Iterable<?>) value) {
          list.add(toBeam(item, type.parameters().get(0)));
        }
        return list;
      }
      case VECTOR: {
        List<Object> list = new ArrayList<>();
        for (Object item : (CqlVector<?>) value) {
          list.add(toBeam(item, type.parameters().get(0)));
        }
        return list;
      }
      case MAP: {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          map.put(toBeam(e.getKey(), type.parameters().get(0)), toBeam(e.getValue(), type.parameters().get(1)));
        }
        return map;
      }
      case TUPLE: {
        TupleValue tuple = (TupleValue) value;
        Schema schema = rowSchema(type);
        Row.Builder row = Row.withSchema(schema);
        for (int i = 0; i < type.parameters().size(); i++) {
          row.addValue(toBeam(tuple.getObject(i), type.parameters().get(i)));
        }
        return row.build();
      }
      case UDT: {
        UdtValue udt = (UdtValue) value;
        Schema schema = rowSchema(type);
        Row.Builder row = Row.withSchema(schema);
        for (int i = 0; i < type.parameters().size(); i++) {
          row.addValue(toBeam(udt.getObject(i), type.parameters().get(i)));
        }
        return row.build();
      }
      default:
        // text, numbers, boolean, uuid, date, time: the driver's Java value is Beam's.
        return value;
    }
  }
}

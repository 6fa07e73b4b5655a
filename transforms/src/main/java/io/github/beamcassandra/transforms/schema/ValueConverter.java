package io.github.beamcassandra.transforms.schema;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.ContainerType;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * Converts Beam values to the Java values the driver encodes for a CQL type. {@link #incompatibility}
 * is the construction-time check ("can this Beam type ever become that CQL type?"); {@link #convert}
 * converts one value and throws {@link ConversionException} with the reason when this value cannot
 * (overflow, unparsable text, wrong vector size, ...). The mapping is the README's type table.
 */
public final class ValueConverter {
  private static final Pattern HEX_BLOB = Pattern.compile("0[xX][0-9a-fA-F]*");

  private ValueConverter() {}

  /** Why a value of {@code beam} can never become {@code cql}, or empty when it can. */
  public static Optional<String> incompatibility(FieldType beam, CqlType cql) {
    TypeName name = beam.getTypeName();
    if (name == TypeName.LOGICAL_TYPE) {
      String id = beam.getLogicalType().getIdentifier();
      if (logicalJavaKind(id) != null) {
        return accepts(cql, logicalJavaKind(id)) ? Optional.empty() : Optional.of(mismatch(beam, cql));
      }
      return incompatibility(beam.getLogicalType().getBaseType(), cql);
    }
    if (name == TypeName.STRING) {
      // Text parses into every scalar; collections, tuples and UDTs need structured input.
      return cql.isCollection() || cql.kind() == CqlType.Kind.TUPLE || cql.kind() == CqlType.Kind.UDT
          || cql.kind() == CqlType.Kind.VECTOR ? Optional.of(mismatch(beam, cql)) : Optional.empty();
    }
    switch (cql.kind()) {
      case ASCII: case TEXT:
        return fail(beam, cql);
      case BIGINT: case COUNTER: case INT: case SMALLINT: case TINYINT: case VARINT:
        return isIntegral(name) || name == TypeName.DECIMAL ? ok() : fail(beam, cql);
      case DECIMAL: case DOUBLE: case FLOAT:
        return name.isNumericType() ? ok() : fail(beam, cql);
      case BOOLEAN:
        return name == TypeName.BOOLEAN ? ok() : fail(beam, cql);
      case BLOB:
        return name == TypeName.BYTES ? ok() : fail(beam, cql);
      case INET: case UUID: case TIMEUUID:
        return name == TypeName.BYTES ? ok() : fail(beam, cql);
      case DATE:
        return name == TypeName.DATETIME || name == TypeName.INT32 ? ok() : fail(beam, cql);
      case TIME:
        return name == TypeName.INT64 ? ok() : fail(beam, cql);
      case TIMESTAMP:
        return name == TypeName.DATETIME || name == TypeName.INT64 ? ok() : fail(beam, cql);
      case DURATION:
        return fail(beam, cql);
      case LIST: case SET: case VECTOR:
        if (name != TypeName.ARRAY && name != TypeName.ITERABLE) {
          return fail(beam, cql);
        }
        return incompatibility(beam.getCollectionElementType(), cql.parameters().get(0));
      case MAP:
        if (name != TypeName.MAP) {
          return fail(beam, cql);
        }
        Optional<String> key = incompatibility(beam.getMapKeyType(), cql.parameters().get(0));
        return key.isPresent() ? key : incompatibility(beam.getMapValueType(), cql.parameters().get(1));
      case TUPLE:
        if (name != TypeName.ROW || beam.getRowSchema().getFieldCount() != cql.parameters().size()) {
          return Optional.of(mismatch(beam, cql) + " (a tuple takes a row of "
              + cql.parameters().size() + " fields, matched by position)");
        }
        for (int i = 0; i < cql.parameters().size(); i++) {
          Optional<String> component = incompatibility(
              beam.getRowSchema().getField(i).getType(), cql.parameters().get(i));
          if (component.isPresent()) {
            return component;
          }
        }
        return ok();
      case UDT:
        if (name != TypeName.ROW) {
          return fail(beam, cql);
        }
        for (Schema.Field field : beam.getRowSchema().getFields()) {
          int index = cql.fieldNames().indexOf(field.getName());
          if (index < 0) {
            return Optional.of("the user-defined type " + cql.toCql() + " has no field " + field.getName()
                + " (its fields: " + String.join(", ", cql.fieldNames()) + ")");
          }
          Optional<String> f = incompatibility(field.getType(), cql.parameters().get(index));
          if (f.isPresent()) {
            return f;
          }
        }
        return ok();
      default:
        return fail(beam, cql);
    }
  }

  /**
   * Converts {@code value} (as Beam holds it) for the CQL type; {@code driverType} is the same type as
   * the driver sees it (needed to build UDT and tuple values).
   */
  public static Object convert(Object value, CqlType type, DataType driverType) {
    if (value instanceof ReadableInstant) {
      value = Instant.ofEpochMilli(((ReadableInstant) value).getMillis());
    }
    switch (type.kind()) {
      case ASCII:
        String ascii = text(value, type);
        for (int i = 0; i < ascii.length(); i++) {
          if (ascii.charAt(i) > 127) {
            throw new ConversionException("'" + abbreviate(ascii) + "' has a non-ASCII character at "
                + i + " and the column is ascii");
          }
        }
        return ascii;
      case TEXT:
        return text(value, type);
      case BIGINT: case COUNTER:
        return wholeNumber(value, type, Long.MIN_VALUE, Long.MAX_VALUE);
      case INT:
        return (int) wholeNumber(value, type, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case SMALLINT:
        return (short) wholeNumber(value, type, Short.MIN_VALUE, Short.MAX_VALUE);
      case TINYINT:
        return (byte) wholeNumber(value, type, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case VARINT:
        return integral(value, type, null, null).toBigIntegerExact();
      case DECIMAL:
        return decimal(value, type);
      case DOUBLE:
        if (value instanceof String) {
          return parseDouble((String) value, type);
        }
        return number(value, type).doubleValue();
      case FLOAT:
        if (value instanceof String) {
          return (float) parseDouble((String) value, type);
        }
        if (value instanceof Double) {
          double d = (Double) value;
          if (!Double.isNaN(d) && !Double.isInfinite(d) && Math.abs(d) > Float.MAX_VALUE) {
            throw new ConversionException(d + " is out of range for float");
          }
          return (float) d;
        }
        return number(value, type).floatValue();
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        String b = text(value, type).trim().toLowerCase();
        if (b.equals("true") || b.equals("false")) {
          return Boolean.parseBoolean(b);
        }
        throw new ConversionException("'" + abbreviate(b) + "' is not a boolean (true or false)");
      case BLOB:
        return blob(value);
      case UUID:
        return uuid(value);
      case TIMEUUID:
        UUID timeuuid = uuid(value);
        if (timeuuid.version() != 1) {
          throw new ConversionException(timeuuid + " is a version " + timeuuid.version()
              + " UUID; a timeuuid must be version 1");
        }
        return timeuuid;
      case INET:
        return inet(value);
      case DATE:
        return date(value);
      case TIME:
        return time(value);
      case TIMESTAMP:
        return timestamp(value);
      case DURATION:
        if (value instanceof CqlDuration) {
          return value;
        }
        try {
          return CqlDuration.from(text(value, type).trim());
        } catch (IllegalArgumentException e) {
          throw new ConversionException("'" + abbreviate(value.toString())
              + "' is not a duration (e.g. 1h30m, P1DT2H or P0001-02-03T04:05:06)");
        }
      case LIST: {
        DataType element = ((ContainerType) driverType).getElementType();
        List<Object> list = new ArrayList<>();
        for (Object item : iterable(value, type)) {
          list.add(convertElement(item, type.parameters().get(0), element, "list"));
        }
        return list;
      }
      case SET: {
        DataType element = ((ContainerType) driverType).getElementType();
        Set<Object> set = new LinkedHashSet<>();
        for (Object item : iterable(value, type)) {
          set.add(convertElement(item, type.parameters().get(0), element, "set"));
        }
        return set;
      }
      case VECTOR: {
        DataType element = ((ContainerType) driverType).getElementType();
        List<Object> items = new ArrayList<>();
        for (Object item : iterable(value, type)) {
          items.add(convertElement(item, type.parameters().get(0), element, "vector"));
        }
        if (items.size() != type.dimension()) {
          throw new ConversionException("a vector of " + items.size() + " elements does not fit "
              + type.toCql() + ", which takes exactly " + type.dimension());
        }
        return CqlVector.newInstance(items);
      }
      case MAP: {
        if (!(value instanceof Map)) {
          throw new ConversionException("a " + value.getClass().getSimpleName() + " is not a map");
        }
        MapType mapType = (MapType) driverType;
        Map<Object, Object> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          map.put(convertElement(e.getKey(), type.parameters().get(0), mapType.getKeyType(), "map key"),
              convertElement(e.getValue(), type.parameters().get(1), mapType.getValueType(), "map value"));
        }
        return map;
      }
      case TUPLE: {
        Row row = row(value, type);
        TupleType tupleType = (TupleType) driverType;
        TupleValue tuple = tupleType.newValue();
        for (int i = 0; i < type.parameters().size(); i++) {
          Object component = row.getValue(i);
          if (component != null) {
            DataType componentType = tupleType.getComponentTypes().get(i);
            tuple = tuple.set(i, convert(component, type.parameters().get(i), componentType),
                tuple.codecRegistry().codecFor(componentType));
          }
        }
        return tuple;
      }
      case UDT: {
        Row row = row(value, type);
        UserDefinedType udtType = (UserDefinedType) driverType;
        UdtValue udt = udtType.newValue();
        for (Schema.Field field : row.getSchema().getFields()) {
          Object fieldValue = row.getValue(field.getName());
          if (fieldValue != null) {
            int index = type.fieldNames().indexOf(field.getName());
            DataType fieldType = udtType.getFieldTypes().get(index);
            try {
              udt = udt.set(index, convert(fieldValue, type.parameters().get(index), fieldType),
                  udt.codecRegistry().codecFor(fieldType));
            } catch (ConversionException e) {
              throw new ConversionException("field " + field.getName() + ": " + e.getMessage());
            }
          }
        }
        return udt;
      }
      default:
        throw new ConversionException("unsupported CQL type " + type.toCql());
    }
  }

  private static Object convertElement(Object item, CqlType type, DataType driverType, String what) {
    if (item == null) {
      throw new ConversionException("a " + what + " cannot hold null");
    }
    return convert(item, type, driverType);
  }

  private static String text(Object value, CqlType type) {
    if (value instanceof String) {
      return (String) value;
    }
    throw new ConversionException("a " + value.getClass().getSimpleName() + " is not text for " + type.toCql());
  }

  private static Number number(Object value, CqlType type) {
    if (value instanceof Number) {
      return (Number) value;
    }
    throw new ConversionException("a " + value.getClass().getSimpleName() + " is not a number for " + type.toCql());
  }

  private static double parseDouble(String text, CqlType type) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new ConversionException("'" + abbreviate(text) + "' is not a number for " + type.toCql());
    }
  }

  private static BigDecimal decimal(Object value, CqlType type) {
    if (value instanceof BigDecimal) {
      return (BigDecimal) value;
    }
    if (value instanceof String) {
      try {
        return new BigDecimal(((String) value).trim());
      } catch (NumberFormatException e) {
        throw new ConversionException("'" + abbreviate((String) value) + "' is not a number for " + type.toCql());
      }
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new ConversionException(d + " has no decimal value");
      }
      return new BigDecimal(value.toString());
    }
    if (value instanceof BigInteger) {
      return new BigDecimal((BigInteger) value);
    }
    return BigDecimal.valueOf(number(value, type).longValue());
  }

  /** A whole number within [min, max]; the fast path for Java integers, no allocation. */
  private static long wholeNumber(Object value, CqlType type, long min, long max) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      long l = ((Number) value).longValue();
      if (l < min || l > max) {
        throw new ConversionException(l + " is out of range for " + type.toCql() + " (" + min + " to " + max + ")");
      }
      return l;
    }
    return integral(value, type, min, max).longValueExact();
  }

  /** The value as an integral decimal within [min, max] (either null for no bound). */
  private static BigDecimal integral(Object value, CqlType type, Long min, Long max) {
    BigDecimal d;
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      long l = ((Number) value).longValue();
      if (min != null && (l < min || l > max)) {
        throw new ConversionException(l + " is out of range for " + type.toCql() + " (" + min + " to " + max + ")");
      }
      return BigDecimal.valueOf(l);
    }
    d = decimal(value, type);
    if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
      throw new ConversionException(d.toPlainString() + " is not a whole number, as " + type.toCql() + " needs");
    }
    if (min != null && (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0)) {
      throw new ConversionException(d.toPlainString() + " is out of range for " + type.toCql()
          + " (" + min + " to " + max + ")");
    }
    return d.setScale(0);
  }

  private static ByteBuffer blob(Object value) {
    if (value instanceof byte[]) {
      return ByteBuffer.wrap((byte[]) value);
    }
    if (value instanceof ByteBuffer) {
      return (ByteBuffer) value;
    }
    String text = text(value, CqlType.primitive(CqlType.Kind.BLOB)).trim();
    try {
      if (HEX_BLOB.matcher(text).matches()) {
        return ByteBuffer.wrap(java.util.HexFormat.of().parseHex(text.substring(2)));
      }
      return ByteBuffer.wrap(Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      throw new ConversionException("'" + abbreviate(text) + "' is neither base64 nor 0x-prefixed hex for blob");
    }
  }

  private static UUID uuid(Object value) {
    if (value instanceof UUID) {
      return (UUID) value;
    }
    if (value instanceof byte[] && ((byte[]) value).length == 16) {
      ByteBuffer b = ByteBuffer.wrap((byte[]) value);
      return new UUID(b.getLong(), b.getLong());
    }
    String text = text(value, CqlType.primitive(CqlType.Kind.UUID)).trim();
    try {
      if (text.length() == 36) {
        return UUID.fromString(text);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new ConversionException("'" + abbreviate(text) + "' is not a UUID");
  }

  private static InetAddress inet(Object value) {
    if (value instanceof InetAddress) {
      return (InetAddress) value;
    }
    try {
      if (value instanceof byte[]) {
        return InetAddress.getByAddress((byte[]) value);
      }
      String text = text(value, CqlType.primitive(CqlType.Kind.INET)).trim();
      // Only literal addresses: a host name here would mean a DNS lookup per row.
      if (text.matches("[0-9.]+") || text.contains(":")) {
        return InetAddress.getByName(text);
      }
      throw new ConversionException("'" + abbreviate(text) + "' is not an IP address");
    } catch (UnknownHostException e) {
      throw new ConversionException("'" + abbreviate(value.toString()) + "' is not an IP address");
    }
  }

  private static LocalDate date(Object value) {
    if (value instanceof LocalDate) {
      return (LocalDate) value;
    }
    if (value instanceof Instant) {
      return ((Instant) value).atZone(ZoneOffset.UTC).toLocalDate();
    }
    if (value instanceof LocalDateTime) {
      // Beam's datetime logical type, a UTC date and time like DATETIME: its day.
      return ((LocalDateTime) value).toLocalDate();
    }
    if (value instanceof Integer) {
      return LocalDate.ofEpochDay((Integer) value);
    }
    String text = text(value, CqlType.primitive(CqlType.Kind.DATE)).trim();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConversionException("'" + abbreviate(text) + "' is not a date (ISO-8601, e.g. 2024-03-01)");
    }
  }

  private static LocalTime time(Object value) {
    if (value instanceof LocalTime) {
      return (LocalTime) value;
    }
    if (value instanceof Long) {
      long nanos = (Long) value;
      if (nanos < 0 || nanos >= 86_400_000_000_000L) {
        throw new ConversionException(nanos + " nanoseconds is not a time of day");
      }
      return LocalTime.ofNanoOfDay(nanos);
    }
    String text = text(value, CqlType.primitive(CqlType.Kind.TIME)).trim();
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new ConversionException("'" + abbreviate(text) + "' is not a time (ISO-8601, e.g. 13:45:00.123)");
    }
  }

  private static Instant timestamp(Object value) {
    if (value instanceof Instant) {
      return (Instant) value;
    }
    if (value instanceof LocalDateTime) {
      return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
    }
    if (value instanceof Long) {
      return Instant.ofEpochMilli((Long) value);
    }
    String text = text(value, CqlType.primitive(CqlType.Kind.TIMESTAMP)).trim();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      // Also accepted: offsets (+02:00), a space for T, and no zone (taken as UTC).
    }
    String normalized = text.replace(' ', 'T');
    try {
      return OffsetDateTime.parse(normalized).toInstant();
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return ZonedDateTime.parse(normalized).toInstant();
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return LocalDateTime.parse(normalized).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return LocalDate.parse(normalized).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new ConversionException(
          "'" + abbreviate(text) + "' is not a timestamp (ISO-8601, e.g. 2024-03-01T12:00:00Z)");
    }
  }

  private static Iterable<?> iterable(Object value, CqlType type) {
    if (value instanceof Iterable) {
      return (Iterable<?>) value;
    }
    throw new ConversionException("a " + value.getClass().getSimpleName() + " is not a collection for " + type.toCql());
  }

  private static Row row(Object value, CqlType type) {
    if (value instanceof Row) {
      return (Row) value;
    }
    throw new ConversionException("a " + value.getClass().getSimpleName() + " is not a row for " + type.toCql());
  }

  /** Java value kinds of the logical types beam-cassandra understands, by logical type identifier. */
  private static CqlType.Kind logicalJavaKind(String identifier) {
    switch (identifier) {
      case "beam:logical_type:date:v1": return CqlType.Kind.DATE;
      case "beam:logical_type:time:v1": return CqlType.Kind.TIME;
      case "beam:logical_type:datetime:v1": case "beam:logical_type:micros_instant:v1":
      case "beam:logical_type:nanos_instant:v1":
        return CqlType.Kind.TIMESTAMP;
      case "beam:logical_type:uuid:v1": return CqlType.Kind.UUID;
      default: return null;
    }
  }

  private static boolean accepts(CqlType cql, CqlType.Kind javaKind) {
    switch (javaKind) {
      case DATE: return cql.kind() == CqlType.Kind.DATE;
      case TIME: return cql.kind() == CqlType.Kind.TIME;
      case TIMESTAMP: return cql.kind() == CqlType.Kind.TIMESTAMP || cql.kind() == CqlType.Kind.DATE;
      case UUID: return cql.kind() == CqlType.Kind.UUID || cql.kind() == CqlType.Kind.TIMEUUID;
      default: return false;
    }
  }

  /** BYTE, INT16, INT32 or INT64. */
  public static boolean isIntegral(TypeName name) {
    return name == TypeName.BYTE || name == TypeName.INT16 || name == TypeName.INT32 || name == TypeName.INT64;
  }

  private static Optional<String> ok() {
    return Optional.empty();
  }

  private static Optional<String> fail(FieldType beam, CqlType cql) {
    return Optional.of(mismatch(beam, cql));
  }

  private static String mismatch(FieldType beam, CqlType cql) {
    return "a Beam " + describe(beam) + " can never become CQL " + cql.toCql();
  }

  static String describe(FieldType type) {
    if (type.getTypeName() == TypeName.LOGICAL_TYPE) {
      return "logical type " + type.getLogicalType().getIdentifier();
    }
    return type.getTypeName().name();
  }

  static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }

  /** One value cannot be converted; the message is the reason. */
  public static final class ConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConversionException(String message) {
      super(message, null, false, false);
    }
  }
}

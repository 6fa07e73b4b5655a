package io.github.beamcassandra.pipelines.format;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.beamcassandra.transforms.schema.BeamSchemas;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/**
 * CQL values in text (CSV fields) and JSON (JSON documents) as DataStax Bulk Loader 1.10 reads and
 * writes them with its default {@code codec.*} settings, to and from the Beam values of {@link
 * BeamSchemas#fieldType(CqlType)}: what a Cassandra read gives and a write takes.
 *
 * <table>
 *   <caption>Text forms</caption>
 *   <tr><th>CQL type</th><th>read</th><th>written</th></tr>
 *   <tr><td>text, ascii</td><td>as is (ascii: ASCII only); the empty string stays empty</td>
 *       <td>as is</td></tr>
 *   <tr><td>tinyint … bigint, counter, varint</td><td>decimal notation, {@code 1,234} grouping,
 *       exponent; a zero fraction ({@code 1.0}) is allowed; out of range or a fraction is an
 *       error</td><td>{@code toString()}</td></tr>
 *   <tr><td>decimal</td><td>the same, scale kept</td><td>{@code BigDecimal.toString()}</td></tr>
 *   <tr><td>float, double</td><td>the same, {@code NaN}, {@code Infinity}, {@code -Infinity}; a value
 *       that would be rounded is an error (DSBulk {@code codec.overflowStrategy = REJECT})</td>
 *       <td>{@code Float/Double.toString()}</td></tr>
 *   <tr><td>boolean</td><td>{@code 1/0, y/n, t/f, yes/no, true/false}, any case ({@code
 *       codec.booleanStrings})</td><td>{@code 1} / {@code 0}: the first pair of that list</td></tr>
 *   <tr><td>timestamp, date, time</td><td>see {@link Temporals}: CQL literal forms, UTC when no zone
 *       </td><td>{@code 2024-01-02T03:04:05.123Z}, {@code 2024-01-02}, {@code 13:45:00.123}</td></tr>
 *   <tr><td>blob</td><td>{@code 0x}-prefixed hex or base64; empty is zero bytes</td><td>base64
 *       ({@code codec.binary = BASE64})</td></tr>
 *   <tr><td>uuid, timeuuid</td><td>8-4-4-4-12 hex; a timeuuid must be version 1</td><td>lower
 *       case</td></tr>
 *   <tr><td>inet</td><td>IPv4 or IPv6 literal, no host names</td><td>{@code getHostAddress()}</td></tr>
 *   <tr><td>duration</td><td>CQL forms: {@code 1h30m}, {@code P1DT2H}, {@code P0001-02-03T04:05:06}
 *       </td><td>{@code CqlDuration.toString()}</td></tr>
 *   <tr><td>list, set, map, tuple, UDT</td><td>JSON; outer brackets may be left out (DSBulk allows
 *       it for lists, sets and maps)</td><td>compact JSON</td></tr>
 *   <tr><td>vector</td><td>JSON array of the dimension's size</td><td>{@code [1.0, 2.5]} as the
 *       driver writes it (DSBulk 1.10, on driver 4.14, has no vectors; this is DSBulk 1.11's
 *       form)</td></tr>
 * </table>
 *
 * <p>Empty text: for every type but text, ascii and blob the empty string is null (DSBulk: "regardless
 * of this setting, DSBulk will always convert empty strings to null if the target CQL type is not
 * textual"); for those types surrounding blanks are ignored, and text of blanks only is an error.
 *
 * <p>JSON: numbers and booleans are JSON numbers and booleans (text spelling them is read too), blobs
 * are base64 strings, every other scalar a string in its text form; lists, sets, vectors and tuples are
 * arrays, maps objects whose keys are the keys' text forms, UDTs objects by field name (an array in
 * field order is read too). Collections cannot hold null; a tuple or UDT needs every component or
 * field (null for none).
 *
 * <p>Errors are {@link ValueFormatException}s naming type, value and reason. Formatting a value that
 * is not the Beam type of its CQL type is an {@link IllegalArgumentException}.
 */
public final class TextCodec {
  private static final Pattern UUID_TEXT = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern HEX_BLOB = Pattern.compile("0[xX](?:[0-9a-fA-F]{2})*+");
  private static final Map<String, Boolean> BOOLEAN_WORDS = Map.of(
      "1", true, "0", false, "y", true, "n", false, "t", true, "f", false,
      "yes", true, "no", false, "true", true, "false", false);
  private static final Map<CqlType, Schema> ROW_SCHEMAS = new ConcurrentHashMap<>();

  private TextCodec() {}

  /**
   * The Beam value of a CSV field.
   *
   * @return null for null, and for empty text unless the type is text, ascii or blob
   * @throws ValueFormatException when the text is no value of the type
   */
  public static Object parse(String text, CqlType type) {
    if (text == null) {
      return null;
    }
    switch (type.kind()) {
      case TEXT:
        return text;
      case ASCII:
        return ascii(text, type);
      case BLOB:
        // DSBulk DAT-573: an empty field is a zero-length blob, not null.
        return text.isEmpty() ? new byte[0] : blob(text.trim(), type, text);
      default:
        break;
    }
    if (text.isEmpty()) {
      return null;
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      throw new ValueFormatException(type, text, "blank: only whitespace");
    }
    return isStructured(type) ? structured(trimmed, type) : scalar(trimmed, type);
  }

  /**
   * The CSV text of a Beam value, as DSBulk unloads it.
   *
   * @return null for null
   * @throws IllegalArgumentException when the value is not of the type's Beam type
   */
  public static String format(Object value, CqlType type) {
    if (value == null) {
      return null;
    }
    try {
      switch (type.kind()) {
        case TEXT: case ASCII: case INET: case DURATION: return (String) value;
        case BOOLEAN: return (Boolean) value ? "1" : "0";
        case TINYINT: case SMALLINT: case INT: case BIGINT: case COUNTER:
          return String.valueOf(((Number) value).longValue());
        case VARINT: return integer(value).toString();
        case DECIMAL: return ((BigDecimal) value).toString();
        case FLOAT: return Float.toString((Float) value);
        case DOUBLE: return Double.toString((Double) value);
        case BLOB: return Base64.getEncoder().encodeToString(bytes(value));
        case DATE: return Temporals.formatDate((LocalDate) value);
        case TIME: return Temporals.formatTime((LocalTime) value);
        case TIMESTAMP: return Temporals.formatTimestamp(instant(value));
        case UUID: case TIMEUUID: return ((UUID) value).toString();
        case VECTOR: return vectorText((List<?>) value, type.parameters().get(0));
        default: return Json.write(toJson(value, type));
      }
    } catch (ClassCastException e) {
      throw notBeamValue(value, type);
    }
  }

  /**
   * The Beam value of a JSON value (a field of a JSON document, or an element nested in one).
   *
   * @return null for JSON null or a missing node, and for an empty string unless the type is text,
   *     ascii or blob
   * @throws ValueFormatException when the JSON is no value of the type
   */
  public static Object fromJson(JsonNode node, CqlType type) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    switch (type.kind()) {
      case TEXT:
        return textOf(node);
      case ASCII:
        return ascii(textOf(node), type);
      case BLOB:
        if (node.isBinary()) {
          try {
            return node.binaryValue();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }
        return node.isTextual() ? parse(node.textValue(), type) : wrongJson(node, type, "a string");
      case LIST: case SET:
        return node.isTextual() ? parse(node.textValue(), type) : collection(node, type);
      case VECTOR:
        return node.isTextual() ? parse(node.textValue(), type) : vector(node, type);
      case MAP:
        return node.isTextual() ? parse(node.textValue(), type) : map(node, type);
      case TUPLE:
        return node.isTextual() ? parse(node.textValue(), type) : tuple(node, type);
      case UDT:
        return node.isTextual() ? parse(node.textValue(), type) : udt(node, type);
      default:
        return scalarFromJson(node, type);
    }
  }

  /**
   * The JSON of a Beam value, as DSBulk's JSON connector unloads it.
   *
   * @throws IllegalArgumentException when the value is not of the type's Beam type
   */
  public static JsonNode toJson(Object value, CqlType type) {
    if (value == null) {
      return Json.NODES.nullNode();
    }
    try {
      switch (type.kind()) {
        case TEXT: case ASCII: case INET: case DURATION:
          return Json.NODES.textNode((String) value);
        case BOOLEAN: return Json.NODES.booleanNode((Boolean) value);
        case TINYINT: return Json.NODES.numberNode((Byte) value);
        case SMALLINT: return Json.NODES.numberNode((Short) value);
        case INT: return Json.NODES.numberNode((Integer) value);
        case BIGINT: case COUNTER: return Json.NODES.numberNode((Long) value);
        case VARINT: return Json.NODES.numberNode(integer(value));
        case DECIMAL: return Json.NODES.numberNode((BigDecimal) value);
        case FLOAT: return Json.NODES.numberNode((Float) value);
        case DOUBLE: return Json.NODES.numberNode((Double) value);
        case BLOB: return Json.NODES.binaryNode(bytes(value));
        case DATE: case TIME: case TIMESTAMP: case UUID: case TIMEUUID:
          return Json.NODES.textNode(format(value, type));
        case LIST: case SET: case VECTOR: {
          ArrayNode array = Json.NODES.arrayNode();
          for (Object element : (Iterable<?>) value) {
            array.add(toJson(element, type.parameters().get(0)));
          }
          return array;
        }
        case MAP: {
          ObjectNode object = Json.NODES.objectNode();
          for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
            object.set(format(e.getKey(), type.parameters().get(0)),
                toJson(e.getValue(), type.parameters().get(1)));
          }
          return object;
        }
        case TUPLE: {
          Row row = (Row) value;
          ArrayNode array = Json.NODES.arrayNode();
          for (int i = 0; i < type.parameters().size(); i++) {
            array.add(toJson(row.getValue(i), type.parameters().get(i)));
          }
          return array;
        }
        case UDT: {
          Row row = (Row) value;
          ObjectNode object = Json.NODES.objectNode();
          for (int i = 0; i < type.parameters().size(); i++) {
            object.set(type.fieldNames().get(i), toJson(row.getValue(i), type.parameters().get(i)));
          }
          return object;
        }
        default:
          throw new IllegalArgumentException("Unsupported CQL type " + type.toCql());
      }
    } catch (ClassCastException e) {
      throw notBeamValue(value, type);
    }
  }

  private static Object scalar(String text, CqlType type) {
    switch (type.kind()) {
      case BOOLEAN: {
        Boolean b = BOOLEAN_WORDS.get(text.toLowerCase(Locale.ROOT));
        if (b == null) {
          throw new ValueFormatException(type, text,
              "not a boolean (accepted, any case: 1/0, y/n, t/f, yes/no, true/false)");
        }
        return b;
      }
      case TINYINT: case SMALLINT: case INT: case BIGINT: case COUNTER: case VARINT:
      case DECIMAL: case FLOAT: case DOUBLE:
        return Numbers.parse(text, type);
      case DATE:
        return Temporals.date(text, type);
      case TIME:
        return Temporals.time(text, type);
      case TIMESTAMP:
        return joda(Temporals.timestamp(text, type), type, text);
      case UUID:
        return uuid(text, type);
      case TIMEUUID: {
        UUID uuid = uuid(text, type);
        if (uuid.version() != 1) {
          throw new ValueFormatException(type, text, "a timeuuid must be a version 1 (time-based) "
              + "UUID; this one is version " + uuid.version());
        }
        return uuid;
      }
      case INET:
        return InetText.parse(text, type);
      case DURATION:
        try {
          return BeamSchemas.toBeam(CqlDuration.from(text), type);
        } catch (IllegalArgumentException e) {
          throw new ValueFormatException(type, text,
              "not a duration (e.g. 1h30m, 2d, P1DT2H, P0001-02-03T04:05:06)");
        }
      default:
        throw new IllegalArgumentException("Unsupported CQL type " + type.toCql());
    }
  }

  private static Object scalarFromJson(JsonNode node, CqlType type) {
    if (node.isTextual()) {
      return parse(node.textValue(), type);
    }
    switch (type.kind()) {
      case TINYINT: case SMALLINT: case INT: case BIGINT: case COUNTER: case VARINT:
      case DECIMAL: case FLOAT: case DOUBLE:
        if (node.isNumber()) {
          return numberFromJson(node, type);
        }
        return wrongJson(node, type, "a number");
      case BOOLEAN:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
          return scalar(node.asText(), type);
        }
        return wrongJson(node, type, "a boolean");
      default:
        return wrongJson(node, type, "a string");
    }
  }

  private static Object numberFromJson(JsonNode node, CqlType type) {
    BigDecimal d;
    if (node.isIntegralNumber()) {
      d = new BigDecimal(node.bigIntegerValue());
    } else if (node.isBigDecimal()) {
      d = node.decimalValue();
    } else {
      // A binary float or double node (as toJson makes): its shortest text keeps NaN and -0.0.
      return Numbers.parse(node.asText(), type);
    }
    return Numbers.narrow(d, type, node.toString());
  }

  private static boolean isStructured(CqlType type) {
    switch (type.kind()) {
      case LIST: case SET: case MAP: case TUPLE: case UDT: case VECTOR: return true;
      default: return false;
    }
  }

  /** Parses the JSON text of a collection, tuple, UDT or vector; DSBulk lets the outer brackets go. */
  private static Object structured(String text, CqlType type) {
    String json = text;
    char first = text.charAt(0);
    if (first != '[' && first != '{') {
      boolean object = type.kind() == CqlType.Kind.MAP || type.kind() == CqlType.Kind.UDT;
      json = object ? "{" + text + "}" : "[" + text + "]";
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ValueFormatException(type, text, "not valid JSON: " + Json.reason(e));
    }
    try {
      return fromJson(node, type);
    } catch (ValueFormatException e) {
      // Name the text as given rather than its re-written JSON.
      if (e.cqlType().equals(type.toCql()) && !e.value().equals(text)) {
        throw new ValueFormatException(type, text, e.reason());
      }
      throw e;
    }
  }

  private static List<Object> collection(JsonNode node, CqlType type) {
    if (!node.isArray()) {
      return wrongJson(node, type, "an array");
    }
    CqlType elementType = type.parameters().get(0);
    List<Object> values = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String label = "element " + (i + 1);
      Object value = nested(node, node.get(i), elementType, type, label);
      if (value == null) {
        throw new ValueFormatException(type, Json.write(node),
            label + " is null; a " + type.kind().name().toLowerCase(Locale.ROOT) + " cannot hold null");
      }
      values.add(value);
    }
    return values;
  }

  private static List<Object> vector(JsonNode node, CqlType type) {
    List<Object> values = collection(node, type);
    if (values.size() != type.dimension()) {
      throw new ValueFormatException(type, Json.write(node), values.size()
          + " elements, but the vector has " + type.dimension());
    }
    return values;
  }

  private static Map<Object, Object> map(JsonNode node, CqlType type) {
    if (!node.isObject()) {
      return wrongJson(node, type, "an object");
    }
    CqlType keyType = type.parameters().get(0);
    CqlType valueType = type.parameters().get(1);
    Map<Object, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String label = "key " + ValueFormatException.shown(entry.getKey());
      Object key;
      try {
        key = parse(entry.getKey(), keyType);
      } catch (ValueFormatException e) {
        throw new ValueFormatException(type, Json.write(node), label + ": " + e.getMessage());
      }
      if (key == null) {
        throw new ValueFormatException(type, Json.write(node), label + " is null; map keys cannot be");
      }
      Object value = nested(node, entry.getValue(), valueType, type, "value of " + label);
      if (value == null) {
        throw new ValueFormatException(type, Json.write(node),
            "value of " + label + " is null; a map cannot hold null");
      }
      values.put(key, value);
    }
    return values;
  }

  private static Row tuple(JsonNode node, CqlType type) {
    if (!node.isArray()) {
      return wrongJson(node, type, "an array");
    }
    int size = type.parameters().size();
    if (node.size() != size) {
      throw new ValueFormatException(type, Json.write(node),
          node.size() + " components, but the tuple has " + size + " (null for none)");
    }
    List<Object> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(nested(node, node.get(i), type.parameters().get(i), type, "component " + (i + 1)));
    }
    return row(type, values);
  }

  private static Row udt(JsonNode node, CqlType type) {
    List<String> names = type.fieldNames();
    List<Object> values = new ArrayList<>(names.size());
    if (node.isArray()) {
      if (node.size() != names.size()) {
        throw new ValueFormatException(type, Json.write(node), node.size()
            + " values, but the type has " + names.size() + " fields (" + String.join(", ", names)
            + ")");
      }
      for (int i = 0; i < names.size(); i++) {
        values.add(nested(node, node.get(i), type.parameters().get(i), type, "field " + names.get(i)));
      }
      return row(type, values);
    }
    if (!node.isObject()) {
      return wrongJson(node, type, "an object");
    }
    Set<String> given = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(given::add);
    List<String> unknown = given.stream().filter(n -> !names.contains(n)).collect(Collectors.toList());
    List<String> missing = names.stream().filter(n -> !given.contains(n)).collect(Collectors.toList());
    if (!unknown.isEmpty()) {
      throw new ValueFormatException(type, Json.write(node), "unknown field(s) "
          + String.join(", ", unknown) + "; the fields are " + String.join(", ", names));
    }
    if (!missing.isEmpty()) {
      throw new ValueFormatException(type, Json.write(node), "missing field(s) "
          + String.join(", ", missing) + "; give every field, null for none");
    }
    for (int i = 0; i < names.size(); i++) {
      values.add(nested(node, node.get(names.get(i)), type.parameters().get(i), type,
          "field " + names.get(i)));
    }
    return row(type, values);
  }

  private static Object nested(JsonNode parent, JsonNode child, CqlType childType, CqlType type,
      String label) {
    try {
      return fromJson(child, childType);
    } catch (ValueFormatException e) {
      throw new ValueFormatException(type, Json.write(parent), label + ": " + e.getMessage());
    }
  }

  /** A tuple's or UDT's row; {@code values} have the Beam types of its fields. */
  static Row row(CqlType type, List<Object> values) {
    Schema schema = ROW_SCHEMAS.computeIfAbsent(type, t -> BeamSchemas.fieldType(t).getRowSchema());
    // The values already have the Beam types of the schema: Beam's per-value check is skipped.
    return Row.withSchema(schema).attachValues(values);
  }

  private static String textOf(JsonNode node) {
    return node.isContainerNode() ? Json.write(node) : node.asText();
  }

  private static String ascii(String text, CqlType type) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7F) {
        throw new ValueFormatException(type, text, "non-ASCII character '"
            + Character.toString(text.codePointAt(i)) + "' at position " + (i + 1));
      }
    }
    return text;
  }

  private static byte[] blob(String text, CqlType type, String shown) {
    if (text.startsWith("0x") || text.startsWith("0X")) {
      if (!HEX_BLOB.matcher(text).matches()) {
        throw new ValueFormatException(type, shown,
            "not a hex blob: 0x must be followed by an even number of hex digits");
      }
      return HexFormat.of().parseHex(text, 2, text.length());
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new ValueFormatException(type, shown, "neither base64 nor 0x-prefixed hex");
    }
  }

  private static UUID uuid(String text, CqlType type) {
    if (!UUID_TEXT.matcher(text).matches()) {
      throw new ValueFormatException(type, text,
          "not a UUID (expected 32 hex digits as 8-4-4-4-12, e.g. 123e4567-e89b-12d3-a456-426614174000)");
    }
    return UUID.fromString(text);
  }

  private static org.joda.time.Instant joda(Instant instant, CqlType type, String text) {
    try {
      // CQL timestamps hold milliseconds: finer digits are dropped, as the driver does.
      return new org.joda.time.Instant(instant.toEpochMilli());
    } catch (ArithmeticException e) {
      throw new ValueFormatException(type, text, "out of range for a timestamp");
    }
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant) {
      return (Instant) value;
    }
    return Instant.ofEpochMilli(((ReadableInstant) value).getMillis());
  }

  private static BigInteger integer(Object value) {
    if (value instanceof BigInteger) {
      return (BigInteger) value;
    }
    return ((BigDecimal) value).toBigIntegerExact();
  }

  private static byte[] bytes(Object value) {
    if (value instanceof ByteBuffer) {
      ByteBuffer buffer = ((ByteBuffer) value).duplicate();
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    }
    return (byte[]) value;
  }

  private static String vectorText(List<?> values, CqlType elementType) {
    return values.stream().map(v -> Json.write(toJson(v, elementType)))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static <T> T wrongJson(JsonNode node, CqlType type, String expected) {
    throw new ValueFormatException(type, Json.write(node),
        "expected " + expected + ", found " + JsonRecordReader.describe(node));
  }

  private static IllegalArgumentException notBeamValue(Object value, CqlType type) {
    return new IllegalArgumentException("a " + value.getClass().getSimpleName()
        + " is not a Beam value of CQL " + type.toCql() + ", which takes "
        + BeamSchemas.fieldType(type).toString().replace(" NOT NULL", ""));
  }
}

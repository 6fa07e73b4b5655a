package io.github.beamcassandra.pipelines.format;

import static io.github.beamcassandra.pipelines.format.Types.ADDRESS;
import static io.github.beamcassandra.pipelines.format.Types.ASCII;
import static io.github.beamcassandra.pipelines.format.Types.BIGINT;
import static io.github.beamcassandra.pipelines.format.Types.BLOB;
import static io.github.beamcassandra.pipelines.format.Types.BOOLEAN;
import static io.github.beamcassandra.pipelines.format.Types.COUNTER;
import static io.github.beamcassandra.pipelines.format.Types.DATE;
import static io.github.beamcassandra.pipelines.format.Types.DECIMAL;
import static io.github.beamcassandra.pipelines.format.Types.DOUBLE;
import static io.github.beamcassandra.pipelines.format.Types.DURATION;
import static io.github.beamcassandra.pipelines.format.Types.FLOAT;
import static io.github.beamcassandra.pipelines.format.Types.INET;
import static io.github.beamcassandra.pipelines.format.Types.INT;
import static io.github.beamcassandra.pipelines.format.Types.LIST_INT;
import static io.github.beamcassandra.pipelines.format.Types.MAP_INT_TEXT;
import static io.github.beamcassandra.pipelines.format.Types.MAP_TEXT_INT;
import static io.github.beamcassandra.pipelines.format.Types.NESTED;
import static io.github.beamcassandra.pipelines.format.Types.SET_TEXT;
import static io.github.beamcassandra.pipelines.format.Types.SMALLINT;
import static io.github.beamcassandra.pipelines.format.Types.TEXT;
import static io.github.beamcassandra.pipelines.format.Types.TIME;
import static io.github.beamcassandra.pipelines.format.Types.TIMESTAMP;
import static io.github.beamcassandra.pipelines.format.Types.TIMEUUID;
import static io.github.beamcassandra.pipelines.format.Types.TINYINT;
import static io.github.beamcassandra.pipelines.format.Types.TUPLE_INT_TEXT;
import static io.github.beamcassandra.pipelines.format.Types.UUID;
import static io.github.beamcassandra.pipelines.format.Types.VARINT;
import static io.github.beamcassandra.pipelines.format.Types.VECTOR_FLOAT_3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.transforms.schema.BeamSchemas;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TextCodecTest {

  /** One text per CQL type, as DSBulk 1.10 unloads it: reading then writing must give it back. */
  static Stream<Arguments> canonicalTexts() {
    return Stream.of(
        Arguments.of(ASCII, "plain ascii"),
        Arguments.of(BIGINT, "-9223372036854775808"),
        Arguments.of(BLOB, "yv66vg=="),
        Arguments.of(BOOLEAN, "1"),
        Arguments.of(BOOLEAN, "0"),
        Arguments.of(COUNTER, "42"),
        Arguments.of(DATE, "2024-02-29"),
        Arguments.of(DECIMAL, "1234.5600"),
        Arguments.of(DECIMAL, "1E+3"),
        Arguments.of(DOUBLE, "3.141592653589793"),
        Arguments.of(DOUBLE, "1.0E-10"),
        Arguments.of(DOUBLE, "NaN"),
        Arguments.of(DOUBLE, "-Infinity"),
        Arguments.of(DOUBLE, "-0.0"),
        Arguments.of(DURATION, "1y2mo3d4h5m6s7ms"),
        Arguments.of(DURATION, "0s"),
        Arguments.of(FLOAT, "3.14"),
        Arguments.of(FLOAT, "Infinity"),
        Arguments.of(INET, "192.168.0.1"),
        Arguments.of(INET, "2001:db8:0:0:0:0:0:1"),
        Arguments.of(INT, "-2147483648"),
        Arguments.of(SMALLINT, "32767"),
        Arguments.of(Types.TEXT, "multi\nline, \"quoted\" ünïcödé"),
        Arguments.of(TIME, "13:45:00.123"),
        Arguments.of(TIME, "00:00:00"),
        Arguments.of(TIMESTAMP, "2024-01-02T03:04:05.123Z"),
        Arguments.of(TIMESTAMP, "1969-12-31T23:59:59.999Z"),
        Arguments.of(TIMEUUID, "50554d6e-29bb-11e5-b345-feff819cdc9f"),
        Arguments.of(TINYINT, "-128"),
        Arguments.of(UUID, "123e4567-e89b-42d3-a456-426614174000"),
        Arguments.of(VARINT, "123456789012345678901234567890"),
        Arguments.of(LIST_INT, "[1,2,3]"),
        Arguments.of(SET_TEXT, "[\"a\",\"b,c\"]"),
        Arguments.of(MAP_TEXT_INT, "{\"a\":1,\"b\":-2}"),
        Arguments.of(MAP_INT_TEXT, "{\"1\":\"x\",\"2\":\"\"}"),
        Arguments.of(TUPLE_INT_TEXT, "[1,null]"),
        Arguments.of(ADDRESS, "{\"street\":\"Main St\",\"zip\":12345,\"tags\":[\"home\"]}"),
        Arguments.of(VECTOR_FLOAT_3, "[1.0, -2.5, 3.25]"),
        Arguments.of(NESTED, "{\"k\":[[\"2024-01-02T03:04:05Z\",\"yv66vg==\"],[null,null]]}"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("canonicalTexts")
  void textRoundTripsThroughTheBeamValue(CqlType type, String text) {
    Object value = TextCodec.parse(text, type);
    assertEquals(text, TextCodec.format(value, type));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("canonicalTexts")
  void jsonRoundTripsThroughTheBeamValue(CqlType type, String text) {
    Object value = TextCodec.parse(text, type);
    Object again = TextCodec.fromJson(TextCodec.toJson(value, type), type);
    assertEquals(text, TextCodec.format(again, type));
  }

  @Test
  void everyCqlKindHasARoundTripCase() {
    Set<CqlType.Kind> covered = canonicalTexts().map(a -> ((CqlType) a.get()[0]).kind())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(CqlType.Kind.class)));
    assertEquals(EnumSet.allOf(CqlType.Kind.class), covered);
  }

  @Test
  void valuesHaveTheBeamTypesOfAReadOfTheTable() {
    assertEquals(42, TextCodec.parse("42", INT));
    assertEquals(42L, TextCodec.parse("42", BIGINT));
    assertEquals((short) 42, TextCodec.parse("42", SMALLINT));
    assertEquals((byte) 42, TextCodec.parse("42", TINYINT));
    assertEquals(new BigDecimal("42"), TextCodec.parse("42", VARINT));
    assertEquals(3.5d, TextCodec.parse("3.5", DOUBLE));
    assertEquals(3.5f, TextCodec.parse("3.5", FLOAT));
    assertEquals(true, TextCodec.parse("true", BOOLEAN));
    assertEquals(LocalDate.of(2024, 1, 2), TextCodec.parse("2024-01-02", DATE));
    assertEquals(LocalTime.of(13, 45), TextCodec.parse("13:45", TIME));
    assertEquals(new Instant(1704164645000L), TextCodec.parse("2024-01-02T03:04:05Z", TIMESTAMP));
    assertEquals(java.util.UUID.fromString("123e4567-e89b-42d3-a456-426614174000"),
        TextCodec.parse("123E4567-E89B-42D3-A456-426614174000", UUID));
    assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe}, (byte[]) TextCodec.parse("0xCAFE", BLOB));
    assertEquals(List.of(1, 2), TextCodec.parse("[1,2]", LIST_INT));
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("a", 1);
    assertEquals(map, TextCodec.parse("{\"a\":1}", MAP_TEXT_INT));
    assertEquals(List.of(1.0f, 2.0f, 3.0f), TextCodec.parse("[1,2,3]", VECTOR_FLOAT_3));
    Row tuple = (Row) TextCodec.parse("[7,\"x\"]", TUPLE_INT_TEXT);
    assertEquals(Arrays.asList(7, "x"), tuple.getValues());
    assertEquals(BeamSchemas.fieldType(TUPLE_INT_TEXT).getRowSchema(), tuple.getSchema());
  }

  @Test
  void emptyTextIsNullExceptForTextAsciiAndBlob() {
    assertEquals("", TextCodec.parse("", TEXT));
    assertEquals("", TextCodec.parse("", ASCII));
    assertArrayEquals(new byte[0], (byte[]) TextCodec.parse("", BLOB));
    for (CqlType type : List.of(INT, BIGINT, DOUBLE, DECIMAL, BOOLEAN, DATE, TIME, TIMESTAMP, UUID,
        INET, DURATION, LIST_INT, MAP_TEXT_INT, TUPLE_INT_TEXT, ADDRESS, VECTOR_FLOAT_3)) {
      assertNull(TextCodec.parse("", type), type.toCql());
      assertThrows(ValueFormatException.class, () -> TextCodec.parse("  ", type), type.toCql());
    }
    assertError("cannot read ' ' as int: blank: only whitespace", " ", INT);
    assertEquals(" ", TextCodec.parse(" ", TEXT));
    assertNull(TextCodec.parse(null, TEXT));
    assertNull(TextCodec.format(null, INT));
  }

  @Test
  void textKeepsSurroundingBlanksAndOtherTypesIgnoreThem() {
    assertEquals(" a ", TextCodec.parse(" a ", TEXT));
    assertEquals(42, TextCodec.parse(" 42 ", INT));
    assertEquals(new Instant(0), TextCodec.parse(" 1970-01-01T00:00:00Z ", TIMESTAMP));
  }

  @Test
  void integersAcceptDsbulkNumberFormsButNeverWrap() {
    assertEquals(1234, TextCodec.parse("1,234", INT));
    assertEquals(-1234567, TextCodec.parse("-1,234,567", INT));
    assertEquals(1, TextCodec.parse("1.0", INT));
    assertEquals(1000, TextCodec.parse("1e3", INT));
    assertEquals(5, TextCodec.parse("+5", INT));
    assertError("cannot read '2147483648' as int: out of range for int (-2147483648 to 2147483647)",
        "2147483648", INT);
    assertError("cannot read '128' as tinyint: out of range for tinyint (-128 to 127)", "128",
        TINYINT);
    assertError("cannot read '-32769' as smallint: out of range for smallint (-32768 to 32767)",
        "-32769", SMALLINT);
    assertError("cannot read '9223372036854775808' as bigint: out of range for bigint "
        + "(-9223372036854775808 to 9223372036854775807)", "9223372036854775808", BIGINT);
    assertError("cannot read '1.5' as int: not a whole number", "1.5", INT);
    assertError("cannot read 'abc' as int: not a number", "abc", INT);
    assertEquals(1234, TextCodec.parse("12,34", INT), "DSBulk's lenient grouping");
    assertError("cannot read ',12' as int: not a number", ",12", INT);
    assertError("cannot read '12,' as int: not a number", "12,", INT);
    assertError("cannot read '0x10' as int: not a number", "0x10", INT);
    assertError("cannot read '1e99999' as int: out of range for int (-2147483648 to 2147483647)",
        "1e99999", INT);
    assertError("cannot read '1e10001' as varint: more than 10000 digits", "1e10001", VARINT);
  }

  @Test
  void decimalsKeepTheirScale() {
    assertEquals(new BigDecimal("1.10"), TextCodec.parse("1.10", DECIMAL));
    assertEquals(2, ((BigDecimal) TextCodec.parse("1,234.50", DECIMAL)).scale());
    assertEquals("1234.50", TextCodec.format(TextCodec.parse("1,234.50", DECIMAL), DECIMAL));
  }

  @Test
  void floatingPointRejectsRoundingAndOverflowAsDsbulkDoes() {
    assertEquals(Double.NaN, TextCodec.parse("NaN", DOUBLE));
    assertEquals(Float.NEGATIVE_INFINITY, TextCodec.parse("-Infinity", FLOAT));
    assertEquals(-0.0d, TextCodec.parse("-0", DOUBLE));
    assertEquals(0.1d, TextCodec.parse("0.10", DOUBLE));
    assertError("cannot read '0.1234567890123456789' as double: a double cannot hold it without "
        + "rounding (nearest: 0.12345678901234568); DSBulk rejects it too (codec.overflowStrategy "
        + "REJECT)", "0.1234567890123456789", DOUBLE);
    assertError("cannot read '3.14159265' as float: a float cannot hold it without rounding "
        + "(nearest: 3.1415927); DSBulk rejects it too (codec.overflowStrategy REJECT)", "3.14159265",
        FLOAT);
    assertError("cannot read '1e309' as double: out of range for double", "1e309", DOUBLE);
    assertError("cannot read '1e39' as float: out of range for float", "1e39", FLOAT);
    assertError("cannot read 'nan' as double: not a number", "nan", DOUBLE);
  }

  @Test
  void booleansTakeDsbulksWordsInAnyCaseAndWriteTheFirstPair() {
    for (String yes : List.of("1", "y", "Y", "t", "T", "yes", "YES", "true", "True")) {
      assertEquals(true, TextCodec.parse(yes, BOOLEAN), yes);
    }
    for (String no : List.of("0", "n", "f", "no", "No", "false", "FALSE")) {
      assertEquals(false, TextCodec.parse(no, BOOLEAN), no);
    }
    assertEquals("1", TextCodec.format(true, BOOLEAN));
    assertEquals("0", TextCodec.format(false, BOOLEAN));
    assertError("cannot read 'maybe' as boolean: not a boolean (accepted, any case: 1/0, y/n, t/f, "
        + "yes/no, true/false)", "maybe", BOOLEAN);
  }

  @Test
  void blobsReadHexOrBase64AndWriteBase64() {
    byte[] cafebabe = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe};
    assertArrayEquals(cafebabe, (byte[]) TextCodec.parse("0xcafebabe", BLOB));
    assertArrayEquals(cafebabe, (byte[]) TextCodec.parse("yv66vg==", BLOB));
    assertArrayEquals(cafebabe, (byte[]) TextCodec.parse("yv66vg", BLOB));
    assertArrayEquals(new byte[0], (byte[]) TextCodec.parse("0x", BLOB));
    assertEquals("yv66vg==", TextCodec.format(cafebabe, BLOB));
    assertEquals("yv66vg==", TextCodec.format(java.nio.ByteBuffer.wrap(cafebabe), BLOB));
    assertError("cannot read '0xabc' as blob: not a hex blob: 0x must be followed by an even number "
        + "of hex digits", "0xabc", BLOB);
    assertError("cannot read '!!' as blob: neither base64 nor 0x-prefixed hex", "!!", BLOB);
  }

  @Test
  void uuidsMustBeCanonicalAndTimeuuidsVersionOne() {
    assertError("cannot read 'not-a-uuid' as uuid: not a UUID (expected 32 hex digits as "
        + "8-4-4-4-12, e.g. 123e4567-e89b-12d3-a456-426614174000)", "not-a-uuid", UUID);
    assertThrows(ValueFormatException.class, () -> TextCodec.parse("1-1-1-1-1", UUID),
        "UUID.fromString would take it");
    assertError("cannot read '123e4567-e89b-42d3-a456-426614174000' as timeuuid: a timeuuid must be "
        + "a version 1 (time-based) UUID; this one is version 4",
        "123e4567-e89b-42d3-a456-426614174000", TIMEUUID);
  }

  @Test
  void inetTakesLiteralAddressesOnly() {
    assertEquals("10.0.0.1", TextCodec.parse("10.0.0.1", INET));
    assertEquals("0:0:0:0:0:0:0:1", TextCodec.parse("::1", INET));
    assertEquals("2001:db8:0:0:0:0:0:1", TextCodec.parse("[2001:DB8::1]", INET));
    assertEquals("10.0.0.1", TextCodec.parse("::ffff:10.0.0.1", INET));
    assertEquals("0:0:0:0:0:0:0:0", TextCodec.parse("::", INET));
    for (String bad : List.of("localhost", "1.2.3", "256.1.1.1", "01.2.3.4", "1:2:3:4:5:6:7:8:9",
        "1::2::3", "fe80::1%eth0", "12345::")) {
      assertError("cannot read '" + bad + "' as inet: not an IP address (host names are not looked "
          + "up; give e.g. 10.0.0.1 or ::1)", bad, INET);
    }
  }

  @Test
  void durationsTakeTheCqlForms() {
    assertEquals("1h30m", TextCodec.parse("1h30m", DURATION));
    assertEquals("1d2h", TextCodec.parse("P1DT2H", DURATION));
    assertEquals("1y2mo3d4h5m6s", TextCodec.parse("P0001-02-03T04:05:06", DURATION));
    assertEquals("-14d", TextCodec.parse("-P2W", DURATION));
    assertEquals("0s", TextCodec.parse("PT0S", DURATION), "a zero duration is 0s, never the empty (null) text");
    assertError("cannot read 'soon' as duration: not a duration (e.g. 1h30m, 2d, P1DT2H, "
        + "P0001-02-03T04:05:06)", "soon", DURATION);
  }

  @Test
  void datesAndTimesAreIsoLocal() {
    assertEquals("2024-01-02", TextCodec.format(LocalDate.of(2024, 1, 2), DATE));
    assertEquals("13:45:00.000000001", TextCodec.format(LocalTime.of(13, 45, 0, 1), TIME));
    ValueFormatException e = assertThrows(ValueFormatException.class,
        () -> TextCodec.parse("2024-02-30", DATE));
    assertTrue(e.getMessage().startsWith("cannot read '2024-02-30' as date: expected an ISO-8601 "
        + "date such as 2024-01-02 ("), e.getMessage());
    e = assertThrows(ValueFormatException.class, () -> TextCodec.parse("25:00", TIME));
    assertTrue(e.getMessage().startsWith("cannot read '25:00' as time: expected an ISO-8601 time "
        + "such as 13:45:00.123 ("), e.getMessage());
  }

  @Test
  void timestampsTakeEveryCqlLiteralFormAndUtcWithoutZone() {
    long base = 1704164645000L; // 2024-01-02T03:04:05Z
    assertTimestamp(base, "2024-01-02T03:04:05Z");
    assertTimestamp(base, "2024-01-02 03:04:05");
    assertTimestamp(base, "2024-01-02T03:04:05");
    assertTimestamp(base + 123, "2024-01-02T03:04:05.123Z");
    assertTimestamp(base + 123 - 3_600_000, "2024-01-02T03:04:05.123+01:00");
    assertTimestamp(base - 3_600_000, "2024-01-02 03:04:05+0100");
    assertTimestamp(base + 7_200_000, "2024-01-02T03:04:05-02");
    assertTimestamp(base, "2024-01-02 03:04:05 UTC");
    assertTimestamp(base - 3_600_000, "2024-01-02T03:04:05 Europe/Paris");
    assertTimestamp(base - 5_000, "2024-01-02T03:04");
    assertTimestamp(1704153600000L, "2024-01-02");
    assertTimestamp(base + 123, "2024-01-02T03:04:05.123999Z");
    assertError("cannot read 'yesterday' as timestamp: expected a CQL timestamp such as "
        + "2024-01-02T03:04:05Z, 2024-01-02 03:04:05.123+0100 or 2024-01-02", "yesterday", TIMESTAMP);
    assertError("cannot read '1704164645000' as timestamp: expected a CQL timestamp such as "
        + "2024-01-02T03:04:05Z, 2024-01-02 03:04:05.123+0100 or 2024-01-02", "1704164645000",
        TIMESTAMP);
    ValueFormatException e = assertThrows(ValueFormatException.class,
        () -> TextCodec.parse("2024-13-01T00:00:00Z", TIMESTAMP));
    assertTrue(e.getMessage().startsWith("cannot read '2024-13-01T00:00:00Z' as timestamp: Text "
        + "'2024-13-01' could not be parsed"), e.getMessage());
    e = assertThrows(ValueFormatException.class,
        () -> TextCodec.parse("2024-01-02T03:04:05 Mars/Base", TIMESTAMP));
    assertTrue(e.getMessage().startsWith("cannot read '2024-01-02T03:04:05 Mars/Base' as timestamp:"),
        e.getMessage());
  }

  @Test
  void timestampsAreWrittenIsoWithOffsetInUtc() {
    assertEquals("2024-01-02T03:04:05Z", TextCodec.format(new Instant(1704164645000L), TIMESTAMP));
    assertEquals("2024-01-02T03:04:05.12Z", TextCodec.format(new Instant(1704164645120L), TIMESTAMP),
        "ISO_OFFSET_DATE_TIME writes the fewest fraction digits");
    assertEquals("1970-01-01T00:00:00.001Z", TextCodec.format(java.time.Instant.ofEpochMilli(1),
        TIMESTAMP));
  }

  @Test
  void asciiRejectsOtherCharacters() {
    assertError("cannot read 'héllo' as ascii: non-ASCII character 'é' at position 2", "héllo",
        ASCII);
  }

  @Test
  void collectionsAreJsonWithOptionalOuterBrackets() {
    assertEquals(List.of(1, 2, 3), TextCodec.parse("1,2,3", LIST_INT));
    assertEquals(List.of(), TextCodec.parse("[]", LIST_INT));
    assertEquals(List.of("a", "b"), TextCodec.parse("\"a\",\"b\"", SET_TEXT));
    assertEquals(Map.of("a", 1), TextCodec.parse("\"a\":1", MAP_TEXT_INT));
    assertEquals(List.of(1, 2), TextCodec.parse("[\"1\", 2]", LIST_INT), "numbers as strings");
    assertEquals(Map.of(1, "x"), TextCodec.parse("{\"1\":\"x\"}", MAP_INT_TEXT));
    assertError("cannot read '[1,\"x\"]' as list<int>: element 2: cannot read 'x' as int: not a "
        + "number", "[1,\"x\"]", LIST_INT);
    assertError("cannot read '[1,null]' as list<int>: element 2 is null; a list cannot hold null",
        "[1,null]", LIST_INT);
    assertError("cannot read '{\"x\":\"y\"}' as map<int, text>: key 'x': cannot read 'x' as int: not "
        + "a number", "{\"x\":\"y\"}", MAP_INT_TEXT);
    assertError("cannot read '{\"a\":null}' as map<text, int>: value of key 'a' is null; a map "
        + "cannot hold null", "{\"a\":null}", MAP_TEXT_INT);
    assertError("cannot read '{\"a\":1}' as list<int>: expected an array, found an object",
        "{\"a\":1}", LIST_INT);
    ValueFormatException e = assertThrows(ValueFormatException.class,
        () -> TextCodec.parse("1, x", LIST_INT));
    assertTrue(e.getMessage().startsWith("cannot read '1, x' as list<int>: not valid JSON: "),
        e.getMessage());
  }

  @Test
  void tuplesAndUdtsNeedEveryComponent() {
    Row address = (Row) TextCodec.parse("[\"Main\", 1, []]", ADDRESS);
    assertEquals(Arrays.asList("Main", 1, List.of()), address.getValues());
    Row nulls = (Row) TextCodec.parse("{\"street\":null,\"zip\":null,\"tags\":null}", ADDRESS);
    assertEquals(Arrays.asList(null, null, null), nulls.getValues());
    assertError("cannot read '[1]' as tuple<int, text>: 1 components, but the tuple has 2 (null for "
        + "none)", "[1]", TUPLE_INT_TEXT);
    assertError("cannot read '{\"street\":\"Main\"}' as frozen<address>: missing field(s) zip, tags; "
        + "give every field, null for none", "{\"street\":\"Main\"}", ADDRESS);
    assertError("cannot read '{\"street\":\"a\",\"zip\":1,\"tags\":[],\"city\":\"x\"}' as "
        + "frozen<address>: unknown field(s) city; the fields are street, zip, tags",
        "{\"street\":\"a\",\"zip\":1,\"tags\":[],\"city\":\"x\"}", ADDRESS);
    assertError("cannot read '{\"street\":\"a\",\"zip\":\"z\",\"tags\":[]}' as frozen<address>: field "
        + "zip: cannot read 'z' as int: not a number", "{\"street\":\"a\",\"zip\":\"z\",\"tags\":[]}",
        ADDRESS);
  }

  @Test
  void vectorsNeedTheirDimension() {
    assertError("cannot read '[1,2]' as vector<float, 3>: 2 elements, but the vector has 3", "[1,2]",
        VECTOR_FLOAT_3);
  }

  @Test
  void messagesCutLongValues() {
    String longText = "x".repeat(500);
    ValueFormatException e = assertThrows(ValueFormatException.class,
        () -> TextCodec.parse(longText, INT));
    assertEquals("cannot read '" + "x".repeat(97) + "...' as int: not a number", e.getMessage());
    assertEquals(longText, e.value());
    assertEquals("int", e.cqlType());
    assertEquals("not a number", e.reason());
  }

  @Test
  void formattingAWrongBeamTypeIsAnIllegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TextCodec.format("x", INT));
    assertEquals("a String is not a Beam value of CQL int, which takes INT32", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TextCodec.toJson(42, TEXT));
  }

  private static void assertTimestamp(long millis, String text) {
    assertEquals(new Instant(millis), TextCodec.parse(text, TIMESTAMP), text);
  }

  static void assertError(String message, String text, CqlType type) {
    ValueFormatException e = assertThrows(ValueFormatException.class, () -> TextCodec.parse(text, type));
    assertEquals(message, e.getMessage());
    assertTrue(e instanceof IllegalArgumentException);
  }
}

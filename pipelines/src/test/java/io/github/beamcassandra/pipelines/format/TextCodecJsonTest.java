package io.github.beamcassandra.pipelines.format;

import static io.github.beamcassandra.pipelines.format.Types.ADDRESS;
import static io.github.beamcassandra.pipelines.format.Types.ASCII;
import static io.github.beamcassandra.pipelines.format.Types.BIGINT;
import static io.github.beamcassandra.pipelines.format.Types.BLOB;
import static io.github.beamcassandra.pipelines.format.Types.BOOLEAN;
import static io.github.beamcassandra.pipelines.format.Types.DATE;
import static io.github.beamcassandra.pipelines.format.Types.DECIMAL;
import static io.github.beamcassandra.pipelines.format.Types.DOUBLE;
import static io.github.beamcassandra.pipelines.format.Types.FLOAT;
import static io.github.beamcassandra.pipelines.format.Types.INT;
import static io.github.beamcassandra.pipelines.format.Types.LIST_TEXT;
import static io.github.beamcassandra.pipelines.format.Types.MAP_INT_TEXT;
import static io.github.beamcassandra.pipelines.format.Types.TEXT;
import static io.github.beamcassandra.pipelines.format.Types.TIMESTAMP;
import static io.github.beamcassandra.pipelines.format.Types.TUPLE_INT_TEXT;
import static io.github.beamcassandra.pipelines.format.Types.UUID;
import static io.github.beamcassandra.pipelines.format.Types.VARINT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class TextCodecJsonTest {

  @Test
  void scalarsComeFromJsonNumbersBooleansAndStrings() {
    assertEquals(42, TextCodec.fromJson(json("42"), INT));
    assertEquals(42, TextCodec.fromJson(json("\"42\""), INT));
    assertEquals(42L, TextCodec.fromJson(json("4.2e1"), BIGINT));
    assertEquals(new BigDecimal("1.10"), TextCodec.fromJson(json("1.10"), DECIMAL));
    assertEquals(new BigDecimal("12345678901234567890"),
        TextCodec.fromJson(json("12345678901234567890"), VARINT));
    assertEquals(0.1d, TextCodec.fromJson(json("0.1"), DOUBLE));
    assertEquals(Double.NaN, TextCodec.fromJson(json("\"NaN\""), DOUBLE));
    assertEquals(1.5f, TextCodec.fromJson(json("1.5"), FLOAT));
    assertEquals(true, TextCodec.fromJson(json("true"), BOOLEAN));
    assertEquals(false, TextCodec.fromJson(json("\"N\""), BOOLEAN));
    assertEquals(true, TextCodec.fromJson(json("1"), BOOLEAN));
    assertEquals(LocalDate.of(2024, 1, 2), TextCodec.fromJson(json("\"2024-01-02\""), DATE));
    assertEquals(new Instant(0), TextCodec.fromJson(json("\"1970-01-01 00:00:00\""), TIMESTAMP));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) TextCodec.fromJson(json("\"AQID\""), BLOB));
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) TextCodec.fromJson(json("\"0x010203\""), BLOB));
    assertArrayEquals(new byte[] {1, 2},
        (byte[]) TextCodec.fromJson(JsonNodeFactory.instance.binaryNode(new byte[] {1, 2}), BLOB));
  }

  @Test
  void textTakesAnyJsonAsText() {
    assertEquals("12", TextCodec.fromJson(json("12"), TEXT));
    assertEquals("{\"a\":[1,2]}", TextCodec.fromJson(json("{\"a\": [1, 2]}"), TEXT));
    assertEquals("", TextCodec.fromJson(json("\"\""), TEXT));
    assertEquals("", TextCodec.fromJson(json("\"\""), ASCII));
  }

  @Test
  void nullMissingAndEmptyStrings() {
    assertNull(TextCodec.fromJson(json("null"), INT));
    assertNull(TextCodec.fromJson(null, INT));
    assertNull(TextCodec.fromJson(json("\"\""), INT));
    assertNull(TextCodec.fromJson(json("\"\""), TIMESTAMP));
    assertNull(TextCodec.fromJson(json("null"), TEXT));
    assertArrayEquals(new byte[0], (byte[]) TextCodec.fromJson(json("\"\""), BLOB));
  }

  @Test
  void structuredValuesComeFromArraysAndObjectsOrTheirText() {
    assertEquals(List.of("a", "b"), TextCodec.fromJson(json("[\"a\",\"b\"]"), LIST_TEXT));
    assertEquals(List.of("a", "b"), TextCodec.fromJson(json("\"[\\\"a\\\",\\\"b\\\"]\""), LIST_TEXT));
    assertEquals(Map.of(1, "x"), TextCodec.fromJson(json("{\"1\":\"x\"}"), MAP_INT_TEXT));
    Row tuple = (Row) TextCodec.fromJson(json("[1,\"a\"]"), TUPLE_INT_TEXT);
    assertEquals(Arrays.asList(1, "a"), tuple.getValues());
    Row address = (Row) TextCodec.fromJson(json("{\"zip\":1,\"street\":\"S\",\"tags\":[\"t\"]}"),
        ADDRESS);
    assertEquals(Arrays.asList("S", 1, List.of("t")), address.getValues());
  }

  @Test
  void wrongJsonKindsAreErrors() {
    assertMessage("cannot read '2.5' as int: not a whole number", json("2.5"), INT);
    assertMessage("cannot read 'true' as int: expected a number, found a boolean", json("true"), INT);
    assertMessage("cannot read '5' as timestamp: expected a string, found a number", json("5"),
        TIMESTAMP);
    assertMessage("cannot read '2' as boolean: not a boolean (accepted, any case: 1/0, y/n, t/f, "
        + "yes/no, true/false)", json("2"), BOOLEAN);
    assertMessage("cannot read '{}' as blob: expected a string, found an object", json("{}"), BLOB);
    assertMessage("cannot read '[1,\"a\",3]' as tuple<int, text>: 3 components, but the tuple has 2 "
        + "(null for none)", json("[1,\"a\",3]"), TUPLE_INT_TEXT);
    assertMessage("cannot read '[\"x\",\"a\"]' as tuple<int, text>: component 1: cannot read 'x' as "
        + "int: not a number", json("[\"x\",\"a\"]"), TUPLE_INT_TEXT);
    assertMessage("cannot read 'x' as uuid: not a UUID (expected 32 hex digits as 8-4-4-4-12, e.g. "
        + "123e4567-e89b-12d3-a456-426614174000)", json("\"x\""), UUID);
  }

  @Test
  void toJsonWritesDsbulkJson() {
    assertEquals("42", write(TextCodec.toJson(42, INT)));
    assertEquals("1.10", write(TextCodec.toJson(new BigDecimal("1.10"), DECIMAL)));
    assertEquals("12345678901234567890",
        write(TextCodec.toJson(new BigDecimal("12345678901234567890"), VARINT)));
    assertEquals("true", write(TextCodec.toJson(true, BOOLEAN)));
    assertEquals("\"AQID\"", write(TextCodec.toJson(new byte[] {1, 2, 3}, BLOB)));
    assertEquals("\"2024-01-02T03:04:05Z\"",
        write(TextCodec.toJson(new Instant(1704164645000L), TIMESTAMP)));
    assertEquals("\"NaN\"", write(TextCodec.toJson(Double.NaN, DOUBLE)));
    assertEquals("null", write(TextCodec.toJson(null, INT)));
    assertEquals("{\"1\":\"x\"}", write(TextCodec.toJson(Map.of(1, "x"), MAP_INT_TEXT)));
    Row address = (Row) TextCodec.parse("[\"S\",null,[]]", ADDRESS);
    assertEquals("{\"street\":\"S\",\"zip\":null,\"tags\":[]}", write(TextCodec.toJson(address,
        ADDRESS)));
  }

  private static void assertMessage(String expected, JsonNode node, CqlType type) {
    ValueFormatException e = assertThrows(ValueFormatException.class,
        () -> TextCodec.fromJson(node, type));
    assertEquals(expected, e.getMessage());
  }

  private static JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String write(JsonNode node) {
    return Json.write(node);
  }
}

package io.github.beamcassandra.pipelines.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRecordReaderTest {

  @Test
  void jsonLinesGiveOneRecordPerLine() {
    JsonRecordReader reader = open("{\"a\":1}\n\n  \n{\"a\":2,\"b\":\"x\"}\r\n{\"a\":3}");
    assertFalse(reader.isArray());
    List<JsonRecord> records = all(reader);
    assertEquals(3, records.size());
    assertEquals(1, records.get(0).line());
    assertEquals("{\"a\":1}", records.get(0).text());
    assertEquals(1, records.get(0).object().get("a").intValue());
    assertEquals(4, records.get(1).line());
    assertEquals("x", records.get(1).object().get("b").textValue());
    assertEquals(5, records.get(2).line());
  }

  @Test
  void malformedLineIsAnErrorAndReadingGoesOn() {
    List<JsonRecord> records = all(open("{\"a\":1}\n{\"a\":\n{\"a\":3}\n[1,2]\n{\"a\":4} x\n"));
    assertEquals(5, records.size());
    JsonRecord bad = records.get(1);
    assertTrue(bad.isError());
    assertEquals(2, bad.line());
    assertEquals("{\"a\":", bad.text());
    assertTrue(bad.error().startsWith("test.json line 2: invalid JSON: "), bad.error());
    assertNull(bad.object());
    assertEquals(3, records.get(2).object().get("a").intValue());
    assertEquals("test.json line 4: expected a JSON object, found an array", records.get(3).error());
    assertTrue(records.get(4).error().startsWith("test.json line 5: invalid JSON: "),
        records.get(4).error());
  }

  @Test
  void arrayGivesOneRecordPerElementWithItsStartLine() {
    String json = "\n[\n  {\"a\": 1,\n   \"b\": \"x]}\\\"\"},\n  {\"a\": 2}, {\"a\": {\"n\": [1]}}\n]\n";
    JsonRecordReader reader = open(json);
    assertTrue(reader.isArray());
    List<JsonRecord> records = all(reader);
    assertEquals(3, records.size());
    assertEquals(3, records.get(0).line());
    assertEquals("{\"a\": 1,\n   \"b\": \"x]}\\\"\"}", records.get(0).text());
    assertEquals("x]}\"", records.get(0).object().get("b").textValue());
    assertEquals(5, records.get(1).line());
    assertEquals(5, records.get(2).line());
    assertEquals(1, records.get(2).object().get("a").get("n").get(0).intValue());
  }

  @Test
  void invalidArrayElementIsAnErrorAndTheNextElementIsRead() {
    List<JsonRecord> records = all(open("[{\"a\": tru},\n 42,\n {\"a\": 2}\n {\"a\": 3}]"));
    assertEquals(4, records.size());
    assertTrue(records.get(0).error().startsWith("test.json line 1: invalid JSON: "),
        records.get(0).error());
    assertEquals("test.json line 2: expected a JSON object, found a number", records.get(1).error());
    assertEquals(2, records.get(2).object().get("a").intValue());
    assertEquals("test.json line 4: expected ',' or ']' between array elements, found '{'",
        records.get(3).error());
  }

  @Test
  void emptyArrayAndEmptyFileHaveNoRecords() {
    assertFalse(open(" [ ] ").hasNext());
    assertFalse(open("").hasNext());
    assertFalse(open("\n \n").hasNext());
  }

  @Test
  void unclosedArrayAndTrailingContentAreErrors() {
    List<JsonRecord> unclosed = all(open("[{\"a\":1},\n"));
    assertEquals(2, unclosed.size());
    assertEquals("test.json line 2: the top-level array is not closed: ']' is missing at the end of "
        + "the file", unclosed.get(1).error());

    List<JsonRecord> unclosedElement = all(open("[{\"a\":1},\n{\"a\": [2}\n"));
    assertEquals("test.json line 2: the element starting on line 2 is not closed before the end of "
        + "the file", unclosedElement.get(1).error());

    List<JsonRecord> trailing = all(open("[{\"a\":1}]\n{\"b\":2}\n"));
    assertEquals(2, trailing.size());
    assertEquals("test.json line 2: unexpected content after the closing ']' of the top-level array",
        trailing.get(1).error());
  }

  @Test
  void invalidUtf8MakesOnlyItsRecordAnError() {
    byte[] bytes = CsvReaderTest.concat("{\"a\":\"".getBytes(UTF_8), new byte[] {(byte) 0xFE},
        "\"}\n{\"a\":\"ok\"}\n".getBytes(UTF_8));
    List<JsonRecord> records = all(JsonRecordReader.open(new ByteArrayInputStream(bytes), "test.json"));
    assertEquals("test.json line 1: invalid UTF-8 bytes (shown as U+FFFD in the record text)",
        records.get(0).error());
    assertEquals("ok", records.get(1).object().get("a").textValue());
  }

  @Test
  void documentLongerThanTheLimitIsAnError() {
    JsonRecordReader reader = JsonRecordReader.open(
        new ByteArrayInputStream("{\"a\":\"0123456789\"}\n{\"a\":1}\n".getBytes(UTF_8)), "t.json", 10);
    List<JsonRecord> records = all(reader);
    assertEquals("t.json line 1: the document is longer than 10 characters", records.get(0).error());
    assertEquals(10, records.get(0).text().length());
    assertEquals(1, records.get(1).object().get("a").intValue());
    assertThrows(IllegalArgumentException.class,
        () -> JsonRecordReader.open(new ByteArrayInputStream(new byte[0]), "t.json", 1));
  }

  @Test
  void decimalsKeepTheirDigitsAndScale() {
    JsonRecord record = all(open("{\"d\":1.10,\"e\":0.1234567890123456789}")).get(0);
    assertEquals(new BigDecimal("1.10"), record.object().get("d").decimalValue());
    assertEquals(new BigDecimal("0.1234567890123456789"), record.object().get("e").decimalValue());
  }

  private static JsonRecordReader open(String json) {
    return JsonRecordReader.open(new ByteArrayInputStream(json.getBytes(UTF_8)), "test.json");
  }

  private static List<JsonRecord> all(JsonRecordReader reader) {
    List<JsonRecord> records = new ArrayList<>();
    reader.forEachRemaining(records::add);
    return records;
  }
}

package io.github.beamcassandra.pipelines.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.type.DataTypes;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.beam.sdk.coders.RowCoder;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Files in the forms DSBulk 1.10 documents and produces: {@code dsbulk-unloaded.*} as its unload
 * writes them with default settings (CSV: quotes escaped with a backslash, booleans as 1/0, blobs in
 * base64, collections as JSON, empty strings as {@code ""}; JSON: one object per line, every column),
 * {@code dsbulk-loadable.csv} and {@code dsbulk-array.json} with the other spellings its loader
 * accepts. All must read to the same rows, and writing those rows must give the unloaded files back
 * byte for byte.
 *
 * <p>The files were checked once against DSBulk 1.10.0 itself (its codecs and its CSV connector's
 * parser and writer settings, outside this build): it reads all four to the same values and unloads
 * them to exactly {@code dsbulk-unloaded.csv} and {@code dsbulk-unloaded.json}.
 */
class DsbulkFilesTest {
  private static final Map<String, CqlType> COLUMNS = CsvRecordWriterTest.columns(
      "id", Types.INT, "name", Types.TEXT, "ok", Types.BOOLEAN, "at", Types.TIMESTAMP,
      "day", Types.DATE, "t", Types.TIME, "data", Types.BLOB, "ratio", Types.DOUBLE,
      "amount", Types.DECIMAL, "uid", Types.TIMEUUID, "ip", Types.INET, "span", Types.DURATION,
      "tags", Types.LIST_TEXT,
      "attrs", CqlType.of(DataTypes.mapOf(DataTypes.TIMESTAMP, DataTypes.TEXT)),
      "pair", CqlType.of(DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT, DataTypes.DOUBLE,
          DataTypes.TIMESTAMP)),
      "addr", Types.ADDRESS);
  private static final RecordMapper MAPPER =
      RecordMapper.of(COLUMNS, Map.of(), List.copyOf(COLUMNS.keySet()));
  private static final long AT = 1527247500000L; // 2018-05-25T11:25:00Z

  @Test
  void unloadedCsvReadsToTheExpectedRows() throws IOException {
    List<Row> rows = readCsv("dsbulk-unloaded.csv");
    assertEquals(3, rows.size());
    Row first = rows.get(0);
    assertEquals("Smith, Jane", first.getString("name"));
    assertEquals(true, first.getBoolean("ok"));
    assertEquals(new Instant(AT), first.getDateTime("at"));
    assertEquals(LocalDate.of(2018, 5, 25), first.getValue("day"));
    assertEquals(LocalTime.of(11, 25), first.getValue("t"));
    assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe},
        first.getBytes("data"));
    assertEquals(new BigDecimal("1234.50"), first.getDecimal("amount"));
    assertEquals("1h30m", first.getString("span"));
    assertEquals(List.of("foo", ""), first.getArray("tags"));
    assertEquals(Map.of(new Instant(AT), ""), first.getMap("attrs"));
    assertEquals(Arrays.asList(2, "", 2.7, new Instant(AT)), first.getRow("pair").getValues());
    assertEquals(Arrays.asList("1 Main \"St\"", 12345, List.of()), first.getRow("addr").getValues());

    Row second = rows.get(1);
    assertNull(second.getString("name"), "an unquoted empty field is null");
    assertEquals(false, second.getBoolean("ok"));
    assertEquals(List.of(), second.getArray("tags"));
    assertEquals(Arrays.asList(null, null, null, null), second.getRow("pair").getValues());

    Row third = rows.get(2);
    assertEquals("", third.getString("name"), "a quoted empty field is the empty string");
    assertArrayEquals(new byte[0], third.getBytes("data"));
    assertTrue(Double.isNaN(third.getDouble("ratio")));
    assertEquals(new Instant(AT + 500), third.getDateTime("at"));
    assertEquals(List.of("multi\nline"), third.getArray("tags"));
    assertNull(third.getValue("addr"));
  }

  @Test
  void rowsWriteBackToTheUnloadedCsvByteForByte() throws IOException {
    StringWriter out = new StringWriter();
    CsvRecordWriter writer = new CsvRecordWriter(out, CsvFormat.dsbulk(), COLUMNS);
    for (Row row : readCsv("dsbulk-unloaded.csv")) {
      writer.write(row);
    }
    assertEquals(resource("dsbulk-unloaded.csv"), out.toString());
  }

  @Test
  void otherSpellingsDsbulkLoadsGiveTheSameRows() throws IOException {
    assertEquals(readCsv("dsbulk-unloaded.csv"), readCsv("dsbulk-loadable.csv"));
  }

  @Test
  void unloadedJsonReadsToTheSameRowsAndWritesBackByteForByte() throws IOException {
    List<Row> rows = readJson("dsbulk-unloaded.json");
    assertEquals(readCsv("dsbulk-unloaded.csv"), rows);
    StringWriter out = new StringWriter();
    JsonRecordWriter writer = new JsonRecordWriter(out, COLUMNS);
    for (Row row : rows) {
      writer.write(row);
    }
    assertEquals(resource("dsbulk-unloaded.json"), out.toString());
  }

  @Test
  void singleDocumentArrayGivesTheSameRows() throws IOException {
    assertEquals(readCsv("dsbulk-unloaded.csv"), readJson("dsbulk-array.json"));
  }

  @Test
  void mappedRowsPassBeamsTypeChecksAndRowCoder() throws IOException {
    RowCoder coder = RowCoder.of(MAPPER.schema());
    for (Row row : readJson("dsbulk-array.json")) {
      Row checked = Row.withSchema(MAPPER.schema()).addValues(row.getValues()).build();
      assertEquals(checked, row);
      assertEquals(row, CoderUtils.decodeFromByteArray(coder, CoderUtils.encodeToByteArray(coder, row)));
    }
  }

  private static List<Row> readCsv(String name) throws IOException {
    try (InputStream in = open(name);
        CsvReader reader = CsvReader.open(in, name, CsvFormat.dsbulk())) {
      assertEquals(List.copyOf(COLUMNS.keySet()), reader.columnNames());
      return mapAll(reader, MAPPER::map);
    }
  }

  private static List<Row> readJson(String name) throws IOException {
    try (InputStream in = open(name); JsonRecordReader reader = JsonRecordReader.open(in, name)) {
      return mapAll(reader, MAPPER::map);
    }
  }

  private static <T> List<Row> mapAll(java.util.Iterator<T> records, Function<T, MappingResult> map) {
    List<Row> rows = new ArrayList<>();
    records.forEachRemaining(record -> {
      MappingResult result = map.apply(record);
      assertFalse(result.isRejected(), () -> String.valueOf(result.rejection()));
      rows.add(result.row());
    });
    return rows;
  }

  private static InputStream open(String name) {
    return DsbulkFilesTest.class.getResourceAsStream("/format/" + name);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = open(name)) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }
}

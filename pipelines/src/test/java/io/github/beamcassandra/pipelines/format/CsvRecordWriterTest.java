package io.github.beamcassandra.pipelines.format;

import static io.github.beamcassandra.pipelines.format.Types.BLOB;
import static io.github.beamcassandra.pipelines.format.Types.INT;
import static io.github.beamcassandra.pipelines.format.Types.TEXT;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class CsvRecordWriterTest {
  private static final Map<String, CqlType> COLUMNS = columns("k", INT, "v", TEXT);
  private static final Schema SCHEMA = Schema.builder().addNullableField("k", FieldType.INT32)
      .addNullableField("v", FieldType.STRING).build();

  @Test
  void writesTheHeaderBeforeTheFirstRowOnly() throws IOException {
    StringWriter out = new StringWriter();
    CsvRecordWriter writer = new CsvRecordWriter(out, CsvFormat.dsbulk(), COLUMNS);
    assertEquals("", out.toString(), "nothing before the first row, as DSBulk");
    writer.write(row(1, "a"));
    writer.write(row(2, "b"));
    assertEquals("k,v\n1,a\n2,b\n", out.toString());
    assertEquals(2, writer.rowCount());
  }

  @Test
  void withoutHeaderWritesRowsOnly() throws IOException {
    assertEquals("1,a\n", write(CsvFormat.dsbulk().withHeader(false), row(1, "a")));
  }

  @Test
  void quotesOnlyWhenNeededAndKeepsNullApartFromEmpty() throws IOException {
    String csv = write(CsvFormat.dsbulk().withHeader(false),
        row(null, ""), row(1, "a,b"), row(2, "say \"hi\""), row(3, "two\nlines"), row(4, "c:\\dir"),
        row(5, "back\\slash \"q\""), row(6, " spaced "), row(7, "cr\rhere"));
    assertEquals(",\"\"\n1,\"a,b\"\n2,\"say \\\"hi\\\"\"\n3,\"two\nlines\"\n4,c:\\dir\n"
        + "5,\"back\\\\slash \\\"q\\\"\"\n6, spaced \n7,\"cr\rhere\"\n", csv);
  }

  @Test
  void rfc4180EscapeDoublesQuotes() throws IOException {
    assertEquals("1,\"say \"\"hi\"\" c:\\dir\"\n",
        write(CsvFormat.dsbulk().withHeader(false).withEscape('"'), row(1, "say \"hi\" c:\\dir")));
  }

  @Test
  void customNullValueIsWrittenAndTheSameTextIsQuoted() throws IOException {
    assertEquals("NULL,\"NULL\"\n1,NULLISH\n", write(
        CsvFormat.dsbulk().withHeader(false).withNullValue("NULL"), row(null, "NULL"),
        row(1, "NULLISH")));
  }

  @Test
  void commentCharacterAndOtherDelimitersTriggerQuoting() throws IOException {
    assertEquals("k;v\n1;\"#x\"\n2;\"a;b\"\n3;a,b\n", write(
        CsvFormat.dsbulk().withDelimiter(';').withComment('#'), row(1, "#x"), row(2, "a;b"),
        row(3, "a,b")));
  }

  @Test
  void headerNamesAreQuotedWhenNeeded() throws IOException {
    Map<String, CqlType> columns = columns("a,b", INT);
    Schema schema = Schema.builder().addNullableField("a,b", FieldType.INT32).build();
    StringWriter out = new StringWriter();
    new CsvRecordWriter(out, CsvFormat.dsbulk(), columns)
        .write(Row.withSchema(schema).addValue(1).build());
    assertEquals("\"a,b\"\n1\n", out.toString());
  }

  @Test
  void rowsMustHaveEveryColumnAndTheRightTypes() {
    CsvRecordWriter writer = new CsvRecordWriter(new StringWriter(), CsvFormat.dsbulk(),
        columns("k", INT, "missing", TEXT, "other", BLOB));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> writer.write(row(1, "a")));
    assertEquals("The row has no field(s) missing, other; its fields: k, v", e.getMessage());
    CsvRecordWriter typed = new CsvRecordWriter(new StringWriter(), CsvFormat.dsbulk(),
        columns("k", INT, "v", INT));
    assertThrows(IllegalArgumentException.class, () -> typed.write(row(1, "a")));
  }

  @Test
  void conflictingFormatFailsAtConstruction() {
    assertThrows(IllegalArgumentException.class, () -> new CsvRecordWriter(new StringWriter(),
        CsvFormat.dsbulk().withDelimiter('"'), COLUMNS));
  }

  @Test
  void everyCqlTypeRoundTripsThroughCsv() throws IOException {
    for (CsvFormat format : List.of(CsvFormat.dsbulk(), CsvFormat.dsbulk().withEscape('"'),
        CsvFormat.dsbulk().withDelimiter('\t').withNullValue("\\N"))) {
      RoundTripRows table = new RoundTripRows(false);
      List<Row> rows = List.of(table.full(), table.emptyish(), table.full());
      StringWriter out = new StringWriter();
      CsvRecordWriter writer = new CsvRecordWriter(out, format, table.columns);
      for (Row row : rows) {
        writer.write(row);
      }
      CsvReader reader = CsvReader.open(new ByteArrayInputStream(out.toString().getBytes(UTF_8)),
          "round.csv", format);
      assertEquals(List.copyOf(table.columns.keySet()), reader.columnNames());
      RecordMapper mapper = table.mapper();
      List<Row> read = new ArrayList<>();
      reader.forEachRemaining(record -> {
        MappingResult result = mapper.map(record);
        assertFalse(result.isRejected(), () -> String.valueOf(result.rejection()));
        read.add(result.row());
      });
      assertEquals(rows, read, format.toString());
    }
  }

  private static String write(CsvFormat format, Row... rows) throws IOException {
    StringWriter out = new StringWriter();
    CsvRecordWriter writer = new CsvRecordWriter(out, format, COLUMNS);
    for (Row row : rows) {
      writer.write(row);
    }
    writer.flush();
    return out.toString();
  }

  private static Row row(Integer k, String v) {
    return Row.withSchema(SCHEMA).addValues(Arrays.asList(k, v)).build();
  }

  static Map<String, CqlType> columns(Object... namesAndTypes) {
    Map<String, CqlType> columns = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      columns.put((String) namesAndTypes[i], (CqlType) namesAndTypes[i + 1]);
    }
    return columns;
  }
}

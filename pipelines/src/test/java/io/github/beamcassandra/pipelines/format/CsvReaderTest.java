package io.github.beamcassandra.pipelines.format;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
  private static final CsvFormat NO_HEADER = CsvFormat.dsbulk().withHeader(false);

  @Test
  void readsHeaderAndRecordsWithSourceLineAndText() {
    CsvReader reader = open("id,name\n1,alice\n2,bob\n", CsvFormat.dsbulk());
    assertEquals(List.of("id", "name"), reader.columnNames());
    List<CsvRecord> records = all(reader);
    assertEquals(2, records.size());
    assertEquals(CsvRecord.of("test.csv", 2, "1,alice", List.of("1", "alice")), records.get(0));
    assertEquals(CsvRecord.of("test.csv", 3, "2,bob", List.of("2", "bob")), records.get(1));
  }

  @Test
  void unquotedEmptyIsNullAndQuotedEmptyIsEmptyString() {
    List<CsvRecord> records = all(open("a,\"\",,\"x\"\n", NO_HEADER));
    assertEquals(Arrays.asList("a", "", null, "x"), records.get(0).fields());
  }

  @Test
  void trailingDelimiterGivesATrailingNullField() {
    assertEquals(Arrays.asList("a", null), all(open("a,\n", NO_HEADER)).get(0).fields());
  }

  @Test
  void quotedFieldsHoldDelimitersDoubledAndEscapedQuotes() {
    List<CsvRecord> records = all(open(
        "\"a,b\",\"say \"\"hi\"\"\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"c:\\dir\"\n", NO_HEADER));
    assertEquals(List.of("a,b", "say \"hi\"", "say \"hi\"", "back\\slash", "c:\\dir"),
        records.get(0).fields());
  }

  @Test
  void readsBackslashEscapesAsDsbulk110Does() {
    // The fields DSBulk 1.10's parser settings give for this line: a, \"b, c"d, e\"f and "".
    assertEquals(List.of("a", "\\\"b", "c\"d", "e\\\"f", ""),
        all(open("a,\\\"b,\"c\\\"d\",\"e\\\\\\\"f\",\"\"\n", NO_HEADER)).get(0).fields());
  }

  @Test
  void backslashOutsideQuotesIsLiteral() {
    assertEquals(List.of("c:\\dir", "a\\\"b"), all(open("c:\\dir,a\\\"b\n", NO_HEADER)).get(0).fields());
  }

  @Test
  void rfc4180EscapeReadsDoubledQuotes() {
    CsvFormat rfc = NO_HEADER.withEscape('"');
    assertEquals(List.of("say \"hi\"", "a\\b"),
        all(open("\"say \"\"hi\"\"\",\"a\\b\"\n", rfc)).get(0).fields());
  }

  @Test
  void embeddedNewlinesKeepTheStartLineAndTheWholeText() {
    String csv = "id,note\n1,\"two\nlines\"\n2,\"three\r\nlines\r\nhere\"\n3,plain\n";
    List<CsvRecord> records = all(open(csv, CsvFormat.dsbulk()));
    assertEquals(3, records.size());
    assertEquals(2, records.get(0).line());
    assertEquals("1,\"two\nlines\"", records.get(0).text());
    assertEquals(List.of("1", "two\nlines"), records.get(0).fields());
    assertEquals(4, records.get(1).line());
    assertEquals(List.of("2", "three\r\nlines\r\nhere"), records.get(1).fields());
    assertEquals("2,\"three\r\nlines\r\nhere\"", records.get(1).text());
    assertEquals(7, records.get(2).line());
    assertEquals(List.of("3", "plain"), records.get(2).fields());
  }

  @Test
  void crlfAndLoneCrEndLines() {
    List<CsvRecord> records = all(open("a,b\r\n1,2\r3,4\r\n", CsvFormat.dsbulk()));
    assertEquals(List.of("a", "b"), open("a,b\r\n1,2\r3,4\r\n", CsvFormat.dsbulk()).columnNames());
    assertEquals(List.of("1", "2"), records.get(0).fields());
    assertEquals(2, records.get(0).line());
    assertEquals(List.of("3", "4"), records.get(1).fields());
    assertEquals(3, records.get(1).line());
  }

  @Test
  void emptyLinesAreSkippedAndLinesStillCounted() {
    List<CsvRecord> records = all(open("a\n\n1\n\r\n\n2", CsvFormat.dsbulk()));
    assertEquals(2, records.size());
    assertEquals(3, records.get(0).line());
    assertEquals(6, records.get(1).line());
    assertEquals(List.of("2"), records.get(1).fields());
  }

  @Test
  void commentLinesAreSkippedWhenACommentCharacterIsSet() {
    CsvFormat format = CsvFormat.dsbulk().withComment('#');
    List<CsvRecord> records = all(open("# exported\na,b\n#1,2\n3,#4\n", format));
    assertEquals(1, records.size());
    assertEquals(List.of("3", "#4"), records.get(0).fields());
    assertEquals(4, records.get(0).line());
    assertEquals(List.of("#1", "2"), all(open("a,b\n#1,2\n", CsvFormat.dsbulk())).get(0).fields(),
        "without a comment character # is data");
  }

  @Test
  void skipLinesSkipsPhysicalLinesBeforeTheHeader() {
    CsvReader reader = open("preamble, with \"odd quote\nsecond\na,b\n1,2\n",
        CsvFormat.dsbulk().withSkipLines(2));
    assertEquals(List.of("a", "b"), reader.columnNames());
    CsvRecord record = reader.next();
    assertEquals(List.of("1", "2"), record.fields());
    assertEquals(4, record.line());
  }

  @Test
  void skipRecordsSkipsRecordsAfterTheHeader() {
    List<CsvRecord> records = all(open("a\n1\n\"2\n2\"\n3\n", CsvFormat.dsbulk().withSkipRecords(2)));
    assertEquals(1, records.size());
    assertEquals(List.of("3"), records.get(0).fields());
    assertEquals(5, records.get(0).line());
  }

  @Test
  void customNullValueReadsAsNullOnlyUnquoted() {
    CsvFormat format = NO_HEADER.withNullValue("NULL");
    assertEquals(Arrays.asList(null, "NULL", null, "x"),
        all(open("NULL,\"NULL\",,x\n", format)).get(0).fields());
  }

  @Test
  void byteOrderMarkIsSkipped() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    CsvReader reader = open(concat(bom, "id\n1\n".getBytes(UTF_8)), CsvFormat.dsbulk());
    assertEquals(List.of("id"), reader.columnNames());
  }

  @Test
  void multiByteCharactersAreDecoded() {
    assertEquals(List.of("héllo", "日本", "😀"),
        all(open("héllo,日本,😀\n", NO_HEADER)).get(0).fields());
  }

  @Test
  void unterminatedQuoteIsAnErrorRecordRunningToTheEndOfTheFile() {
    List<CsvRecord> records = all(open("id,note\n1,ok\n2,\"never closed\n3,more\n", CsvFormat.dsbulk()));
    assertEquals(2, records.size());
    assertFalse(records.get(0).isError());
    CsvRecord bad = records.get(1);
    assertTrue(bad.isError());
    assertEquals(3, bad.line());
    assertEquals("test.csv line 3: unterminated quoted field: the quote opened on line 3 is not "
        + "closed before the end of the file", bad.error());
    assertEquals("2,\"never closed\n3,more\n", bad.text());
    assertEquals(List.of(), bad.fields());
  }

  @Test
  void invalidUtf8MakesOnlyItsRecordAnError() {
    byte[] bytes = concat("id,name\n1,ok\n2,b".getBytes(UTF_8), new byte[] {(byte) 0xC3, 0x28},
        "d\n3,\"x".getBytes(UTF_8), new byte[] {(byte) 0xFF}, "\"\n4,fine\n".getBytes(UTF_8));
    List<CsvRecord> records = all(open(bytes, CsvFormat.dsbulk()));
    assertEquals(4, records.size());
    assertEquals(List.of("1", "ok"), records.get(0).fields());
    assertTrue(records.get(1).isError());
    assertEquals("test.csv line 3: invalid UTF-8 bytes (shown as U+FFFD in the record text)",
        records.get(1).error());
    assertEquals("2,b\uFFFD(d", records.get(1).text());
    assertTrue(records.get(2).isError());
    assertEquals(4, records.get(2).line());
    assertEquals(List.of("4", "fine"), records.get(3).fields());
  }

  @Test
  void overlongAndSurrogateEncodingsAreInvalid() {
    byte[] overlong = concat("a,".getBytes(UTF_8), new byte[] {(byte) 0xC0, (byte) 0xAF}, "\n".getBytes(UTF_8));
    byte[] surrogate = concat("a,".getBytes(UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        "\n".getBytes(UTF_8));
    assertTrue(all(open(overlong, NO_HEADER)).get(0).isError());
    assertTrue(all(open(surrogate, NO_HEADER)).get(0).isError());
  }

  @Test
  void wrongFieldCountIsAnErrorNamingTheHeader() {
    List<CsvRecord> records = all(open("a,b,c\n1,2\n1,2,3\n1,2,3,4\n", CsvFormat.dsbulk()));
    assertEquals("test.csv line 2: 2 fields, but the header has 3 columns (a, b, c)",
        records.get(0).error());
    assertEquals("1,2", records.get(0).text());
    assertFalse(records.get(1).isError());
    assertEquals("test.csv line 4: 4 fields, but the header has 3 columns (a, b, c)",
        records.get(2).error());
  }

  @Test
  void headerlessFilesUseTheGivenColumns() {
    CsvFormat format = NO_HEADER.withColumns(List.of("k", "v"));
    CsvReader reader = open("1,x\n2\n", format);
    assertEquals(List.of("k", "v"), reader.columnNames());
    List<CsvRecord> records = all(reader);
    assertEquals(List.of("1", "x"), records.get(0).fields());
    assertEquals(1, records.get(0).line());
    assertEquals("test.csv line 2: 1 fields, but --columns names 2 columns (k, v)",
        records.get(1).error());
  }

  @Test
  void textAfterAClosingQuoteIsAnErrorAndTheNextRecordIsRead() {
    List<CsvRecord> records = all(open("\"ab\"cd,e\nf,g\n", NO_HEADER));
    assertEquals("test.csv line 1: unexpected character 'c' after the closing quote of field 1; a "
        + "quote inside a quoted field must be doubled or escaped with '\\'", records.get(0).error());
    assertEquals("\"ab\"cd,e", records.get(0).text());
    assertEquals(List.of("f", "g"), records.get(1).fields());
  }

  @Test
  void fieldLongerThanMaxCharsPerColumnIsAnError() {
    List<CsvRecord> records = all(open("abcdef,x\nabc,\"de\nf\"\nok,1\n",
        NO_HEADER.withMaxCharsPerColumn(3)));
    assertEquals("test.csv line 1: field 1 is longer than maxCharsPerColumn (3 characters)",
        records.get(0).error());
    assertEquals("test.csv line 2: field 2 is longer than maxCharsPerColumn (3 characters)",
        records.get(1).error());
    assertEquals(List.of("ok", "1"), records.get(2).fields());
    assertEquals(4, records.get(2).line());
  }

  @Test
  void moreFieldsThanMaxColumnsIsAnError() {
    List<CsvRecord> records = all(open("1,2,3\n1,2\n", NO_HEADER.withMaxColumns(2)));
    assertEquals("test.csv line 1: more than maxColumns (2) fields", records.get(0).error());
    assertEquals(List.of("1", "2"), records.get(1).fields());
  }

  @Test
  void duplicateAndEmptyHeaderNamesFailTheFile() {
    FileFormatException e = assertThrows(FileFormatException.class,
        () -> open("\n\nid,name,,id, \n1,2,3,4,5\n", CsvFormat.dsbulk()));
    assertEquals("test.csv line 3: invalid header id,name,,id, : empty column name at position 3; "
        + "duplicate column name \"id\" at positions 1 and 4; empty column name at position 5",
        e.getMessage());
    assertEquals("test.csv", e.source());
    assertEquals(3, e.line());
  }

  @Test
  void unreadableHeaderFailsTheFile() {
    FileFormatException e = assertThrows(FileFormatException.class,
        () -> open("id,\"name\n", CsvFormat.dsbulk()));
    assertEquals("test.csv line 1: cannot read the header: unterminated quoted field: the quote "
        + "opened on line 1 is not closed before the end of the file", e.getMessage());
  }

  @Test
  void emptyFileAndHeaderOnlyFileHaveNoRecords() {
    CsvReader empty = open("", CsvFormat.dsbulk());
    assertEquals(List.of(), empty.columnNames());
    assertFalse(empty.hasNext());
    CsvReader headerOnly = open("a,b\n", CsvFormat.dsbulk());
    assertEquals(List.of("a", "b"), headerOnly.columnNames());
    assertFalse(headerOnly.hasNext());
    assertThrows(NoSuchElementException.class, headerOnly::next);
  }

  @Test
  void conflictingSettingsFailAtOpen() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> open("a\n", CsvFormat.dsbulk().withDelimiter('"')));
    assertEquals("--delimiter '\"' must differ from --quote '\"'", e.getMessage());
  }

  @Test
  void readsOneRecordAtATimeFromAnEndlessStream() {
    InputStream endless = new InputStream() {
      private final byte[] line = "1,abc\n".getBytes(UTF_8);
      private long position;

      @Override
      public int read() {
        return line[(int) (position++ % line.length)];
      }
    };
    CsvReader reader = CsvReader.open(endless, "endless.csv", NO_HEADER);
    for (int i = 1; i <= 1000; i++) {
      CsvRecord record = reader.next();
      assertEquals(List.of("1", "abc"), record.fields());
      assertEquals(i, record.line());
    }
  }

  @Test
  void closeClosesTheInput() throws IOException {
    boolean[] closed = {false};
    InputStream in = new ByteArrayInputStream("a\n".getBytes(UTF_8)) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };
    CsvReader.open(in, "x.csv", CsvFormat.dsbulk()).close();
    assertTrue(closed[0]);
  }

  @Test
  void nullFieldsAreNullInTheRecord() {
    assertNull(all(open(",x\n", NO_HEADER)).get(0).fields().get(0));
  }

  static CsvReader open(String csv, CsvFormat format) {
    return open(csv.getBytes(UTF_8), format);
  }

  static CsvReader open(byte[] bytes, CsvFormat format) {
    return CsvReader.open(new ByteArrayInputStream(bytes), "test.csv", format);
  }

  static List<CsvRecord> all(CsvReader reader) {
    List<CsvRecord> records = new ArrayList<>();
    reader.forEachRemaining(records::add);
    return records;
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}

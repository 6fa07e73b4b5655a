package io.github.beamcassandra.pipelines.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scanner must find exactly the record ends (byte offset and line) the full parser finds. */
class CsvRecordScannerTest {
  private static final CsvFormat DSBULK = CsvFormat.dsbulk();

  @Test
  void quotedLineBreaksEscapesAndDoubledQuotes() throws IOException {
    assertSameRecordEnds(DSBULK, "a,b\n"
        + "1,\"two\nlines\"\n"
        + "2,\"an \\\" escaped quote, and a comma\"\n"
        + "3,\"a \"\" doubled quote\"\n"
        + "4,\"ends with an escaped backslash \\\\\"\n"
        + "5,\"crlf\r\ninside\"\r\n"
        + "6,plain \u00e9\u4e2d\ud83d\ude00\n");
  }

  @Test
  void lineBreaksOfEveryKindAndBlankLines() throws IOException {
    assertSameRecordEnds(DSBULK, "a,b\r\n1,x\r\n\r\n\n2,y\r3,z\n\n");
    assertSameRecordEnds(DSBULK, "a,b\n1,last record without a line break");
  }

  @Test
  void textAfterAClosingQuoteRunsToTheLineEnd() throws IOException {
    assertSameRecordEnds(DSBULK, "a,b\n1,\"x\"junk, \"more\n2,y\n");
  }

  @Test
  void anUnterminatedQuoteRunsToTheEndOfTheFile() throws IOException {
    assertSameRecordEnds(DSBULK, "a,b\n1,x\n2,\"open\n3,y\n4,z\n");
  }

  @Test
  void commentLinesAreSkippedOnlyAtARecordStart() throws IOException {
    CsvFormat withComments = DSBULK.withComment('#');
    assertSameRecordEnds(withComments, "a,b\n# a comment, with \"a quote\n1,x#not a comment\n#\n2,\"#\nq\"\n");
  }

  @Test
  void otherDelimiterQuoteAndEscape() throws IOException {
    CsvFormat format = DSBULK.withDelimiter(';').withQuote('\'').withEscape('\'');
    assertSameRecordEnds(format, "a;b\n1;'it''s; two\nlines'\n2;x\n");
  }

  @Test
  void invalidUtf8DoesNotHideAStructuralByte() throws IOException {
    byte[] bytes = {'a', ',', 'b', '\n', '1', ',', (byte) 0xC3, '\n', '2', ',', (byte) 0xE2, (byte) 0x82, '"',
        'x', '"', '\n', '3', ',', 'y', '\n'};
    assertSameRecordEnds(DSBULK, bytes);
  }

  @Test
  void onlyAsciiStructuralCharactersAreSupported() {
    assertTrue(CsvRecordScanner.supports(DSBULK));
    assertFalse(CsvRecordScanner.supports(DSBULK.withDelimiter('\u00a7')));
  }

  private static void assertSameRecordEnds(CsvFormat format, String text) throws IOException {
    assertSameRecordEnds(format, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertSameRecordEnds(CsvFormat format, byte[] bytes) throws IOException {
    List<String> expected = new ArrayList<>();
    long firstRecord;
    long firstLine;
    try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(bytes), "f.csv", format)) {
      firstRecord = reader.position();
      firstLine = reader.line();
      while (reader.hasNext()) {
        reader.next();
        expected.add(reader.position() + "@" + reader.line());
      }
    }
    ByteArrayInputStream rest = new ByteArrayInputStream(bytes);
    rest.skipNBytes(firstRecord);
    CsvRecordScanner scanner = new CsvRecordScanner(rest, format, firstRecord, firstLine);
    List<String> found = new ArrayList<>();
    while (scanner.nextRecord()) {
      found.add(scanner.position() + "@" + scanner.line());
    }
    assertFalse(expected.isEmpty());
    assertEquals(expected, found);
  }
}

package io.github.beamcassandra.pipelines.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

  @Test
  void defaultsAreDsbulks() {
    CsvFormat f = CsvFormat.dsbulk();
    assertEquals(',', f.delimiter());
    assertEquals('"', f.quote());
    assertEquals('\\', f.escape());
    assertNull(f.comment());
    assertTrue(f.header());
    assertEquals(List.of(), f.columns());
    assertEquals("", f.nullValue());
    assertEquals(0, f.skipLines());
    assertEquals(0, f.skipRecords());
    assertEquals(4096, f.maxCharsPerColumn());
    assertEquals(512, f.maxColumns());
  }

  @Test
  void withMethodsReturnChangedCopies() {
    CsvFormat f = CsvFormat.dsbulk().withDelimiter(";").withQuote('\'').withEscape("'")
        .withComment("#").withHeader(false).withColumns(List.of("a", "b")).withNullValue("NULL")
        .withSkipLines(2).withSkipRecords(3).withMaxCharsPerColumn(CsvFormat.UNLIMITED)
        .withMaxColumns(10);
    assertEquals(';', f.delimiter());
    assertEquals('\'', f.quote());
    assertEquals('\'', f.escape());
    assertEquals('#', f.comment());
    assertFalse(f.header());
    assertEquals(List.of("a", "b"), f.columns());
    assertEquals("NULL", f.nullValue());
    assertEquals(2, f.skipLines());
    assertEquals(3, f.skipRecords());
    assertEquals(-1, f.maxCharsPerColumn());
    assertEquals(10, f.maxColumns());
    assertEquals(',', CsvFormat.dsbulk().delimiter(), "the defaults are unchanged");
    f.validate();
  }

  @Test
  void tabCanBeSpelledAsBackslashT() {
    assertEquals('\t', CsvFormat.dsbulk().withDelimiter("\\t").delimiter());
  }

  @Test
  void emptyOrNulCommentTurnsCommentsOff() {
    assertNull(CsvFormat.dsbulk().withComment('#').withComment("").comment());
    assertNull(CsvFormat.dsbulk().withComment('#').withComment("\u0000").comment());
  }

  @Test
  void eachSettingIsCheckedWithTheOptionAndValueInTheMessage() {
    CsvFormat f = CsvFormat.dsbulk();
    assertMessage("--delimiter takes exactly one character, got: ';;'", () -> f.withDelimiter(";;"));
    assertMessage("--delimiter takes exactly one character, got: ''", () -> f.withDelimiter(""));
    assertMessage("--delimiter may not be a line break, got: '\\n'", () -> f.withDelimiter('\n'));
    assertMessage("--quote takes exactly one character, got: 'ab'", () -> f.withQuote("ab"));
    assertMessage("--quote may not be a line break, got: '\\r'", () -> f.withQuote('\r'));
    assertMessage("--escape takes exactly one character, got: nothing",
        () -> f.withEscape((String) null));
    assertMessage("--comment takes exactly one character, got: '//'", () -> f.withComment("//"));
    assertMessage("--columns [a, , a]: empty name at position 2; duplicate name \"a\" at positions 1 "
        + "and 3", () -> f.withColumns(Arrays.asList("a", "", "a")));
    assertMessage("--nullValue may not contain a line break, got: 'a\\nb'",
        () -> f.withNullValue("a\nb"));
    assertMessage("--skipLines must be 0 or more, got: -1", () -> f.withSkipLines(-1));
    assertMessage("--skipRecords must be 0 or more, got: -2", () -> f.withSkipRecords(-2));
    assertMessage("--maxCharsPerColumn must be at least 1, or -1 for no limit, got: 0",
        () -> f.withMaxCharsPerColumn(0));
    assertMessage("--maxColumns must be at least 1, got: 0", () -> f.withMaxColumns(0));
  }

  @Test
  void validateNamesConflictingOptions() {
    CsvFormat f = CsvFormat.dsbulk();
    assertMessage("--delimiter '\"' must differ from --quote '\"'",
        () -> f.withDelimiter('"').validate());
    assertMessage("--escape ',' must differ from --delimiter ','", () -> f.withEscape(',').validate());
    assertMessage("--comment ',' must differ from --delimiter ','", () -> f.withComment(',').validate());
    assertMessage("--comment '\"' must differ from --quote '\"'", () -> f.withComment('"').validate());
    assertMessage("--comment '\\' must differ from --escape '\\'",
        () -> f.withComment('\\').validate());
    assertMessage("--nullValue 'a,b' may not contain the delimiter ',' or the quote '\"'",
        () -> f.withNullValue("a,b").validate());
    assertMessage("--columns a,b names the columns of files without a header; it needs "
        + "--header=false", () -> f.withColumns(List.of("a", "b")).validate());
  }

  @Test
  void escapeMayEqualQuoteForRfc4180Doubling() {
    assertEquals('"', CsvFormat.dsbulk().withEscape('"').validate().escape());
  }

  @Test
  void isSerializableAndComparable() throws Exception {
    CsvFormat f = CsvFormat.dsbulk().withDelimiter('|').withComment('#').withHeader(false)
        .withColumns(List.of("x"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(f);
    }
    Object copy = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertEquals(f, copy);
    assertEquals(f.hashCode(), copy.hashCode());
    assertFalse(f.equals(CsvFormat.dsbulk()));
    assertTrue(f.toString().contains("delimiter='|'"), f.toString());
  }

  private static void assertMessage(String expected, Supplier<?> call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::get);
    assertEquals(expected, e.getMessage());
  }
}

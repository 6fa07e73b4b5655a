package io.github.beamcassandra.pipelines.format;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads the records of one CSV file, one at a time: memory holds one record (bounded by {@link
 * CsvFormat#maxColumns()} and {@link CsvFormat#maxCharsPerColumn()}), never the file. The input is
 * UTF-8 (decompressing {@code .gz} is the caller's job).
 *
 * <p>Parsing follows RFC 4180 as DSBulk's CSV connector reads it: fields may be quoted, quoted fields
 * may hold delimiters and line breaks (LF, CRLF or CR), a quote inside a quoted field is written
 * doubled ({@code ""}) or escaped with {@link CsvFormat#escape()} ({@code \"}). Empty lines are
 * skipped, as are comment lines when a comment character is set. An unquoted empty field is null, a
 * quoted one ({@code ""}) the empty string.
 *
 * <p>A record that cannot be read does not stop the file: it comes out as an {@linkplain
 * CsvRecord#isError() error record} whose reason names the file and line, and reading goes on with the
 * next record. Such records are: an unterminated quote (which runs to the end of the file), bytes that
 * are not UTF-8, text after a closing quote, too many or too long fields, and a field count different
 * from the header's. An invalid header (empty or duplicate names) fails the whole file with a {@link
 * FileFormatException}.
 */
public final class CsvReader implements Iterator<CsvRecord>, Closeable {
  private final TextInput input;
  private final String source;
  private final CsvFormat format;
  private final List<String> columnNames;
  private final int textLimit;
  private CsvRecord next;
  private boolean finished;

  private CsvReader(TextInput input, String source, CsvFormat format) throws IOException {
    this(input, source, format, null);
  }

  /** With {@code columns} given, the input is already past the header and any lines to skip. */
  private CsvReader(TextInput input, String source, CsvFormat format, List<String> columns)
      throws IOException {
    this.input = input;
    this.source = source;
    this.format = format;
    long perField = format.maxCharsPerColumn() == CsvFormat.UNLIMITED
        ? Integer.MAX_VALUE : 2L * format.maxCharsPerColumn() + 3;
    this.textLimit = (int) Math.min(Integer.MAX_VALUE - 8, perField * format.maxColumns());
    if (columns != null) {
      this.columnNames = List.copyOf(columns);
      return;
    }
    skipLines(format.skipLines());
    this.columnNames = format.header() ? readHeader() : format.columns();
    for (int i = 0; i < format.skipRecords() && parseRecord() != null; i++) {
      // skipped
    }
  }

  /**
   * Opens a file for reading and, when {@link CsvFormat#header()} is set, reads its header.
   *
   * @param source the file's name, used in every message
   * @throws FileFormatException when the header is invalid
   * @throws IllegalArgumentException when the format's settings conflict
   * @throws UncheckedIOException when the input cannot be read
   */
  public static CsvReader open(InputStream in, String source, CsvFormat format) {
    format.validate();
    try {
      return new CsvReader(new TextInput(in), source, format);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a file from the middle: {@code in} is positioned at byte {@code offset}, where a record
   * starts (a {@link #position()} of an earlier reader of the same file) on physical line {@code line};
   * {@code columns} are the file's columns, from its header or the format.
   */
  public static CsvReader resume(InputStream in, String source, CsvFormat format, List<String> columns,
      long offset, long line) {
    format.validate();
    try {
      return new CsvReader(new TextInput(in, line, offset), source, format, columns);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  /**
   * The byte offset where the next record (or comment) starts, after {@link #next()} and before the
   * following {@link #hasNext()}: a place {@link #resume} can start from.
   */
  public long position() {
    if (next != null) {
      throw new IllegalStateException("position() is known between next() and hasNext() only");
    }
    return input.bytePosition();
  }

  /** The physical line where the next record starts, under the same condition as {@link #position()}. */
  public long line() {
    if (next != null) {
      throw new IllegalStateException("line() is known between next() and hasNext() only");
    }
    return input.line();
  }

  /** The column names from the header, or {@link CsvFormat#columns()} without one; may be empty. */
  public List<String> columnNames() {
    return columnNames;
  }

  public String source() {
    return source;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) {
      try {
        next = parseRecord();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + source + ": " + e.getMessage(), e);
      }
      if (next == null) {
        finished = true;
      } else {
        next = checkFieldCount(next);
      }
    }
    return next != null;
  }

  @Override
  public CsvRecord next() {
    if (!hasNext()) {
      throw new NoSuchElementException(source + " has no more records");
    }
    CsvRecord record = next;
    next = null;
    return record;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }

  private CsvRecord checkFieldCount(CsvRecord record) {
    if (record.isError() || columnNames.isEmpty() || record.fields().size() == columnNames.size()) {
      return record;
    }
    String origin = format.header() ? "the header has " : "--columns names ";
    return CsvRecord.error(source, record.line(), record.text(), where(record.line())
        + record.fields().size() + " fields, but " + origin + columnNames.size() + " columns ("
        + String.join(", ", columnNames) + ")");
  }

  private List<String> readHeader() throws IOException {
    CsvRecord header = parseRecord();
    if (header == null) {
      return List.of();
    }
    if (header.isError()) {
      throw new FileFormatException(source, header.line(),
          "cannot read the header: " + header.error().substring(where(header.line()).length()));
    }
    List<String> names = header.fields();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isBlank()) {
        problems.add("empty column name at position " + (i + 1));
      } else {
        int first = names.indexOf(name);
        if (first < i) {
          problems.add("duplicate column name \"" + name + "\" at positions " + (first + 1) + " and "
              + (i + 1));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new FileFormatException(source, header.line(), "invalid header " + header.text() + ": "
          + String.join("; ", problems));
    }
    return names;
  }

  private void skipLines(int lines) throws IOException {
    for (int skipped = 0; skipped < lines && input.peek() != TextInput.EOF; skipped++) {
      skipToLineEnd(null);
    }
  }

  /** The next record, or null at the end of the file. */
  private CsvRecord parseRecord() throws IOException {
    while (true) {
      int c = input.peek();
      if (c == TextInput.EOF) {
        return null;
      }
      if (c == '\n' || c == '\r') {
        input.next();
      } else if (format.comment() != null && c == format.comment()) {
        skipToLineEnd(null);
      } else {
        break;
      }
    }
    input.takeMalformed();
    return new RecordParser(input.line()).parse();
  }

  /** Consumes the rest of the line and its line break, keeping the characters in {@code text}. */
  private void skipToLineEnd(BoundedText text) throws IOException {
    while (true) {
      int c = input.peek();
      if (c == TextInput.EOF || c == '\n' || c == '\r') {
        consumeLineBreak();
        return;
      }
      input.next();
      if (text != null) {
        text.append(c);
      }
    }
  }

  private void consumeLineBreak() throws IOException {
    int c = input.peek();
    if (c == '\r') {
      input.next();
      if (input.peek() == '\n') {
        input.next();
      }
    } else if (c == '\n') {
      input.next();
    }
  }

  private String where(long line) {
    return source + " line " + line + ": ";
  }

  /** Parses one record, starting at a non-empty line. */
  private final class RecordParser {
    private final long startLine;
    private final BoundedText text = new BoundedText(textLimit);
    private final List<String> fields = new ArrayList<>();
    private String error;

    RecordParser(long startLine) {
      this.startLine = startLine;
    }

    CsvRecord parse() throws IOException {
      boolean more = true;
      while (more) {
        more = input.peek() == format.quote() ? quotedField() : unquotedField();
      }
      if (input.takeMalformed()) {
        fail("invalid UTF-8 bytes (shown as U+FFFD in the record text)");
      }
      if (error != null) {
        return CsvRecord.error(source, startLine, text.toString(), where(startLine) + error);
      }
      return CsvRecord.of(source, startLine, text.toString(), fields);
    }

    /** Reads an unquoted field; returns whether another field follows on this record. */
    private boolean unquotedField() throws IOException {
      FieldText field = new FieldText();
      while (true) {
        int c = input.peek();
        if (c == format.delimiter()) {
          text.append(input.next());
          addField(field, false);
          return true;
        }
        if (c == TextInput.EOF || c == '\n' || c == '\r') {
          consumeLineBreak();
          addField(field, false);
          return false;
        }
        text.append(input.next());
        field.append(c);
      }
    }

    /** Reads a quoted field; returns whether another field follows on this record. */
    private boolean quotedField() throws IOException {
      long quoteLine = input.line();
      text.append(input.next());
      FieldText field = new FieldText();
      char quote = format.quote();
      char escape = format.escape();
      while (true) {
        int c = input.next();
        if (c == TextInput.EOF) {
          addField(field, true);
          fail("unterminated quoted field: the quote opened on line " + quoteLine
              + " is not closed before the end of the file");
          return false;
        }
        text.append(c);
        if (c == escape && escape != quote && (input.peek() == quote || input.peek() == escape)) {
          int escaped = input.next();
          text.append(escaped);
          field.append(escaped);
        } else if (c == quote && input.peek() == quote) {
          text.append(input.next());
          field.append(quote);
        } else if (c == quote) {
          break;
        } else {
          field.append(c);
        }
      }
      addField(field, true);
      int c = input.peek();
      if (c == format.delimiter()) {
        text.append(input.next());
        return true;
      }
      if (c == TextInput.EOF || c == '\n' || c == '\r') {
        consumeLineBreak();
        return false;
      }
      fail("unexpected character '" + Character.toString(c) + "' after the closing quote of field "
          + fields.size() + "; a quote inside a quoted field must be doubled or escaped with "
          + CsvFormat.printable(String.valueOf(escape)));
      skipToLineEnd(text);
      return false;
    }

    private void addField(FieldText field, boolean quoted) {
      if (field.tooLong) {
        fail("field " + (fields.size() + 1) + " is longer than maxCharsPerColumn ("
            + format.maxCharsPerColumn() + " characters)");
      }
      if (fields.size() == format.maxColumns()) {
        fail("more than maxColumns (" + format.maxColumns() + ") fields");
        return;
      }
      fields.add(quoted ? field.toString() : unquotedValue(field.toString()));
    }

    private String unquotedValue(String value) {
      return value.isEmpty() || value.equals(format.nullValue()) ? null : value;
    }

    private void fail(String reason) {
      if (error == null) {
        error = reason;
      }
    }
  }

  /** A field's characters, dropping those past {@link CsvFormat#maxCharsPerColumn()}. */
  private final class FieldText {
    private final StringBuilder chars = new StringBuilder();
    private boolean tooLong;

    void append(int c) {
      int max = format.maxCharsPerColumn();
      if (max != CsvFormat.UNLIMITED && chars.length() >= max) {
        tooLong = true;
      } else {
        chars.append((char) c);
      }
    }

    @Override
    public String toString() {
      return chars.toString();
    }
  }

  /** A record's original text, dropping characters past a limit (the record is then an error anyway). */
  private static final class BoundedText {
    private final StringBuilder chars = new StringBuilder();
    private final int limit;

    BoundedText(int limit) {
      this.limit = limit;
    }

    void append(int c) {
      if (chars.length() < limit) {
        chars.append((char) c);
      }
    }

    @Override
    public String toString() {
      return chars.toString();
    }
  }
}

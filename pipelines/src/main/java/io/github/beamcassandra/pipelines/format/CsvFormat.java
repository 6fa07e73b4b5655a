package io.github.beamcassandra.pipelines.format;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a CSV file is laid out: an immutable, serializable settings value shared by {@link CsvReader}
 * and {@link CsvRecordWriter}. {@link #dsbulk()} gives the defaults of DataStax Bulk Loader 1.10's CSV
 * connector ({@code connector.csv.*} in its reference configuration), so that files unloaded by DSBulk
 * load here and the other way round. Each {@code withX} method checks its own value at once and names
 * the command-line option in its message; {@link #validate()} checks the settings against each other.
 *
 * <p>The settings, each documented at its getter:
 *
 * <ul>
 *   <li>{@link #delimiter()} ({@code --delimiter}), {@link #quote()} ({@code --quote}), {@link
 *       #escape()} ({@code --escape}), {@link #comment()} ({@code --comment});
 *   <li>{@link #header()} ({@code --header}) and {@link #columns()} ({@code --columns});
 *   <li>{@link #nullValue()} ({@code --nullValue});
 *   <li>{@link #skipLines()} ({@code --skipLines}) and {@link #skipRecords()} ({@code --skipRecords});
 *   <li>{@link #maxCharsPerColumn()} ({@code --maxCharsPerColumn}) and {@link #maxColumns()} ({@code
 *       --maxColumns}).
 * </ul>
 */
public final class CsvFormat implements Serializable {
  private static final long serialVersionUID = 1L;

  /** {@code maxCharsPerColumn} value that turns the guard off. */
  public static final int UNLIMITED = -1;

  private static final CsvFormat DSBULK =
      new CsvFormat(',', '"', '\\', null, true, List.of(), "", 0, 0, 4096, 512);

  private final char delimiter;
  private final char quote;
  private final char escape;
  private final Character comment;
  private final boolean header;
  private final List<String> columns;
  private final String nullValue;
  private final int skipLines;
  private final int skipRecords;
  private final int maxCharsPerColumn;
  private final int maxColumns;

  private CsvFormat(char delimiter, char quote, char escape, Character comment, boolean header,
      List<String> columns, String nullValue, int skipLines, int skipRecords, int maxCharsPerColumn,
      int maxColumns) {
    this.delimiter = delimiter;
    this.quote = quote;
    this.escape = escape;
    this.comment = comment;
    this.header = header;
    this.columns = List.copyOf(columns);
    this.nullValue = nullValue;
    this.skipLines = skipLines;
    this.skipRecords = skipRecords;
    this.maxCharsPerColumn = maxCharsPerColumn;
    this.maxColumns = maxColumns;
  }

  /** DSBulk 1.10's CSV defaults; see each getter for the value and where it comes from. */
  public static CsvFormat dsbulk() {
    return DSBULK;
  }

  /** Field delimiter. Default {@code ,} (DSBulk {@code connector.csv.delimiter}). */
  public char delimiter() {
    return delimiter;
  }

  /**
   * Quote character, which encloses a field holding the delimiter, a quote, a line break or the
   * comment character. Default {@code "} (DSBulk {@code connector.csv.quote}).
   */
  public char quote() {
    return quote;
  }

  /**
   * Escape character inside quoted fields: it escapes a quote or itself ({@code \"} is a quote,
   * {@code \\} a backslash) and is literal before anything else. A doubled quote ({@code ""}) is
   * also read as one quote, as RFC 4180 has it. Writers escape quotes with it. Default {@code \}
   * (DSBulk {@code connector.csv.escape}); set it to the quote character for RFC 4180 doubling on
   * write.
   */
  public char escape() {
    return escape;
  }

  /**
   * Character that starts a comment line when it is the first character of a record, or null when
   * comments are off. Default: off (DSBulk {@code connector.csv.comment}, the NUL character).
   */
  public Character comment() {
    return comment;
  }

  /**
   * Whether the first record of a file names its columns. Default true (DSBulk {@code
   * connector.csv.header}); writers then write a header line before the first row.
   */
  public boolean header() {
    return header;
  }

  /**
   * Column names for files without a header, in file order; empty when the header names them.
   * Default empty (DSBulk maps header-less files by index through {@code schema.mapping} instead).
   */
  public List<String> columns() {
    return columns;
  }

  /**
   * Text that stands for null. An unquoted empty field is always null; an unquoted field equal to this
   * text is null as well; a quoted field is never null, so {@code ""} is the empty string. Writers
   * write null as this text (nothing by default) and quote an empty string as {@code ""}. Default
   * {@code ""} (DSBulk 1.10 {@code connector.csv.nullValue = AUTO}, see DAT-605).
   */
  public String nullValue() {
    return nullValue;
  }

  /**
   * Physical lines skipped at the start of each file, before the header, whatever they hold.
   * Default 0 (DSBulk 1.0's {@code linesToSkip}; DSBulk 1.10 only has {@link #skipRecords()}).
   */
  public int skipLines() {
    return skipLines;
  }

  /**
   * Records skipped after the header of each file (the header does not count). Default 0 (DSBulk
   * {@code connector.csv.skipRecords}).
   */
  public int skipRecords() {
    return skipRecords;
  }

  /**
   * Longest field, in characters, or {@link #UNLIMITED}. A longer field makes its record an error
   * and is not kept in memory. Default 4096 (DSBulk {@code connector.csv.maxCharsPerColumn}).
   */
  public int maxCharsPerColumn() {
    return maxCharsPerColumn;
  }

  /**
   * Most fields in a record; more make the record an error. Default 512 (DSBulk {@code
   * connector.csv.maxColumns}).
   */
  public int maxColumns() {
    return maxColumns;
  }

  /** Sets {@link #delimiter()}. */
  public CsvFormat withDelimiter(String delimiter) {
    return withDelimiter(singleChar("--delimiter", delimiter));
  }

  /** Sets {@link #delimiter()}. */
  public CsvFormat withDelimiter(char delimiter) {
    checkNotLineBreak("--delimiter", delimiter);
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Sets {@link #quote()}. */
  public CsvFormat withQuote(String quote) {
    return withQuote(singleChar("--quote", quote));
  }

  /** Sets {@link #quote()}. */
  public CsvFormat withQuote(char quote) {
    checkNotLineBreak("--quote", quote);
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Sets {@link #escape()}. */
  public CsvFormat withEscape(String escape) {
    return withEscape(singleChar("--escape", escape));
  }

  /** Sets {@link #escape()}. */
  public CsvFormat withEscape(char escape) {
    checkNotLineBreak("--escape", escape);
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Sets {@link #comment()}; an empty string or the NUL character (DSBulk's "off") turns comments off. */
  public CsvFormat withComment(String comment) {
    if (comment == null || comment.isEmpty() || comment.equals("\u0000")) {
      return withoutComment();
    }
    return withComment(singleChar("--comment", comment));
  }

  /** Sets {@link #comment()}. */
  public CsvFormat withComment(char comment) {
    checkNotLineBreak("--comment", comment);
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Turns comment lines off. */
  public CsvFormat withoutComment() {
    return new CsvFormat(delimiter, quote, escape, null, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Sets {@link #header()}. */
  public CsvFormat withHeader(boolean header) {
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Sets {@link #columns()}; names must be non-blank and distinct. */
  public CsvFormat withColumns(List<String> columns) {
    Objects.requireNonNull(columns, "--columns");
    checkNames("--columns", columns);
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Sets {@link #nullValue()}; it may not hold a line break. */
  public CsvFormat withNullValue(String nullValue) {
    if (nullValue == null) {
      throw new IllegalArgumentException("--nullValue must be given; use \"\" for an empty field");
    }
    if (nullValue.indexOf('\n') >= 0 || nullValue.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(
          "--nullValue may not contain a line break, got: " + printable(nullValue));
    }
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Sets {@link #skipLines()}. */
  public CsvFormat withSkipLines(int skipLines) {
    checkNotNegative("--skipLines", skipLines);
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Sets {@link #skipRecords()}. */
  public CsvFormat withSkipRecords(int skipRecords) {
    checkNotNegative("--skipRecords", skipRecords);
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Sets {@link #maxCharsPerColumn()}: at least 1, or {@link #UNLIMITED}. */
  public CsvFormat withMaxCharsPerColumn(int maxCharsPerColumn) {
    if (maxCharsPerColumn < 1 && maxCharsPerColumn != UNLIMITED) {
      throw new IllegalArgumentException(
          "--maxCharsPerColumn must be at least 1, or -1 for no limit, got: " + maxCharsPerColumn);
    }
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /** Sets {@link #maxColumns()}: at least 1. */
  public CsvFormat withMaxColumns(int maxColumns) {
    if (maxColumns < 1) {
      throw new IllegalArgumentException("--maxColumns must be at least 1, got: " + maxColumns);
    }
    return new CsvFormat(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  /**
   * Checks the settings against each other: delimiter, quote, escape and comment characters must
   * differ (escape may equal quote), the null text may not hold the delimiter or quote, and {@code
   * --columns} only goes with {@code --header=false}.
   *
   * @throws IllegalArgumentException naming the options in conflict and their values
   */
  public CsvFormat validate() {
    if (delimiter == quote) {
      throw conflict("--delimiter", delimiter, "--quote", quote);
    }
    if (escape == delimiter) {
      throw conflict("--escape", escape, "--delimiter", delimiter);
    }
    if (comment != null) {
      if (comment == delimiter) {
        throw conflict("--comment", comment, "--delimiter", delimiter);
      }
      if (comment == quote) {
        throw conflict("--comment", comment, "--quote", quote);
      }
      if (comment == escape) {
        throw conflict("--comment", comment, "--escape", escape);
      }
    }
    if (nullValue.indexOf(delimiter) >= 0 || nullValue.indexOf(quote) >= 0) {
      throw new IllegalArgumentException("--nullValue " + printable(nullValue)
          + " may not contain the delimiter " + printable(String.valueOf(delimiter))
          + " or the quote " + printable(String.valueOf(quote)));
    }
    if (header && !columns.isEmpty()) {
      throw new IllegalArgumentException("--columns " + String.join(",", columns)
          + " names the columns of files without a header; it needs --header=false");
    }
    return this;
  }

  private static IllegalArgumentException conflict(String option, char value, String other,
      char otherValue) {
    return new IllegalArgumentException(option + " " + printable(String.valueOf(value))
        + " must differ from " + other + " " + printable(String.valueOf(otherValue)));
  }

  /** Checks header or column names: non-blank and distinct; the message names the option. */
  static void checkNames(String option, List<String> names) {
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isBlank()) {
        problems.add("empty name at position " + (i + 1));
      } else if (!seen.add(name)) {
        problems.add("duplicate name \"" + name + "\" at positions " + (names.indexOf(name) + 1)
            + " and " + (i + 1));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(option + " " + names + ": " + String.join("; ", problems));
    }
  }

  private static char singleChar(String option, String value) {
    if (value != null && value.equals("\\t")) {
      return '\t';
    }
    if (value == null || value.length() != 1) {
      throw new IllegalArgumentException(option + " takes exactly one character, got: "
          + (value == null ? "nothing" : printable(value)));
    }
    return value.charAt(0);
  }

  private static void checkNotLineBreak(String option, char c) {
    if (c == '\n' || c == '\r') {
      throw new IllegalArgumentException(option + " may not be a line break, got: "
          + printable(String.valueOf(c)));
    }
  }

  private static void checkNotNegative(String option, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(option + " must be 0 or more, got: " + value);
    }
  }

  /** The value quoted, with control characters spelled out, for messages. */
  static String printable(String value) {
    StringBuilder out = new StringBuilder("'");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '\t': out.append("\\t"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        default:
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    return out.append('\'').toString();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CsvFormat)) {
      return false;
    }
    CsvFormat f = (CsvFormat) o;
    return delimiter == f.delimiter && quote == f.quote && escape == f.escape
        && Objects.equals(comment, f.comment) && header == f.header && columns.equals(f.columns)
        && nullValue.equals(f.nullValue) && skipLines == f.skipLines && skipRecords == f.skipRecords
        && maxCharsPerColumn == f.maxCharsPerColumn && maxColumns == f.maxColumns;
  }

  @Override
  public int hashCode() {
    return Objects.hash(delimiter, quote, escape, comment, header, columns, nullValue, skipLines,
        skipRecords, maxCharsPerColumn, maxColumns);
  }

  @Override
  public String toString() {
    return "CsvFormat{delimiter=" + printable(String.valueOf(delimiter))
        + ", quote=" + printable(String.valueOf(quote))
        + ", escape=" + printable(String.valueOf(escape))
        + ", comment=" + (comment == null ? "none" : printable(String.valueOf(comment)))
        + ", header=" + header + ", columns=" + columns + ", nullValue=" + printable(nullValue)
        + ", skipLines=" + skipLines + ", skipRecords=" + skipRecords
        + ", maxCharsPerColumn=" + maxCharsPerColumn + ", maxColumns=" + maxColumns + "}";
  }
}

package io.github.beamcassandra.pipelines.format;

import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import org.apache.beam.sdk.values.Row;

/**
 * Writes Beam rows (of a read's schema) as CSV, the way DSBulk 1.10 unloads: values in {@link
 * TextCodec#format} text, a header line before the first row when {@link CsvFormat#header()} is set
 * (so a file without rows stays empty, as with DSBulk), one line per row ended by LF.
 *
 * <p>A field is quoted only when it must be: when it holds the delimiter, the quote, a line break or
 * the comment character, when it is empty, or when it equals a non-empty {@link
 * CsvFormat#nullValue()}. Inside quotes, the quote and the escape character are escaped with {@link
 * CsvFormat#escape()} ({@code \"}, {@code \\}; doubled quotes when the escape is the quote). So null
 * (written as the null text, nothing by default) and the empty string ({@code ""}) stay apart, and
 * {@link CsvReader} reads back what was written.
 */
public final class CsvRecordWriter implements Closeable, Flushable {
  private final Writer out;
  private final CsvFormat format;
  private final OutputColumns columns;
  private long rows;

  /**
   * @param columns the columns to write, in order (a {@code LinkedHashMap}, e.g. {@code
   *     TableSpec.types()}), each with its CQL type; each row must have a field of each name
   */
  public CsvRecordWriter(Writer out, CsvFormat format, Map<String, CqlType> columns) {
    this.out = out;
    this.format = format.validate();
    this.columns = new OutputColumns(columns);
  }

  /**
   * Writes one row, after the header if it is the first.
   *
   * @throws IllegalArgumentException when the row lacks a column or holds a value not of its type
   */
  public void write(Row row) throws IOException {
    StringBuilder line = new StringBuilder();
    if (rows == 0 && format.header()) {
      for (int i = 0; i < columns.size(); i++) {
        appendField(line, i, columns.names().get(i));
      }
      line.append('\n');
    }
    for (int i = 0; i < columns.size(); i++) {
      appendField(line, i, TextCodec.format(columns.value(row, i), columns.type(i)));
    }
    line.append('\n');
    out.write(line.toString());
    rows++;
  }

  /** Rows written so far. */
  public long rowCount() {
    return rows;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void appendField(StringBuilder line, int index, String text) {
    if (index > 0) {
      line.append(format.delimiter());
    }
    if (text == null) {
      line.append(format.nullValue());
    } else if (needsQuotes(text)) {
      appendQuoted(line, text);
    } else {
      line.append(text);
    }
  }

  private boolean needsQuotes(String text) {
    if (text.isEmpty() || (!format.nullValue().isEmpty() && text.equals(format.nullValue()))) {
      return true;
    }
    Character comment = format.comment();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == format.delimiter() || c == format.quote() || c == '\n' || c == '\r'
          || (comment != null && c == comment)) {
        return true;
      }
    }
    return false;
  }

  private void appendQuoted(StringBuilder line, String text) {
    char quote = format.quote();
    char escape = format.escape();
    line.append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote || c == escape) {
        line.append(escape);
      }
      line.append(c);
    }
    line.append(quote);
  }
}

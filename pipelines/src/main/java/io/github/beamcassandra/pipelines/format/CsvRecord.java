package io.github.beamcassandra.pipelines.format;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One record of a CSV file as {@link CsvReader} yields it: where it comes from (source and the 1-based
 * line it starts on), its original text (all its physical lines, without the final line break, for a
 * rejects file), and either its fields (null for a null field) or the reason it could not be read.
 */
public final class CsvRecord implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String text;
  private final List<String> fields;
  private final String error;

  private CsvRecord(String source, long line, String text, List<String> fields, String error) {
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.text = Objects.requireNonNull(text, "text");
    this.fields = Collections.unmodifiableList(new ArrayList<>(fields));
    this.error = error;
  }

  /** A record that was read; {@code fields} may hold nulls. */
  public static CsvRecord of(String source, long line, String text, List<String> fields) {
    return new CsvRecord(source, line, text, fields, null);
  }

  /** A record that could not be read; the reason should name the source and line. */
  public static CsvRecord error(String source, long line, String text, String reason) {
    return new CsvRecord(source, line, text, List.of(), Objects.requireNonNull(reason, "reason"));
  }

  public String source() {
    return source;
  }

  /** The 1-based physical line the record starts on. */
  public long line() {
    return line;
  }

  /** The record as it stands in the file, line breaks inside it included. */
  public String text() {
    return text;
  }

  /** The fields, in file order; null for a null field; empty for an error record. */
  public List<String> fields() {
    return fields;
  }

  public boolean isError() {
    return error != null;
  }

  /** Why the record could not be read (naming source and line), or null when it was read. */
  public String error() {
    return error;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CsvRecord)) {
      return false;
    }
    CsvRecord r = (CsvRecord) o;
    return line == r.line && source.equals(r.source) && text.equals(r.text)
        && fields.equals(r.fields) && Objects.equals(error, r.error);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, text, fields, error);
  }

  @Override
  public String toString() {
    return source + ":" + line + (isError() ? " error: " + error : " " + fields);
  }
}

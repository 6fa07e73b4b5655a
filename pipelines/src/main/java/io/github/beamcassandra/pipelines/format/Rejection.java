package io.github.beamcassandra.pipelines.format;

import java.io.Serializable;
import java.util.Objects;

/**
 * A record that cannot become a row: where it comes from (source and 1-based line), the column at
 * fault (null when the whole record is), why, and its original text for a rejects file.
 */
public final class Rejection implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final long line;
  private final String column;
  private final String reason;
  private final String text;

  public Rejection(String source, long line, String column, String reason, String text) {
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.column = column;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.text = Objects.requireNonNull(text, "text");
  }

  public String source() {
    return source;
  }

  public long line() {
    return line;
  }

  /** The column whose value is at fault, or null when the record as a whole is. */
  public String column() {
    return column;
  }

  public String reason() {
    return reason;
  }

  /** The record as it stands in the file. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Rejection)) {
      return false;
    }
    Rejection r = (Rejection) o;
    return line == r.line && source.equals(r.source) && Objects.equals(column, r.column)
        && reason.equals(r.reason) && text.equals(r.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, line, column, reason, text);
  }

  /** {@code source line N, column c: reason}. */
  @Override
  public String toString() {
    String where = source + " line " + line;
    if (reason.startsWith(where)) {
      return reason;
    }
    return where + (column == null ? "" : ", column " + column) + ": " + reason;
  }
}

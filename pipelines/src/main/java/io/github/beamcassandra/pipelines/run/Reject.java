package io.github.beamcassandra.pipelines.run;

import java.io.Serializable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One record that did not make it into the table: where it came from, its original text, the column
 * at fault (when one is) and why. {@code stage} is {@code parse} (the file's text), {@code validation}
 * (the row against the table) or {@code write} (the server refused or kept failing).
 */
public final class Reject implements Serializable {
  private static final long serialVersionUID = 1L;

  public final String stage;
  public final @Nullable String source;
  public final long line;
  public final @Nullable String column;
  public final String reason;
  public final String errorClass;
  public final String record;

  public Reject(String stage, @Nullable String source, long line, @Nullable String column, String reason,
      String errorClass, String record) {
    this.stage = stage;
    this.source = source;
    this.line = line;
    this.column = column;
    this.reason = reason;
    this.errorClass = errorClass;
    this.record = record;
  }
}

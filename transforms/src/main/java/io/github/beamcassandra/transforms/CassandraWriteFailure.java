package io.github.beamcassandra.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Something that could not be written, with why: the record (the input row, or the mutation when the
 * server refused it), the column at fault when one is, the reason, and the error's class.
 */
public final class CassandraWriteFailure {
  /** Where it failed. */
  public enum Stage {
    /** The row could not become a valid mutation (conversion, null key, bad TTL...). */
    VALIDATION,
    /** The mutation was refused by Cassandra or still failed after the retries. */
    WRITE
  }

  private final Stage stage;
  private final String record;
  private final @Nullable String column;
  private final String reason;
  private final String errorClass;

  public CassandraWriteFailure(
      Stage stage, String record, @Nullable String column, String reason, String errorClass) {
    this.stage = Objects.requireNonNull(stage);
    this.record = Objects.requireNonNull(record);
    this.column = column;
    this.reason = Objects.requireNonNull(reason);
    this.errorClass = Objects.requireNonNull(errorClass);
  }

  public Stage stage() {
    return stage;
  }

  /** The input row (validation) or the mutation (write), as text. */
  public String record() {
    return record;
  }

  public @Nullable String column() {
    return column;
  }

  public String reason() {
    return reason;
  }

  /** Simple name of the exception class behind it. */
  public String errorClass() {
    return errorClass;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof CassandraWriteFailure)) {
      return false;
    }
    CassandraWriteFailure f = (CassandraWriteFailure) o;
    return stage == f.stage && record.equals(f.record) && Objects.equals(column, f.column)
        && reason.equals(f.reason) && errorClass.equals(f.errorClass);
  }

  @Override
  public int hashCode() {
    return Objects.hash(stage, record, column, reason, errorClass);
  }

  @Override
  public String toString() {
    return stage + " failure" + (column == null ? "" : " in column " + column) + ": " + reason
        + " (" + errorClass + ") for " + record;
  }

  /** Coder of failures. */
  public static final class Coder extends AtomicCoder<CassandraWriteFailure> {
    private static final long serialVersionUID = 1L;
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final NullableCoder<String> NULLABLE = NullableCoder.of(StringUtf8Coder.of());

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(CassandraWriteFailure f, OutputStream out) throws IOException {
      out.write(f.stage.ordinal());
      STRING.encode(f.record, out);
      NULLABLE.encode(f.column, out);
      STRING.encode(f.reason, out);
      STRING.encode(f.errorClass, out);
    }

    @Override
    public CassandraWriteFailure decode(InputStream in) throws IOException {
      Stage stage = Stage.values()[in.read()];
      return new CassandraWriteFailure(stage, STRING.decode(in), NULLABLE.decode(in),
          STRING.decode(in), STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}

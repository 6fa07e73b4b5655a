package io.github.beamcassandra.pipelines.format;

import java.util.Objects;
import org.apache.beam.sdk.values.Row;

/** What {@link RecordMapper} makes of a record: a Beam {@link Row}, or a {@link Rejection}. */
public final class MappingResult {
  private final Row row;
  private final Rejection rejection;

  private MappingResult(Row row, Rejection rejection) {
    this.row = row;
    this.rejection = rejection;
  }

  static MappingResult of(Row row) {
    return new MappingResult(Objects.requireNonNull(row, "row"), null);
  }

  static MappingResult rejected(Rejection rejection) {
    return new MappingResult(null, Objects.requireNonNull(rejection, "rejection"));
  }

  public boolean isRejected() {
    return rejection != null;
  }

  /** The row; null when rejected. */
  public Row row() {
    return row;
  }

  /** The rejection; null when mapped. */
  public Rejection rejection() {
    return rejection;
  }

  @Override
  public String toString() {
    return isRejected() ? "rejected: " + rejection : row.toString();
  }
}

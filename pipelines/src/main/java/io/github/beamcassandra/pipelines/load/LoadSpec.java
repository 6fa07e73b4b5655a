package io.github.beamcassandra.pipelines.load;

import io.github.beamcassandra.pipelines.format.CsvFormat;
import io.github.beamcassandra.pipelines.run.ErrorLimit;
import io.github.beamcassandra.transforms.schema.TableSpec;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.beam.sdk.schemas.Schema.FieldType;

/** What the parsing step needs, resolved when the pipeline is built. */
public final class LoadSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  final TableSpec table;
  /** csv, json or parquet for every file; null: from each file's name. */
  final String format;
  final CsvFormat csv;
  /** The rows' columns, in order: the first file's header, {@code --columns}, or the table's. */
  final List<String> columns;
  final LinkedHashMap<String, FieldType> extras;
  final String runId;
  final String runDir;
  final ErrorLimit errorLimit;

  public LoadSpec(TableSpec table, String format, CsvFormat csv, List<String> columns,
      LinkedHashMap<String, FieldType> extras, String runId, String runDir, ErrorLimit errorLimit) {
    this.table = table;
    this.format = format;
    this.csv = csv;
    this.columns = List.copyOf(columns);
    this.extras = extras;
    this.runId = runId;
    this.runDir = runDir;
    this.errorLimit = errorLimit;
  }
}

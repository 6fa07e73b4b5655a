package io.github.beamcassandra.pipelines.load;

import io.github.beamcassandra.pipelines.format.CsvReader;
import io.github.beamcassandra.pipelines.format.CsvRecord;
import io.github.beamcassandra.pipelines.format.JsonRecord;
import io.github.beamcassandra.pipelines.format.JsonRecordReader;
import io.github.beamcassandra.pipelines.format.MappingResult;
import io.github.beamcassandra.pipelines.format.RecordMapper;
import io.github.beamcassandra.pipelines.format.Rejection;
import io.github.beamcassandra.pipelines.run.Reject;
import io.github.beamcassandra.pipelines.run.RejectsWriter;
import io.github.beamcassandra.pipelines.run.RunCounters;
import io.github.beamcassandra.pipelines.run.TooManyErrorsException;
import io.github.beamcassandra.transforms.schema.CqlType;
import io.github.beamcassandra.transforms.schema.TableSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * Reads one input file (or part of one) record by record (bounded memory) into rows of the load's
 * schema. A record that cannot be read or converted goes to the rejects file with its file, line (for
 * Parquet: the record's number in the file), column and reason, and the file goes on; a file that
 * cannot be read as a whole (bad header, other columns than the first file) stops the run naming it.
 * Stops the run when the errors pass {@code --maxErrors}.
 */
final class ParseFileFn extends DoFn<FileChunk, Row> {
  private static final long serialVersionUID = 1L;

  private final Counter recordsRead = Metrics.counter(LoadPipeline.class, "records_read");
  private final Counter recordsRejected = Metrics.counter(LoadPipeline.class, "records_rejected");
  private final LoadSpec spec;
  private final Schema schema;
  private transient RejectsWriter rejects;

  ParseFileFn(LoadSpec spec, Schema schema) {
    this.spec = spec;
    this.schema = schema;
  }

  @Setup
  public void setup() {
    rejects = new RejectsWriter(spec.runDir, "parse");
  }

  @ProcessElement
  public void process(@Element FileChunk chunk, OutputReceiver<Row> out) throws IOException {
    RunCounters counters = RunCounters.of(spec.runId);
    String file = chunk.file;
    String format = spec.format != null ? spec.format : InputFiles.formatOf(file);
    if ("parquet".equals(format)) {
      RecordMapper mapper = RecordMapper.of(spec.table, spec.extras, spec.columns);
      try (ParquetReader<GenericRecord> reader = ParquetFiles.reader(chunk, counters.inputBytes::addAndGet)) {
        long number = chunk.line;
        for (GenericRecord record = reader.read(); record != null; record = reader.read(), number++) {
          handle(mapper.map(record, file, number), file, number, record::toString, counters, out, false);
        }
      }
      rejects.commit();
      return;
    }
    // Progress in bytes: for plain CSV from record positions, since a part's reader reads ahead past
    // its end; for the rest (whole files only) from the bytes read.
    boolean byPosition = !"json".equals(format) && !file.toLowerCase(Locale.ROOT).endsWith(".gz");
    try (InputStream in = byPosition ? InputFiles.open(file) : InputFiles.open(file, counters.inputBytes::addAndGet)) {
      if (chunk.offset > 0) {
        in.skipNBytes(chunk.offset);
      }
      if ("json".equals(format)) {
        RecordMapper mapper = RecordMapper.of(spec.table, spec.extras, spec.columns);
        try (JsonRecordReader reader = JsonRecordReader.open(in, file)) {
          while (reader.hasNext()) {
            JsonRecord record = reader.next();
            handle(mapper.map(record), record.source(), record.line(), record::text, counters, out, false);
          }
        }
      } else {
        try (CsvReader reader = chunk.offset < 0 ? CsvReader.open(in, file, spec.csv)
            : CsvReader.resume(in, file, spec.csv, chunk.columns, chunk.offset, chunk.line)) {
          List<String> header = reader.columnNames();
          if (!new HashSet<>(header).equals(new HashSet<>(spec.columns))) {
            throw new IllegalArgumentException(file + ": its header names " + String.join(", ", header)
                + ", but the first input file's names " + String.join(", ", spec.columns)
                + "; load files with different columns in separate runs.");
          }
          RecordMapper mapper = RecordMapper.of(spec.table, spec.extras, header);
          boolean reorder = !header.equals(spec.columns);
          long counted = Math.max(0, chunk.offset);
          int records = 0;
          while (reader.position() < chunk.end && reader.hasNext()) {
            CsvRecord record = reader.next();
            handle(mapper.map(record), record.source(), record.line(), record::text, counters, out, reorder);
            if (byPosition && ++records % 1000 == 0) {
              counters.inputBytes.addAndGet(reader.position() - counted);
              counted = reader.position();
            }
          }
          if (byPosition) {
            counters.inputBytes.addAndGet(Math.min(reader.position(), chunk.end) - counted);
          }
        }
      }
    }
    rejects.commit();
  }

  /**
   * A null primary key value, or an empty partition key value, found here rather than by the write's
   * own validation, so the reject names the file and line. (An input without a key column never gets
   * here: the write refuses it when the pipeline is built.)
   */
  private Rejection keyProblem(Row row, String source, long line, Supplier<String> text) {
    for (TableSpec.Column key : spec.table.primaryKey()) {
      Object value = row.getValue(key.name());
      if (value == null) {
        return new Rejection(source, line, key.name(), "primary key column " + key.name() + " is null",
            text.get());
      }
      boolean empty = value instanceof String && ((String) value).isEmpty()
          || value instanceof byte[] && ((byte[]) value).length == 0;
      if (empty && key.role() == TableSpec.Role.PARTITION_KEY && key.type().kind() != CqlType.Kind.BLOB) {
        return new Rejection(source, line, key.name(), "partition key column " + key.name()
            + " is empty", text.get());
      }
    }
    return null;
  }

  /** {@code text}: the record as text, only made for a reject (for Parquet it is made from the values). */
  private void handle(MappingResult result, String source, long line, Supplier<String> text,
      RunCounters counters, OutputReceiver<Row> out, boolean reorder) {
    counters.read.incrementAndGet();
    recordsRead.inc();
    Rejection r = result.isRejected() ? result.rejection() : keyProblem(result.row(), source, line, text);
    if (r == null) {
      out.output(reorder ? reorder(result.row()) : result.row());
      return;
    }
    rejects.write(new Reject("parse", r.source(), r.line(), r.column(), r.reason(), "ParseError", r.text()));
    counters.rejected.incrementAndGet();
    recordsRejected.inc();
    if (spec.errorLimit.exceeded(counters.errors(), counters.read.get(), false)) {
      rejects.commit();
      throw new TooManyErrorsException(counters.errors(), counters.read.get(), spec.errorLimit);
    }
  }

  /** The row with the load schema's field order. */
  private Row reorder(Row row) {
    Object[] values = new Object[schema.getFieldCount()];
    for (int i = 0; i < values.length; i++) {
      values[i] = row.getValue(schema.getField(i).getName());
    }
    return Row.withSchema(schema).attachValues(values);
  }

  @FinishBundle
  public void finishBundle() {
    rejects.commit();
  }

  @Teardown
  public void teardown() {
    if (rejects != null) {
      rejects.close();
    }
  }
}

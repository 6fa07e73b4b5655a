package io.github.beamcassandra.pipelines.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.beamcassandra.pipelines.UsageException;
import io.github.beamcassandra.pipelines.format.CsvFormat;
import io.github.beamcassandra.pipelines.format.CsvReader;
import io.github.beamcassandra.pipelines.format.FileFormatException;
import io.github.beamcassandra.pipelines.format.RecordMapper;
import io.github.beamcassandra.pipelines.load.FileChunk;
import io.github.beamcassandra.pipelines.load.InputFiles;
import io.github.beamcassandra.pipelines.load.LoadPipeline;
import io.github.beamcassandra.pipelines.load.LoadSpec;
import io.github.beamcassandra.pipelines.options.LoadOptions;
import io.github.beamcassandra.pipelines.run.ErrorLimit;
import io.github.beamcassandra.pipelines.run.Run;
import io.github.beamcassandra.pipelines.run.RunCounters;
import io.github.beamcassandra.pipelines.run.RunDirectory;
import io.github.beamcassandra.pipelines.run.RunLogTable;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.schema.TableSpec;
import io.github.beamcassandra.transforms.write.WriteLatencies;
import io.github.beamcassandra.transforms.write.WriteMutations;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.Schema;

/** {@code load}: CSV, JSON or Parquet files into a table, with rejects, an error limit and a report. */
public final class LoadCommand {
  static final String USAGE = "beam-cassandra load --keyspace=ks --table=t --input=file|dir|glob"
      + " [--option=value ...]";

  private LoadCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineArgs.printHelp(LoadOptions.class, USAGE, out);
      return 0;
    }
    LoadOptions options = PipelineArgs.parse(args, LoadOptions.class, "load");
    ErrorLimit errorLimit = ErrorLimit.parse(options.getMaxErrors());
    if (options.getPartBytes() < 1024) {
      throw new UsageException("--partBytes must be at least 1024, got: " + options.getPartBytes());
    }
    LoadPipeline.batchMode(options.getBatchMode());
    List<InputFiles.InputFile> files = InputFiles.match(options.getInput());
    String format = format(options, files);
    CsvFormat csv = FileSettings.csv(options);
    // Parquet files: each footer is read now, so a file that is not Parquet stops the run before it starts.
    List<FileChunk> parquetParts = format.equals("parquet") ? parts(files, format, csv, options) : null;
    RunLogTable runLogTable = RunLogTable.parse(options.getRunLogTable());
    CassandraConnection connection = Connections.from(options, err);
    TableSpec table = Connections.tableSpec(connection, options);

    LinkedHashMap<String, FieldType> extras = new LinkedHashMap<>();
    if (options.getDeleteFlagColumn() != null) {
      extras.put(options.getDeleteFlagColumn(), FieldType.STRING);
    }
    if (options.getTtlColumn() != null) {
      extras.put(options.getTtlColumn(), FieldType.INT64);
    }
    if (options.getWritetimeColumn() != null) {
      extras.put(options.getWritetimeColumn(), FieldType.INT64);
    }
    List<String> columns = parquetParts != null ? parquetColumns(FileSettings.columns(options), parquetParts)
        : inputColumns(options, format, csv, files.get(0).name, table, extras);
    Schema schema;
    try {
      schema = RecordMapper.of(table, extras, columns).schema();
    } catch (IllegalArgumentException e) {
      String where = options.getColumns() != null ? "--columns: "
          : parquetParts != null ? files.get(0).name + " (its fields): "
          : files.get(0).name + ", line " + (options.getSkipLines() + 1) + " (header): ";
      throw new UsageException(where + e.getMessage());
    }

    Run run = Run.start("load", options.getRunDir(), options.getRunLog(), PipelineArgs.masked(args));
    WriteLatencies.reset(table.qualifiedName());
    LoadSpec spec = new LoadSpec(table, format, csv, columns, extras, run.id(), run.dir(),
        errorLimit);
    RunCounters counters = run.counters();
    long totalBytes = files.stream().allMatch(f -> f.size >= 0)
        ? files.stream().mapToLong(f -> f.size).sum() : -1;
    run.startProgress(options.getProgressSeconds(), err, () -> progress(run, counters, totalBytes));
    Execution execution;
    try {
      List<FileChunk> parts = parquetParts != null ? parquetParts : parts(files, format, csv, options);
      execution = Execution.of(LoadPipeline.create(options, connection, spec, schema, parts));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }

    boolean ranHere = execution.ranHere(counters.read.get(), LoadPipeline.class, "records_read");
    long read = execution.figure(ranHere, counters.read.get(), LoadPipeline.class, "records_read");
    long written = execution.figure(ranHere, counters.written.get(), LoadPipeline.class, "records_written");
    long rejected = execution.figure(ranHere, counters.rejected.get(), LoadPipeline.class, "records_rejected");
    long failed = execution.figure(ranHere, counters.failed.get(), LoadPipeline.class, "records_failed");
    double seconds = Math.max(0.001, run.elapsed().toMillis() / 1000.0);
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("records read", read);
    figures.put("written", written);
    figures.put("rejected", rejected);
    figures.put("failed", failed);
    figures.put("retries", execution.counter(WriteMutations.class, "retries"));
    figures.put("rows/s", Math.round(written / seconds));
    figures.put("write latency p50", latency(table.qualifiedName(), 0.50));
    figures.put("write latency p99", latency(table.qualifiedName(), 0.99));
    Run.Status status = execution.status;
    String error = execution.error;
    if (status == Run.Status.SUCCEEDED && errorLimit.exceeded(rejected + failed, read, true)) {
      status = Run.Status.STOPPED;
      error = "Too many errors: " + (rejected + failed) + " of " + read + " records, past --maxErrors="
          + errorLimit + ".";
    }
    if (status == Run.Status.SUCCEEDED && read != written + rejected + failed) {
      error = "Counts do not reconcile: " + read + " read, but " + written + " written + " + rejected
          + " rejected + " + failed + " failed.";
      status = Run.Status.FAILED;
    }
    if (rejected + failed > 0) {
      String hint = "Rejected and failed records: " + RunDirectory.resolve(run.dir(), "rejects/*.jsonl")
          + " (one JSON object per line: stage, source, line, column, reason, record).";
      error = error == null ? hint : error + "\n" + hint;
    }
    ObjectNode report = run.finish(status, error, figures, table.qualifiedName(), err);
    if (runLogTable != null) {
      runLogTable.append(connection, report, err);
    }
    return status == Run.Status.SUCCEEDED ? 0 : 1;
  }

  private static String progress(Run run, RunCounters counters, long totalBytes) {
    double seconds = Math.max(0.001, run.elapsed().toMillis() / 1000.0);
    long written = counters.written.get();
    String line = String.format(Locale.ROOT, "progress: %,d read, %,d written, %,d rejected, %,.0f rows/s",
        counters.read.get(), written, counters.errors(), written / seconds);
    long bytes = counters.inputBytes.get();
    if (totalBytes > 0 && bytes > 0) {
      double remaining = (totalBytes - bytes) / (bytes / seconds);
      line += String.format(Locale.ROOT, ", input %.0f%%, ETA %.0f s", 100.0 * bytes / totalBytes, remaining);
    }
    return line;
  }

  private static String latency(String table, double quantile) {
    long micros = WriteLatencies.percentileMicros(table, quantile);
    return micros < 0 ? "-" : String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }

  /** {@code --format}, or the one format all files' names give. */
  private static String format(LoadOptions options, List<InputFiles.InputFile> files) {
    String format = FileSettings.format(options);
    if (format == null) {
      for (InputFiles.InputFile file : files) {
        String own = InputFiles.formatOf(file.name);
        if (own == null) {
          throw new UsageException("Cannot tell the format of " + file.name + " from its name: give"
              + " --format=csv, json or parquet.");
        }
        if (format != null && !format.equals(own)) {
          throw new UsageException("--input holds " + format + " and " + own + " files (" + file.name
              + "): load them in separate runs, or give --format.");
        }
        format = own;
      }
    }
    return format;
  }

  /** Every input file cut into the parts the pipeline parses (see {@code --partBytes}). */
  private static List<FileChunk> parts(List<InputFiles.InputFile> files, String format, CsvFormat csv,
      LoadOptions options) {
    List<FileChunk> parts = new ArrayList<>();
    for (InputFiles.InputFile file : files) {
      parts.addAll(FileChunk.of(file, format, csv, options.getPartBytes()));
    }
    return parts;
  }

  /**
   * Parquet: the fields {@code --columns} names (which every file must have; other fields are not
   * loaded), or the first file's fields, which every other file must have too.
   */
  private static List<String> parquetColumns(List<String> given, List<FileChunk> parts) {
    List<String> first = parts.get(0).columns();
    for (FileChunk part : parts) {
      List<String> fields = part.columns();
      if (given != null) {
        for (String name : given) {
          if (!fields.contains(name)) {
            throw new UsageException("--columns: " + part.file() + " has no field '" + name
                + "'; its fields: " + String.join(", ", fields));
          }
        }
      } else if (!new HashSet<>(fields).equals(new HashSet<>(first))) {
        throw new UsageException(part.file() + " has the fields " + String.join(", ", fields) + ", but "
            + parts.get(0).file() + " has " + String.join(", ", first) + "; load files with other fields in"
            + " separate runs, or name the fields to load with --columns.");
      }
    }
    return given != null ? given : first;
  }

  /** The rows' columns: the first file's header, {@code --columns}, or (JSON) the table's and extras. */
  private static List<String> inputColumns(LoadOptions options, String format, CsvFormat csv, String first,
      TableSpec table, Map<String, FieldType> extras) {
    List<String> given = FileSettings.columns(options);
    if (format.equals("json")) {
      if (given != null) {
        return given;
      }
      List<String> all = new ArrayList<>(table.types().keySet());
      all.addAll(extras.keySet());
      return all;
    }
    if (!csv.header()) {
      if (given == null) {
        throw new UsageException("--header=false needs --columns: the names of the CSV fields, in order.");
      }
      return given;
    }
    if (given != null) {
      throw new UsageException("--columns is for files without a header: add --header=false, or leave"
          + " --columns out to map the header's names.");
    }
    try {
      List<String> header = InputFiles.withFile(first, in -> {
        try (CsvReader reader = CsvReader.open(in, first, csv)) {
          return reader.columnNames();
        }
      });
      if (header.isEmpty()) {
        throw new UsageException(first + " is empty: it has no header line naming the columns.");
      }
      return header;
    } catch (FileFormatException e) {
      throw new UsageException(e.getMessage());
    }
  }
}

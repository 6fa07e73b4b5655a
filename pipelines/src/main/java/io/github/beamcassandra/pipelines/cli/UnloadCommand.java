package io.github.beamcassandra.pipelines.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.beamcassandra.pipelines.UsageException;
import io.github.beamcassandra.pipelines.format.ParquetCodec;
import io.github.beamcassandra.pipelines.options.UnloadOptions;
import io.github.beamcassandra.pipelines.run.Run;
import io.github.beamcassandra.pipelines.run.RunCounters;
import io.github.beamcassandra.pipelines.run.RunDirectory;
import io.github.beamcassandra.pipelines.run.RunLogTable;
import io.github.beamcassandra.pipelines.unload.UnloadPipeline;
import io.github.beamcassandra.transforms.Cassandra;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.read.CassandraRead;
import io.github.beamcassandra.transforms.read.TokenRange;
import io.github.beamcassandra.transforms.schema.CqlType;
import io.github.beamcassandra.transforms.schema.TableSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** {@code unload}: a table into one file per token range, resumable with {@code --resume}. */
public final class UnloadCommand {
  static final String USAGE =
      "beam-cassandra unload --keyspace=ks --table=t --output=dir [--option=value ...]";

  private UnloadCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineArgs.printHelp(UnloadOptions.class, USAGE, out);
      return 0;
    }
    UnloadOptions options = PipelineArgs.parse(args, UnloadOptions.class, "unload");
    if (options.getOutput() == null || options.getOutput().isBlank()) {
      throw new UsageException("--output is required: the directory that gets the files.");
    }
    String format = FileSettings.format(options);
    format = format == null ? "csv" : format;
    String compression = compression(options, format);
    if (options.getSplits() < 0) {
      throw new UsageException("--splits must be 0 (derived) or more, got: " + options.getSplits());
    }
    if (!RunDirectory.isLocal(options.getOutput())) {
      throw new UsageException("--output=" + options.getOutput() + ": unload writes to a local or mounted"
          + " directory only (its files are renamed into place and checkpointed there); other file"
          + " systems, such as Cloud Storage, are not supported yet.");
    }
    String output = RunDirectory.localPath(options.getOutput()).toString();
    RunLogTable runLogTable = RunLogTable.parse(options.getRunLogTable());
    CassandraConnection connection = Connections.from(options, err);
    TableSpec table = Connections.tableSpec(connection, options);
    List<String> columns = FileSettings.columns(options);
    LinkedHashMap<String, CqlType> fileColumns = new LinkedHashMap<>();
    for (String name : columns == null ? new ArrayList<>(table.types().keySet()) : columns) {
      fileColumns.put(name, table.column(name).orElseThrow(() -> new UsageException("--columns: table "
          + table.qualifiedName() + " has no column '" + name + "'; its columns: "
          + String.join(", ", table.types().keySet()))).type());
    }
    List<String> metadataOf = new ArrayList<>();
    for (String name : new ArrayList<>(fileColumns.keySet())) {
      TableSpec.Column c = table.column(name).orElseThrow();
      if (!c.isPrimaryKey() && !c.type().isCollection() && c.type().kind() != CqlType.Kind.UDT
          && c.type().kind() != CqlType.Kind.COUNTER) {
        metadataOf.add(name);
      }
    }
    CassandraRead read = Cassandra.read().withConnection(connection)
        .withKeyspace(options.getKeyspace()).withTable(options.getTable());
    if (columns != null) {
      read = read.withColumns(columns);
    }
    if (options.getIncludeWritetime()) {
      read = read.withWritetimeOf(metadataOf);
      metadataOf.forEach(c -> fileColumns.put(c + "_writetime", CqlType.primitive(CqlType.Kind.BIGINT)));
    }
    if (options.getIncludeTtl()) {
      read = read.withTtlOf(metadataOf);
      metadataOf.forEach(c -> fileColumns.put(c + "_ttl", CqlType.primitive(CqlType.Kind.INT)));
    }
    if (options.getConsistency() != null) {
      read = read.withConsistency(options.getConsistency());
    }
    if (format.equals("parquet")) {
      try {
        ParquetCodec.schema(table.table(), fileColumns);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--format=parquet: " + e.getMessage() + "; unload "
            + table.qualifiedName() + " with --format=csv or json, or leave the column out with --columns.");
      }
    }
    UnloadPipeline.Target target = new UnloadPipeline.Target(output, table.table(), format, compression,
        FileSettings.csv(options), fileColumns);

    Map<String, Long> done;
    List<TokenRange> ranges;
    if (options.getResume()) {
      if (!UnloadPipeline.hasCheckpoint(output)) {
        throw new UsageException("--resume: " + output + " has no checkpoint of an earlier unload.");
      }
      int splits;
      try {
        splits = UnloadPipeline.checkpointSplits(output);
      } catch (IllegalStateException e) {
        throw new UsageException("--resume: " + e.getMessage());
      }
      removeUnfinishedFiles(output);
      read = read.withSplits(splits);
      done = UnloadPipeline.completed(output, target.checkpointHeader(table.qualifiedName(), splits));
      ranges = read.tokenRanges();
      err.printf("Resuming: %d of %d ranges are done already.%n", done.size(), ranges.size());
    } else {
      requireEmpty(output);
      int splits = options.getSplits() > 0 ? options.getSplits() : read.tokenRanges().size();
      read = read.withSplits(splits);
      ranges = read.tokenRanges();
      UnloadPipeline.startCheckpoint(output, target.checkpointHeader(table.qualifiedName(), splits));
      done = Map.of();
    }

    Run run = Run.start("unload", options.getRunDir(), options.getRunLog(), PipelineArgs.masked(args));
    RunCounters counters = run.counters();
    int toDo = ranges.size() - done.size();
    run.startProgress(options.getProgressSeconds(), err, () -> String.format(Locale.ROOT,
        "progress: %,d rows unloaded, %,d of %,d ranges, %,.0f rows/s", counters.rows.get(),
        counters.ranges.get(), toDo, counters.rows.get() / Math.max(0.001, run.elapsed().toMillis() / 1000.0)));
    Execution execution = Execution.of(
        UnloadPipeline.create(options, read, ranges, done.keySet(), target, run.id()));

    boolean ranHere = execution.ranHere(counters.ranges.get(), UnloadPipeline.class, "ranges_unloaded");
    long rows = execution.figure(ranHere, counters.rows.get(), UnloadPipeline.class, "rows_unloaded");
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("rows", rows);
    figures.put("ranges", execution.figure(ranHere, counters.ranges.get(), UnloadPipeline.class,
        "ranges_unloaded"));
    if (!done.isEmpty()) {
      figures.put("ranges done before", (long) done.size());
      figures.put("rows done before", done.values().stream().mapToLong(Long::longValue).sum());
    }
    figures.put("rows/s", Math.round(rows / Math.max(0.001, run.elapsed().toMillis() / 1000.0)));
    figures.put("output", output);
    ObjectNode report = run.finish(execution.status, execution.error == null ? null
        : execution.error + "\nRun the same command with --resume to finish the ranges not yet done.",
        figures, table.qualifiedName(), err);
    if (runLogTable != null) {
      runLogTable.append(connection, report, err);
    }
    return execution.status == Run.Status.SUCCEEDED ? 0 : 1;
  }

  /** {@code --compression}: none (default) or gzip; for Parquet snappy (default), gzip or none. */
  private static String compression(UnloadOptions options, String format) {
    boolean parquet = format.equals("parquet");
    if (options.getCompression() == null) {
      return parquet ? "snappy" : "none";
    }
    String compression = options.getCompression().trim().toLowerCase(Locale.ROOT);
    List<String> allowed = parquet ? List.of("snappy", "gzip", "none") : List.of("none", "gzip");
    if (!allowed.contains(compression)) {
      throw new UsageException("--compression must be " + (parquet ? "snappy, gzip or none" : "none or gzip")
          + " for --format=" + format + "; got: '" + options.getCompression() + "'");
    }
    return compression;
  }

  /** Deletes the temporary files of ranges an earlier run did not finish. */
  private static void removeUnfinishedFiles(String output) {
    try (Stream<Path> entries = Files.list(Path.of(output))) {
      for (Path p : (Iterable<Path>) entries::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".inprogress")) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean " + output + ": " + e.getMessage(), e);
    }
  }

  private static void requireEmpty(String output) {
    Path dir = Path.of(output);
    try {
      Files.createDirectories(dir);
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new UsageException("--output " + output + " is not empty: unload into a new directory, or"
              + " add --resume to finish an earlier unload there.");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create --output " + output + ": " + e.getMessage(), e);
    }
  }
}

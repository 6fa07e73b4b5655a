package io.github.beamcassandra.pipelines.unload;

import io.github.beamcassandra.pipelines.format.CsvFormat;
import io.github.beamcassandra.pipelines.run.RunCounters;
import io.github.beamcassandra.transforms.read.CassandraRead;
import io.github.beamcassandra.transforms.read.TokenRange;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;

/**
 * {@code unload}: {@code Cassandra.read()} with each token range's rows written to a file of its own
 * (committed when the range is complete), then a checkpoint line per range. A re-run with the ranges
 * the checkpoint lists skipped finishes the export with every row exactly once.
 */
public final class UnloadPipeline {
  private UnloadPipeline() {}

  /** What an unload writes: the files' place, format and columns. */
  public static final class Target {
    final String directory;
    final String table;
    final String format;
    /** none or gzip; for Parquet also snappy. */
    final String compression;
    final CsvFormat csv;
    final LinkedHashMap<String, CqlType> columns;

    public Target(String directory, String table, String format, String compression, CsvFormat csv,
        LinkedHashMap<String, CqlType> columns) {
      this.directory = directory;
      this.table = table;
      this.format = format;
      this.compression = compression;
      this.csv = csv;
      this.columns = columns;
    }

    /** The checkpoint's first line: what the ranges were cut from and how files are named. */
    public String checkpointHeader(String qualifiedTable, int splits) {
      return Checkpoint.header(qualifiedTable, splits, sink(Map.of()).fileNamePattern());
    }

    FileRangeSink sink(Map<String, Integer> positions) {
      return new FileRangeSink(directory, table, format, compression, csv, columns, positions);
    }
  }

  /** The ranges an earlier run of the same unload into {@code directory} completed, or none. */
  public static Map<String, Long> completed(String directory, String header) {
    Map.Entry<String, Map<String, Long>> checkpoint = Checkpoint.read(directory);
    if (!checkpoint.getKey().equals(header)) {
      throw new IllegalStateException("The checkpoint in " + Checkpoint.path(directory) + " is of another"
          + " unload ('" + checkpoint.getKey() + "', this one is '" + header + "'): resume with the same"
          + " --keyspace, --table, --format, --compression and --splits, or unload into a new directory.");
    }
    return checkpoint.getValue();
  }

  public static void startCheckpoint(String directory, String header) {
    Checkpoint.create(directory, header);
  }

  /** The splits an earlier unload into {@code directory} used, from its checkpoint. */
  public static int checkpointSplits(String directory) {
    return Checkpoint.splits(directory);
  }

  public static boolean hasCheckpoint(String directory) {
    return java.nio.file.Files.exists(Checkpoint.path(directory));
  }

  /**
   * The pipeline: {@code read} (its splits fixed, so every run cuts the same ranges) minus the {@code
   * done} ranges, into {@code target}'s files; {@code ranges} are all the read's ranges, in ring order.
   */
  public static Pipeline create(PipelineOptions options, CassandraRead read, List<TokenRange> ranges,
      Set<String> done, Target target, String runId) {
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < ranges.size(); i++) {
      positions.put(ranges.get(i).id(), i);
    }
    Pipeline pipeline = Pipeline.create(options);
    FileRangeSink sink = target.sink(positions);
    pipeline
        .apply("Read ranges into files", read.withSkippedRanges(done).toRangeSink(sink))
        .apply("Checkpoint completed ranges", ParDo.of(new CheckpointFn(target.directory, runId, sink,
            positions)));
    return pipeline;
  }

  static final class CheckpointFn extends DoFn<KV<String, Long>, Void> {
    private static final long serialVersionUID = 1L;
    private final Counter rowsUnloaded = Metrics.counter(UnloadPipeline.class, "rows_unloaded");
    private final Counter rangesUnloaded = Metrics.counter(UnloadPipeline.class, "ranges_unloaded");
    private final String directory;
    private final String runId;
    private final FileRangeSink sink;
    private final Map<String, Integer> positions;

    CheckpointFn(String directory, String runId, FileRangeSink sink, Map<String, Integer> positions) {
      this.directory = directory;
      this.runId = runId;
      this.sink = sink;
      this.positions = positions;
    }

    @ProcessElement
    public void process(@Element KV<String, Long> range) {
      Checkpoint.append(directory, range.getKey(), range.getValue(),
          sink.fileName(positions.get(range.getKey())));
      RunCounters counters = RunCounters.of(runId);
      counters.rows.addAndGet(range.getValue());
      counters.ranges.incrementAndGet();
      rowsUnloaded.inc(range.getValue());
      rangesUnloaded.inc();
    }
  }
}

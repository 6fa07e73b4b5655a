package io.github.beamcassandra.pipelines.load;

import io.github.beamcassandra.pipelines.UsageException;
import io.github.beamcassandra.pipelines.options.LoadOptions;
import io.github.beamcassandra.pipelines.run.Reject;
import io.github.beamcassandra.pipelines.run.RejectsWriter;
import io.github.beamcassandra.pipelines.run.RunCounters;
import io.github.beamcassandra.pipelines.run.TooManyErrorsException;
import io.github.beamcassandra.transforms.Cassandra;
import io.github.beamcassandra.transforms.CassandraWriteFailure;
import io.github.beamcassandra.transforms.CassandraWriteResult;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.write.BatchMode;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.Row;

/**
 * {@code load}: 1. the input files (large CSV files in parts of whole records, large Parquet files in
 * parts of whole row groups), spread over workers; 2. each file parsed into rows (rejects to the run's
 * rejects directory); 3. {@code Cassandra.write()}; 4. what the write could not take recorded as
 * rejects (invalid rows) or failures (refused by the server).
 *
 * <p>Metrics: {@code records_read}, {@code records_rejected} here, and the write's own.
 */
public final class LoadPipeline {
  private LoadPipeline() {}

  /** {@code --batchMode}, case-insensitive; checked before the input is read. */
  public static BatchMode batchMode(String value) {
    try {
      return BatchMode.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new UsageException("--batchMode must be PARTITION or REPLICA_SET, got: " + value);
    }
  }

  public static Pipeline create(LoadOptions options, CassandraConnection connection, LoadSpec spec,
      Schema schema, List<FileChunk> files) {
    Pipeline pipeline = Pipeline.create(options);
    Cassandra.Write<Row> write = Cassandra.<Row>write()
        .withConnection(connection)
        .withKeyspace(spec.table.keyspace())
        .withTable(spec.table.table())
        .withIgnoreNulls(options.getIgnoreNulls())
        .withMaxConcurrentRequests(options.getMaxConcurrentRequests())
        .withMaxBatchStatements(options.getMaxBatchStatements())
        .withBatchMode(batchMode(options.getBatchMode()))
        .withMaxBufferedMutations(options.getMaxBufferedMutations());
    if (options.getShards() != 0) {
      write = write.withShards(options.getShards());
    }
    if (options.getConsistency() != null) {
      write = write.withConsistency(options.getConsistency());
    }
    if (options.getDeleteFlagColumn() != null || options.getDeleteFlagValue() != null) {
      write = write.withDeleteFlag(options.getDeleteFlagColumn(), options.getDeleteFlagValue());
    }
    if (options.getTtl() != 0) {
      write = write.withTtl(options.getTtl());
    }
    if (options.getTtlColumn() != null) {
      write = write.withTtlColumn(options.getTtlColumn());
    }
    if (options.getWritetime() != 0) {
      write = write.withWritetime(options.getWritetime());
    }
    if (options.getWritetimeColumn() != null) {
      write = write.withWritetimeColumn(options.getWritetimeColumn());
    }

    CassandraWriteResult result = pipeline
        .apply("1. Input files", Create.of(files).withCoder(SerializableCoder.of(FileChunk.class)))
        .apply("Spread files", Reshuffle.viaRandomKey())
        .apply("2. Parse records", ParDo.of(new ParseFileFn(spec, schema)))
        .setRowSchema(schema)
        .apply("3. Write to Cassandra", write);
    result.getFailures().apply("4. Record rejects and failures", ParDo.of(new RecordFailuresFn(spec)));
    result.getCompletionSignal().apply("Count written", ParDo.of(new CountWrittenFn(spec.runId)));
    return pipeline;
  }

  /** Invalid rows become rejects, refused or failed writes failures; both to the rejects directory. */
  static final class RecordFailuresFn extends DoFn<CassandraWriteFailure, Void> {
    private static final long serialVersionUID = 1L;
    private final Counter recordsRejected = Metrics.counter(LoadPipeline.class, "records_rejected");
    private final Counter recordsFailed = Metrics.counter(LoadPipeline.class, "records_failed");
    private final LoadSpec spec;
    private transient RejectsWriter rejects;

    RecordFailuresFn(LoadSpec spec) {
      this.spec = spec;
    }

    @Setup
    public void setup() {
      rejects = new RejectsWriter(spec.runDir, "write");
    }

    @ProcessElement
    public void process(@Element CassandraWriteFailure failure) {
      RunCounters counters = RunCounters.of(spec.runId);
      boolean invalid = failure.stage() == CassandraWriteFailure.Stage.VALIDATION;
      rejects.write(new Reject(invalid ? "validation" : "write", null, 0, failure.column(), failure.reason(),
          failure.errorClass(), failure.record()));
      if (invalid) {
        counters.rejected.incrementAndGet();
        recordsRejected.inc();
      } else {
        counters.failed.incrementAndGet();
        recordsFailed.inc();
      }
      if (spec.errorLimit.exceeded(counters.errors(), counters.read.get(), false)) {
        rejects.commit();
        throw new TooManyErrorsException(counters.errors(), counters.read.get(), spec.errorLimit);
      }
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

  static final class CountWrittenFn extends DoFn<Long, Void> {
    private static final long serialVersionUID = 1L;
    private final Counter recordsWritten = Metrics.counter(LoadPipeline.class, "records_written");
    private final String runId;

    CountWrittenFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element Long written) {
      RunCounters.of(runId).written.addAndGet(written);
      recordsWritten.inc(written);
    }
  }
}

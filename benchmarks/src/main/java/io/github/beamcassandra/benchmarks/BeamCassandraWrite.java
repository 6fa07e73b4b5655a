package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.ContenderResult;
import io.github.beamcassandra.benchmarks.common.DirectRunnerFlags;
import io.github.beamcassandra.benchmarks.common.GeneratedRows;
import io.github.beamcassandra.benchmarks.common.GeneratedRows.Person;
import io.github.beamcassandra.benchmarks.common.GeneratedRows.Reading;
import io.github.beamcassandra.benchmarks.common.Shape;
import io.github.beamcassandra.transforms.Cassandra;
import io.github.beamcassandra.transforms.CassandraWriteFailure;
import io.github.beamcassandra.transforms.CassandraWriteResult;
import io.github.beamcassandra.transforms.connection.SessionCache;
import io.github.beamcassandra.transforms.write.BatchMode;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.logicaltypes.UuidLogicalType;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Contender (a), run in a child JVM: {@code GenerateSequence} to Beam {@link Row}s to
 * {@code Cassandra.write()} with its default settings, on the Direct runner. Timed from
 * {@code pipeline.run()} until the pipeline finished. {@link ReplicaSet} is the same with
 * {@code withBatchMode(REPLICA_SET)}.
 */
public final class BeamCassandraWrite {
  public static final String NAME = "beam-cassandra";
  public static final String REPLICA_SET_NAME = "beam-cassandra-replica-set";

  static final Schema PEOPLE = Schema.builder()
      .addLogicalTypeField("id", new UuidLogicalType())
      .addStringField("name")
      .addInt32Field("age")
      .addInt64Field("score")
      .build();
  static final Schema READINGS = Schema.builder()
      .addStringField("device")
      .addInt32Field("seq")
      .addDoubleField("value")
      .build();

  private BeamCassandraWrite() {}

  public static void main(String[] args) {
    run(args, NAME, BatchMode.PARTITION);
  }

  /** The contender with {@code withBatchMode(BatchMode.REPLICA_SET)}, its only difference. */
  public static final class ReplicaSet {
    private ReplicaSet() {}

    public static void main(String[] args) {
      run(args, REPLICA_SET_NAME, BatchMode.REPLICA_SET);
    }
  }

  private static void run(String[] args, String name, BatchMode batchMode) {
    ChildArgs child = ChildArgs.parse(args);
    PipelineOptions options = PipelineOptionsFactory.fromArgs(DirectRunnerFlags.asArgs())
        .withValidation().create();
    Pipeline pipeline = Pipeline.create(options);

    PCollection<Long> indexes =
        pipeline.apply("Generate row indexes", GenerateSequence.from(0).to(child.rows()));
    PCollection<Row> rows = child.shape() == Shape.PEOPLE
        ? indexes.apply("To people rows", ParDo.of(new ToPersonRow())).setRowSchema(PEOPLE)
        : indexes.apply("To readings rows", ParDo.of(new ToReadingRow())).setRowSchema(READINGS);
    CassandraWriteResult written = rows.apply("Write to Cassandra", Cassandra.<Row>write()
        .withContactPoints(String.join(",", child.contactPoints()))
        .withLocalDatacenter(child.localDatacenter())
        .withKeyspace(child.keyspace())
        .withTable(child.shape().table())
        .withConsistency(child.consistency())
        .withBatchMode(batchMode));
    written.getFailures().apply("Count failures", ParDo.of(new CountFailures()));

    long start = System.nanoTime();
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    long nanos = System.nanoTime() - start;
    SessionCache.closeIdleSessions();
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended in state " + state);
    }
    long failures = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(CountFailures.class, CountFailures.COUNTER))
            .build())
        .getCounters()) {
      failures += counter.getAttempted();
    }
    System.out.println(
        new ContenderResult(name, child.shape(), child.rows(), nanos, failures).toLine());
  }

  /**
   * Rows are made with {@code attachValues}, which skips {@code Row.Builder}'s per-value checks: the
   * values are of the schema's types by construction, and the benchmark measures the write, not the
   * making of rows (CassandraIO's contender builds plain entities).
   */
  static final class ToPersonRow extends DoFn<Long, Row> {
    @ProcessElement
    public void process(@Element Long index, OutputReceiver<Row> out) {
      Person p = GeneratedRows.person(index);
      out.output(Row.withSchema(PEOPLE).attachValues(p.id(), p.name(), p.age(), p.score()));
    }
  }

  static final class ToReadingRow extends DoFn<Long, Row> {
    @ProcessElement
    public void process(@Element Long index, OutputReceiver<Row> out) {
      Reading r = GeneratedRows.reading(index);
      out.output(Row.withSchema(READINGS).attachValues(r.device(), r.seq(), r.value()));
    }
  }

  /** Counts what the transform could not write, and prints the first few reasons. */
  static final class CountFailures extends DoFn<CassandraWriteFailure, Void> {
    static final String COUNTER = "failures";
    private static final int PRINTED = 5;
    private static final AtomicInteger printed = new AtomicInteger();
    private final Counter failures = Metrics.counter(CountFailures.class, COUNTER);

    @ProcessElement
    public void process(@Element CassandraWriteFailure failure) {
      failures.inc();
      if (printed.getAndIncrement() < PRINTED) {
        System.err.println("write failure: " + failure.stage() + " " + failure.reason());
      }
    }
  }
}

package io.github.beamcassandra.pipelines.count;

import io.github.beamcassandra.pipelines.options.CountOptions;
import io.github.beamcassandra.pipelines.run.RunCounters;
import io.github.beamcassandra.transforms.Cassandra;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.read.CassandraCount;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;

/**
 * {@code count}: {@code Cassandra.count()} per token range, each range's count added to the run's
 * counters (and to the {@code rows_counted} metric) as it finishes.
 */
public final class CountPipeline {
  private CountPipeline() {}

  public static Pipeline create(CountOptions options, CassandraConnection connection, String runId) {
    Pipeline pipeline = Pipeline.create(options);
    CassandraCount count = Cassandra.count()
        .withConnection(connection)
        .withKeyspace(options.getKeyspace())
        .withTable(options.getTable());
    if (options.getSplits() > 0) {
      count = count.withSplits(options.getSplits());
    }
    if (options.getConsistency() != null) {
      count = count.withConsistency(options.getConsistency());
    }
    pipeline.apply("Count rows per token range", count.perRange())
        .apply("Add up the ranges", ParDo.of(new AddRangeFn(runId)));
    return pipeline;
  }

  static final class AddRangeFn extends DoFn<KV<String, Long>, Void> {
    private static final long serialVersionUID = 1L;
    private final Counter rows = Metrics.counter(CountPipeline.class, "rows_counted");
    private final Counter ranges = Metrics.counter(CountPipeline.class, "ranges_counted");
    private final String runId;

    AddRangeFn(String runId) {
      this.runId = runId;
    }

    @ProcessElement
    public void process(@Element KV<String, Long> range) {
      RunCounters counters = RunCounters.of(runId);
      counters.rows.addAndGet(range.getValue());
      counters.ranges.incrementAndGet();
      rows.inc(range.getValue());
      ranges.inc();
    }
  }
}

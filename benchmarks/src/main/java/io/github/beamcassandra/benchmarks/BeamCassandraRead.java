package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.ContenderResult;
import io.github.beamcassandra.benchmarks.common.DirectRunnerFlags;
import io.github.beamcassandra.transforms.Cassandra;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import java.util.Locale;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;

/**
 * Read contender, run in a child JVM: {@code Cassandra.read()} of the whole table with its default
 * settings, then "Count rows", a step that only counts (one Beam counter, added to once per bundle), on
 * the Direct runner. Timed from {@code pipeline.run()} until the pipeline finished, as the write
 * benchmark times its pipelines; building the pipeline (where the read looks up the table and cuts the
 * token ring into splits) comes before and is printed apart. Reports the rows it read.
 */
public final class BeamCassandraRead {
  public static final String NAME = "beam-read";

  private BeamCassandraRead() {}

  public static void main(String[] args) {
    ChildArgs child = ChildArgs.parse(args);
    PipelineOptions options = PipelineOptionsFactory.fromArgs(DirectRunnerFlags.asArgs())
        .withValidation().create();
    long buildStart = System.nanoTime();
    Pipeline pipeline = Pipeline.create(options);
    PCollection<Row> rows = pipeline.apply("Read table", Cassandra.read()
        .withConnection(connection(child))
        .withKeyspace(child.keyspace())
        .withTable(child.shape().table()));
    rows.apply("Count rows", ParDo.of(new CountElements<Row>()));
    printBuildTime(buildStart);

    long start = System.nanoTime();
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    long nanos = System.nanoTime() - start;
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended in state " + state);
    }
    long read = counted(result, CountElements.COUNTER);
    System.out.println(new ContenderResult(NAME, child.shape(), read, nanos, 0).toLine());
  }

  /** The connection both beam-cassandra contenders use: contact points and data center, else defaults. */
  static CassandraConnection connection(ChildArgs child) {
    return CassandraConnection.create()
        .withContactPoints(String.join(",", child.contactPoints()))
        .withLocalDatacenter(child.localDatacenter());
  }

  static void printBuildTime(long buildStart) {
    System.err.printf(Locale.ROOT, "pipeline built in %.2f s (not timed)%n",
        (System.nanoTime() - buildStart) / 1e9);
  }

  /** The sum of the counter {@code name} of {@link CountElements} over every step that has one. */
  static long counted(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
            .addNameFilter(MetricNameFilter.named(CountElements.class, name))
            .build())
        .getCounters()) {
      total += counter.getAttempted();
    }
    return total;
  }

  /**
   * Counts its input in a Beam counter, adding each bundle's count once when the bundle finishes, so the
   * step costs next to nothing per element. Also used for the count's single result, with
   * {@link #addValues} set, where the element itself is the number to add.
   */
  static final class CountElements<T> extends DoFn<T, Void> {
    static final String COUNTER = "elements";
    static final String VALUES = "values";
    private final boolean addValues;
    private final Counter counter;
    private transient long inBundle;

    CountElements() {
      this(false);
    }

    private CountElements(boolean addValues) {
      this.addValues = addValues;
      this.counter = Metrics.counter(CountElements.class, addValues ? VALUES : COUNTER);
    }

    /** Adds up the elements' values (each a {@link Long}) instead of counting the elements. */
    static CountElements<Long> addValues() {
      return new CountElements<>(true);
    }

    @StartBundle
    public void startBundle() {
      inBundle = 0;
    }

    @ProcessElement
    public void process(@Element T element) {
      inBundle += addValues ? (Long) element : 1;
    }

    @FinishBundle
    public void finishBundle() {
      counter.inc(inBundle);
      inBundle = 0;
    }
  }
}

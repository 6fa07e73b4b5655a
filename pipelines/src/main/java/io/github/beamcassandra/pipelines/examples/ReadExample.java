package io.github.beamcassandra.pipelines.examples;

import io.github.beamcassandra.transforms.Cassandra;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.read.CassandraReadResult;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;

/**
 * The README's read example, on the table {@link WriteExample} writes: reads the people aged 65 or
 * more (a condition the server applies within each token range) with the write time of their
 * {@code score}, counts the whole table with {@code Cassandra.count()} in the same pipeline, and prints
 * both, with the ranges read and the oldest and newest write times.
 *
 * <pre>
 * bin/beam-cassandra local start
 * java -cp pipelines/target/beam-cassandra.jar io.github.beamcassandra.pipelines.examples.WriteExample \
 *     --contactPoints=127.0.0.1:9042 --rows=100000
 * java -cp pipelines/target/beam-cassandra.jar io.github.beamcassandra.pipelines.examples.ReadExample \
 *     --contactPoints=127.0.0.1:9042
 * </pre>
 */
public final class ReadExample {
  /** Options of the example. */
  public interface Options extends PipelineOptions {
    @Description("Cassandra contact points, host[:port],...")
    @Default.String("127.0.0.1:9042")
    String getContactPoints();

    void setContactPoints(String value);

    @Description("Keyspace of the people table WriteExample wrote")
    @Default.String("demo")
    String getKeyspace();

    void setKeyspace(String value);

    @Description("Least age of the people read")
    @Default.Integer(65)
    Integer getMinAge();

    void setMinAge(Integer value);
  }

  /** What the pipeline found, from its metrics. */
  public record Summary(long peopleRead, long rangesRead, long tableRows, long oldestWriteMicros,
      long newestWriteMicros) {
    public String describe(Options options) {
      String table = options.getKeyspace() + ".people";
      StringBuilder text = new StringBuilder()
          .append("Read ").append(peopleRead).append(" people aged ").append(options.getMinAge())
          .append(" or more from ").append(table).append(" in ").append(rangesRead).append(" token ranges.\n")
          .append("Cassandra.count(): ").append(tableRows).append(" rows in ").append(table).append('.');
      if (peopleRead > 0) {
        text.append("\nTheir scores were written between ").append(instant(oldestWriteMicros))
            .append(" and ").append(instant(newestWriteMicros)).append('.');
      }
      return text.toString();
    }

    private static Instant instant(long micros) {
      return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1_000);
    }
  }

  private ReadExample() {}

  public static void main(String[] args) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    PipelineResult result = run(options);
    result.waitUntilFinish();
    System.out.println(summarize(result).describe(options));
  }

  public static PipelineResult run(Options options) {
    CassandraConnection connection = CassandraConnection.create().withContactPoints(options.getContactPoints());
    Pipeline pipeline = Pipeline.create(options);

    CassandraReadResult seniors = pipeline.apply("Read people", Cassandra.read()
        .withConnection(connection)
        .withKeyspace(options.getKeyspace())
        .withTable("people")
        .withColumns(List.of("id", "name", "age"))
        // A number from an Integer option: nothing but digits reaches the condition's text.
        .withCondition("age >= " + options.getMinAge())
        .withWritetimeOf(List.of("score"))
        .withProgress());
    seniors.getRows().apply("Note write times", ParDo.of(new NoteWriteTimes()));
    seniors.getCompletedRanges().apply("Note ranges", ParDo.of(new NoteRange()));

    pipeline.apply("Count people", Cassandra.count()
            .withConnection(connection)
            .withKeyspace(options.getKeyspace())
            .withTable("people"))
        .apply("Note count", ParDo.of(new NoteCount()));
    return pipeline.run();
  }

  /** Reads the example's own metrics back from a finished pipeline. */
  public static Summary summarize(PipelineResult result) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(ReadExample.class)).build());
    long people = 0;
    long ranges = 0;
    long rows = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      long value = counter.getAttempted();
      switch (counter.getName().getName()) {
        case NoteWriteTimes.PEOPLE -> people += value;
        case NoteRange.RANGES -> ranges += value;
        case NoteCount.ROWS -> rows += value;
        default -> { }
      }
    }
    long oldest = 0;
    long newest = 0;
    for (MetricResult<DistributionResult> distribution : metrics.getDistributions()) {
      if (distribution.getName().getName().equals(NoteWriteTimes.WRITE_TIMES)
          && distribution.getAttempted().getCount() > 0) {
        oldest = distribution.getAttempted().getMin();
        newest = distribution.getAttempted().getMax();
      }
    }
    return new Summary(people, ranges, rows, oldest, newest);
  }

  static final class NoteWriteTimes extends DoFn<Row, Void> {
    static final String PEOPLE = "people_read";
    static final String WRITE_TIMES = "score_writetime";
    private final Counter people = Metrics.counter(ReadExample.class, PEOPLE);
    private final Distribution writeTimes =
        Metrics.distribution(ReadExample.class, WRITE_TIMES);

    @ProcessElement
    public void process(@Element Row person) {
      people.inc();
      Long writetime = person.getInt64("score_writetime");
      if (writetime != null) {
        writeTimes.update(writetime);
      }
    }
  }

  static final class NoteRange extends DoFn<KV<String, Long>, Void> {
    static final String RANGES = "ranges_read";
    private final Counter ranges = Metrics.counter(ReadExample.class, RANGES);

    @ProcessElement
    public void process() {
      ranges.inc();
    }
  }

  static final class NoteCount extends DoFn<Long, Void> {
    static final String ROWS = "table_rows";
    private final Counter rows = Metrics.counter(ReadExample.class, ROWS);

    @ProcessElement
    public void process(@Element Long count) {
      rows.inc(count);
    }
  }
}

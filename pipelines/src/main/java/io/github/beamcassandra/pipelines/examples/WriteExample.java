package io.github.beamcassandra.pipelines.examples;

import com.datastax.oss.driver.api.core.CqlSession;
import io.github.beamcassandra.transforms.Cassandra;
import io.github.beamcassandra.transforms.CassandraWriteFailure;
import io.github.beamcassandra.transforms.CassandraWriteResult;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.connection.SessionCache;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The README's write example: generated people (every 1000th with an age that does not fit an
 * {@code int}) written to {@code demo.people}; the bad rows come back as failures, the rest land.
 *
 * <pre>
 * bin/beam-cassandra local start
 * java -cp pipelines/target/beam-cassandra.jar io.github.beamcassandra.pipelines.examples.WriteExample \
 *     --contactPoints=127.0.0.1:9042 --rows=100000
 * </pre>
 */
public final class WriteExample {
  /** Options of the example. */
  public interface Options extends PipelineOptions {
    @Description("Cassandra contact points, host[:port],...")
    @Default.String("127.0.0.1:9042")
    String getContactPoints();

    void setContactPoints(String value);

    @Description("Keyspace to create (if missing) and write to")
    @Default.String("demo")
    String getKeyspace();

    void setKeyspace(String value);

    @Description("Number of rows to generate")
    @Default.Long(10_000)
    Long getRows();

    void setRows(Long value);
  }

  static final Schema PERSON = Schema.builder()
      .addStringField("id").addStringField("name").addInt64Field("age").addInt64Field("score").build();

  private WriteExample() {}

  public static void main(String[] args) {
    Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
    PipelineResult result = run(options);
    result.waitUntilFinish();
    long written = 0;
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(io.github.beamcassandra.transforms.write.WriteMutations.class,
            "mutations_written")).build()).getCounters()) {
      written += c.getAttempted();
    }
    System.out.println("Written: " + written + " rows to " + options.getKeyspace() + ".people");
  }

  public static PipelineResult run(Options options) {
    CassandraConnection connection = CassandraConnection.create().withContactPoints(options.getContactPoints());
    try (CqlSession session = SessionCache.open(connection)) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS " + options.getKeyspace()
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE IF NOT EXISTS " + options.getKeyspace()
          + ".people (id uuid PRIMARY KEY, name text, age int, score bigint)");
    }

    Pipeline pipeline = Pipeline.create(options);
    CassandraWriteResult result = pipeline
        .apply("Generate ids", GenerateSequence.from(0).to(options.getRows()))
        .apply("To rows", MapElements.into(TypeDescriptors.rows()).via(WriteExample::person))
        .setRowSchema(PERSON)
        .apply("Write people", Cassandra.<Row>write()
            .withConnection(connection)
            .withKeyspace(options.getKeyspace())
            .withTable("people"));
    result.getFailures().apply("Print failures", ParDo.of(new PrintFailure()));
    return pipeline.run();
  }

  static Row person(long i) {
    long age = i % 1000 == 999 ? 5_000_000_000L : i % 90;
    return Row.withSchema(PERSON).addValues(
        java.util.UUID.nameUUIDFromBytes(Long.toString(i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .toString(),
        "person-" + i, age, i * 10).build();
  }

  static final class PrintFailure extends DoFn<CassandraWriteFailure, Void> {
    @ProcessElement
    public void process(@Element CassandraWriteFailure failure) {
      System.out.println("Not written: " + failure.reason() + " <- " + failure.record());
    }
  }
}

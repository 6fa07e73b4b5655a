package io.github.beamcassandra.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.datastax.oss.driver.api.core.CqlSession;
import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One end-to-end write, the same body on the Direct, Flink (embedded) and Spark (local) runners. */
@ExtendWith(CassandraExtension.class)
class CassandraWriteRunnersIT {
  private static final Schema READING = Schema.builder()
      .addStringField("device").addInt32Field("seq").addNullableStringField("value").build();
  private static final ConcurrentLinkedQueue<String> FAILURES = new ConcurrentLinkedQueue<>();

  private static TestCassandra cassandra;
  private static CqlSession session;

  @BeforeAll
  static void createTable(TestCassandra c) {
    cassandra = c;
    session = c.session();
    session.execute("CREATE TABLE " + c.keyspaceId().asCql(true)
        + ".readings (device text, seq int, value double, PRIMARY KEY (device, seq))");
  }

  static final class CollectColumn extends DoFn<CassandraWriteFailure, Void> {
    @ProcessElement
    public void process(@Element CassandraWriteFailure failure) {
      FAILURES.add(failure.stage() + " " + failure.column() + ": " + failure.reason());
    }
  }

  static String[] options(String runner) {
    switch (runner) {
      case "FlinkRunner":
        return new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"};
      case "SparkRunner":
        return new String[] {"--runner=SparkRunner", "--sparkMaster=local[2]"};
      default:
        return new String[] {"--runner=DirectRunner"};
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DirectRunner", "FlinkRunner", "SparkRunner"})
  void writesEveryValidRowAndReportsTheRest(String runner) {
    String device = runner.toLowerCase();
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      for (int seq = 0; seq < 50; seq++) {
        rows.add(Row.withSchema(READING).addValues(device + "-" + d, seq, Double.toString(seq / 2.0)).build());
      }
    }
    rows.add(Row.withSchema(READING).addValues(device + "-bad", 1, "not a number").build());
    FAILURES.clear();

    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(options(runner)).create());
    CassandraWriteResult result = p.apply(Create.of(rows).withRowSchema(READING))
        .apply(Cassandra.<Row>write()
            .withConnection(CassandraConnection.create().withContactPoints(cassandra.contactPointsOption())
                .withLocalDatacenter(cassandra.localDatacenter()))
            .withKeyspace(cassandra.keyspace()).withTable("readings"));
    result.getFailures().apply(ParDo.of(new CollectColumn()));
    p.run().waitUntilFinish();

    long stored = 0;
    for (int d = 0; d < 40; d++) {
      stored += session.execute("SELECT count(*) FROM " + cassandra.keyspace() + ".readings WHERE device = ?",
          device + "-" + d).one().getLong(0);
    }
    assertEquals(2000, stored);
    assertEquals(List.of("VALIDATION value: column value (double): 'not a number' is not a number for double"),
        new ArrayList<>(FAILURES));
    assertEquals(24.5, session.execute("SELECT value FROM " + cassandra.keyspace()
        + ".readings WHERE device = ? AND seq = 49", device + "-7").one().getDouble(0));
  }
}

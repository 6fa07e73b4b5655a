package io.github.beamcassandra.transforms.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinition;
import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import io.github.beamcassandra.transforms.Cassandra;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every CQL type read and written back unchanged; read and count on the Direct, Flink and Spark runners. */
@ExtendWith(CassandraExtension.class)
class ReadRoundTripIT {
  private static final String COLUMNS = "(id int PRIMARY KEY, a ascii, bi bigint, bl blob, bo boolean,"
      + " da date, de decimal, db double, du duration, fl float, ine inet, i int, si smallint, te text,"
      + " ti time, ts timestamp, tu timeuuid, tiny tinyint, u uuid, vc varchar, vi varint,"
      + " ve vector<float, 3>, li list<int>, se set<text>, ma map<text, bigint>, tup tuple<int, text>,"
      + " ad frozen<address>, nested map<text, frozen<list<int>>>, fr frozen<set<int>>)";

  private static TestCassandra cassandra;
  private static CqlSession session;

  @BeforeAll
  static void createTables(TestCassandra c) {
    cassandra = c;
    session = c.session();
    String ks = c.keyspace();
    session.execute("CREATE TYPE " + ks + ".address (street text, zip int)");
    session.execute("CREATE TABLE " + ks + ".source " + COLUMNS);
    session.execute("CREATE TABLE " + ks + ".copy " + COLUMNS);
    session.execute("INSERT INTO " + ks + ".source (id, a, bi, bl, bo, da, de, db, du, fl, ine, i, si, te, ti,"
        + " ts, tu, tiny, u, vc, vi, ve, li, se, ma, tup, ad, nested, fr) VALUES (1, 'ascii', 9223372036854775807,"
        + " 0x0102, true, '2024-02-29', 12345.6789, 3.5, 1h30m, 1.25, '10.0.0.1', -7, 300, 'ünï', '13:45:01.000005',"
        + " '2023-11-14T22:13:20.123Z', 5c6b8a70-9b2a-11ee-8c90-0242ac120002, -8,"
        + " 0b7e5d43-1a5c-4a5e-9c2b-3f4d5e6f7a8b, 'vc', -123456789012345678901234567890, [0.5, 1.5, 2.5],"
        + " [3, 1, 2], {'x', 'y'}, {'k': 9}, (4, 'four'), {street: 'Main St', zip: 12345}, {'n': [1, 2]}, {5, 6})");
    session.execute("INSERT INTO " + ks + ".source (id) VALUES (2)");
    session.execute("CREATE TABLE " + ks + ".runs (id int PRIMARY KEY, v text)");
    session.execute("CREATE TABLE " + ks + ".empty_runs (id int PRIMARY KEY, v text)");
    for (int i = 0; i < 3000; i++) {
      session.execute("INSERT INTO " + ks + ".runs (id, v) VALUES (?, ?)", i, "v" + i);
    }
  }

  private static CassandraConnection connection() {
    return CassandraConnection.create().withContactPoints(cassandra.contactPointsOption())
        .withLocalDatacenter(cassandra.localDatacenter());
  }

  private static TreeMap<String, Object> contents(String table, int id) {
    com.datastax.oss.driver.api.core.cql.Row row = session.execute(
        "SELECT * FROM " + cassandra.keyspace() + "." + table + " WHERE id = ?", id).one();
    TreeMap<String, Object> values = new TreeMap<>();
    for (ColumnDefinition c : row.getColumnDefinitions()) {
      Object v = row.getObject(c.getName());
      values.put(c.getName().asInternal(), v == null ? null : v.toString());
    }
    return values;
  }

  @Test
  void everyTypeReadIsWrittenBackUnchanged() {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply(Cassandra.read().withConnection(connection()).withKeyspace(cassandra.keyspace()).withTable("source"))
        .apply(Cassandra.<Row>write().withConnection(connection()).withKeyspace(cassandra.keyspace())
            .withTable("copy").withFailOnError(true));
    p.run().waitUntilFinish();

    assertEquals(contents("source", 1), contents("copy", 1));
    assertEquals(contents("source", 2), contents("copy", 2));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DirectRunner", "FlinkRunner", "SparkRunner"})
  void readAndCountAgreeOnEveryRunner(String runner) {
    String[] args = runner.equals("FlinkRunner")
        ? new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"}
        : runner.equals("SparkRunner") ? new String[] {"--runner=SparkRunner", "--sparkMaster=local[2]"}
        : new String[] {"--runner=DirectRunner"};
    Pipeline p = Pipeline.create(PipelineOptionsFactory.fromArgs(args).create());
    CassandraReadResult read = p.apply(Cassandra.read().withConnection(connection())
        .withKeyspace(cassandra.keyspace()).withTable("runs").withSplits(16).withProgress());
    CassandraReadIT.collect(read.getRows(), runner + "-rows");
    CassandraReadIT.collect(read.getCompletedRanges(), runner + "-ranges");
    CassandraReadIT.collect(p.apply(Cassandra.count().withConnection(connection())
        .withKeyspace(cassandra.keyspace()).withTable("runs").withSplits(16)), runner + "-count");
    // The same table in 1,000 splits, and an empty one, in the same pipeline.
    CassandraReadIT.collect(p.apply("Read in 1000", Cassandra.read().withConnection(connection())
        .withKeyspace(cassandra.keyspace()).withTable("runs").withSplits(1000)), runner + "-rows1000");
    CassandraReadIT.collect(p.apply("Count in 1000", Cassandra.count().withConnection(connection())
        .withKeyspace(cassandra.keyspace()).withTable("runs").withSplits(1000)), runner + "-count1000");
    CassandraReadIT.collect(p.apply("Read empty", Cassandra.read().withConnection(connection())
        .withKeyspace(cassandra.keyspace()).withTable("empty_runs").withSplits(7)), runner + "-rowsEmpty");
    CassandraReadIT.collect(p.apply("Count empty", Cassandra.count().withConnection(connection())
        .withKeyspace(cassandra.keyspace()).withTable("empty_runs").withSplits(7)), runner + "-countEmpty");
    p.run().waitUntilFinish();

    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      expected.add(i);
    }
    for (String rows : List.of("-rows", "-rows1000")) {
      List<Integer> ids = new ArrayList<>();
      for (Object o : CassandraReadIT.sink(runner + rows)) {
        ids.add(((Row) o).getInt32("id"));
      }
      ids.sort(null);
      assertEquals(expected, ids, rows);
    }
    assertEquals(List.of(3000L), new ArrayList<>(CassandraReadIT.sink(runner + "-count")));
    assertEquals(List.of(3000L), new ArrayList<>(CassandraReadIT.sink(runner + "-count1000")));
    assertEquals(0, CassandraReadIT.sink(runner + "-rowsEmpty").size());
    assertEquals(List.of(0L), new ArrayList<>(CassandraReadIT.sink(runner + "-countEmpty")));
    long inRanges = 0;
    for (Object o : CassandraReadIT.sink(runner + "-ranges")) {
      @SuppressWarnings("unchecked")
      KV<String, Long> range = (KV<String, Long>) o;
      inRanges += range.getValue();
    }
    assertEquals(16, CassandraReadIT.sink(runner + "-ranges").size());
    assertEquals(3000, inRanges);
  }
}

package io.github.beamcassandra.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The same {@code load} of the same file gives the same table on the Direct, Flink and Spark runners. */
@ExtendWith(CassandraExtension.class)
class LoadRunnersIT {
  private static TestCassandra cassandra;
  private static CqlSession session;
  private static List<String> expected;
  @TempDir
  static Path dir;
  private static Path input;

  @BeforeAll
  static void setUp(TestCassandra c) throws IOException {
    cassandra = c;
    session = c.session();
    session.execute("CREATE TABLE " + c.keyspace() + ".readings (device text, seq int, value double,"
        + " at timestamp, PRIMARY KEY (device, seq))");
    List<String> lines = new ArrayList<>();
    lines.add("device,seq,value,at");
    expected = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      lines.add("d" + (i / 50) + "," + (i % 50) + "," + (i * 0.5) + ",2025-06-01T10:00:00Z");
    }
    lines.add("d1,notanumber,1.0,2025-06-01T10:00:00Z");
    lines.add(",1,1.0,2025-06-01T10:00:00Z");
    lines.add("d2,3,1.0,never");
    input = dir.resolve("readings.csv");
    Files.write(input, lines, StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DirectRunner", "FlinkRunner", "SparkRunner"})
  void theSameLoadGivesTheSameTable(String runner) {
    session.execute("TRUNCATE " + cassandra.keyspace() + ".readings");
    List<String> runnerOptions = new ArrayList<>(List.of("--table=readings", "--input=" + input,
        "--runner=" + runner));
    if (runner.equals("SparkRunner")) {
      runnerOptions.add("--sparkMaster=local[2]");
    }
    Cli load = Cli.run(cassandra, dir.resolve("runs-" + runner), "load", runnerOptions.toArray(new String[0]));

    assertEquals(0, load.exitCode, load.toString());
    assertTrue(load.err.contains("rejected") && load.err.matches("(?s).*rejected\\s+3\\b.*"), load.err);
    List<String> rows = new ArrayList<>();
    for (Row row : session.execute("SELECT device, seq, value, at FROM " + cassandra.keyspace() + ".readings")) {
      rows.add(row.getFormattedContents());
    }
    rows.sort(null);
    assertEquals(1500, rows.size());
    synchronized (LoadRunnersIT.class) {
      if (expected.isEmpty()) {
        expected.addAll(rows);
      }
    }
    assertEquals(expected, rows);
  }
}

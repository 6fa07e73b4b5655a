package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.benchmarks.common.ContenderResult;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final long ROWS = 300_000;
  private static final Path LOG = Path.of("run.log");

  @Test
  void shapeTableShowsMediansRatiosAndRunsThatDoNotCount() {
    Map<Contender, Summary> people = new LinkedHashMap<>();
    people.put(Contender.BEAM_CASSANDRA, summary(Contender.BEAM_CASSANDRA, Shape.PEOPLE, 6.0, 5.0, 4.0));
    people.put(Contender.CASSANDRA_IO, summary(Contender.CASSANDRA_IO, Shape.PEOPLE, 20.0, 30.0, 25.0));
    Summary loop = new Summary(Contender.ASYNC_LOOP, Shape.PEOPLE, ROWS, List.of(
        ok(Contender.ASYNC_LOOP, Shape.PEOPLE, 1, 4.0),
        RunOutcome.judge(Contender.ASYNC_LOOP, Shape.PEOPLE, 2, ROWS,
            result(Contender.ASYNC_LOOP, Shape.PEOPLE, 1.0), ROWS - 7, LOG),
        RunOutcome.failed(Contender.ASYNC_LOOP, Shape.PEOPLE, 3, ROWS, Optional.empty(), 0,
            "exited with code 1 without a result line", LOG)));
    people.put(Contender.ASYNC_LOOP, loop);

    String table = Report.shapeTable(Shape.PEOPLE, 3, people);

    assertContains(table, "| beam-cassandra | 300,000 | 5.00 | 60,000 | 6.00, 5.00, 4.00 | all, in every run |");
    assertContains(table, "| Beam CassandraIO | 300,000 | 25.00 | 12,000 |");
    assertContains(table, "| java-driver async loop | 300,000 | 4.00 | 75,000 | 4.00, 1.00 (not counted), failed"
        + " | 300,000, 299,993, 0 |");
    assertContains(table, "beam-cassandra / CassandraIO: 5.00x; beam-cassandra / async loop: 0.80x (80%)");
    assertTrue(!table.contains("REPLICA_SET /"), "no replica-set ratios when it did not run:\n" + table);
    assertContains(table, "count(*) found 299993 rows, expected 300000 (7 missing)");
    assertContains(table, "exited with code 1 without a result line");
  }

  @Test
  void targetsCompareWithTheProjectsGoals() {
    Map<Shape, Map<Contender, Summary>> all = new LinkedHashMap<>();
    all.put(Shape.PEOPLE, Map.of(
        Contender.BEAM_CASSANDRA, summary(Contender.BEAM_CASSANDRA, Shape.PEOPLE, 5.0),
        Contender.CASSANDRA_IO, summary(Contender.CASSANDRA_IO, Shape.PEOPLE, 15.0),
        Contender.ASYNC_LOOP, summary(Contender.ASYNC_LOOP, Shape.PEOPLE, 4.0),
        Contender.BEAM_CASSANDRA_REPLICA_SET, summary(Contender.BEAM_CASSANDRA_REPLICA_SET, Shape.PEOPLE, 2.5)));
    all.put(Shape.READINGS, Map.of(
        Contender.BEAM_CASSANDRA, summary(Contender.BEAM_CASSANDRA, Shape.READINGS, 3.0)));

    String targets = Report.targets(all);
    String side = Report.summaryTable(all);

    assertContains(targets, "| unique partitions: beam-cassandra >= 4x CassandraIO | 3.00x | NO |");
    assertContains(targets, "| unique partitions: beam-cassandra >= 70% of the async loop | 80% | yes |");
    assertContains(targets, "| partitions of 50: beam-cassandra >= 70,000 rows/s | 100,000 rows/s | yes |");
    assertContains(targets, "| unique partitions, withBatchMode(REPLICA_SET): >= 4x CassandraIO | 6.00x | yes |");
    assertContains(targets, "| unique partitions, withBatchMode(REPLICA_SET): >= 70% of the async loop | 160% | yes |");
    assertContains(side, "| unique partitions (people) | 300,000 | 60,000 | 20,000 | 75,000 | 3.00x | 0.80x (80%)"
        + " | 120,000 | 6.00x |");
    assertContains(side, "| partitions of 50 rows (readings) | 300,000 | 100,000 | not run | not run | n/a | n/a"
        + " | not run | n/a |");
  }

  private static Summary summary(Contender contender, Shape shape, double... seconds) {
    List<RunOutcome> runs = new java.util.ArrayList<>();
    for (int i = 0; i < seconds.length; i++) {
      runs.add(ok(contender, shape, i + 1, seconds[i]));
    }
    return new Summary(contender, shape, ROWS, runs);
  }

  private static RunOutcome ok(Contender contender, Shape shape, int repeat, double seconds) {
    return RunOutcome.judge(contender, shape, repeat, ROWS, result(contender, shape, seconds), ROWS, LOG);
  }

  private static ContenderResult result(Contender contender, Shape shape, double seconds) {
    return new ContenderResult(contender.id(), shape, ROWS, (long) (seconds * 1e9), 0);
  }

  private static void assertContains(String text, String expected) {
    assertTrue(text.contains(expected), "expected to find:\n" + expected + "\nin:\n" + text);
  }
}

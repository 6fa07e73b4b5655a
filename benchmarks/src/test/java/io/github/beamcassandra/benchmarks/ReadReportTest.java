package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadReportTest {
  private static final long ROWS = 300_000;
  private static final Path LOG = Path.of("run.log");

  @Test
  void tableShowsMediansWallTimesRatiosAndRunsThatDoNotCount() {
    Map<ReadContender, ReadSummary> all = new LinkedHashMap<>();
    all.put(ReadContender.BEAM_READ, summary(ReadContender.BEAM_READ, 6.0, 5.0, 4.0));
    all.put(ReadContender.BEAM_COUNT, summary(ReadContender.BEAM_COUNT, 1.0, 1.5, 2.0));
    all.put(ReadContender.DSBULK_UNLOAD, new ReadSummary(ReadContender.DSBULK_UNLOAD, ROWS, List.of(
        ok(ReadContender.DSBULK_UNLOAD, 1, 10.0),
        ReadRun.judge(ReadContender.DSBULK_UNLOAD, 2, ROWS, ROWS - 7, 2.0, 4.0, LOG),
        ReadRun.failed(ReadContender.DSBULK_UNLOAD, 3, ROWS, -1, 3.0, "exited with code 1", LOG))));
    all.put(ReadContender.SELECT_COUNT, summary(ReadContender.SELECT_COUNT, 3.0));

    String table = ReadReport.table("bench.people (unique partitions)", 3, all);

    assertContains(table, "### Read and count of bench.people (unique partitions): 300,000 rows,"
        + " median of 3 runs");
    // Wall time is the run's own time + 2 s in these runs.
    assertContains(table, "| beam-cassandra read | 5.00 | 60,000 | 6.00, 5.00, 4.00 | 7.00 | 42,857"
        + " | all, in every run |");
    assertContains(table, "| beam-cassandra count | 1.50 | 200,000 |");
    assertContains(table, "| DSBulk unload | 10.00 | 30,000 | 10.00, 2.00 (not counted), failed | 12.00"
        + " | 25,000 | 300,000, 299,993, - |");
    assertContains(table, "| SELECT count(*) | 3.00 | 100,000 | 3.00 | 5.00 | 60,000 | all |");
    assertContains(table, "Ratios of rows/s: beam-cassandra read / DSBulk unload: 2.00x;"
        + " beam-cassandra count / SELECT count(*): 2.00x; beam-cassandra count / beam-cassandra read:"
        + " 3.33x");
    assertContains(table, "- DSBulk unload, run 2: found 299993 rows, expected 300000 (7 missing)");
    assertContains(table, "- DSBulk unload, run 3: exited with code 1");
  }

  @Test
  void targetsCompareRatiosWithTheProjectsGoals() {
    Map<ReadContender, ReadSummary> all = new LinkedHashMap<>();
    all.put(ReadContender.BEAM_READ, summary(ReadContender.BEAM_READ, 4.0));
    all.put(ReadContender.BEAM_COUNT, summary(ReadContender.BEAM_COUNT, 2.0));
    all.put(ReadContender.DSBULK_UNLOAD, summary(ReadContender.DSBULK_UNLOAD, 4.0));
    all.put(ReadContender.SELECT_COUNT, summary(ReadContender.SELECT_COUNT, 2.0));

    String targets = ReadReport.targets(all);

    assertContains(targets, "| read at least as fast as DataStax Bulk Loader's unload (beam-cassandra read"
        + " / DSBulk unload >= 1) | 1.00x | yes |");
    assertContains(targets, "| count faster than plain SELECT count(*) (beam-cassandra count /"
        + " SELECT count(*) > 1) | 1.00x | NO |");
    assertContains(targets, "| count faster than the read (beam-cassandra count / beam-cassandra read > 1)"
        + " | 2.00x | yes |");
  }

  @Test
  void targetsAreNotApplicableWithoutBothContenders() {
    Map<ReadContender, ReadSummary> onlyRead = Map.of(ReadContender.BEAM_READ,
        summary(ReadContender.BEAM_READ, 4.0));

    String targets = ReadReport.targets(onlyRead);
    String table = ReadReport.table("bench.people", 1, onlyRead);

    assertEquals(3, targets.lines().filter(l -> l.endsWith("| n/a | n/a |")).count(), targets);
    assertFalse(table.contains("Ratios"), table);
  }

  @Test
  void summaryMedianIgnoresRunsThatDoNotCount() {
    ReadSummary summary = new ReadSummary(ReadContender.BEAM_COUNT, ROWS, List.of(
        ok(ReadContender.BEAM_COUNT, 1, 3.0),
        ReadRun.judge(ReadContender.BEAM_COUNT, 2, ROWS, ROWS + 1, 0.5, 2.5, LOG),
        ok(ReadContender.BEAM_COUNT, 3, 5.0)));

    assertEquals(Optional.of(4.0), summary.medianSeconds());
    assertEquals(Optional.of(6.0), summary.medianWallSeconds());
    assertTrue(summary.runs().get(1).error().contains("found 300001 rows"));
  }

  private static ReadSummary summary(ReadContender contender, double... seconds) {
    List<ReadRun> runs = new java.util.ArrayList<>();
    for (int i = 0; i < seconds.length; i++) {
      runs.add(ok(contender, i + 1, seconds[i]));
    }
    return new ReadSummary(contender, ROWS, runs);
  }

  private static ReadRun ok(ReadContender contender, int repeat, double seconds) {
    return ReadRun.judge(contender, repeat, ROWS, ROWS, seconds, seconds + 2, LOG);
  }

  private static void assertContains(String text, String expected) {
    assertTrue(text.contains(expected), "expected to find:\n" + expected + "\nin:\n" + text);
  }
}

package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.benchmarks.LoadReport.PeakHeapRun;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadReportTest {
  private static final long ROWS = 300_000;
  private static final long MB = 1L << 20;
  private static final Path LOG = Path.of("run.log");

  @Test
  void tableShowsMediansRatiosToEachPhasesBaselineHeapAndRunsThatDoNotCount() {
    Map<LoadContender, LoadSummary> people = new LinkedHashMap<>();
    people.put(LoadContender.BEAM_LOAD, summary(LoadContender.BEAM_LOAD, Shape.PEOPLE, 20.0, 10.0, 15.0));
    people.put(LoadContender.DSBULK_LOAD, new LoadSummary(LoadContender.DSBULK_LOAD, Shape.PEOPLE, ROWS,
        List.of(ok(LoadContender.DSBULK_LOAD, Shape.PEOPLE, 1, 30.0),
            LoadRun.judge(LoadContender.DSBULK_LOAD, Shape.PEOPLE, 2, ROWS, ROWS - 7, 5.0,
                Optional.empty(), Optional.empty(), LOG),
            new LoadRun(LoadContender.DSBULK_LOAD, Shape.PEOPLE, 3, ROWS, -1, 2.0, Optional.empty(),
                Optional.empty(), "exited with code 1", LOG))));
    people.put(LoadContender.BEAM_COUNT, summary(LoadContender.BEAM_COUNT, Shape.PEOPLE, 4.0));
    people.put(LoadContender.SELECT_COUNT, summary(LoadContender.SELECT_COUNT, Shape.PEOPLE, 2.0));
    Map<Shape, Map<LoadContender, LoadSummary>> all = new LinkedHashMap<>();
    all.put(Shape.PEOPLE, people);

    String table = LoadReport.table(all, 3);

    assertContains(table, "### Whole-process wall time, median of 3 runs");
    assertContains(table, "| load | people (unique partitions) | beam-cassandra load (DirectRunner) | 15.00"
        + " | 20.00, 10.00, 15.00 | 20,000 | 2.00x | 14.00 | 200 MB (100 MB after GC) | all, in every run |");
    assertContains(table, "| load | people (unique partitions) | DSBulk load | 30.00 | 30.00, 5.00 (not"
        + " counted), 2.00 (not counted) | 10,000 | baseline | 29.00 | 300 MB (100 MB after GC)"
        + " | 300,000, 299,993, - |");
    assertContains(table, "| count | people (unique partitions) | beam-cassandra count | 4.00 | 4.00 | 75,000"
        + " | 0.50x | 3.00 |");
    assertContains(table, "| count | people (unique partitions) | SELECT count(*) | 2.00 | 2.00 | 150,000"
        + " | baseline |");
    assertContains(table, "- DSBulk load, people, run 2: found 299993 rows, expected 300000 (7 missing)");
    assertContains(table, "- DSBulk load, people, run 3: exited with code 1");
    // Load rows come before count rows, whatever order the contenders were given in.
    assertTrue(table.indexOf("| load |") < table.indexOf("| count |"), table);
  }

  @Test
  void targetsAreOneAndAHalfTimesDsbulkOnEveryFileAndTheHeapOfTheBigLoad() {
    Map<Shape, Map<LoadContender, LoadSummary>> all = new LinkedHashMap<>();
    Map<LoadContender, LoadSummary> people = new LinkedHashMap<>();
    people.put(LoadContender.BEAM_LOAD, summary(LoadContender.BEAM_LOAD, Shape.PEOPLE, 20.0));
    people.put(LoadContender.BEAM_LOAD_FLINK, summary(LoadContender.BEAM_LOAD_FLINK, Shape.PEOPLE, 40.0));
    people.put(LoadContender.DSBULK_LOAD, summary(LoadContender.DSBULK_LOAD, Shape.PEOPLE, 30.0));
    all.put(Shape.PEOPLE, people);
    Map<LoadContender, LoadSummary> readings = new LinkedHashMap<>();
    readings.put(LoadContender.BEAM_LOAD, summary(LoadContender.BEAM_LOAD, Shape.READINGS, 10.0));
    all.put(Shape.READINGS, readings);
    LoadRun big = new LoadRun(LoadContender.BEAM_LOAD, Shape.PEOPLE, 1, 3_000_000, 3_000_000, 312.4,
        Optional.of(300.0), Optional.of(new HeapUse(812 * MB, 95 * MB, 1024 * MB, 400)), null, LOG);

    String targets = LoadReport.targets(all, Optional.of(new PeakHeapRun(3_000_000, "1G", big)));

    assertContains(targets, "| people.csv: beam-cassandra load (DirectRunner) >= 1.5x DSBulk load (DSBulk"
        + " wall s / ours) | 1.50x | yes |");
    assertContains(targets, "| people.csv: beam-cassandra load (FlinkRunner) >= 1.5x DSBulk load (DSBulk"
        + " wall s / ours) | 0.75x | NO |");
    assertContains(targets, "| readings.csv: beam-cassandra load (DirectRunner) >= 1.5x DSBulk load (DSBulk"
        + " wall s / ours) | n/a | n/a |");
    assertContains(targets, "| peak heap of a 3,000,000-row load (DirectRunner, -Xmx1G) under 1,024 MB"
        + " | finished in 312.4 s, peak 812 MB (95 MB after GC) | yes |");
  }

  @Test
  void aBigLoadThatRanOutOfHeapMissesTheTarget() {
    LoadRun failed = new LoadRun(LoadContender.BEAM_LOAD, Shape.PEOPLE, 1, 3_000_000, 1_200_000, 80.0,
        Optional.empty(), Optional.of(new HeapUse(1024 * MB, 1010 * MB, 1024 * MB, 900)),
        "exited with code 1", LOG);
    PeakHeapRun peak = new PeakHeapRun(3_000_000, "1G", failed);

    assertFalse(peak.met());
    assertEquals("did not finish: exited with code 1; peak 1,024 MB (1,010 MB after GC)",
        LoadReport.peakHeap(peak));
    assertFalse(new PeakHeapRun(3_000_000, "1G", new LoadRun(LoadContender.BEAM_LOAD, Shape.PEOPLE, 1,
        3_000_000, 3_000_000, 80.0, Optional.of(70.0), Optional.empty(), null, LOG)).met());
  }

  @Test
  void summaryMediansIgnoreRunsThatDoNotCount() {
    LoadSummary summary = new LoadSummary(LoadContender.BEAM_UNLOAD, Shape.READINGS, ROWS, List.of(
        ok(LoadContender.BEAM_UNLOAD, Shape.READINGS, 1, 3.0),
        LoadRun.judge(LoadContender.BEAM_UNLOAD, Shape.READINGS, 2, ROWS, ROWS + 1, 0.5, Optional.empty(),
            Optional.empty(), LOG),
        ok(LoadContender.BEAM_UNLOAD, Shape.READINGS, 3, 5.0)));
    LoadSummary baseline = summary(LoadContender.DSBULK_UNLOAD, Shape.READINGS, 8.0);

    assertEquals(Optional.of(4.0), summary.medianWallSeconds());
    assertEquals(Optional.of(75_000.0), summary.rowsPerSecond());
    assertEquals(Optional.of(2.0), summary.speedupOver(baseline));
    assertEquals(Optional.empty(), summary.speedupOver(null));
    assertTrue(summary.runs().get(1).error().contains("found 300001 rows"));
  }

  private static LoadSummary summary(LoadContender contender, Shape shape, double... seconds) {
    List<LoadRun> runs = new ArrayList<>();
    for (int i = 0; i < seconds.length; i++) {
      runs.add(ok(contender, shape, i + 1, seconds[i]));
    }
    return new LoadSummary(contender, shape, ROWS, runs);
  }

  /** A run that counts: its own clock says 1 s less than the wall; its heap peaks at 10 MB per second. */
  private static LoadRun ok(LoadContender contender, Shape shape, int repeat, double seconds) {
    HeapUse heap = new HeapUse((long) (seconds * 10) * MB, 100 * MB, 512 * MB, 10);
    return LoadRun.judge(contender, shape, repeat, ROWS, ROWS, seconds, Optional.of(seconds - 1),
        Optional.of(heap), LOG);
  }

  private static void assertContains(String text, String expected) {
    assertTrue(text.contains(expected), "expected to find:\n" + expected + "\nin:\n" + text);
  }
}

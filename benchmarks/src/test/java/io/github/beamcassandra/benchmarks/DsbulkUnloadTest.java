package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.benchmarks.DsbulkUnload.Summary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DsbulkUnloadTest {
  @Test
  void argsNameTheTableTheNodeAndTheDirectories() {
    List<String> args = DsbulkUnload.args(List.of("127.0.0.1:46635"), "datacenter1", "bench", "people",
        Path.of("/tmp/out/csv"), Path.of("/tmp/logs/dsbulk-1"));

    assertEquals(List.of("unload", "-k", "bench", "-t", "people", "-url", "/tmp/out/csv",
        "-h", "127.0.0.1", "-port", "46635", "-dc", "datacenter1", "-logDir", "/tmp/logs/dsbulk-1"), args);
  }

  @Test
  void loadArgsReadTheFileAtUrl() {
    List<String> args = DsbulkUnload.args("load", List.of("127.0.0.1:46635"), "datacenter1", "bench",
        "readings", Path.of("/t/readings.csv"), Path.of("/t/logs/dsbulk-readings-dsbulk-load-1"));

    assertEquals(List.of("load", "-k", "bench", "-t", "readings", "-url", "/t/readings.csv",
        "-h", "127.0.0.1", "-port", "46635", "-dc", "datacenter1", "-logDir",
        "/t/logs/dsbulk-readings-dsbulk-load-1"), args);
  }

  @Test
  void versionIsThatOfTheRunnerJar(@TempDir Path dir) throws IOException {
    Path classpath = Files.writeString(dir.resolve("dsbulk.classpath"),
        "/m2/com/datastax/oss/dsbulk-runner/1.10.0/dsbulk-runner-1.10.0.jar:/m2/x/dsbulk-workflow-load-1.10.0"
            + ".jar\n");
    Path none = Files.writeString(dir.resolve("other.classpath"), "/m2/a.jar");

    assertEquals("1.10.0", DsbulkUnload.version(classpath));
    assertEquals("?", DsbulkUnload.version(none));
  }

  @Test
  void argsTakeSeveralHostsOnOnePortOnly() {
    List<String> args = DsbulkUnload.args(List.of("10.0.0.1:9042", "10.0.0.2:9042"), "dc1", "ks", "t",
        Path.of("/o"), Path.of("/l"));

    assertEquals("10.0.0.1,10.0.0.2", args.get(args.indexOf("-h") + 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DsbulkUnload.args(
        List.of("10.0.0.1:9042", "10.0.0.2:9043"), "dc1", "ks", "t", Path.of("/o"), Path.of("/l")));
    assertTrue(e.getMessage().contains("one port"), e.getMessage());
  }

  @Test
  void summaryIsTheLastTableDsbulkPrinted() {
    // As DSBulk 1.10 prints it (a progress report first, then the closing summary), with colours.
    List<String> lines = List.of(
        "# java -cp ... com.datastax.oss.dsbulk.runner.DataStaxBulkLoader unload ...",
        "Operation directory: /work/logs/UNLOAD_20261121-222509-926806",
        " total | failed | rows/s | p50ms |  p99ms | p999ms",
        "12,000 |      0 |  4,100 | 90.01 | 150.00 | 150.00",
        "",
        "\u001B[1m total | failed | rows/s | p50ms |  p99ms | p999ms\u001B[0m",
        "20,000 |      0 |  6,156 | 93.56 | 164.63 | 164.63",
        "Operation UNLOAD_20261121-222509-926806 completed successfully in 2 seconds.");

    Summary summary = DsbulkUnload.parseSummary(lines).orElseThrow();

    assertEquals(new Summary(20_000, 0, 6_156), summary);
    assertEquals(20_000 / 6_156.0, summary.seconds().orElseThrow(), 1e-9);
  }

  @Test
  void noSummaryWhenDsbulkPrintedNone() {
    assertEquals(Optional.empty(), DsbulkUnload.parseSummary(List.of(
        "Operation UNLOAD_1 failed: Keyspace bench does not exist.",
        " total | failed | rows/s | p50ms |  p99ms | p999ms")));
    assertFalse(new Summary(0, 0, 0).seconds().isPresent());
  }

  @Test
  void csvRecordsAreLinesLessOneHeaderPerFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("output-000001.csv"), "id,age,name,score\na,1,x,2\nb,3,y,4\n");
    Files.writeString(dir.resolve("output-000002.csv"), "id,age,name,score\nc,5,z,6\n");
    Files.writeString(dir.resolve("output-000003.csv"), "");
    Files.writeString(dir.resolve("checkpoint.txt"), "not,a,record\n");

    assertEquals(3, DsbulkUnload.countCsvRecords(dir));
    assertEquals(0, DsbulkUnload.countCsvRecords(dir.resolve("missing")));
  }

  @Test
  void deleteTreeRemovesTheDirectory(@TempDir Path dir) throws IOException {
    Path scratch = dir.resolve("dsbulk-unload-1");
    Files.createDirectories(scratch.resolve("csv"));
    Files.writeString(scratch.resolve("csv").resolve("output-000001.csv"), "id\n");

    DsbulkUnload.deleteTree(scratch);

    assertFalse(Files.exists(scratch));
  }
}

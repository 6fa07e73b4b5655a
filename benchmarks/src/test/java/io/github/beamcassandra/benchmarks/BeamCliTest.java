package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeamCliTest {
  private static final BeamCli.Connection CONNECTION = new BeamCli.Connection(List.of("127.0.0.1:46635"),
      "datacenter1", "bench", Path.of("/t/logs/runs"), Path.of("/t/logs/runs.jsonl"));

  @Test
  void loadRunsTheJarWithTheLaunchersFlagsAndNoProgressLines() {
    List<String> command = BeamCli.command(Path.of("/t/beam-cassandra.jar"), "2G",
        List.of("-Xlog:gc:file=/t/gc.log"), "load", CONNECTION, "people",
        BeamCli.loadArgs(Path.of("/t/people.csv"), Optional.of("FlinkRunner")));

    assertTrue(command.get(0).endsWith("/bin/java"), command.get(0));
    assertEquals("-Xmx2G", command.get(1));
    int launcher = BeamCli.LAUNCHER_FLAGS.size();
    int jit = BeamCli.LAUNCHER_JIT_FLAGS.size();
    assertEquals(BeamCli.LAUNCHER_FLAGS, command.subList(2, 2 + launcher));
    assertEquals(BeamCli.LAUNCHER_JIT_FLAGS, command.subList(2 + launcher, 2 + launcher + jit));
    // No class-data archive next to the jar: none is named.
    assertEquals(List.of("-Xlog:gc:file=/t/gc.log", "-jar", "/t/beam-cassandra.jar", "load",
        "--contactPoints=127.0.0.1:46635", "--localDatacenter=datacenter1", "--keyspace=bench",
        "--table=people", "--input=/t/people.csv", "--runner=FlinkRunner", "--runDir=/t/logs/runs",
        "--runLog=/t/logs/runs.jsonl", "--progressSeconds=0"),
        command.subList(2 + launcher + jit, command.size()));
  }

  @Test
  void theClassDataArchiveNextToTheJarIsUsedOnceItExists(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("beam-cassandra.jar");
    Path archive = BeamCli.classArchive(jar);
    assertEquals(dir.resolve("beam-cassandra.jsa"), archive);
    Files.write(archive, new byte[] {1});

    List<String> command = BeamCli.command(jar, "2G", List.of(), "count", CONNECTION, "people", List.of());

    assertTrue(command.contains("-XX:SharedArchiveFile=" + archive.toAbsolutePath()), command.toString());
    assertTrue(command.indexOf("-XX:SharedArchiveFile=" + archive.toAbsolutePath()) < command.indexOf("-jar"));
  }

  @Test
  void theJitFlagsAreThoseOfBinBeamCassandra() {
    assertTrue(BeamCli.LAUNCHER_JIT_FLAGS.contains("-XX:TieredStopAtLevel=1"));
  }

  @Test
  void theDefaultRunnerIsNotNamed() {
    assertEquals(List.of("--input=/t/readings.csv"),
        BeamCli.loadArgs(Path.of("/t/readings.csv"), Optional.empty()));
    assertEquals(List.of("--output=/t/out/csv"), BeamCli.unloadArgs(Path.of("/t/out/csv")));
  }

  @Test
  void theLaunchersFlagsAreThoseOfBinBeamCassandra() {
    assertEquals(7, BeamCli.LAUNCHER_FLAGS.size());
    assertTrue(BeamCli.LAUNCHER_FLAGS.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"));
    assertTrue(BeamCli.LAUNCHER_FLAGS.contains("--add-opens=java.base/sun.security.action=ALL-UNNAMED"));
  }

  @Test
  void theCountIsTheLastWholeNumberLine() {
    List<String> log = List.of(
        "# java ... count --keyspace=bench --table=people",
        "| rows | 300000 |",
        "| rows/s | 41,234 |",
        "300000",
        "");

    assertEquals(Optional.of(300_000L), BeamCli.countIn(log));
    assertEquals(Optional.empty(), BeamCli.countIn(List.of("beam-cassandra count failed: no table")));
    assertEquals(Optional.empty(), BeamCli.countIn(List.of("99999999999999999999999")));
  }

  @Test
  void theDurationIsTheReportsLastDurationRow() {
    List<String> log = List.of(
        "  records read       20,000",
        "  duration           29.1 s",
        "  status             SUCCEEDED");

    assertEquals(Optional.of(29.1), BeamCli.durationIn(log));
    assertEquals(Optional.of(12.0), BeamCli.durationIn(List.of("  duration       12.0 s")));
    assertEquals(Optional.empty(), BeamCli.durationIn(List.of("duration of the run: long")));
  }
}

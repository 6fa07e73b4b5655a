package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.LoadContender.Phase;
import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.Flags;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The load benchmark's command line. Every option, its default and its meaning are in {@link #USAGE};
 * this is the only place they are described.
 */
record LoadBenchmarkOptions(
    long rows,
    int repeats,
    List<String> contactPoints,
    String localDatacenter,
    String keyspace,
    int replicationFactor,
    List<Shape> shapes,
    List<LoadContender> contenders,
    Optional<Path> jar,
    String nodeHeap,
    String childHeap,
    int childTimeoutMinutes,
    int pauseSeconds,
    long peakHeapRows,
    String peakHeapXmx,
    Optional<Path> targetDir,
    boolean help) {

  static final String USAGE = String.join("\n",
      "Usage: benchmarks/run-load-benchmark.sh [--option=value ...]",
      "",
      "Writes people.csv and readings.csv under benchmarks/target, loads each with beam-cassandra's",
      "command line (DirectRunner and FlinkRunner) and with DataStax Bulk Loader, then unloads and counts",
      "the table with both (SELECT count(*) for DSBulk's count), every run a process of its own timed",
      "from start to exit, and prints a table.",
      "",
      "  --rows=N                 rows of each CSV file (default 300000)",
      "  --repeats=N              runs per contender and file; the table shows the median (default 3)",
      "  --contactPoints=h:p,...  an existing cluster (its bench tables are dropped and created; no flush);",
      "                           default: start a local node under benchmarks/target/load-bench-node",
      "                           (stopped at the end)",
      "  --localDatacenter=NAME   the local datacenter of every contender (default datacenter1)",
      "  --keyspace=NAME          the benchmark's keyspace; its people and readings tables are dropped",
      "                           and created (default bench)",
      "  --replicationFactor=N    replication of a keyspace the benchmark creates (default 1)",
      "  --shapes=a,b             people (unique partitions) and/or readings (partitions of 50 rows)",
      "                           (default people,readings)",
      "  --contenders=a,b,...     beam-load, beam-load-flink, dsbulk-load, beam-unload, dsbulk-unload,",
      "                           beam-count, select-count (default: all; unload and count need a load",
      "                           contender, which fills the table)",
      "  --jar=FILE               the command line's jar (default: pipelines/target/beam-cassandra.jar of",
      "                           this checkout); copied before the first run, so a rebuild during the run",
      "                           changes nothing",
      "  --nodeHeap=SIZE          heap of the local node (default 1G)",
      "  --childHeap=SIZE         -Xmx of every contender's JVM (default 2G)",
      "  --childTimeoutMinutes=N  a run still going after this is stopped and failed (default 30)",
      "  --pauseSeconds=N         pause before each run (default 2)",
      "  --peakHeapRows=N         after the rest, one more DirectRunner load of a generated N-row",
      "                           unique-partition file with -Xmx of --peakHeapXmx, reporting whether it",
      "                           finished and its peak heap; 0 skips it (default 0)",
      "  --peakHeapXmx=SIZE       -Xmx of that load (default 1G)",
      "  --targetDir=DIR          benchmarks/target of the build (default: found from this jar)",
      "  --help                   this text");

  private static final Set<String> NAMES = Set.of("rows", "repeats", "contactPoints", "localDatacenter",
      "keyspace", "replicationFactor", "shapes", "contenders", "jar", "nodeHeap", "childHeap",
      "childTimeoutMinutes", "pauseSeconds", "peakHeapRows", "peakHeapXmx", "targetDir", "help");

  static LoadBenchmarkOptions parse(String[] args) {
    Flags flags = Flags.parse(args, NAMES);
    String contactPoints = flags.get("contactPoints", "").trim();
    List<LoadContender> contenders = BenchmarkOptions.list(
        flags.get("contenders", "beam-load,beam-load-flink,dsbulk-load,beam-unload,dsbulk-unload,"
            + "beam-count,select-count"), LoadContender::fromId, "contenders");
    boolean loads = contenders.stream().anyMatch(c -> c.phase() == Phase.LOAD);
    if (!loads) {
      throw new IllegalArgumentException("--contenders must name a load contender (beam-load,"
          + " beam-load-flink or dsbulk-load): unload and count read the table it fills");
    }
    return new LoadBenchmarkOptions(
        flags.getLong("rows", 300_000, 1, 1L << 40),
        flags.getInt("repeats", 3, 1, 100),
        contactPoints.isEmpty() ? List.of() : ChildArgs.splitContactPoints(contactPoints),
        BenchmarkOptions.nonBlank(flags, "localDatacenter", "datacenter1"),
        BenchmarkOptions.cqlName(flags.get("keyspace", "bench")),
        flags.getInt("replicationFactor", 1, 1, 99),
        BenchmarkOptions.list(flags.get("shapes", "people,readings"), Shape::fromName, "shapes"),
        contenders,
        flags.has("jar") ? Optional.of(Path.of(flags.required("jar"))) : Optional.empty(),
        BenchmarkOptions.heap("nodeHeap", flags.get("nodeHeap", "1G")),
        BenchmarkOptions.heap("childHeap", flags.get("childHeap", "2G")),
        flags.getInt("childTimeoutMinutes", 30, 1, 24 * 60),
        flags.getInt("pauseSeconds", 2, 0, 600),
        flags.getLong("peakHeapRows", 0, 0, 1L << 40),
        BenchmarkOptions.heap("peakHeapXmx", flags.get("peakHeapXmx", "1G")),
        flags.has("targetDir") ? Optional.of(Path.of(flags.required("targetDir"))) : Optional.empty(),
        flags.has("help"));
  }

  /** True when the benchmark starts (and stops) a node of its own. */
  boolean localNode() {
    return contactPoints.isEmpty();
  }

  /** The chosen contenders of {@code phase}, in the order given. */
  List<LoadContender> contenders(Phase phase) {
    return contenders.stream().filter(c -> c.phase() == phase).toList();
  }
}

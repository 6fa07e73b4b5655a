package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.Flags;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The read benchmark's command line. Every option, its default and its meaning are in {@link #USAGE};
 * this is the only place they are described.
 */
record ReadBenchmarkOptions(
    long rows,
    int repeats,
    List<String> contactPoints,
    String localDatacenter,
    String keyspace,
    int replicationFactor,
    List<ReadContender> contenders,
    int maxInFlight,
    String nodeHeap,
    String childHeap,
    List<String> childJvmFlags,
    int childTimeoutMinutes,
    int pauseSeconds,
    Optional<Path> targetDir,
    boolean help) {

  /** Every contender reads at this consistency (DSBulk's and beam-cassandra's default). */
  static final String CONSISTENCY = "LOCAL_ONE";

  static final String USAGE = String.join("\n",
      "Usage: benchmarks/run-read-benchmark.sh [--option=value ...]",
      "",
      "Fills bench.people, then reads and counts it with four contenders, each in a child JVM of its own,",
      "and prints a table.",
      "",
      "  --rows=N                 rows loaded into the people table (default 300000)",
      "  --repeats=N              runs per contender; the table shows the median (default 3)",
      "  --contactPoints=h:p,...  an existing cluster (the people table is dropped and loaded; no flush);",
      "                           default: start a local node under benchmarks/target/read-bench-node",
      "                           (stopped at the end)",
      "  --localDatacenter=NAME   the driver's local datacenter (default datacenter1)",
      "  --keyspace=NAME          the benchmark's keyspace; its people table is dropped and created",
      "                           (default bench)",
      "  --replicationFactor=N    replication of a keyspace the benchmark creates (default 1)",
      "  --contenders=a,b,...     beam-read, beam-count, dsbulk-unload, select-count (default: all four)",
      "  --maxInFlight=N          requests in flight while the parent loads the table (default 128)",
      "  --nodeHeap=SIZE          heap of the local node (default 1G)",
      "  --childHeap=SIZE         -Xmx of each contender's JVM (default 2G)",
      "  --childJvmFlags='F ...'  more flags of every contender's JVM, DSBulk's too, space-separated",
      "                           (default " + BenchmarkOptions.DEFAULT_CHILD_JVM_FLAGS + "; '' runs the JVM's defaults)",
      "  --childTimeoutMinutes=N  a contender run still going after this is stopped and failed (default 30)",
      "  --pauseSeconds=N         pause before each run (default 2)",
      "  --targetDir=DIR          benchmarks/target of the build (default: found from this jar)",
      "  --help                   this text");

  private static final Set<String> NAMES = Set.of("rows", "repeats", "contactPoints", "localDatacenter",
      "keyspace", "replicationFactor", "contenders", "maxInFlight", "nodeHeap", "childHeap", "childJvmFlags",
      "childTimeoutMinutes", "pauseSeconds", "targetDir", "help");

  static ReadBenchmarkOptions parse(String[] args) {
    Flags flags = Flags.parse(args, NAMES);
    String contactPoints = flags.get("contactPoints", "").trim();
    return new ReadBenchmarkOptions(
        flags.getLong("rows", 300_000, 1, 1L << 40),
        flags.getInt("repeats", 3, 1, 100),
        contactPoints.isEmpty() ? List.of() : ChildArgs.splitContactPoints(contactPoints),
        BenchmarkOptions.nonBlank(flags, "localDatacenter", "datacenter1"),
        BenchmarkOptions.cqlName(flags.get("keyspace", "bench")),
        flags.getInt("replicationFactor", 1, 1, 99),
        BenchmarkOptions.list(flags.get("contenders", "beam-read,beam-count,dsbulk-unload,select-count"),
            ReadContender::fromId, "contenders"),
        flags.getInt("maxInFlight", 128, 1, 1 << 16),
        BenchmarkOptions.heap("nodeHeap", flags.get("nodeHeap", "1G")),
        BenchmarkOptions.heap("childHeap", flags.get("childHeap", "2G")),
        BenchmarkOptions.jvmFlags(flags.get("childJvmFlags", BenchmarkOptions.DEFAULT_CHILD_JVM_FLAGS)),
        flags.getInt("childTimeoutMinutes", 30, 1, 24 * 60),
        flags.getInt("pauseSeconds", 2, 0, 600),
        flags.has("targetDir") ? Optional.of(Path.of(flags.required("targetDir"))) : Optional.empty(),
        flags.has("help"));
  }

  /** True when the benchmark starts (and stops) a node of its own. */
  boolean localNode() {
    return contactPoints.isEmpty();
  }
}

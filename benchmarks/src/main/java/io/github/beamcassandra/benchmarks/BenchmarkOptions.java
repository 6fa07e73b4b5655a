package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.Flags;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The write benchmark's command line. Every option, its default and its meaning are in {@link #USAGE};
 * this is the only place they are described.
 */
record BenchmarkOptions(
    long rows,
    int repeats,
    List<String> contactPoints,
    String localDatacenter,
    String keyspace,
    int replicationFactor,
    List<Shape> shapes,
    List<Contender> contenders,
    int maxInFlight,
    String consistency,
    String nodeHeap,
    String childHeap,
    List<String> childJvmFlags,
    int childTimeoutMinutes,
    int pauseSeconds,
    long warmupRows,
    Optional<Path> targetDir,
    boolean help) {

  /** C1 only: see {@link #USAGE}. */
  static final String DEFAULT_CHILD_JVM_FLAGS = "-XX:TieredStopAtLevel=1";

  static final String USAGE = String.join("\n",
      "Usage: benchmarks/run-write-benchmark.sh [--option=value ...]",
      "",
      "Writes generated rows with three contenders, each in a child JVM of its own, and prints a table.",
      "",
      "  --rows=N                 rows per shape and run (default 300000)",
      "  --repeats=N              runs per contender and shape; the table shows the median (default 3)",
      "  --contactPoints=h:p,...  an existing cluster; default: start a local node under",
      "                           benchmarks/target/bench-node (stopped at the end)",
      "  --localDatacenter=NAME   the driver's local datacenter (default datacenter1)",
      "  --keyspace=NAME          the benchmark's keyspace; its tables are dropped and created (default bench)",
      "  --replicationFactor=N    replication of a keyspace the benchmark creates (default 1)",
      "  --shapes=a,b             people (unique partitions) and/or readings (partitions of 50 rows)",
      "                           (default people,readings)",
      "  --contenders=a,b,...     beam-cassandra, cassandraio, async-loop, beam-cassandra-replica-set",
      "                           (Cassandra.write() with withBatchMode(REPLICA_SET)) (default: all four)",
      "  --maxInFlight=N          the async loop's requests in flight (default 128)",
      "  --consistency=LEVEL      write consistency of every contender (default LOCAL_QUORUM,",
      "                           beam-cassandra's default)",
      "  --nodeHeap=SIZE          heap of the local node (default 1G)",
      "  --childHeap=SIZE         -Xmx of each contender's JVM (default 2G)",
      "  --childJvmFlags='F ...'  more flags of every contender's JVM, space-separated (default",
      "                           " + DEFAULT_CHILD_JVM_FLAGS + ": on 2 cores shared with the node,",
      "                           the C2 compiler's threads took half of a 300,000-row run's client CPU;",
      "                           '' runs the JVM's defaults)",
      "  --childTimeoutMinutes=N  a contender run still going after this is stopped and failed (default 30)",
      "  --pauseSeconds=N         pause after TRUNCATE, before each run (default 2)",
      "  --warmupRows=N           before each shape's runs, rows the async loop writes (not reported)",
      "                           to warm the node up; 0 skips it (default: 100000, at most --rows)",
      "  --targetDir=DIR          benchmarks/target of the build (default: found from this jar)",
      "  --help                   this text");

  private static final Set<String> NAMES = Set.of("rows", "repeats", "contactPoints", "localDatacenter",
      "keyspace", "replicationFactor", "shapes", "contenders", "maxInFlight", "consistency", "nodeHeap",
      "childHeap", "childJvmFlags", "childTimeoutMinutes", "pauseSeconds", "warmupRows", "targetDir", "help");
  private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[mMgG]");
  private static final Pattern CQL_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");
  private static final Set<String> CONSISTENCY_LEVELS = Set.of(
      "ANY", "ONE", "TWO", "THREE", "QUORUM", "ALL", "LOCAL_ONE", "LOCAL_QUORUM", "EACH_QUORUM");

  static BenchmarkOptions parse(String[] args) {
    Flags flags = Flags.parse(args, NAMES);
    String contactPoints = flags.get("contactPoints", "").trim();
    long rows = flags.getLong("rows", 300_000, 1, 1L << 40);
    return new BenchmarkOptions(
        rows,
        flags.getInt("repeats", 3, 1, 100),
        contactPoints.isEmpty() ? List.of() : ChildArgs.splitContactPoints(contactPoints),
        nonBlank(flags, "localDatacenter", "datacenter1"),
        cqlName(flags.get("keyspace", "bench")),
        flags.getInt("replicationFactor", 1, 1, 99),
        list(flags.get("shapes", "people,readings"), Shape::fromName, "shapes"),
        list(flags.get("contenders", "beam-cassandra,cassandraio,async-loop,beam-cassandra-replica-set"), Contender::fromId,
            "contenders"),
        flags.getInt("maxInFlight", 128, 1, 1 << 16),
        consistency(flags.get("consistency", "LOCAL_QUORUM")),
        heap("nodeHeap", flags.get("nodeHeap", "1G")),
        heap("childHeap", flags.get("childHeap", "2G")),
        jvmFlags(flags.get("childJvmFlags", DEFAULT_CHILD_JVM_FLAGS)),
        flags.getInt("childTimeoutMinutes", 30, 1, 24 * 60),
        flags.getInt("pauseSeconds", 2, 0, 600),
        flags.getLong("warmupRows", Math.min(rows, 100_000), 0, 1L << 40),
        flags.has("targetDir") ? Optional.of(Path.of(flags.required("targetDir"))) : Optional.empty(),
        flags.has("help"));
  }

  static List<String> jvmFlags(String spaceSeparated) {
    List<String> flags = Arrays.stream(spaceSeparated.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
    for (String flag : flags) {
      if (!flag.startsWith("-")) {
        throw new IllegalArgumentException("--childJvmFlags must hold JVM flags (each starting with -), got: " + flag);
      }
    }
    return flags;
  }

  /** True when the benchmark starts (and stops) a node of its own. */
  boolean localNode() {
    return contactPoints.isEmpty();
  }

  // The checks below are shared with ReadBenchmarkOptions.

  static String nonBlank(Flags flags, String name, String defaultValue) {
    String value = flags.get(name, defaultValue).trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("--" + name + " must not be empty");
    }
    return value;
  }

  static String cqlName(String keyspace) {
    if (!CQL_NAME.matcher(keyspace).matches()) {
      throw new IllegalArgumentException(
          "--keyspace must be an unquoted CQL name (letters, digits, _), got: '" + keyspace + "'");
    }
    return keyspace.toLowerCase(java.util.Locale.ROOT);
  }

  private static String consistency(String level) {
    String upper = level.trim().toUpperCase(java.util.Locale.ROOT);
    if (!CONSISTENCY_LEVELS.contains(upper)) {
      throw new IllegalArgumentException("--consistency must be one of " + CONSISTENCY_LEVELS
          + ", got: '" + level + "'");
    }
    return upper;
  }

  static String heap(String name, String size) {
    if (!HEAP.matcher(size).matches()) {
      throw new IllegalArgumentException("--" + name + " must be a size such as 1G or 768M, got: '"
          + size + "'");
    }
    return size;
  }

  static <T> List<T> list(String commaSeparated, Function<String, T> parse, String name) {
    LinkedHashSet<T> values = new LinkedHashSet<>();
    Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .map(parse).forEach(values::add);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("--" + name + " must name at least one");
    }
    return List.copyOf(values);
  }
}

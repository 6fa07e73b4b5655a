package io.github.beamcassandra.benchmarks;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The writers the benchmark compares, each run by a main class in a child JVM of its own:
 * beam-cassandra with its defaults and with replica-set batches, CassandraIO, the async loop.
 */
enum Contender {
  BEAM_CASSANDRA(BeamCassandraWrite.NAME, "beam-cassandra",
      "io.github.beamcassandra.benchmarks.BeamCassandraWrite", "beam-cassandra.classpath", false),
  CASSANDRA_IO("cassandraio", "Beam CassandraIO",
      "io.github.beamcassandra.benchmarks.cassandraio.CassandraIoWrite", "cassandraio.classpath", true),
  ASYNC_LOOP(AsyncLoopWrite.NAME, "java-driver async loop",
      "io.github.beamcassandra.benchmarks.AsyncLoopWrite", "async-loop.classpath", false),
  BEAM_CASSANDRA_REPLICA_SET(BeamCassandraWrite.REPLICA_SET_NAME, "beam-cassandra, REPLICA_SET batches",
      "io.github.beamcassandra.benchmarks.BeamCassandraWrite$ReplicaSet", "beam-cassandra.classpath", false);

  private final String id;
  private final String label;
  private final String mainClass;
  private final String classpathFile;
  private final boolean ownJar;

  Contender(String id, String label, String mainClass, String classpathFile, boolean ownJar) {
    this.id = id;
    this.label = label;
    this.mainClass = mainClass;
    this.classpathFile = classpathFile;
    this.ownJar = ownJar;
  }

  /** The name on the command line and in the child's result line. */
  String id() {
    return id;
  }

  /** The name in the printed tables. */
  String label() {
    return label;
  }

  String mainClass() {
    return mainClass;
  }

  /** The file under {@code target/classpath} the build writes this contender's dependencies to. */
  String classpathFile() {
    return classpathFile;
  }

  /**
   * True when the contender's classes are in a jar of their own (the CassandraIO contender, built from
   * {@code benchmarks/cassandraio}); false when they are in this module's jar.
   */
  boolean ownJar() {
    return ownJar;
  }

  static Contender fromId(String id) {
    for (Contender contender : values()) {
      if (contender.id.equalsIgnoreCase(id.trim())) {
        return contender;
      }
    }
    throw new IllegalArgumentException("unknown contender '" + id + "'; expected one of: "
        + Arrays.stream(values()).map(Contender::id).collect(Collectors.joining(", ")));
  }
}

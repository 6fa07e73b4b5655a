package io.github.beamcassandra.benchmarks;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The four programs the read benchmark compares, each run in a child JVM of its own. Two are
 * beam-cassandra's, two are what a user would otherwise reach for.
 */
enum ReadContender {
  /** {@code Cassandra.read()} of the whole table, then a counting step; see {@link BeamCassandraRead}. */
  BEAM_READ(BeamCassandraRead.NAME, "beam-cassandra read", "beam-cassandra.classpath", true,
      BeamCassandraRead.class.getName()),
  /** {@code Cassandra.count()}; see {@link BeamCassandraCount}. */
  BEAM_COUNT(BeamCassandraCount.NAME, "beam-cassandra count", "beam-cassandra.classpath", true,
      BeamCassandraCount.class.getName()),
  /**
   * DataStax Bulk Loader's {@code unload} to CSV files, its own main class on the classpath that
   * {@code benchmarks/dsbulk/pom.xml} resolves; see {@link DsbulkUnload}.
   */
  DSBULK_UNLOAD("dsbulk-unload", "DSBulk unload", "dsbulk.classpath", false, DsbulkUnload.MAIN_CLASS),
  /** One {@code SELECT count(*)} through java-driver 4; see {@link SelectCount}. */
  SELECT_COUNT(SelectCount.NAME, "SELECT count(*)", "async-loop.classpath", true,
      SelectCount.class.getName());

  private final String id;
  private final String label;
  private final String classpathFile;
  private final boolean moduleCode;
  private final String mainClass;

  ReadContender(String id, String label, String classpathFile, boolean moduleCode, String mainClass) {
    this.id = id;
    this.label = label;
    this.classpathFile = classpathFile;
    this.moduleCode = moduleCode;
    this.mainClass = mainClass;
  }

  /** The name on the command line, in log file names and in a child's result line. */
  String id() {
    return id;
  }

  /** The name in the printed tables. */
  String label() {
    return label;
  }

  /** The file under {@code target/classpath} the build writes this contender's dependencies to. */
  String classpathFile() {
    return classpathFile;
  }

  /** True when the main class is in this module's jar; false for DSBulk, run from its own jars. */
  boolean moduleCode() {
    return moduleCode;
  }

  String mainClass() {
    return mainClass;
  }

  static ReadContender fromId(String id) {
    for (ReadContender contender : values()) {
      if (contender.id.equalsIgnoreCase(id.trim())) {
        return contender;
      }
    }
    throw new IllegalArgumentException("unknown contender '" + id + "'; expected one of: "
        + Arrays.stream(values()).map(ReadContender::id).collect(Collectors.joining(", ")));
  }
}

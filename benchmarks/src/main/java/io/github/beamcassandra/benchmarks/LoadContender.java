package io.github.beamcassandra.benchmarks;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The programs the load benchmark compares, each a whole process of its own timed from start to exit:
 * beam-cassandra's command line ({@code java -jar beam-cassandra.jar load|unload|count}) and what a user
 * would otherwise reach for (DataStax Bulk Loader, or a plain {@code SELECT count(*)} where DSBulk's count
 * workflow is not available). Every phase has one baseline the others are measured against.
 */
enum LoadContender {
  /** {@code load} on the DirectRunner, the command line's default runner. */
  BEAM_LOAD("beam-load", "beam-cassandra load (DirectRunner)", Phase.LOAD),
  /** {@code load --runner=FlinkRunner}: Flink embedded in the command's JVM. */
  BEAM_LOAD_FLINK("beam-load-flink", "beam-cassandra load (FlinkRunner)", Phase.LOAD),
  /** DataStax Bulk Loader's {@code load} of the same CSV file, its defaults otherwise. */
  DSBULK_LOAD("dsbulk-load", "DSBulk load", Phase.LOAD),
  /** {@code unload} to CSV files in a fresh directory. */
  BEAM_UNLOAD("beam-unload", "beam-cassandra unload", Phase.UNLOAD),
  /** DataStax Bulk Loader's {@code unload} to CSV files in a fresh directory. */
  DSBULK_UNLOAD("dsbulk-unload", "DSBulk unload", Phase.UNLOAD),
  /** {@code count}: per token range on the server. */
  BEAM_COUNT("beam-count", "beam-cassandra count", Phase.COUNT),
  /** One {@code SELECT count(*)} through java-driver 4 ({@link SelectCount}). */
  SELECT_COUNT(SelectCount.NAME, "SELECT count(*)", Phase.COUNT);

  /** What a contender does to the table; each phase has the baseline its ratios divide by. */
  enum Phase {
    LOAD("load"),
    UNLOAD("unload"),
    COUNT("count");

    private final String word;

    Phase(String word) {
      this.word = word;
    }

    /** The contender this phase's others are compared with. */
    LoadContender baseline() {
      switch (this) {
        case LOAD:
          return DSBULK_LOAD;
        case UNLOAD:
          return DSBULK_UNLOAD;
        case COUNT:
          return SELECT_COUNT;
        default:
          throw new AssertionError(this);
      }
    }

    @Override
    public String toString() {
      return word;
    }
  }

  private final String id;
  private final String label;
  private final Phase phase;

  LoadContender(String id, String label, Phase phase) {
    this.id = id;
    this.label = label;
    this.phase = phase;
  }

  /** The name on the command line and in log file names. */
  String id() {
    return id;
  }

  /** The name in the printed tables. */
  String label() {
    return label;
  }

  Phase phase() {
    return phase;
  }

  /** True for DSBulk load, DSBulk unload and SELECT count(*). */
  boolean baseline() {
    return phase.baseline() == this;
  }

  static LoadContender fromId(String id) {
    for (LoadContender contender : values()) {
      if (contender.id.equalsIgnoreCase(id.trim())) {
        return contender;
      }
    }
    throw new IllegalArgumentException("unknown contender '" + id + "'; expected one of: "
        + Arrays.stream(values()).map(LoadContender::id).collect(Collectors.joining(", ")));
  }
}

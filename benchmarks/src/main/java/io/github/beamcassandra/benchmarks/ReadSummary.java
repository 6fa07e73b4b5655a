package io.github.beamcassandra.benchmarks;

import java.util.List;
import java.util.Optional;

/** The runs of one read contender, and their medians. */
record ReadSummary(ReadContender contender, long rows, List<ReadRun> runs) {
  ReadSummary {
    runs = List.copyOf(runs);
  }

  /** Seconds of the runs that count (every row seen). */
  List<Double> goodSeconds() {
    return runs.stream().filter(ReadRun::ok).map(r -> r.seconds().orElseThrow()).toList();
  }

  Optional<Double> medianSeconds() {
    List<Double> seconds = goodSeconds();
    return seconds.isEmpty() ? Optional.empty() : Optional.of(Stats.median(seconds));
  }

  /** Rows per second at the median time. */
  Optional<Double> rowsPerSecond() {
    return medianSeconds().map(s -> rows / s);
  }

  /** The median of the child JVMs' whole lives, over the runs that count. */
  Optional<Double> medianWallSeconds() {
    List<Double> wall = runs.stream().filter(ReadRun::ok).map(ReadRun::wallSeconds).toList();
    return wall.isEmpty() ? Optional.empty() : Optional.of(Stats.median(wall));
  }

  /** This summary's throughput divided by {@code other}'s, when both have one. */
  Optional<Double> ratioTo(ReadSummary other) {
    if (other == null) {
      return Optional.empty();
    }
    Optional<Double> mine = rowsPerSecond();
    Optional<Double> theirs = other.rowsPerSecond();
    return mine.isPresent() && theirs.isPresent()
        ? Optional.of(mine.get() / theirs.get())
        : Optional.empty();
  }
}

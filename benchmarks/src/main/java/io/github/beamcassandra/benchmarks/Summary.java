package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.Shape;
import java.util.List;
import java.util.Optional;

/** The runs of one contender on one shape, and their median. */
record Summary(Contender contender, Shape shape, long rows, List<RunOutcome> runs) {
  Summary {
    runs = List.copyOf(runs);
  }

  /** Seconds of the runs that count (every row written and counted). */
  List<Double> goodSeconds() {
    return runs.stream().filter(RunOutcome::ok).map(r -> r.seconds().orElseThrow()).toList();
  }

  Optional<Double> medianSeconds() {
    List<Double> seconds = goodSeconds();
    return seconds.isEmpty() ? Optional.empty() : Optional.of(Stats.median(seconds));
  }

  /** Rows per second at the median time. */
  Optional<Double> rowsPerSecond() {
    return medianSeconds().map(s -> rows / s);
  }

  /** This summary's throughput divided by {@code other}'s, when both have one. */
  Optional<Double> ratioTo(Summary other) {
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

package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.Shape;
import java.util.List;
import java.util.Optional;

/** The runs of one load-benchmark contender on one table, and their median wall time. */
record LoadSummary(LoadContender contender, Shape shape, long rows, List<LoadRun> runs) {
  LoadSummary {
    runs = List.copyOf(runs);
  }

  /** The wall seconds of the runs that count. */
  List<Double> goodWallSeconds() {
    return runs.stream().filter(LoadRun::ok).map(LoadRun::wallSeconds).toList();
  }

  Optional<Double> medianWallSeconds() {
    List<Double> seconds = goodWallSeconds();
    return seconds.isEmpty() ? Optional.empty() : Optional.of(Stats.median(seconds));
  }

  /** The median of the times the program reported itself, over the runs that count and report one. */
  Optional<Double> medianOwnSeconds() {
    List<Double> seconds = runs.stream().filter(LoadRun::ok).map(LoadRun::ownSeconds)
        .flatMap(Optional::stream).toList();
    return seconds.isEmpty() ? Optional.empty() : Optional.of(Stats.median(seconds));
  }

  /** Rows per second of the whole process, at the median wall time. */
  Optional<Double> rowsPerSecond() {
    return medianWallSeconds().map(s -> rows / s);
  }

  /**
   * {@code baseline}'s median wall time divided by this one's: how many times faster this contender's
   * whole process is (above 1) or slower (below 1).
   */
  Optional<Double> speedupOver(LoadSummary baseline) {
    if (baseline == null) {
      return Optional.empty();
    }
    Optional<Double> mine = medianWallSeconds();
    Optional<Double> theirs = baseline.medianWallSeconds();
    return mine.isPresent() && theirs.isPresent()
        ? Optional.of(theirs.get() / mine.get())
        : Optional.empty();
  }

  /** The largest heap any run used (failed runs included: running out of heap is a failure). */
  Optional<HeapUse> peakHeap() {
    return runs.stream().map(LoadRun::heap).flatMap(Optional::stream).reduce(HeapUse::larger);
  }
}

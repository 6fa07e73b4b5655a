package io.github.beamcassandra.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Arithmetic on repeated measurements. */
final class Stats {
  private Stats() {}

  /** The middle value; for an even count, the mean of the two middle values. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("median of no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}

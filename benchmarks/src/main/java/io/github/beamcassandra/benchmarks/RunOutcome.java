package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.ContenderResult;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One run of one contender on one shape: what the child reported and what the parent counted after.
 *
 * @param result the child's result line, empty when it printed none
 * @param counted {@code SELECT count(*)} after the run, or -1 when it was not counted
 * @param error why the run does not count, or null when it does
 * @param log the child's output
 */
record RunOutcome(Contender contender, Shape shape, int repeat, long expectedRows,
    Optional<ContenderResult> result, long counted, String error, Path log) {

  /** A run that produced no usable result (the child failed, timed out or printed no result line). */
  static RunOutcome failed(Contender contender, Shape shape, int repeat, long expectedRows,
      Optional<ContenderResult> result, long counted, String error, Path log) {
    return new RunOutcome(contender, shape, repeat, expectedRows, result, counted, error, log);
  }

  /**
   * Judges a run that finished: it counts when the child wrote every row without a reported failure
   * and the table holds them all.
   */
  static RunOutcome judge(Contender contender, Shape shape, int repeat, long expectedRows,
      ContenderResult result, long counted, Path log) {
    String error = null;
    if (result.rows() != expectedRows) {
      error = "the child wrote " + result.rows() + " rows, expected " + expectedRows;
    } else if (result.failures() > 0) {
      error = result.failures() + " writes failed";
    } else if (counted < 0) {
      error = "the rows could not be counted";
    } else if (counted != expectedRows) {
      error = "count(*) found " + counted + " rows, expected " + expectedRows
          + (counted < expectedRows ? " (" + (expectedRows - counted) + " missing)" : "");
    }
    return new RunOutcome(contender, shape, repeat, expectedRows, Optional.of(result), counted, error, log);
  }

  boolean ok() {
    return error == null && result.isPresent();
  }

  /** Seconds the child measured, when it reported. */
  Optional<Double> seconds() {
    return result.map(ContenderResult::seconds);
  }
}

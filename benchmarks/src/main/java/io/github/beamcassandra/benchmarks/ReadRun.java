package io.github.beamcassandra.benchmarks;

import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * One run of one read contender.
 *
 * @param rows the rows the contender read, unloaded or counted, or -1 when it did not say
 * @param seconds the time the run counts with (see each contender), empty when it has none
 * @param wallSeconds the child JVM's whole life, from start to exit
 * @param error why the run does not count, or null when it does
 * @param log the child's output
 */
record ReadRun(ReadContender contender, int repeat, long expectedRows, long rows, OptionalDouble seconds,
    double wallSeconds, String error, Path log) {

  /** A run that produced no usable result (the child failed, timed out or reported nothing). */
  static ReadRun failed(ReadContender contender, int repeat, long expectedRows, long rows,
      double wallSeconds, String error, Path log) {
    return new ReadRun(contender, repeat, expectedRows, rows, OptionalDouble.empty(), wallSeconds, error,
        log);
  }

  /** Judges a run that finished: it counts when the contender saw exactly the rows of the table. */
  static ReadRun judge(ReadContender contender, int repeat, long expectedRows, long rows, double seconds,
      double wallSeconds, Path log) {
    String error = null;
    if (rows != expectedRows) {
      error = "found " + rows + " rows, expected " + expectedRows
          + (rows < expectedRows ? " (" + (expectedRows - rows) + " missing)" : "");
    }
    return new ReadRun(contender, repeat, expectedRows, rows, OptionalDouble.of(seconds), wallSeconds,
        error, log);
  }

  boolean ok() {
    return error == null && seconds.isPresent();
  }
}

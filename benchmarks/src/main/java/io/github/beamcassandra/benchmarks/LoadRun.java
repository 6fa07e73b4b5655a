package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.Shape;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One run of one load-benchmark contender on one table.
 *
 * @param rows what the parent found the run did: the rows {@code SELECT count(*)} counts after a load,
 *     the records in the files of an unload, the count a count printed; -1 when there is none
 * @param wallSeconds the process's whole life, from start to exit, as the parent saw it
 * @param ownSeconds the time the program itself reports for its operation, when it reports one
 *     (beam-cassandra's report: its duration; DSBulk: rows / its mean rate; SELECT count(*): the
 *     statement), which leaves out JVM start, connecting and what comes before its own clock starts
 * @param heap the child JVM's heap use, from its GC log, when it wrote one
 * @param error why the run does not count, or null when it does
 * @param log the child's output
 */
record LoadRun(LoadContender contender, Shape shape, int repeat, long expectedRows, long rows,
    double wallSeconds, Optional<Double> ownSeconds, Optional<HeapUse> heap, String error, Path log) {

  /** A run that finished: it counts when it did exactly {@code expectedRows} rows. */
  static LoadRun judge(LoadContender contender, Shape shape, int repeat, long expectedRows, long rows,
      double wallSeconds, Optional<Double> ownSeconds, Optional<HeapUse> heap, Path log) {
    String error = null;
    if (rows != expectedRows) {
      error = "found " + rows + " rows, expected " + expectedRows
          + (rows >= 0 && rows < expectedRows ? " (" + (expectedRows - rows) + " missing)" : "");
    }
    return new LoadRun(contender, shape, repeat, expectedRows, rows, wallSeconds, ownSeconds, heap, error,
        log);
  }

  boolean ok() {
    return error == null;
  }
}

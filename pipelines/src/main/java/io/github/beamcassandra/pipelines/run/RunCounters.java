package io.github.beamcassandra.pipelines.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counts of one run, kept in this JVM and found by run id, so the steps of a pipeline that runs in
 * the command's own process (DirectRunner, embedded Flink, local Spark) feed the progress line and the
 * error limit as they go. On a cluster each worker counts its own share; the final report then comes
 * from the runner's metrics.
 */
public final class RunCounters {
  private static final Map<String, RunCounters> RUNS = new ConcurrentHashMap<>();

  public final AtomicLong read = new AtomicLong();
  public final AtomicLong written = new AtomicLong();
  public final AtomicLong rejected = new AtomicLong();
  public final AtomicLong failed = new AtomicLong();
  /** What count and unload produce: rows counted or exported, ranges done. */
  public final AtomicLong rows = new AtomicLong();
  public final AtomicLong ranges = new AtomicLong();
  /** Bytes of input consumed (uncompressed files only), for the progress line's estimate. */
  public final AtomicLong inputBytes = new AtomicLong();

  private RunCounters() {}

  public static RunCounters of(String runId) {
    return RUNS.computeIfAbsent(runId, id -> new RunCounters());
  }

  public long errors() {
    return rejected.get() + failed.get();
  }
}

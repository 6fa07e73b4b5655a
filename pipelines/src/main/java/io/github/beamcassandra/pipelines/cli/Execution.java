package io.github.beamcassandra.pipelines.cli;

import io.github.beamcassandra.pipelines.run.Run;
import io.github.beamcassandra.pipelines.run.TooManyErrorsException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** Runs a command's pipeline to the end and says how it ended, without throwing. */
final class Execution {
  final Run.Status status;
  final String error;
  /** The runner's result, when the pipeline started. */
  final PipelineResult result;

  private Execution(Run.Status status, String error, PipelineResult result) {
    this.status = status;
    this.error = error;
    this.result = result;
  }

  /** The sum of a counter of {@code namespace} over all steps (see {@link #metric}); 0 when unknown. */
  long counter(Class<?> namespace, String name) {
    return Math.max(0, metric(namespace, name));
  }

  /**
   * The sum of a counter of {@code namespace} over all steps: committed values where the runner keeps
   * them (exact even when bundles were retried), else attempted ones; -1 when the runner cannot say.
   */
  long metric(Class<?> namespace, String name) {
    if (result == null) {
      return -1;
    }
    try {
      long sum = 0;
      for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.named(namespace, name)).build()).getCounters()) {
        Long value;
        try {
          value = c.getCommitted();
        } catch (UnsupportedOperationException e) {
          value = c.getAttempted();
        }
        sum += value == null ? c.getAttempted() : value;
      }
      return sum;
    } catch (RuntimeException e) { // some runners cannot query metrics
      return -1;
    }
  }

  /**
   * What a run's figure is: {@code local}, this JVM's own count, when the pipeline ran in this JVM
   * (the Direct runner, an embedded Flink); the runner's counter when it ran on a cluster, where this
   * JVM saw none of the work. {@code ranHere} says which, decided once per run by {@link #ranHere}.
   */
  long figure(boolean ranHere, long local, Class<?> namespace, String name) {
    return ranHere ? local : counter(namespace, name);
  }

  /**
   * Whether the work ran in this JVM: its own count of the run's main figure ({@code local}) is not 0,
   * or the runner's counter of the same thing is not above 0 either.
   */
  boolean ranHere(long local, Class<?> namespace, String name) {
    return local > 0 || metric(namespace, name) <= 0;
  }

  static Execution of(Pipeline pipeline) {
    PipelineResult result = null;
    try {
      result = pipeline.run();
      PipelineResult.State state = result.waitUntilFinish();
      if (state != PipelineResult.State.DONE) {
        return new Execution(Run.Status.FAILED, "The pipeline ended in state " + state + ".", result);
      }
      return new Execution(Run.Status.SUCCEEDED, null, result);
    } catch (RuntimeException e) {
      TooManyErrorsException tooMany = TooManyErrorsException.find(e);
      if (tooMany != null) {
        return new Execution(Run.Status.STOPPED, tooMany.getMessage(), result);
      }
      return new Execution(Run.Status.FAILED, "Failed: " + rootMessage(e), result);
    }
  }

  /** The innermost message, which names the cause; runners wrap it in their own exceptions. */
  static String rootMessage(Throwable e) {
    Throwable cause = e;
    String message = e.getMessage();
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message == null ? e.getClass().getName() : message;
  }
}

package io.github.beamcassandra.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.pipelines.run.Run;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;

/**
 * The report's figures come from this JVM's own counts when the pipeline ran here, and from the runner's
 * counters when it ran on a cluster, where this JVM's counts stay at 0.
 */
class ExecutionTest {
  static final class CountFn extends DoFn<Integer, Void> {
    private final Counter counted = Metrics.counter(ExecutionTest.class, "counted");

    @ProcessElement
    public void process(@Element Integer n) {
      counted.inc(n);
    }
  }

  @Test
  void figuresComeFromTheRunnersCountersWhenThisJvmSawNoneOfTheWork() {
    Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
    pipeline.apply(Create.of(1, 2, 3, 4)).apply(ParDo.of(new CountFn()));
    Execution execution = Execution.of(pipeline);
    assertEquals(Run.Status.SUCCEEDED, execution.status);
    assertEquals(10, execution.metric(ExecutionTest.class, "counted"));

    assertFalse(execution.ranHere(0, ExecutionTest.class, "counted"), "a cluster did the counting");
    assertEquals(10, execution.figure(false, 0, ExecutionTest.class, "counted"));

    assertTrue(execution.ranHere(10, ExecutionTest.class, "counted"));
    assertEquals(10, execution.figure(true, 10, ExecutionTest.class, "counted"));

    assertEquals(0, execution.metric(ExecutionTest.class, "never-incremented"));
    assertTrue(execution.ranHere(0, ExecutionTest.class, "never-incremented"), "nothing ran anywhere");
  }
}

package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.BeamCassandraRead.CountElements;
import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.ContenderResult;
import io.github.beamcassandra.benchmarks.common.DirectRunnerFlags;
import io.github.beamcassandra.transforms.Cassandra;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * Count contender, run in a child JVM: {@code Cassandra.count()} of the whole table with its default
 * settings on the Direct runner (a {@code SELECT count(*)} per token-range split, summed). Timed from
 * {@code pipeline.run()} until the pipeline finished, like {@link BeamCassandraRead}. Reports the count.
 */
public final class BeamCassandraCount {
  public static final String NAME = "beam-count";

  private BeamCassandraCount() {}

  public static void main(String[] args) {
    ChildArgs child = ChildArgs.parse(args);
    PipelineOptions options = PipelineOptionsFactory.fromArgs(DirectRunnerFlags.asArgs())
        .withValidation().create();
    long buildStart = System.nanoTime();
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply("Count table", Cassandra.count()
            .withConnection(BeamCassandraRead.connection(child))
            .withKeyspace(child.keyspace())
            .withTable(child.shape().table()))
        .apply("Report count", ParDo.of(CountElements.addValues()));
    BeamCassandraRead.printBuildTime(buildStart);

    long start = System.nanoTime();
    PipelineResult result = pipeline.run();
    PipelineResult.State state = result.waitUntilFinish();
    long nanos = System.nanoTime() - start;
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("the pipeline ended in state " + state);
    }
    long count = BeamCassandraRead.counted(result, CountElements.VALUES);
    System.out.println(new ContenderResult(NAME, child.shape(), count, nanos, 0).toLine());
  }
}

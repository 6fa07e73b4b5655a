package io.github.beamcassandra.transforms.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class DefaultShardsTest {
  private static int shards(String... args) {
    PipelineOptions options = PipelineOptionsFactory.fromArgs(args).create();
    return ToMutations.defaultShards(options);
  }

  @Test
  void runnersInOneJvmGetFewShards() {
    assertEquals(ToMutations.DIRECT_RUNNER_SHARDS, shards("--runner=DirectRunner"));
    assertEquals(ToMutations.DIRECT_RUNNER_SHARDS, shards("--runner=FlinkRunner"));
    assertEquals(ToMutations.DIRECT_RUNNER_SHARDS, shards("--runner=FlinkRunner", "--flinkMaster=[local]"));
  }

  @Test
  void aFlinkClusterGetsTheDefault() {
    assertEquals(ToMutations.DEFAULT_SHARDS, shards("--runner=FlinkRunner", "--flinkMaster=jobmanager:8081"));
  }
}

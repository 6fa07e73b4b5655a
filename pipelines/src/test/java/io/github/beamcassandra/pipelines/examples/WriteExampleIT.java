package io.github.beamcassandra.pipelines.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraExtension.class)
class WriteExampleIT {
  @Test
  void writesEveryRowButTheOnesWhoseAgeDoesNotFit(TestCassandra cassandra) {
    WriteExample.Options options = PipelineOptionsFactory.fromArgs(
        "--contactPoints=" + cassandra.contactPointsOption(), "--keyspace=" + cassandra.keyspace(),
        "--rows=5000").as(WriteExample.Options.class);

    WriteExample.run(options).waitUntilFinish();

    long count = cassandra.session().execute("SELECT count(*) FROM " + cassandra.keyspace() + ".people")
        .one().getLong(0);
    assertEquals(4995, count);
  }
}

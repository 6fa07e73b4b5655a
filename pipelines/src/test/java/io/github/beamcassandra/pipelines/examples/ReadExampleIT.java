package io.github.beamcassandra.pipelines.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import io.github.beamcassandra.transforms.Cassandra;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraExtension.class)
class ReadExampleIT {
  private static final int ROWS = 5000;

  @Test
  void readsThePeopleOfAnAgeAndCountsTheTableWrittenByTheWriteExample(TestCassandra cassandra) {
    long writtenFrom = micros(Instant.now().minus(1, ChronoUnit.SECONDS));
    WriteExample.run(PipelineOptionsFactory.fromArgs(
        "--contactPoints=" + cassandra.contactPointsOption(), "--keyspace=" + cassandra.keyspace(),
        "--rows=" + ROWS).as(WriteExample.Options.class)).waitUntilFinish();
    long writtenBy = micros(Instant.now().plus(1, ChronoUnit.SECONDS));

    ReadExample.Options options = PipelineOptionsFactory.fromArgs(
        "--contactPoints=" + cassandra.contactPointsOption(), "--keyspace=" + cassandra.keyspace(),
        "--minAge=70").as(ReadExample.Options.class);
    PipelineResult result = ReadExample.run(options);
    result.waitUntilFinish();
    ReadExample.Summary summary = ReadExample.summarize(result);

    long seniors = 0;
    for (long i = 0; i < ROWS; i++) {
      long age = WriteExample.person(i).getInt64("age");
      if (age >= 70 && age <= Integer.MAX_VALUE) {
        seniors++;
      }
    }
    long tableRows = cassandra.session()
        .execute("SELECT count(*) FROM " + cassandra.keyspace() + ".people").one().getLong(0);
    int ranges = Cassandra.read()
        .withConnection(CassandraConnection.create().withContactPoints(cassandra.contactPointsOption()))
        .withKeyspace(cassandra.keyspace()).withTable("people").tokenRanges().size();

    assertEquals(seniors, summary.peopleRead());
    assertEquals(tableRows, summary.tableRows());
    assertEquals(ROWS - ROWS / 1000, summary.tableRows(), "the rows whose age does not fit were not written");
    assertEquals(ranges, summary.rangesRead());
    assertTrue(writtenFrom <= summary.oldestWriteMicros()
            && summary.oldestWriteMicros() <= summary.newestWriteMicros()
            && summary.newestWriteMicros() <= writtenBy,
        "write times " + summary + " within the write, " + writtenFrom + " to " + writtenBy);
    assertTrue(summary.describe(options).startsWith("Read " + seniors + " people aged 70 or more from "
        + cassandra.keyspace() + ".people in " + ranges + " token ranges."), summary.describe(options));
  }

  private static long micros(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}

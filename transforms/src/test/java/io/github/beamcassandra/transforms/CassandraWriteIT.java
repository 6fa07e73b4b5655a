package io.github.beamcassandra.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraExtension.class)
class CassandraWriteIT {
  private static final Schema PERSON = Schema.builder()
      .addNullableStringField("id").addNullableStringField("name").addNullableInt64Field("age")
      .addNullableInt64Field("score").build();

  private static TestCassandra cassandra;
  private static CqlSession session;

  @BeforeAll
  static void createTables(TestCassandra c) {
    cassandra = c;
    session = c.session();
    String ks = c.keyspaceId().asCql(true);
    session.execute("CREATE TABLE " + ks + ".people (id uuid PRIMARY KEY, name text, age int, score bigint)");
    session.execute("CREATE TABLE " + ks + ".people_bulk (id uuid PRIMARY KEY, name text, age int, score bigint)");
    session.execute("CREATE TABLE " + ks + ".people_waited (id uuid PRIMARY KEY, name text, age int, score bigint)");
    session.execute("CREATE TABLE " + ks + ".readings (device text, seq int, value double,"
        + " PRIMARY KEY (device, seq))");
    session.execute("CREATE TABLE " + ks + ".devices (device text, seq int, value double,"
        + " PRIMARY KEY (device, seq))");
    session.execute("CREATE TABLE " + ks + ".hits (page text PRIMARY KEY, views counter, clicks counter)");
  }

  static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  static Cassandra.Write<org.apache.beam.sdk.values.Row> write(String table) {
    return Cassandra.<org.apache.beam.sdk.values.Row>write()
        .withConnection(CassandraConnection.create()
            .withContactPoints(cassandra.contactPointsOption())
            .withLocalDatacenter(cassandra.localDatacenter()))
        .withKeyspace(cassandra.keyspace())
        .withTable(table);
  }

  static org.apache.beam.sdk.values.Row person(Object id, String name, Long age, Long score) {
    return org.apache.beam.sdk.values.Row.withSchema(PERSON).addValues(
        id == null ? null : id.toString(), name, age, score).build();
  }

  /** Collects what a pipeline outputs, for assertions after it ran on the Direct runner. */
  static final Map<String, ConcurrentLinkedQueue<Object>> SINKS = new HashMap<>();

  static synchronized ConcurrentLinkedQueue<Object> sink(String name) {
    return SINKS.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>());
  }

  static <T> void collect(PCollection<T> values, String name) {
    sink(name).clear();
    values.apply("Collect " + name, ParDo.of(new DoFn<T, Void>() {
      @ProcessElement
      public void process(@Element T value) {
        sink(name).add(value);
      }
    }));
  }

  /** The write's statements_per_batch distribution, or null when it recorded none. */
  static DistributionResult statementsPerBatch(PipelineResult result) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(io.github.beamcassandra.transforms.write.WriteMutations.class,
            "statements_per_batch")).build());
    DistributionResult batches = null;
    for (MetricResult<DistributionResult> d : metrics.getDistributions()) {
      batches = d.getAttempted();
    }
    return batches;
  }

  static PipelineResult run(Pipeline p) {
    PipelineResult result = p.run();
    result.waitUntilFinish();
    return result;
  }

  @Test
  void insertsEveryValidRowAndReportsTheInvalidOnesWithTheirColumn() {
    List<org.apache.beam.sdk.values.Row> rows = new ArrayList<>();
    Map<UUID, String> expected = new HashMap<>();
    for (int i = 0; i < 2000; i++) {
      UUID id = UUID.randomUUID();
      rows.add(person(id, "person-" + i, (long) i, i * 1000L));
      expected.put(id, "person-" + i);
    }
    rows.add(person("not-a-uuid", "bad id", 1L, 1L));
    rows.add(person(UUID.randomUUID(), "too old", 3_000_000_000L, 1L));
    rows.add(person(null, "no id", 1L, 1L));

    Pipeline p = pipeline();
    CassandraWriteResult result = p.apply(Create.of(rows).withRowSchema(PERSON)).apply(write("people_bulk"));
    collect(result.getFailures(), "failures");
    collect(result.getCompletionSignal().apply(Sum.longsGlobally()), "written");
    run(p);

    Map<UUID, String> actual = new HashMap<>();
    for (Row row : session.execute("SELECT id, name FROM " + cassandra.keyspace() + ".people_bulk")) {
      actual.put(row.getUuid("id"), row.getString("name"));
    }
    assertEquals(expected.size(), actual.size());
    assertTrue(expected.equals(actual), "the table differs from the valid input rows");
    assertEquals(List.of(2000L), new ArrayList<>(sink("written")));

    Map<String, CassandraWriteFailure> failures = new HashMap<>();
    for (Object f : sink("failures")) {
      CassandraWriteFailure failure = (CassandraWriteFailure) f;
      failures.put(failure.column(), failure);
      assertEquals(CassandraWriteFailure.Stage.VALIDATION, failure.stage());
    }
    assertEquals(3, sink("failures").size(), sink("failures").toString());
    assertEquals("column id (uuid): 'not-a-uuid' is not a UUID", reasonOf("not-a-uuid"));
    assertTrue(failures.get("age").reason().contains("3000000000 is out of range for int"),
        failures.get("age").reason());
    assertTrue(sink("failures").stream().map(f -> ((CassandraWriteFailure) f).reason())
        .anyMatch(r -> r.equals("primary key column id is null")), sink("failures").toString());
  }

  private static String reasonOf(String badId) {
    for (Object f : sink("failures")) {
      CassandraWriteFailure failure = (CassandraWriteFailure) f;
      if (failure.record().contains(badId)) {
        return failure.reason();
      }
    }
    return "(none)";
  }

  @Test
  void deletesRowsWhoseFlagMatchesAndNeverWritesTheFlag() {
    Schema withOp = Schema.builder().addStringField("device").addInt32Field("seq")
        .addNullableDoubleField("value").addNullableStringField("op").build();
    session.execute("TRUNCATE " + cassandra.keyspace() + ".readings");
    for (int seq = 0; seq < 10; seq++) {
      session.execute("INSERT INTO " + cassandra.keyspace() + ".readings (device, seq, value) VALUES ('d1', "
          + seq + ", 1.0)");
    }
    List<org.apache.beam.sdk.values.Row> rows = new ArrayList<>();
    for (int seq = 0; seq < 10; seq++) {
      rows.add(org.apache.beam.sdk.values.Row.withSchema(withOp)
          .addValues("d1", seq, 2.0, seq % 2 == 0 ? "d" : "keep").build());
    }

    Pipeline p = pipeline();
    p.apply(Create.of(rows).withRowSchema(withOp)).apply(write("readings").withDeleteFlag("op", "D"));
    run(p);

    List<Integer> left = new ArrayList<>();
    for (Row row : session.execute("SELECT seq, value FROM " + cassandra.keyspace()
        + ".readings WHERE device = 'd1'")) {
      left.add(row.getInt("seq"));
      assertEquals(2.0, row.getDouble("value"));
    }
    assertEquals(List.of(1, 3, 5, 7, 9), left);
  }

  @Test
  void appliesTtlAndWritetimeFromColumns() {
    Schema schema = Schema.builder().addStringField("id").addStringField("name")
        .addInt32Field("ttl").addInt64Field("wt").build();
    UUID id = UUID.randomUUID();
    org.apache.beam.sdk.values.Row row = org.apache.beam.sdk.values.Row.withSchema(schema)
        .addValues(id.toString(), "timed", 3600, 1_600_000_000_000_000L).build();

    Pipeline p = pipeline();
    p.apply(Create.of(row).withRowSchema(schema))
        .apply(write("people").withTtlColumn("ttl").withWritetimeColumn("wt"));
    run(p);

    Row read = session.execute("SELECT name, TTL(name) AS t, WRITETIME(name) AS w FROM "
        + cassandra.keyspace() + ".people WHERE id = " + id).one();
    assertEquals("timed", read.getString("name"));
    int ttl = read.getInt("t");
    assertTrue(ttl > 3500 && ttl <= 3600, "ttl " + ttl);
    assertEquals(1_600_000_000_000_000L, read.getLong("w"));
  }

  @Test
  void appliesAFixedTtlAndWritetimeToEveryRow() {
    List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    List<org.apache.beam.sdk.values.Row> rows = new ArrayList<>();
    for (UUID id : ids) {
      rows.add(person(id, "fixed", 30L, 1L));
    }

    Pipeline p = pipeline();
    p.apply(Create.of(rows).withRowSchema(PERSON))
        .apply(write("people").withTtl(7200).withWritetime(1_500_000_000_000_001L));
    run(p);

    for (UUID id : ids) {
      Row read = session.execute("SELECT TTL(name) AS tn, TTL(age) AS ta, WRITETIME(name) AS wn,"
          + " WRITETIME(score) AS ws FROM " + cassandra.keyspace() + ".people WHERE id = " + id).one();
      for (String ttl : List.of("tn", "ta")) {
        int seconds = read.getInt(ttl);
        assertTrue(seconds > 7100 && seconds <= 7200, id + " " + ttl + " " + seconds);
      }
      assertEquals(1_500_000_000_000_001L, read.getLong("wn"));
      assertEquals(1_500_000_000_000_001L, read.getLong("ws"));
    }
  }

  @Test
  void theCompletionSignalHoldsBackAWaitOnUntilEveryRowIsWritten() {
    int rows = 2000;
    List<org.apache.beam.sdk.values.Row> people = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      people.add(person(UUID.randomUUID(), "waited", (long) i, null));
    }

    Pipeline p = pipeline();
    CassandraWriteResult written = p.apply("People", Create.of(people).withRowSchema(PERSON))
        .apply(write("people_waited"));
    String count = "SELECT count(*) FROM " + cassandra.keyspace() + ".people_waited";
    collect(p.apply("After the write", Create.of(count))
        .apply(Wait.on(written.getCompletionSignal()))
        .apply("Count the table", ParDo.of(new RunCount())), "countAfterWrite");
    run(p);

    assertEquals(List.of((long) rows), new ArrayList<>(sink("countAfterWrite")),
        "a count gated by Wait.on(getCompletionSignal()) sees every row");
  }

  /** Runs the {@code SELECT count(*)} it is given on the test's session. */
  static final class RunCount extends DoFn<String, Long> {
    @ProcessElement
    public void process(@Element String query, OutputReceiver<Long> out) {
      out.output(session.execute(query).one().getLong(0));
    }
  }

  @Test
  void nullsAreLeftAloneByDefaultAndWrittenWhenAsked() {
    UUID keep = UUID.randomUUID();
    UUID clear = UUID.randomUUID();
    for (UUID id : List.of(keep, clear)) {
      session.execute("INSERT INTO " + cassandra.keyspace() + ".people (id, name, age) VALUES ("
          + id + ", 'before', 7)");
    }

    Pipeline p = pipeline();
    p.apply("ignore", Create.of(person(keep, null, 8L, null)).withRowSchema(PERSON)).apply("w1", write("people"));
    p.apply("write", Create.of(person(clear, null, 8L, null)).withRowSchema(PERSON))
        .apply("w2", write("people").withIgnoreNulls(false));
    run(p);

    Row kept = session.execute("SELECT name, age FROM " + cassandra.keyspace() + ".people WHERE id = " + keep).one();
    assertEquals("before", kept.getString("name"));
    assertEquals(8, kept.getInt("age"));
    Row cleared = session.execute("SELECT name, age FROM " + cassandra.keyspace() + ".people WHERE id = " + clear).one();
    assertNull(cleared.getString("name"));
    assertEquals(8, cleared.getInt("age"));
  }

  @Test
  void addsCounterDeltas() {
    Schema schema = Schema.builder().addStringField("page").addInt64Field("views")
        .addNullableInt64Field("clicks").build();
    List<org.apache.beam.sdk.values.Row> rows = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      rows.add(org.apache.beam.sdk.values.Row.withSchema(schema).addValues("home", 2L, i % 2 == 0 ? 1L : null).build());
    }

    Pipeline p = pipeline();
    p.apply(Create.of(rows).withRowSchema(schema)).apply(write("hits"));
    run(p);

    Row row = session.execute("SELECT views, clicks FROM " + cassandra.keyspace() + ".hits WHERE page = 'home'").one();
    assertEquals(200L, row.getLong("views"));
    assertEquals(50L, row.getLong("clicks"));
  }

  @Test
  void aMutationTheServerRejectsReachesTheFailuresWhileTheRestLand() {
    Schema schema = Schema.builder().addStringField("device").addInt32Field("seq").addDoubleField("value").build();
    String hugeKey = "k".repeat(70_000);
    List<org.apache.beam.sdk.values.Row> rows = new ArrayList<>();
    rows.add(org.apache.beam.sdk.values.Row.withSchema(schema).addValues(hugeKey, 1, 1.0).build());
    for (int seq = 0; seq < 5; seq++) {
      rows.add(org.apache.beam.sdk.values.Row.withSchema(schema).addValues("ok-device", seq, 1.0).build());
    }

    Pipeline p = pipeline();
    CassandraWriteResult result = p.apply(Create.of(rows).withRowSchema(schema)).apply(write("readings"));
    collect(result.getFailures(), "rejected");
    run(p);

    assertEquals(1, sink("rejected").size(), sink("rejected").toString());
    CassandraWriteFailure failure = (CassandraWriteFailure) sink("rejected").peek();
    assertEquals(CassandraWriteFailure.Stage.WRITE, failure.stage());
    assertEquals("InvalidQueryException", failure.errorClass());
    assertTrue(failure.reason().contains("Key length of 70000 is longer than maximum of 65535"), failure.reason());
    assertEquals(5L, session.execute("SELECT count(*) FROM " + cassandra.keyspace()
        + ".readings WHERE device = 'ok-device'").one().getLong(0));
  }

  @Test
  void groupsWidePartitionsIntoBatches() {
    Schema schema = Schema.builder().addStringField("device").addInt32Field("seq").addDoubleField("value").build();
    List<org.apache.beam.sdk.values.Row> rows = new ArrayList<>();
    for (int d = 0; d < 20; d++) {
      for (int seq = 0; seq < 50; seq++) {
        rows.add(org.apache.beam.sdk.values.Row.withSchema(schema).addValues("wide-" + d, seq, seq * 1.5).build());
      }
    }

    Pipeline p = pipeline();
    p.apply(Create.of(rows).withRowSchema(schema)).apply(write("readings").withShards(4));
    PipelineResult result = run(p);

    long stored = 0;
    for (int d = 0; d < 20; d++) {
      stored += session.execute("SELECT count(*) FROM " + cassandra.keyspace()
          + ".readings WHERE device = 'wide-" + d + "'").one().getLong(0);
    }
    assertEquals(1000, stored);
    DistributionResult batches = statementsPerBatch(result);
    assertTrue(batches != null && batches.getCount() > 0, "no batches recorded: " + batches);
    assertTrue(batches.getSum() / batches.getCount() >= 10, "mean statements per batch " + batches);
  }

  @Test
  void replicaSetModeBatchesDistinctPartitionsAndStillIsolatesARejectedRow() {
    Schema schema = Schema.builder().addStringField("device").addInt32Field("seq").addDoubleField("value").build();
    List<org.apache.beam.sdk.values.Row> rows = new ArrayList<>();
    for (int d = 0; d < 300; d++) {
      rows.add(org.apache.beam.sdk.values.Row.withSchema(schema).addValues("device-" + d, 0, d * 0.5).build());
    }
    rows.add(org.apache.beam.sdk.values.Row.withSchema(schema).addValues("k".repeat(70_000), 0, 1.0).build());

    Pipeline p = pipeline();
    CassandraWriteResult result = p.apply(Create.of(rows).withRowSchema(schema))
        .apply(write("devices").withShards(4).withBatchMode(io.github.beamcassandra.transforms.write.BatchMode.REPLICA_SET)
            // Large enough for the bad row to share a batch, which the server then refuses whole.
            .withWriter(w -> w.withMaxBatchBytes(1_000_000)));
    collect(result.getFailures(), "replicaSetRejected");
    PipelineResult run = run(p);

    assertEquals(1, sink("replicaSetRejected").size(), sink("replicaSetRejected").toString());
    CassandraWriteFailure failure = (CassandraWriteFailure) sink("replicaSetRejected").peek();
    assertTrue(failure.reason().contains("Key length of 70000"), failure.reason());
    assertEquals(300L, session.execute("SELECT count(*) FROM " + cassandra.keyspace() + ".devices").one().getLong(0));
    DistributionResult batches = statementsPerBatch(run);
    assertTrue(batches != null && batches.getCount() > 0, "no batches recorded: " + batches);
    assertTrue(batches.getMax() <= 10, "at most 10 partitions per batch: " + batches);
    assertTrue(batches.getSum() / batches.getCount() >= 5, "mean statements per batch " + batches);
  }

  @Test
  void constructionFailsNamingTheProblem() {
    Schema noKey = Schema.builder().addStringField("name").build();
    Pipeline p = pipeline();
    PCollection<org.apache.beam.sdk.values.Row> rows = p.apply(Create.empty(noKey));

    IllegalArgumentException missingKey = assertThrows(IllegalArgumentException.class,
        () -> rows.apply("a", write("people")));
    assertTrue(missingKey.getMessage().startsWith("The input lacks primary key column(s) id of table "
        + cassandra.keyspace() + ".people"), missingKey.getMessage());

    IllegalArgumentException noTable = assertThrows(IllegalArgumentException.class,
        () -> rows.apply("b", write("nope")));
    assertEquals("Table " + cassandra.keyspace() + ".nope not found. Tables in " + cassandra.keyspace()
        + ": devices, hits, people, people_bulk, people_waited, readings", noTable.getMessage());

    Schema extra = Schema.builder().addStringField("id").addStringField("nickname").build();
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> p.apply("c", Create.empty(extra)).apply(write("people")));
    assertEquals("The input has columns that table " + cassandra.keyspace() + ".people lacks: nickname."
        + " Input columns: id, nickname; table columns: id, age, name, score.", unknown.getMessage());

    Schema wrongType = Schema.builder().addStringField("id").addBooleanField("age").build();
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> p.apply("d", Create.empty(wrongType)).apply(write("people")));
    assertEquals("Column age of " + cassandra.keyspace() + ".people: a Beam BOOLEAN can never become CQL int.",
        type.getMessage());

    IllegalArgumentException flag = assertThrows(IllegalArgumentException.class,
        () -> rows.apply("e", write("people").withDeleteFlag("op", "D")));
    assertTrue(flag.getMessage().startsWith("deleteFlagColumn op is not a column of the input."), flag.getMessage());

    IllegalArgumentException noKeyspace = assertThrows(IllegalArgumentException.class,
        () -> rows.apply("f", write("people").withKeyspace("missing_ks")));
    assertTrue(noKeyspace.getMessage().startsWith("Keyspace missing_ks not found. Keyspaces: "),
        noKeyspace.getMessage());
    assertTrue(noKeyspace.getMessage().contains(cassandra.keyspace()), noKeyspace.getMessage());
    assertFalse(noKeyspace.getMessage().contains("system_schema"), noKeyspace.getMessage());
  }

  @Test
  void transientErrorsAreRetriedThenReported() {
    // One node cannot answer consistency THREE: every attempt is Unavailable, a transient error.
    Pipeline p = pipeline();
    CassandraWriteResult result = p.apply(Create.of(person(UUID.randomUUID(), "x", 1L, 1L)).withRowSchema(PERSON))
        .apply(write("people").withWriter(w -> w.withConsistency("THREE").withMaxRetries(2)
            .withRetryBackoff(org.joda.time.Duration.millis(10), org.joda.time.Duration.millis(50))));
    collect(result.getFailures(), "unavailable");
    PipelineResult run = run(p);

    assertEquals(1, sink("unavailable").size(), sink("unavailable").toString());
    CassandraWriteFailure failure = (CassandraWriteFailure) sink("unavailable").peek();
    assertEquals("UnavailableException", failure.errorClass());
    assertTrue(failure.reason().endsWith("(after 2 retries)"), failure.reason());
    assertTrue(failure.record().startsWith("UPSERT " + cassandra.keyspace() + ".people {id="), failure.record());
    assertEquals(2L, counter(run, "retries"));
  }

  @Test
  void failOnErrorFailsThePipelineNamingTheTable() {
    Pipeline p = pipeline();
    p.apply(Create.of(person(UUID.randomUUID(), "x", 1L, 1L)).withRowSchema(PERSON))
        .apply(write("people").withFailOnError(true).withConsistency("THREE")
            .withWriter(w -> w.withMaxRetries(0)));

    Exception e = assertThrows(Exception.class, () -> run(p));
    assertTrue(e.getMessage().contains("Writing to " + cassandra.keyspace() + ".people failed: 1 mutation(s)"
        + " could not be written"), e.getMessage());
  }

  @Test
  void streamingInputIsFlushedByTheBufferingTimer() {
    org.apache.beam.sdk.testing.TestStream<org.apache.beam.sdk.values.Row> stream =
        org.apache.beam.sdk.testing.TestStream.create(org.apache.beam.sdk.coders.RowCoder.of(PERSON))
            .addElements(person(UUID.randomUUID(), "s1", 1L, 1L), person(UUID.randomUUID(), "s2", 2L, 2L))
            .advanceProcessingTime(org.joda.time.Duration.standardSeconds(10))
            .addElements(person(UUID.randomUUID(), "s3", 3L, 3L))
            .advanceWatermarkToInfinity();

    Pipeline p = pipeline();
    CassandraWriteResult result = p.apply(stream).apply(write("people").withShards(1)
        .withMaxBufferingDuration(org.joda.time.Duration.standardSeconds(5)));
    collect(result.getCompletionSignal(), "flushes");
    run(p);

    List<Object> flushes = new ArrayList<>(sink("flushes"));
    flushes.sort(java.util.Comparator.comparing(o -> (Long) o));
    // Without the processing-time timer the three rows would be written in one flush at the end.
    assertEquals(List.of(1L, 2L), flushes);
  }

  @Test
  void failuresAlsoReachBeamsBadRecordErrorHandler() {
    Pipeline p = pipeline();
    org.apache.beam.sdk.transforms.errorhandling.ErrorHandler.BadRecordErrorHandler<
        org.apache.beam.sdk.values.PDone> handler = p.registerBadRecordErrorHandler(new CollectBadRecords());
    p.apply(Create.of(person("not-a-uuid", "x", 1L, 1L), person(UUID.randomUUID(), "ok", 2L, 2L))
            .withRowSchema(PERSON))
        .apply(write("people").withBadRecordErrorHandler(handler));
    handler.close();
    run(p);

    assertEquals(1, sink("badRecords").size(), sink("badRecords").toString());
    org.apache.beam.sdk.transforms.errorhandling.BadRecord bad =
        (org.apache.beam.sdk.transforms.errorhandling.BadRecord) sink("badRecords").peek();
    assertEquals("ConversionException: column id (uuid): 'not-a-uuid' is not a UUID",
        bad.getFailure().getException());
    assertTrue(bad.getRecord().getHumanReadableJsonRecord().contains("\"column\":\"id\""),
        bad.getRecord().getHumanReadableJsonRecord());
  }

  /** A dead-letter sink that keeps what it gets for the test to read. */
  static final class CollectBadRecords extends org.apache.beam.sdk.transforms.PTransform<
      PCollection<org.apache.beam.sdk.transforms.errorhandling.BadRecord>, org.apache.beam.sdk.values.PDone> {
    @Override
    public org.apache.beam.sdk.values.PDone expand(
        PCollection<org.apache.beam.sdk.transforms.errorhandling.BadRecord> input) {
      collect(input, "badRecords");
      return org.apache.beam.sdk.values.PDone.in(input.getPipeline());
    }
  }

  static long counter(PipelineResult result, String name) {
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(io.github.beamcassandra.transforms.write.WriteMutations.class,
            name)).build());
    long total = 0;
    for (MetricResult<Long> c : metrics.getCounters()) {
      total += c.getAttempted();
    }
    return total;
  }
}

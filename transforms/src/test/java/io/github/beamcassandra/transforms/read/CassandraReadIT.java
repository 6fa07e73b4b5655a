package io.github.beamcassandra.transforms.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import io.github.beamcassandra.transforms.Cassandra;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.mutation.MutationLayout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CassandraExtension.class)
class CassandraReadIT {
  private static final int[] SIZES = {0, 1, 1000, 100_000};
  private static final int[] SPLITS = {1, 7, 64, 1000};
  static final Map<String, ConcurrentLinkedQueue<Object>> SINKS = new ConcurrentHashMap<>();

  private static TestCassandra cassandra;
  private static CqlSession session;

  @BeforeAll
  static void load(TestCassandra c) throws Exception {
    cassandra = c;
    session = c.session();
    for (int size : SIZES) {
      session.execute("CREATE TABLE " + c.keyspace() + ".t" + size + " (id bigint PRIMARY KEY, v text)");
      insert("t" + size, size);
    }
  }

  /** Inserts ids 0..n-1 with an async loop (128 in flight). */
  static void insert(String table, int n) throws Exception {
    PreparedStatement insert = session.prepare("INSERT INTO " + cassandra.keyspace() + "." + table
        + " (id, v) VALUES (?, ?)");
    Semaphore inFlight = new Semaphore(128);
    List<CompletionStage<AsyncResultSet>> all = new ArrayList<>();
    for (long i = 0; i < n; i++) {
      inFlight.acquire();
      CompletionStage<AsyncResultSet> f = session.executeAsync(insert.bind(i, "v" + i));
      f.whenComplete((r, e) -> inFlight.release());
      all.add(f);
    }
    for (CompletionStage<AsyncResultSet> f : all) {
      f.toCompletableFuture().get();
    }
  }

  static CassandraRead read(String table) {
    return Cassandra.read()
        .withConnection(CassandraConnection.create().withContactPoints(cassandra.contactPointsOption())
            .withLocalDatacenter(cassandra.localDatacenter()))
        .withKeyspace(cassandra.keyspace()).withTable(table);
  }

  static ConcurrentLinkedQueue<Object> sink(String name) {
    return SINKS.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>());
  }

  static final class Collect<T> extends DoFn<T, Void> {
    private final String name;

    Collect(String name) {
      this.name = name;
    }

    @ProcessElement
    public void process(@Element T value) {
      sink(name).add(value);
    }
  }

  static <T> void collect(PCollection<T> values, String name) {
    sink(name).clear();
    values.apply("Collect " + name, ParDo.of(new Collect<>(name)));
  }

  static Pipeline pipeline() {
    return Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
  }

  @Test
  void readsAndCountsEveryRowExactlyOnceWhateverTheSplits() {
    for (int size : SIZES) {
      for (int splits : SPLITS) {
        long started = System.nanoTime();
        Pipeline p = pipeline();
        PCollection<Row> rows = p.apply("Read", read("t" + size).withSplits(splits));
        collect(rows, "rows");
        collect(p.apply("Count", Cassandra.count()
            .withConnection(CassandraConnection.create().withContactPoints(cassandra.contactPointsOption())
                .withLocalDatacenter(cassandra.localDatacenter()))
            .withKeyspace(cassandra.keyspace()).withTable("t" + size).withSplits(splits)), "count");
        p.run().waitUntilFinish();

        List<Long> ids = new ArrayList<>();
        for (Object o : sink("rows")) {
          Row row = (Row) o;
          ids.add(row.getInt64("id"));
          assertEquals("v" + row.getInt64("id"), row.getString("v"));
        }
        Collections.sort(ids);
        String where = size + " rows, " + splits + " splits";
        assertEquals(size, ids.size(), where);
        for (int i = 0; i < size; i++) {
          if (ids.get(i) != i) {
            throw new AssertionError(where + ": missing or duplicated id near " + i);
          }
        }
        long serverCount = session.execute("SELECT count(*) FROM " + cassandra.keyspace() + ".t" + size)
            .one().getLong(0);
        assertEquals(List.of(serverCount), new ArrayList<>(sink("count")), where);
        System.out.printf("read + count of %s: %.1f s%n", where, (System.nanoTime() - started) / 1e9);
      }
    }
  }

  @Test
  void aRowWhoseTokenIsARangeBoundaryBelongsToExactlyOneSide() {
    long id = 42;
    long token = MutationLayout.token(ByteBuffer.allocate(8).putLong(0, id).array());
    CassandraRead.Plan plan = read("t1000").withSplits(1).plan();
    TokenRange left = new TokenRange(TokenRanges.MIN, true, token, List.of());
    TokenRange right = new TokenRange(token, false, TokenRanges.MAX, List.of());
    Set<Long> leftIds = new HashSet<>();
    for (com.datastax.oss.driver.api.core.cql.Row r : session.execute(
        session.prepare(plan.query.select(true)).bind(left.start(), left.end()))) {
      leftIds.add(r.getLong("id"));
    }
    Set<Long> rightIds = new HashSet<>();
    for (com.datastax.oss.driver.api.core.cql.Row r : session.execute(
        session.prepare(plan.query.select(false)).bind(right.start(), right.end()))) {
      rightIds.add(r.getLong("id"));
    }
    assertTrue(leftIds.contains(id));
    assertTrue(!rightIds.contains(id));
    assertEquals(1000, leftIds.size() + rightIds.size());
  }

  @Test
  void rowsWhoseTokensAreNearestTheRingsEndsAreReadOnceWhateverTheSplits() {
    // Of 200,000 candidate ids, the 3 whose tokens are lowest (in the range after the minimum token)
    // and the 3 whose tokens are highest (in the range that wraps around), with 50 ordinary ones.
    TreeMap<Long, Long> idByToken = new TreeMap<>();
    for (long id = 0; id < 200_000; id++) {
      idByToken.put(MutationLayout.token(ByteBuffer.allocate(8).putLong(0, id).array()), id);
    }
    Set<Long> ids = new TreeSet<>();
    ids.addAll(idByToken.values().stream().limit(3).toList());
    ids.addAll(idByToken.descendingMap().values().stream().limit(3).toList());
    LongStream.range(0, 50).forEach(ids::add);
    assertTrue(idByToken.firstKey() < TokenRanges.MIN + (1L << 50), "a token near the minimum");
    assertTrue(idByToken.lastKey() > TokenRanges.MAX - (1L << 50), "a token near the maximum");
    session.execute("CREATE TABLE IF NOT EXISTS " + cassandra.keyspace() + ".edges (id bigint PRIMARY KEY, v text)");
    PreparedStatement insert = session.prepare("INSERT INTO " + cassandra.keyspace() + ".edges (id, v) VALUES (?, ?)");
    ids.forEach(id -> session.execute(insert.bind(id, "v" + id)));

    for (int splits : new int[] {1, 2, 7, 1000}) {
      Pipeline p = pipeline();
      collect(p.apply(read("edges").withSplits(splits)), "edges");
      p.run().waitUntilFinish();
      List<Long> read = new ArrayList<>();
      sink("edges").forEach(o -> read.add(((Row) o).getInt64("id")));
      assertEquals(ids.size(), read.size(), splits + " splits: no row read twice");
      assertEquals(ids, new TreeSet<>(read), splits + " splits");
    }
  }

  @Test
  void skippedRangesAreNotReadAndTheRestIs() {
    CassandraRead all = read("t1000").withSplits(8);
    List<TokenRange> ranges = all.plan().ranges;
    Set<String> skip = Set.of(ranges.get(0).id(), ranges.get(5).id());

    Pipeline p = pipeline();
    collect(p.apply(all.withSkippedRanges(skip)), "rest");
    p.run().waitUntilFinish();

    Set<Long> expected = new TreeSet<>();
    for (long id = 0; id < 1000; id++) {
      long token = MutationLayout.token(ByteBuffer.allocate(8).putLong(0, id).array());
      if (!ranges.get(0).contains(token) && !ranges.get(5).contains(token)) {
        expected.add(id);
      }
    }
    List<Long> read = new ArrayList<>();
    sink("rest").forEach(o -> read.add(((Row) o).getInt64("id")));
    assertEquals(expected.size(), read.size(), "no row read twice");
    assertEquals(expected, new TreeSet<>(read), "exactly the rows outside the skipped ranges");
    assertTrue(expected.size() < 1000 && expected.size() > 0, "the skipped ranges held no rows: " + expected.size());
  }

  @Test
  void aConditionIsAppliedByTheServerWithinEveryRangeAndCountedTheSame() {
    String condition = "v >= 'v9'";
    Set<Long> expected = new TreeSet<>();
    for (long id = 0; id < 1000; id++) {
      if (("v" + id).compareTo("v9") >= 0) {
        expected.add(id);
      }
    }

    Pipeline p = pipeline();
    collect(p.apply("Read", read("t1000").withSplits(7).withCondition(condition)), "matching");
    collect(p.apply("Count", Cassandra.count()
        .withConnection(CassandraConnection.create().withContactPoints(cassandra.contactPointsOption())
            .withLocalDatacenter(cassandra.localDatacenter()))
        .withKeyspace(cassandra.keyspace()).withTable("t1000").withSplits(7).withCondition(condition)),
        "matchingCount");
    PipelineResult result = p.run();
    result.waitUntilFinish();

    List<Long> read = new ArrayList<>();
    sink("matching").forEach(o -> read.add(((Row) o).getInt64("id")));
    assertEquals(expected.size(), read.size(), "no row read twice");
    assertEquals(expected, new TreeSet<>(read));
    assertEquals(List.of((long) expected.size()), new ArrayList<>(sink("matchingCount")));
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(CassandraCount.class)).build());
    long countedRanges = 0;
    for (MetricResult<Long> counter : metrics.getCounters()) {
      if (counter.getName().getName().equals("ranges_done")) {
        countedRanges += counter.getAttempted();
      }
    }
    long timedRanges = 0;
    for (MetricResult<DistributionResult> distribution : metrics.getDistributions()) {
      if (distribution.getName().getName().equals("range_latency_ms")) {
        timedRanges += distribution.getAttempted().getCount();
        assertTrue(distribution.getAttempted().getMin() >= 0, "latency " + distribution.getAttempted());
      }
    }
    assertEquals(7, countedRanges, "each of the 7 splits counted once");
    assertEquals(7, timedRanges, "each counted range's latency recorded");
  }

  @Test
  void aConditionTheServerRefusesFailsAtConstructionNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> read("t1000").withCondition("no_such_column = 1").plan());
    assertTrue(e.getMessage().contains("no_such_column"), e.getMessage());
  }

  /** Collects each committed range's ids in memory; drops what is written without a commit. */
  static final class MemoryRangeSink implements RangeSink {
    static final Map<String, List<Long>> COMMITTED = new ConcurrentHashMap<>();
    static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    public RangeWriter open(TokenRange range, Schema schema) {
      OPENED.incrementAndGet();
      List<Long> ids = new ArrayList<>();
      return new RangeWriter() {
        @Override
        public void write(Row row) {
          ids.add(row.getInt64("id"));
        }

        @Override
        public void commit() {
          assertTrue(COMMITTED.putIfAbsent(range.id(), List.copyOf(ids)) == null,
              "range committed twice: " + range.id());
        }

        @Override
        public void close() {}
      };
    }
  }

  @Test
  void aRangeSinkGetsEveryRowOnceAndEachRangeIsReportedAfterItsCommit() {
    MemoryRangeSink.COMMITTED.clear();
    MemoryRangeSink.OPENED.set(0);
    Pipeline p = pipeline();
    collect(p.apply(read("t1000").withSplits(16).toRangeSink(new MemoryRangeSink())), "completed");
    p.run().waitUntilFinish();

    assertEquals(16, MemoryRangeSink.OPENED.get());
    assertEquals(16, MemoryRangeSink.COMMITTED.size());
    List<Long> ids = new ArrayList<>();
    MemoryRangeSink.COMMITTED.values().forEach(ids::addAll);
    Collections.sort(ids);
    assertEquals(LongStream.range(0, 1000).boxed().collect(Collectors.toList()), ids);
    assertEquals(16, sink("completed").size());
    for (Object done : sink("completed")) {
      @SuppressWarnings("unchecked")
      KV<String, Long> range = (KV<String, Long>) done;
      assertEquals(MemoryRangeSink.COMMITTED.get(range.getKey()).size(), range.getValue().longValue(),
          "the completed record of " + range.getKey());
    }
  }

  @Test
  void writetimeAndTtlFieldsMatchTheServer() {
    session.execute("CREATE TABLE IF NOT EXISTS " + cassandra.keyspace() + ".meta (id int PRIMARY KEY, v text)");
    session.execute("INSERT INTO " + cassandra.keyspace() + ".meta (id, v) VALUES (1, 'x') USING TTL 5000"
        + " AND TIMESTAMP 1234567890");

    Pipeline p = pipeline();
    collect(p.apply(read("meta").withWritetimeOf(List.of("v")).withTtlOf(List.of("v"))), "meta");
    p.run().waitUntilFinish();

    Row row = (Row) sink("meta").peek();
    assertEquals(1234567890L, row.getInt64("v_writetime"));
    int ttl = row.getInt32("v_ttl");
    assertTrue(ttl > 4900 && ttl <= 5000, "ttl " + ttl);
  }

  @Test
  void aRangeThatKeepsFailingFailsThePipelineNamingIt() {
    Pipeline p = pipeline();
    p.apply(read("t1").withSplits(2).withConsistency("THREE").withMaxRetries(1));
    Exception e = assertThrows(Exception.class, () -> p.run().waitUntilFinish());
    assertTrue(e.getMessage().contains("Reading token range "), e.getMessage());
    assertTrue(e.getMessage().contains("failed after 1 retries: UnavailableException"), e.getMessage());
  }
  @Test
  void whenAskedFailedRangesAreOutputAndThePipelineCarriesOn() {
    CassandraRead unreadable = read("t1000").withSplits(2).withConsistency("THREE").withMaxRetries(0)
        .withFailedRangesOutput();
    Set<String> rangeIds = new TreeSet<>();
    unreadable.tokenRanges().forEach(r -> rangeIds.add(r.id()));

    Pipeline p = pipeline();
    CassandraReadResult result = p.apply(unreadable.withProgress());
    collect(result.getRows(), "failedRows");
    collect(result.getCompletedRanges(), "failedCompleted");
    collect(result.getFailedRanges(), "failed");
    p.run().waitUntilFinish();

    assertEquals(0, sink("failedRows").size());
    assertEquals(0, sink("failedCompleted").size());
    Set<String> failedIds = new TreeSet<>();
    for (Object o : sink("failed")) {
      @SuppressWarnings("unchecked")
      KV<String, String> failed = (KV<String, String>) o;
      failedIds.add(failed.getKey());
      assertTrue(failed.getValue().startsWith("Reading token range " + failed.getKey() + " of "
          + cassandra.keyspace() + ".t1000 failed after 0 retries: UnavailableException"), failed.getValue());
      assertTrue(failed.getValue().endsWith("; 0 of its rows were output before it failed"), failed.getValue());
    }
    assertEquals(rangeIds, failedIds, "each range reported once");

    IllegalArgumentException withoutProgress = assertThrows(IllegalArgumentException.class,
        () -> pipeline().apply(read("t1000").withFailedRangesOutput()));
    assertEquals("withFailedRangesOutput() needs withProgress(), whose result holds the failed ranges"
        + " (getFailedRanges()); without it they would be lost", withoutProgress.getMessage());
  }

}

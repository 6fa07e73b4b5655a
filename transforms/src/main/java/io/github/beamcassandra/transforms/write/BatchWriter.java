package io.github.beamcassandra.transforms.write;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import io.github.beamcassandra.transforms.CassandraWriteFailure;
import io.github.beamcassandra.transforms.connection.DriverErrors;
import io.github.beamcassandra.transforms.connection.SessionCache;
import io.github.beamcassandra.transforms.mutation.Mutation;
import io.github.beamcassandra.transforms.mutation.MutationLayout;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes groups of mutations: by partition into UNLOGGED batches (COUNTER batches for counters; one
 * partition per batch, at most {@code maxBatchStatements} statements and {@code maxBatchBytes}; a
 * partition with one mutation is a plain statement), asynchronously, with at most {@code
 * maxConcurrentRequests} requests in flight per JVM for this write. Transient errors are retried with
 * exponential backoff and jitter; a batch the server refuses is retried statement by statement so
 * only the bad mutation fails. Every outcome is reported to the caller, none is dropped.
 *
 * <p>Not thread-safe for callers: one DoFn instance uses one writer from its own thread; the driver's
 * threads only complete requests.
 */
final class BatchWriter {
  /** One in-flight limit per applied write per JVM, shared by its DoFn instances. */
  private static final Map<String, Semaphore> PERMITS = new ConcurrentHashMap<>();
  private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "beam-cassandra-retry");
    t.setDaemon(true);
    return t;
  });

  /** The outcome of one flush: how many mutations were written and what failed. */
  static final class Outcome<C> {
    final C context;
    final AtomicLong written = new AtomicLong();
    final ConcurrentLinkedQueue<CassandraWriteFailure> failures = new ConcurrentLinkedQueue<>();

    Outcome(C context) {
      this.context = context;
    }
  }

  /** Counts kept by the driver's threads and handed to Beam metrics on the DoFn's thread. */
  static final class Stats {
    final AtomicLong mutationsWritten = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong statements = new AtomicLong();
    final AtomicLong statementsMin = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong statementsMax = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong latencyMillisSum = new AtomicLong();
    final AtomicLong latencyMillisMax = new AtomicLong();
  }

  private final WriteSpec spec;
  private final MutationLayout layout;
  private final Stats stats = new Stats();
  private final List<CompletableFuture<Void>> pending = new ArrayList<>();
  private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();
  private CqlSession session;
  private Semaphore permits;
  private ConsistencyLevel consistency;
  private List<TypeCodec<Object>> codecs;

  BatchWriter(WriteSpec spec) {
    this.spec = spec;
    this.layout = spec.layout;
  }

  /**
   * Opens on first use rather than in {@code @Setup}: Beam 2.62's Spark runner fires timers after
   * {@code @Teardown} of the same instance, and those flushes must still be written.
   */
  private void ensureOpen() {
    if (session != null) {
      return;
    }
    session = SessionCache.acquire(spec.connection);
    permits = PERMITS.computeIfAbsent(spec.id, id -> new Semaphore(spec.maxConcurrentRequests));
    consistency = DefaultConsistencyLevel.valueOf(spec.consistency);
    codecs = layout.codecs();
  }

  void close() {
    if (session != null) {
      awaitAll();
      session = null;
      prepared.clear();
      SessionCache.release(spec.connection);
    }
  }

  Stats stats() {
    return stats;
  }

  /**
   * Starts writing {@code mutations}; returns once every request is sent (blocking while the
   * in-flight limit is reached). Call {@link #awaitAll()} before the bundle commits.
   */
  <C> void write(List<Mutation> mutations, Outcome<C> outcome) {
    ensureOpen();
    for (List<Mutation> group : groups(mutations, spec.maxBatchStatements, spec.maxBatchBytes)) {
      submit(group, outcome);
    }
  }

  /**
   * Splits mutations into statement groups: one partition per group, in arrival order within it, at
   * most {@code maxStatements} mutations and (unless one mutation alone is larger) {@code maxBytes}.
   */
  static List<List<Mutation>> groups(List<Mutation> mutations, int maxStatements, int maxBytes) {
    Map<ByteBuffer, List<Mutation>> partitions = new LinkedHashMap<>();
    for (Mutation m : mutations) {
      partitions.computeIfAbsent(ByteBuffer.wrap(m.partitionKey()), k -> new ArrayList<>()).add(m);
    }
    List<List<Mutation>> groups = new ArrayList<>();
    for (List<Mutation> partition : partitions.values()) {
      List<Mutation> group = new ArrayList<>();
      int groupBytes = 0;
      for (Mutation m : partition) {
        boolean kindChanges = !group.isEmpty() && isCounter(group.get(0)) != isCounter(m);
        if (!group.isEmpty() && (group.size() >= maxStatements
            || groupBytes + m.sizeBytes() > maxBytes || kindChanges)) {
          groups.add(group);
          group = new ArrayList<>();
          groupBytes = 0;
        }
        group.add(m);
        groupBytes += m.sizeBytes();
      }
      groups.add(group);
    }
    return groups;
  }

  /** Waits until every request started by {@link #write} has finished (written or reported). */
  void awaitAll() {
    try {
      CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
    } finally {
      pending.clear();
    }
  }

  private <C> void submit(List<Mutation> group, Outcome<C> outcome) {
    Statement<?> statement = statementFor(group);
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a free request slot", e);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    pending.add(done);
    execute(statement, group, 0, outcome).whenComplete((ignored, error) -> {
      permits.release();
      done.complete(null);
    });
  }

  /** Runs {@code statement} with retries; completes (never exceptionally) once the group is settled. */
  private <C> CompletionStage<Void> execute(Statement<?> statement, List<Mutation> group, int attempt,
      Outcome<C> outcome) {
    long start = System.nanoTime();
    CompletableFuture<Void> settled = new CompletableFuture<>();
    CompletionStage<AsyncResultSet> request;
    try {
      request = session.executeAsync(statement);
    } catch (RuntimeException e) {
      request = CompletableFuture.failedFuture(e);
    }
    request.whenComplete((rs, error) -> {
      long nanos = System.nanoTime() - start;
      long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
      WriteLatencies.record(spec.layout.table().qualifiedName(), TimeUnit.NANOSECONDS.toMicros(nanos));
      stats.requests.incrementAndGet();
      stats.latencyMillisSum.addAndGet(millis);
      stats.latencyMillisMax.accumulateAndGet(millis, Math::max);
      if (error == null) {
        if (group.size() > 1) {
          stats.batches.incrementAndGet();
          stats.statements.addAndGet(group.size());
          stats.statementsMin.accumulateAndGet(group.size(), Math::min);
          stats.statementsMax.accumulateAndGet(group.size(), Math::max);
        }
        stats.mutationsWritten.addAndGet(group.size());
        outcome.written.addAndGet(group.size());
        settled.complete(null);
      } else if (DriverErrors.isTransient(error) && attempt < spec.maxRetries
          && !isCounter(group.get(0))) {
        stats.retries.incrementAndGet();
        RETRIES.schedule(
            () -> execute(statement, group, attempt + 1, outcome).whenComplete((v, e) -> settled.complete(null)),
            backoffMillis(attempt), TimeUnit.MILLISECONDS);
      } else if (group.size() > 1 && !DriverErrors.isTransient(error)) {
        // The server refused the batch (e.g. one bad value, or too large): find the culprits one by one.
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (Mutation m : group) {
          List<Mutation> single = List.of(m);
          chain = chain.thenCompose(v -> execute(statementFor(single), single, 0, outcome));
        }
        chain.whenComplete((v, e) -> settled.complete(null));
      } else {
        for (Mutation m : group) {
          fail(m, error, attempt, outcome);
        }
        settled.complete(null);
      }
    });
    return settled;
  }

  private <C> void fail(Mutation m, Throwable error, int attempt, Outcome<C> outcome) {
    Throwable cause = DriverErrors.unwrap(error);
    String reason = DriverErrors.describe(error)
        + (attempt > 0 ? " (after " + attempt + " retries)" : "");
    stats.failures.incrementAndGet();
    String record;
    try {
      record = layout.describe(m, codecs);
    } catch (RuntimeException e) {
      record = m.toString();
    }
    outcome.failures.add(new CassandraWriteFailure(
        CassandraWriteFailure.Stage.WRITE, record, null, reason, cause.getClass().getSimpleName()));
  }

  private long backoffMillis(int attempt) {
    long base = spec.initialBackoff.getMillis() << Math.min(attempt, 20);
    long capped = Math.min(spec.maxBackoff.getMillis(), base);
    return (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble()));
  }

  private static boolean isCounter(Mutation m) {
    return m.kind() == Mutation.Kind.COUNTER;
  }

  private Statement<?> statementFor(List<Mutation> group) {
    if (group.size() == 1) {
      return bind(group.get(0)).setConsistencyLevel(consistency).setIdempotent(!isCounter(group.get(0)));
    }
    BatchStatementBuilder batch = BatchStatement.builder(
        isCounter(group.get(0)) ? BatchType.COUNTER : BatchType.UNLOGGED);
    for (Mutation m : group) {
      batch.addStatement(bind(m));
    }
    return batch.setConsistencyLevel(consistency).setIdempotence(!isCounter(group.get(0))).build();
  }

  private BoundStatement bind(Mutation m) {
    switch (m.kind()) {
      case UPSERT: {
        BoundStatementBuilder b = prepared("insert:" + m.hasTtl() + ":" + m.hasWritetime(),
            () -> layout.insertCql(m.hasTtl(), m.hasWritetime())).boundStatementBuilder();
        int n = layout.columns().size();
        for (int i = 0; i < n; i++) {
          if (!m.isUnset(i)) {
            b.setBytesUnsafe(i, m.isNull(i) ? null : ByteBuffer.wrap(m.value(i)));
          }
        }
        int next = n;
        if (m.hasTtl()) {
          b.setInt(next++, m.ttlSeconds());
        }
        if (m.hasWritetime()) {
          b.setLong(next, m.writetimeMicros());
        }
        return b.build();
      }
      case DELETE: {
        BoundStatementBuilder b = prepared("delete:" + m.hasWritetime(),
            () -> layout.deleteCql(m.hasWritetime())).boundStatementBuilder();
        int next = 0;
        if (m.hasWritetime()) {
          b.setLong(next++, m.writetimeMicros());
        }
        for (int i = 0; i < layout.primaryKeySize(); i++) {
          b.setBytesUnsafe(next++, ByteBuffer.wrap(m.value(i)));
        }
        return b.build();
      }
      case COUNTER: {
        BoundStatementBuilder b = prepared("counter", layout::counterCql).boundStatementBuilder();
        int keys = layout.primaryKeySize();
        int deltas = layout.columns().size() - keys;
        for (int i = 0; i < deltas; i++) {
          if (!m.isUnset(keys + i)) {
            b.setBytesUnsafe(i, ByteBuffer.wrap(m.value(keys + i)));
          }
        }
        for (int i = 0; i < keys; i++) {
          b.setBytesUnsafe(deltas + i, ByteBuffer.wrap(m.value(i)));
        }
        return b.build();
      }
      default:
        throw new IllegalStateException("Unknown mutation kind " + m.kind());
    }
  }

  private PreparedStatement prepared(String key, java.util.function.Supplier<String> cql) {
    PreparedStatement statement = prepared.get(key);
    if (statement == null) {
      statement = session.prepare(cql.get());
      prepared.put(key, statement);
    }
    return statement;
  }
}

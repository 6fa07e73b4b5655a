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
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import io.github.beamcassandra.transforms.CassandraWriteFailure;
import io.github.beamcassandra.transforms.connection.DriverErrors;
import io.github.beamcassandra.transforms.connection.SessionCache;
import io.github.beamcassandra.transforms.mutation.Mutation;
import io.github.beamcassandra.transforms.mutation.MutationLayout;
import io.github.beamcassandra.transforms.schema.TableSpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import java.util.function.Function;

/**
 * Writes groups of mutations: by partition into UNLOGGED batches (COUNTER batches for counters; one
 * partition per batch, at most {@code maxBatchStatements} statements and {@code maxBatchBytes}; a
 * partition with one mutation is a plain statement; with {@link BatchMode#REPLICA_SET}, up to
 * {@value #MAX_PARTITIONS_PER_BATCH} partitions that share their replicas per batch), asynchronously,
 * with at most {@code maxConcurrentRequests} requests in flight per JVM for this write. Transient
 * errors are retried with exponential backoff and jitter; a batch the server refuses is retried
 * statement by statement so only the bad mutation fails. Every outcome is reported to the caller,
 * none is dropped.
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
  /**
   * Partitions in one {@link BatchMode#REPLICA_SET} batch: Cassandra's default
   * {@code unlogged_batch_across_partitions_warn_threshold}, above which the server logs a warning.
   */
  static final int MAX_PARTITIONS_PER_BATCH = 10;
  private static final int DELETE = 4;
  private static final int COUNTER = 6;
  private final PreparedStatement[] prepared = new PreparedStatement[7];
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
      Arrays.fill(prepared, null);
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
    List<List<Mutation>> groups =
        groups(mutations, layout.primaryKeySize(), spec.maxBatchStatements, spec.maxBatchBytes);
    if (spec.batchMode == BatchMode.REPLICA_SET && spec.maxBatchStatements > 1) {
      groups = byReplicas(groups, replicasOf(), spec.maxBatchStatements, spec.maxBatchBytes);
    }
    for (List<Mutation> group : groups) {
      submit(group, outcome);
    }
  }

  /** The replicas of a mutation's partition as the driver's token map has them; null when unknown. */
  private Function<Mutation, Object> replicasOf() {
    TokenMap tokens = session.getMetadata().getTokenMap().orElse(null);
    if (tokens == null) {
      return m -> null;
    }
    com.datastax.oss.driver.api.core.CqlIdentifier keyspace =
        TableSpec.identifier(layout.table().keyspace());
    return m -> {
      Set<?> replicas = tokens.getReplicas(keyspace, ByteBuffer.wrap(m.partitionKey()));
      return replicas.isEmpty() ? null : replicas;
    };
  }

  /**
   * {@link BatchMode#REPLICA_SET}: puts partition groups (from {@link #groups}) whose replicas are the
   * same nodes into one batch, at most {@value #MAX_PARTITIONS_PER_BATCH} partitions, {@code
   * maxStatements} mutations and (unless one group alone is larger) {@code maxBytes}. A batch never
   * holds two groups of one partition: the batch holding the earlier one is closed before the later
   * one is added anywhere, so it is sent first and keeps the earlier timestamp. Counter groups and
   * partitions whose replicas are unknown (null) stay as they are.
   */
  static List<List<Mutation>> byReplicas(List<List<Mutation>> groups, Function<Mutation, Object> replicasOf,
      int maxStatements, int maxBytes) {
    List<List<Mutation>> batches = new ArrayList<>();
    Map<Object, Pack> open = new LinkedHashMap<>();
    for (List<Mutation> group : groups) {
      Mutation first = group.get(0);
      Object replicas = replicasOf.apply(first);
      if (replicas == null) {
        batches.add(group);
        continue;
      }
      ByteBuffer partition = ByteBuffer.wrap(first.partitionKey());
      Pack pack = open.get(replicas);
      if (isCounter(first)) {
        // Sent as it is, after the batch holding an earlier group of its partition, if one is open.
        if (pack != null && pack.partitions.contains(partition)) {
          batches.add(open.remove(replicas).mutations);
        }
        batches.add(group);
        continue;
      }
      long groupBytes = 0;
      for (Mutation m : group) {
        groupBytes += m.sizeBytes();
      }
      if (pack != null && !pack.fits(group.size(), groupBytes, partition, maxStatements, maxBytes)) {
        batches.add(open.remove(replicas).mutations);
        pack = null;
      }
      if (pack == null) {
        pack = new Pack();
        open.put(replicas, pack);
      }
      pack.add(group, groupBytes, partition);
    }
    for (Pack pack : open.values()) {
      batches.add(pack.mutations);
    }
    return batches;
  }

  /** One batch being filled by {@link #byReplicas}. */
  private static final class Pack {
    final List<Mutation> mutations = new ArrayList<>();
    final Set<ByteBuffer> partitions = new HashSet<>();
    long bytes;

    boolean fits(int statements, long groupBytes, ByteBuffer partition, int maxStatements, int maxBytes) {
      return partitions.size() < MAX_PARTITIONS_PER_BATCH && !partitions.contains(partition)
          && mutations.size() + statements <= maxStatements && bytes + groupBytes <= maxBytes;
    }

    void add(List<Mutation> group, long groupBytes, ByteBuffer partition) {
      mutations.addAll(group);
      partitions.add(partition);
      bytes += groupBytes;
    }
  }

  /**
   * Splits mutations into statement groups: one partition per group, in arrival order within it, at
   * most {@code maxStatements} mutations and (unless one mutation alone is larger) {@code maxBytes}.
   * A group never holds two mutations of the same row (the first {@code primaryKeySize} values): the
   * statements of a batch share one timestamp, so the later of the two would not reliably win. It
   * starts the next group instead, which is sent later and so gets a later timestamp.
   */
  static List<List<Mutation>> groups(List<Mutation> mutations, int primaryKeySize, int maxStatements,
      int maxBytes) {
    Map<ByteBuffer, List<Mutation>> partitions = new LinkedHashMap<>();
    for (Mutation m : mutations) {
      partitions.computeIfAbsent(ByteBuffer.wrap(m.partitionKey()), k -> new ArrayList<>()).add(m);
    }
    List<List<Mutation>> groups = new ArrayList<>();
    Set<RowKey> rows = new HashSet<>();
    for (List<Mutation> partition : partitions.values()) {
      List<Mutation> group = new ArrayList<>();
      int groupBytes = 0;
      rows.clear();
      for (Mutation m : partition) {
        RowKey row = partition.size() > 1 ? new RowKey(m, primaryKeySize) : null;
        boolean kindChanges = !group.isEmpty() && isCounter(group.get(0)) != isCounter(m);
        if (!group.isEmpty() && (group.size() >= maxStatements
            || groupBytes + m.sizeBytes() > maxBytes || kindChanges || rows.contains(row))) {
          groups.add(group);
          group = new ArrayList<>();
          groupBytes = 0;
          rows.clear();
        }
        group.add(m);
        groupBytes += m.sizeBytes();
        if (row != null) {
          rows.add(row);
        }
      }
      groups.add(group);
    }
    return groups;
  }

  /** The primary key values of a mutation, compared by content. */
  private static final class RowKey {
    private final Mutation mutation;
    private final int size;
    private final int hash;

    RowKey(Mutation mutation, int size) {
      this.mutation = mutation;
      this.size = size;
      int h = 1;
      for (int i = 0; i < size; i++) {
        h = 31 * h + Arrays.hashCode(mutation.value(i));
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof RowKey) || ((RowKey) o).hash != hash) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        if (!Arrays.equals(mutation.value(i), ((RowKey) o).mutation.value(i))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }
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
    Statement<?> statement = statementFor(group, Timestamps.next());
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
        // Each keeps the batch's timestamp, so a later write of the same row still wins.
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        long timestamp = statement.getQueryTimestamp();
        for (Mutation m : group) {
          List<Mutation> single = List.of(m);
          chain = chain.thenCompose(v -> execute(statementFor(single, timestamp), single, 0, outcome));
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

  /**
   * A statement for {@code group} with a fixed client timestamp (microseconds): a retry then writes
   * with the timestamp of the first attempt and cannot overwrite a later write of the same row.
   * Mutations with their own writetime keep it ({@code USING TIMESTAMP} wins over this one).
   */
  private Statement<?> statementFor(List<Mutation> group, long timestamp) {
    if (group.size() == 1) {
      return bind(group.get(0)).setConsistencyLevel(consistency).setIdempotent(!isCounter(group.get(0)))
          .setQueryTimestamp(timestamp);
    }
    BatchStatementBuilder batch = BatchStatement.builder(
        isCounter(group.get(0)) ? BatchType.COUNTER : BatchType.UNLOGGED);
    for (Mutation m : group) {
      batch.addStatement(bind(m));
    }
    return batch.setConsistencyLevel(consistency).setIdempotence(!isCounter(group.get(0)))
        .setQueryTimestamp(timestamp).build();
  }

  private BoundStatement bind(Mutation m) {
    switch (m.kind()) {
      case UPSERT: {
        int variant = (m.hasTtl() ? 1 : 0) + (m.hasWritetime() ? 2 : 0);
        BoundStatementBuilder b = prepared(variant,
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
        BoundStatementBuilder b = prepared(DELETE + (m.hasWritetime() ? 1 : 0),
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
        BoundStatementBuilder b = prepared(COUNTER, layout::counterCql).boundStatementBuilder();
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

  /** Prepared once per writer: slot 0-3 inserts (TTL: +1, writetime: +2), 4-5 deletes, 6 counters. */
  private PreparedStatement prepared(int slot, java.util.function.Supplier<String> cql) {
    PreparedStatement statement = prepared[slot];
    if (statement == null) {
      statement = session.prepare(cql.get());
      prepared[slot] = statement;
    }
    return statement;
  }
}

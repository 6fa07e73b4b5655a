package io.github.beamcassandra.transforms.read;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.connection.DriverErrors;
import io.github.beamcassandra.transforms.connection.SessionCache;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Lineage;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Instant;

/**
 * Counts one token range with {@code SELECT count(*)} on the server; a range that times out is cut
 * in four and each piece counted (down to {@value #MAX_SPLIT_DEPTH} levels), other transient errors are
 * retried, and a range that still cannot be counted fails the bundle naming it.
 */
final class CountRangeFn extends DoFn<TokenRange, KV<String, Long>> {
  private static final long serialVersionUID = 1L;
  static final int MAX_SPLIT_DEPTH = 6;
  /** Ranges counted at once by one instance; the server runs each count on a thread of its own. */
  static final int MAX_RANGES_IN_FLIGHT = 8;

  private final Counter rangesDone = Metrics.counter(CassandraCount.class, "ranges_done");
  private final Counter retries = Metrics.counter(CassandraCount.class, "retries");
  private final Counter resplits = Metrics.counter(CassandraCount.class, "ranges_split_on_timeout");
  private final Distribution rangeLatency = Metrics.distribution(CassandraCount.class, "range_latency_ms");

  private final CassandraConnection connection;
  private final RangeQuery query;
  private final String consistency;
  private final int maxRetries;
  private transient CqlSession session;
  private transient PreparedStatement inclusive;
  private transient PreparedStatement exclusive;
  private transient Semaphore inFlight;
  private transient List<Pending> pending;

  CountRangeFn(CassandraConnection connection, RangeQuery query, String consistency, int maxRetries) {
    this.connection = connection;
    this.query = query;
    this.consistency = consistency;
    this.maxRetries = maxRetries;
  }

  @Setup
  public void setup() {
    session = SessionCache.acquire(connection);
    inclusive = session.prepare(query.count(true));
    exclusive = session.prepare(query.count(false));
    inFlight = new Semaphore(MAX_RANGES_IN_FLIGHT);
  }

  @StartBundle
  public void startBundle() {
    pending = new ArrayList<>();
    Lineage.getSources().add("cassandra", List.of(query.table.keyspace(), query.table.table()));
  }

  /**
   * Starts counting the range and returns at once: up to {@value #MAX_RANGES_IN_FLIGHT} ranges are
   * counted at the same time per instance, so one bundle of many ranges keeps the servers busy; every
   * count is finished and output before the bundle ends.
   */
  @ProcessElement
  public void processElement(@Element TokenRange range, @Timestamp Instant timestamp, BoundedWindow window)
      throws InterruptedException {
    inFlight.acquire();
    long started = System.nanoTime();
    CompletableFuture<Long> count;
    try {
      count = count(range, 0, 0);
    } catch (RuntimeException e) {
      inFlight.release();
      throw e;
    }
    // Waiting on whenComplete's future, not count's, orders the latency's write before the read.
    long[] elapsedNanos = new long[1];
    CompletableFuture<Long> counted = count.whenComplete((n, e) -> {
      elapsedNanos[0] = System.nanoTime() - started;
      inFlight.release();
    });
    pending.add(new Pending(range, counted, timestamp, window, elapsedNanos));
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) throws InterruptedException {
    List<Pending> done = pending;
    pending = new ArrayList<>();
    RuntimeException failure = null;
    for (Pending p : done) {
      try {
        long count = p.count.get();
        context.output(KV.of(p.range.id(), count), p.timestamp, p.window);
        rangesDone.inc();
        rangeLatency.update(TimeUnit.NANOSECONDS.toMillis(p.elapsedNanos[0]));
      } catch (ExecutionException e) {
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException
              ? (RuntimeException) e.getCause() : new IllegalStateException(e.getCause());
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static final class Pending {
    final TokenRange range;
    final CompletableFuture<Long> count;
    final Instant timestamp;
    final BoundedWindow window;
    /** How long the count took, set before {@link #count} completes. */
    final long[] elapsedNanos;

    Pending(TokenRange range, CompletableFuture<Long> count, Instant timestamp, BoundedWindow window,
        long[] elapsedNanos) {
      this.range = range;
      this.count = count;
      this.timestamp = timestamp;
      this.window = window;
      this.elapsedNanos = elapsedNanos;
    }
  }

  /**
   * The count of {@code range}: a range that times out is split in 4 and its pieces counted one after
   * the other; a transient error is retried with backoff; anything else fails naming the range.
   */
  private CompletableFuture<Long> count(TokenRange range, int depth, int attempt) {
    CompletableFuture<Long> result = session.executeAsync((range.startInclusive() ? inclusive : exclusive)
            .bind(range.start(), range.end())
            .setConsistencyLevel(DefaultConsistencyLevel.valueOf(consistency))
            .setRoutingToken(new Murmur3Token(range.end()))
            .setIdempotent(true))
        .toCompletableFuture()
        .thenApply(rs -> rs.one().getLong(0));
    return result.handle((count, error) -> {
      if (error == null) {
        return CompletableFuture.completedFuture(count);
      }
      Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      if (isTimeout(e) && depth < MAX_SPLIT_DEPTH
          && range.size().compareTo(java.math.BigInteger.valueOf(4)) >= 0) {
        resplits.inc();
        CompletableFuture<Long> total = CompletableFuture.completedFuture(0L);
        for (TokenRange piece : TokenRanges.splitEvenly(range, 4)) {
          total = total.thenCompose(sum -> count(piece, depth + 1, 0).thenApply(n -> sum + n));
        }
        return total;
      }
      if (!DriverErrors.isTransient(e) || attempt >= maxRetries) {
        return CompletableFuture.<Long>failedFuture(new IllegalStateException("Counting token range "
            + range.id() + " of " + query.table.qualifiedName() + " failed after " + attempt + " retries: "
            + ReadRangeFn.describe(e), e));
      }
      retries.inc();
      Executor later = CompletableFuture.delayedExecutor(ReadRangeFn.backoffMillis(attempt),
          TimeUnit.MILLISECONDS);
      return CompletableFuture.supplyAsync(() -> null, later)
          .thenCompose(ignored -> count(range, depth, attempt + 1));
    }).thenCompose(f -> f);
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException
          || t instanceof com.datastax.oss.driver.api.core.DriverTimeoutException) {
        return true;
      }
    }
    return false;
  }

  @Teardown
  public void teardown() {
    if (session != null) {
      session = null;
      SessionCache.release(connection);
    }
  }
}

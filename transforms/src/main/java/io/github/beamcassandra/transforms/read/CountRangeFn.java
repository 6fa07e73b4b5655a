package io.github.beamcassandra.transforms.read;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.connection.DriverErrors;
import io.github.beamcassandra.transforms.connection.SessionCache;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * Counts one token range with {@code SELECT count(*)} on the server; a range that times out is cut
 * in four and each piece counted (down to {@value #MAX_SPLIT_DEPTH} levels), other transient errors are
 * retried, and a range that still cannot be counted fails the bundle naming it.
 */
final class CountRangeFn extends DoFn<TokenRange, KV<String, Long>> {
  private static final long serialVersionUID = 1L;
  static final int MAX_SPLIT_DEPTH = 6;

  private final Counter rangesDone = Metrics.counter(CassandraCount.class, "ranges_done");
  private final Counter retries = Metrics.counter(CassandraCount.class, "retries");
  private final Counter resplits = Metrics.counter(CassandraCount.class, "ranges_split_on_timeout");

  private final CassandraConnection connection;
  private final RangeQuery query;
  private final String consistency;
  private final int maxRetries;
  private transient CqlSession session;
  private transient PreparedStatement inclusive;
  private transient PreparedStatement exclusive;

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
  }

  @ProcessElement
  public void processElement(@Element TokenRange range, OutputReceiver<KV<String, Long>> out)
      throws InterruptedException {
    out.output(KV.of(range.id(), count(range, 0)));
    rangesDone.inc();
  }

  private long count(TokenRange range, int depth) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return session.execute((range.startInclusive() ? inclusive : exclusive)
                .bind(range.start(), range.end())
                .setConsistencyLevel(DefaultConsistencyLevel.valueOf(consistency))
                .setRoutingToken(new Murmur3Token(range.end()))
                .setIdempotent(true))
            .one().getLong(0);
      } catch (RuntimeException e) {
        boolean timeout = isTimeout(e);
        if (timeout && depth < MAX_SPLIT_DEPTH && range.size().compareTo(java.math.BigInteger.valueOf(4)) >= 0) {
          resplits.inc();
          long total = 0;
          for (TokenRange piece : TokenRanges.splitEvenly(range, 4)) {
            total += count(piece, depth + 1);
          }
          return total;
        }
        if (!DriverErrors.isTransient(e) || attempt >= maxRetries) {
          throw new IllegalStateException("Counting token range " + range.id() + " of "
              + query.table.qualifiedName() + " failed after " + attempt + " retries: "
              + ReadRangeFn.describe(e), e);
        }
        retries.inc();
        Thread.sleep(ReadRangeFn.backoffMillis(attempt));
      }
    }
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

package io.github.beamcassandra.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Empties and counts the benchmark's tables. A single {@code SELECT count(*)} over the whole table
 * runs into the server's own range-read timeout (10 s by default, whatever the client waits) on a busy
 * node, so rows are counted in {@value #COUNT_RANGES} slices of the token ring and the counts added up;
 * every statement is retried a few times before the count is given up.
 */
final class TableAdmin {
  static final int COUNT_RANGES = 32;
  /** What the client waits for one statement: TRUNCATE and a count on a busy node take seconds. */
  static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final int ATTEMPTS = 3;

  private final CqlSession session;
  private final String keyspace;

  TableAdmin(CqlSession session, String keyspace) {
    this.session = session;
    this.keyspace = keyspace;
  }

  /** {@code TRUNCATE}, retried; fails when every attempt fails. */
  void truncate(Shape shape) {
    SimpleStatement truncate =
        SimpleStatement.newInstance("TRUNCATE " + table(shape)).setTimeout(TIMEOUT);
    DriverException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        session.execute(truncate);
        return;
      } catch (DriverException e) {
        last = e;
      }
    }
    throw new IllegalStateException("TRUNCATE " + table(shape) + " failed " + ATTEMPTS + " times", last);
  }

  /** The table's rows, counted slice by slice of the Murmur3 token ring. */
  long count(Shape shape) {
    PreparedStatement slice = session.prepare(SimpleStatement.newInstance(
        "SELECT count(*) FROM " + table(shape) + " WHERE token(" + shape.partitionKey() + ") > ? AND token("
            + shape.partitionKey() + ") <= ?").setTimeout(TIMEOUT));
    long total = 0;
    for (long[] range : tokenRanges(COUNT_RANGES)) {
      total += countSlice(slice, range[0], range[1]);
    }
    return total;
  }

  private long countSlice(PreparedStatement slice, long start, long end) {
    DriverException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        Row row = session.execute(slice.bind(start, end).setTimeout(TIMEOUT)).one();
        return row == null ? 0 : row.getLong(0);
      } catch (DriverException e) {
        last = e;
      }
    }
    throw new IllegalStateException("count(*) of tokens (" + start + ", " + end + "] failed " + ATTEMPTS
        + " times", last);
  }

  /**
   * {@code n} ranges {@code (start, end]} that together cover every Murmur3 token: the partitioner
   * never gives a key {@link Long#MIN_VALUE}, so {@code (MIN, MAX]} is the whole ring.
   */
  static List<long[]> tokenRanges(int n) {
    BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
    BigInteger width = BigInteger.valueOf(Long.MAX_VALUE).subtract(min);
    List<long[]> ranges = new ArrayList<>(n);
    long start = Long.MIN_VALUE;
    for (int i = 1; i <= n; i++) {
      long end = i == n
          ? Long.MAX_VALUE
          : min.add(width.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n))).longValueExact();
      ranges.add(new long[] {start, end});
      start = end;
    }
    return ranges;
  }

  private String table(Shape shape) {
    return keyspace + "." + shape.table();
  }
}

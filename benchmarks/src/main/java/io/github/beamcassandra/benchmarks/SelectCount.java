package io.github.beamcassandra.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.ContenderResult;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Count baseline, run in a child JVM with java-driver 4 alone: one plain {@code SELECT count(*)} of the
 * whole table, as a user would type it, with a client timeout long enough that only the server can
 * give up (its own range-read timeout still applies). Timed from sending the statement until the answer;
 * the session is connected before the clock starts. Reports the count.
 */
public final class SelectCount {
  public static final String NAME = "select-count";
  /** What the client waits for the answer. */
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

  private SelectCount() {}

  public static void main(String[] args) {
    ChildArgs child = ChildArgs.parse(args);
    var builder = CqlSession.builder().withLocalDatacenter(child.localDatacenter());
    for (String point : child.contactPoints()) {
      builder.addContactPoint(
          InetSocketAddress.createUnresolved(ChildArgs.host(point), ChildArgs.port(point)));
    }
    SimpleStatement count = SimpleStatement
        .newInstance("SELECT count(*) FROM " + child.keyspace() + "." + child.shape().table())
        .setTimeout(REQUEST_TIMEOUT)
        .setConsistencyLevel(DefaultConsistencyLevel.valueOf(child.consistency()));
    try (CqlSession session = builder.build()) {
      long start = System.nanoTime();
      Row row = session.execute(count).one();
      long nanos = System.nanoTime() - start;
      long rows = row == null ? 0 : row.getLong(0);
      System.out.println(new ContenderResult(NAME, child.shape(), rows, nanos, 0).toLine());
    }
  }
}

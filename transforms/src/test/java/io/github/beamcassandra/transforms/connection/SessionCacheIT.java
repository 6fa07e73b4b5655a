package io.github.beamcassandra.transforms.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared sessions: one per connection while in use, the driver settings they open with, closing. */
@ExtendWith(CassandraExtension.class)
class SessionCacheIT {

  private static CassandraConnection connection(TestCassandra cassandra, String timeout) {
    return CassandraConnection.create().withContactPoints(cassandra.contactPointsOption())
        .withLocalDatacenter(cassandra.localDatacenter())
        .withRequestTimeout(java.time.Duration.parse(timeout));
  }

  @Test
  void oneSessionPerConnectionUntilReleasedAndClosed(TestCassandra cassandra) {
    // A request timeout no other test uses, so this connection's session is this test's own.
    CassandraConnection connection = connection(cassandra, "PT17S");
    CqlSession first = SessionCache.acquire(connection);
    CqlSession second = SessionCache.acquire(connection(cassandra, "PT17S"));
    assertSame(first, second, "an equal connection shares the session");
    assertEquals(1, first.execute("SELECT release_version FROM system.local").all().size());

    DriverExecutionProfile config = first.getContext().getConfig().getDefaultProfile();
    assertEquals(java.time.Duration.ofSeconds(17), config.getDuration(DefaultDriverOption.REQUEST_TIMEOUT));
    assertTrue(config.getBoolean(DefaultDriverOption.TIMESTAMP_GENERATOR_FORCE_JAVA_CLOCK),
        "sessions open without loading the native clock");
    assertEquals(0, config.getInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD));
    assertEquals(0, config.getInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD));
    List<Thread> driverThreads = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(first.getName() + "-")).toList();
    assertFalse(driverThreads.isEmpty(), "the session's I/O, admin and timer threads are running");
    for (Thread thread : driverThreads) {
      assertTrue(thread.isDaemon(), thread.getName() + " would keep a finished program's JVM alive");
    }

    SessionCache.release(connection);
    SessionCache.release(connection);
    assertFalse(first.isClosed(), "a released session stays open for the next DoFn a while");
    assertTrue(SessionCache.closeIdleSessions() >= 1);
    assertTrue(first.isClosed());

    CqlSession reopened = SessionCache.acquire(connection);
    try {
      assertNotSame(first, reopened, "a closed session is replaced on the next acquire");
      assertFalse(reopened.isClosed());
    } finally {
      SessionCache.release(connection);
    }
  }
}

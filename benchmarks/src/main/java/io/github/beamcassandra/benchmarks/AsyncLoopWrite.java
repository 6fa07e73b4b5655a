package io.github.beamcassandra.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.ContenderResult;
import io.github.beamcassandra.benchmarks.common.GeneratedRows;
import io.github.beamcassandra.benchmarks.common.GeneratedRows.Person;
import io.github.beamcassandra.benchmarks.common.GeneratedRows.Reading;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Contender (c), run in a child JVM: the baseline a hand-written loader reaches with java-driver 4 alone.
 * One session, one prepared INSERT, one {@code executeAsync} per row with at most {@code maxInFlight}
 * requests in flight (a semaphore). Timed from the first request until the last acknowledgement; the
 * session is connected and the statement prepared before the clock starts.
 */
public final class AsyncLoopWrite {
  public static final String NAME = "async-loop";
  /** The same per-request timeout beam-cassandra's connection uses by default. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(12);

  private AsyncLoopWrite() {}

  public static void main(String[] args) throws InterruptedException {
    ChildArgs child = ChildArgs.parse(args);
    DriverConfigLoader config = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, REQUEST_TIMEOUT)
        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, child.consistency())
        .build();
    var builder = CqlSession.builder()
        .withLocalDatacenter(child.localDatacenter())
        .withConfigLoader(config);
    for (String point : child.contactPoints()) {
      builder.addContactPoint(
          InetSocketAddress.createUnresolved(ChildArgs.host(point), ChildArgs.port(point)));
    }
    try (CqlSession session = builder.build()) {
      PreparedStatement insert = session.prepare(child.shape().insert(child.keyspace()));
      int maxInFlight = child.maxInFlight();
      Semaphore inFlight = new Semaphore(maxInFlight);
      AtomicLong failures = new AtomicLong();
      AtomicReference<Throwable> firstFailure = new AtomicReference<>();

      long start = System.nanoTime();
      for (long i = 0; i < child.rows(); i++) {
        BoundStatement statement = bind(insert, child.shape(), i);
        inFlight.acquire();
        session.executeAsync(statement).whenComplete((rs, error) -> {
          if (error != null) {
            failures.incrementAndGet();
            firstFailure.compareAndSet(null, error);
          }
          inFlight.release();
        });
      }
      inFlight.acquire(maxInFlight);
      long nanos = System.nanoTime() - start;

      if (firstFailure.get() != null) {
        System.err.println("first of " + failures.get() + " failed writes: " + firstFailure.get());
      }
      System.out.println(
          new ContenderResult(NAME, child.shape(), child.rows(), nanos, failures.get()).toLine());
    }
  }

  private static BoundStatement bind(PreparedStatement insert, Shape shape, long index) {
    if (shape == Shape.PEOPLE) {
      Person p = GeneratedRows.person(index);
      return insert.bind(p.id(), p.name(), p.age(), p.score());
    }
    Reading r = GeneratedRows.reading(index);
    return insert.bind(r.device(), r.seq(), r.value());
  }
}

package io.github.beamcassandra.transforms.read;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.connection.DriverErrors;
import io.github.beamcassandra.transforms.connection.SessionCache;
import io.github.beamcassandra.transforms.schema.BeamSchemas;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Lineage;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Reads one token range page by page, routed to a replica of the range. A transient error retries the
 * page that failed, from the paging state of the last page fully output, with jittered backoff; a
 * range that still fails fails the bundle (so the runner retries it or the pipeline fails) naming the
 * range: never a silently partial result. Emits, per finished range, its id and row count.
 */
final class ReadRangeFn extends DoFn<TokenRange, Row> {
  private static final long serialVersionUID = 1L;

  static final TupleTag<Row> ROWS = new TupleTag<Row>() {};
  static final TupleTag<KV<String, Long>> COMPLETED = new TupleTag<KV<String, Long>>() {};

  private final Counter rowsRead = Metrics.counter(CassandraRead.class, "rows_read");
  private final Counter rangesDone = Metrics.counter(CassandraRead.class, "ranges_done");
  private final Counter retries = Metrics.counter(CassandraRead.class, "retries");
  private final Distribution rangeLatency = Metrics.distribution(CassandraRead.class, "range_latency_ms");

  private final CassandraConnection connection;
  private final RangeQuery query;
  private final Schema schema;
  private final String consistency;
  private final int pageSize;
  private final int maxRetries;

  private transient CqlSession session;
  private transient PreparedStatement inclusive;
  private transient PreparedStatement exclusive;
  private transient List<CqlType> types;

  ReadRangeFn(CassandraConnection connection, RangeQuery query, String consistency, int pageSize,
      int maxRetries) {
    this.connection = connection;
    this.query = query;
    this.schema = query.schema();
    this.consistency = consistency;
    this.pageSize = pageSize;
    this.maxRetries = maxRetries;
  }

  @Setup
  public void setup() {
    session = SessionCache.acquire(connection);
    inclusive = session.prepare(query.select(true));
    exclusive = session.prepare(query.select(false));
    types = query.types();
  }

  @StartBundle
  public void startBundle() {
    Lineage.getSources().add("cassandra", List.of(query.table.keyspace(), query.table.table()));
  }

  @ProcessElement
  public void processElement(@Element TokenRange range, MultiOutputReceiver out) throws InterruptedException {
    long started = System.nanoTime();
    BoundStatement statement = (range.startInclusive() ? inclusive : exclusive)
        .bind(range.start(), range.end())
        .setPageSize(pageSize)
        .setConsistencyLevel(DefaultConsistencyLevel.valueOf(consistency))
        .setRoutingToken(new Murmur3Token(range.end()))
        .setIdempotent(true);
    ByteBuffer pagingState = null;
    long rows = 0;
    int attempt = 0;
    while (true) {
      AsyncResultSet page;
      try {
        page = session.executeAsync(statement.setPagingState(pagingState)).toCompletableFuture().get();
      } catch (ExecutionException e) {
        if (!DriverErrors.isTransient(e.getCause()) || attempt >= maxRetries) {
          throw new IllegalStateException("Reading token range " + range.id() + " of "
              + query.table.qualifiedName() + " failed after " + attempt + " retries: "
              + describe(e.getCause()), e.getCause());
        }
        retries.inc();
        Thread.sleep(backoffMillis(attempt++));
        continue;
      }
      attempt = 0;
      for (com.datastax.oss.driver.api.core.cql.Row row : page.currentPage()) {
        out.get(ROWS).output(toBeam(row));
        rows++;
      }
      if (!page.hasMorePages()) {
        break;
      }
      pagingState = page.getExecutionInfo().getPagingState();
    }
    rowsRead.inc(rows);
    rangesDone.inc();
    rangeLatency.update(Duration.ofNanos(System.nanoTime() - started).toMillis());
    out.get(COMPLETED).output(KV.of(range.id(), rows));
  }

  private Row toBeam(com.datastax.oss.driver.api.core.cql.Row row) {
    Row.Builder builder = Row.withSchema(schema);
    int i = 0;
    for (; i < types.size(); i++) {
      builder.addValue(BeamSchemas.toBeam(row.getObject(i), types.get(i)));
    }
    for (int w = 0; w < query.writetimeOf.size(); w++, i++) {
      builder.addValue(row.isNull(i) ? null : row.getLong(i));
    }
    for (int t = 0; t < query.ttlOf.size(); t++, i++) {
      builder.addValue(row.isNull(i) ? null : row.getInt(i));
    }
    return builder.build();
  }

  @Teardown
  public void teardown() {
    if (session != null) {
      session = null;
      SessionCache.release(connection);
    }
  }

  static long backoffMillis(int attempt) {
    long base = Math.min(10_000L, 100L << Math.min(attempt, 10));
    return (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
  }

  /** The error's class and message, of the node's own error when all nodes failed. */
  static String describe(Throwable error) {
    Throwable cause = DriverErrors.unwrap(error);
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}

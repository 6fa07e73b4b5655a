package io.github.beamcassandra.transforms.read;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.connection.DriverErrors;
import io.github.beamcassandra.transforms.connection.SessionCache;
import io.github.beamcassandra.transforms.schema.BeamSchemas;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads one token range page by page, routed to a replica of the range. A transient error retries the
 * page that failed, from the paging state of the last page fully output, with jittered backoff; a
 * range that still fails fails the bundle (so the runner retries it or the pipeline fails) naming the
 * range, or, when asked, goes to the failed ranges with how many of its rows were handed on: never a
 * silently partial result. Emits, per finished range, its id and row count. With a
 * {@link RangeSink}, the rows go to the sink's writer for the range, committed before the range is
 * reported complete, instead of to the output.
 */
final class ReadRangeFn extends DoFn<TokenRange, Row> {
  private static final long serialVersionUID = 1L;

  static final TupleTag<Row> ROWS = new TupleTag<Row>() {};
  static final TupleTag<KV<String, Long>> COMPLETED = new TupleTag<KV<String, Long>>() {};
  static final TupleTag<KV<String, String>> FAILED = new TupleTag<KV<String, String>>() {};

  private final Counter rowsRead = Metrics.counter(CassandraRead.class, "rows_read");
  private final Counter rangesDone = Metrics.counter(CassandraRead.class, "ranges_done");
  private final Counter retries = Metrics.counter(CassandraRead.class, "retries");
  private final Counter rangesFailed = Metrics.counter(CassandraRead.class, "ranges_failed");
  private final Distribution rangeLatency = Metrics.distribution(CassandraRead.class, "range_latency_ms");

  private final CassandraConnection connection;
  private final RangeQuery query;
  private final Schema schema;
  private final String consistency;
  private final int pageSize;
  private final int maxRetries;
  private final boolean failedRangesOutput;
  private final @Nullable RangeSink sink;

  private transient CqlSession session;
  private transient PreparedStatement inclusive;
  private transient PreparedStatement exclusive;
  private transient List<CqlType> types;
  /** Each selected column's codec, looked up once rather than per value. */
  private transient TypeCodec<Object>[] codecs;
  private transient ProtocolVersion protocol;

  ReadRangeFn(CassandraConnection connection, RangeQuery query, String consistency, int pageSize,
      int maxRetries, boolean failedRangesOutput, @Nullable RangeSink sink) {
    this.connection = connection;
    this.query = query;
    this.schema = query.schema();
    this.consistency = consistency;
    this.pageSize = pageSize;
    this.maxRetries = maxRetries;
    this.failedRangesOutput = failedRangesOutput;
    this.sink = sink;
  }

  @Setup
  public void setup() {
    session = SessionCache.acquire(connection);
    inclusive = session.prepare(query.select(true));
    exclusive = session.prepare(query.select(false));
    types = query.types();
    ColumnDefinitions columns = inclusive.getResultSetDefinitions();
    CodecRegistry registry = session.getContext().getCodecRegistry();
    @SuppressWarnings("unchecked")
    TypeCodec<Object>[] found = new TypeCodec[types.size()];
    for (int i = 0; i < found.length; i++) {
      found[i] = registry.codecFor(columns.get(i).getType());
    }
    codecs = found;
    protocol = session.getContext().getProtocolVersion();
  }

  @StartBundle
  public void startBundle() {
    Lineage.getSources().add("cassandra", List.of(query.table.keyspace(), query.table.table()));
  }

  @ProcessElement
  public void processElement(@Element TokenRange range, MultiOutputReceiver out)
      throws InterruptedException, IOException {
    long started = System.nanoTime();
    long rows;
    try {
      if (sink == null) {
        rows = read(range, row -> out.get(ROWS).output(row));
      } else {
        try (RangeSink.RangeWriter writer = sink.open(range, schema)) {
          rows = read(range, writer::write);
          writer.commit();
        }
      }
    } catch (RangeFailedException e) {
      if (!failedRangesOutput) {
        throw e;
      }
      rangesFailed.inc();
      // withFailedRangesOutput() is refused with a sink, so the rows went to the output.
      out.get(FAILED).output(KV.of(range.id(),
          e.getMessage() + "; " + e.rowsHandedOn + " of its rows were output before it failed"));
      return;
    }
    rowsRead.inc(rows);
    rangesDone.inc();
    rangeLatency.update(Duration.ofNanos(System.nanoTime() - started).toMillis());
    out.get(COMPLETED).output(KV.of(range.id(), rows));
  }

  /** A range that could not be read: what failed, and how many rows were handed on before. */
  static final class RangeFailedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    final long rowsHandedOn;

    RangeFailedException(String message, Throwable cause, long rowsHandedOn) {
      super(message, cause);
      this.rowsHandedOn = rowsHandedOn;
    }
  }

  /** Reads every page of {@code range} (see {@link RangePager}). Returns how many rows it read. */
  private long read(TokenRange range, RangePager.RowSink<Row> rows) throws InterruptedException, IOException {
    BoundStatement statement = (range.startInclusive() ? inclusive : exclusive)
        .bind(range.start(), range.end())
        .setPageSize(pageSize)
        .setConsistencyLevel(DefaultConsistencyLevel.valueOf(consistency))
        .setRoutingToken(new Murmur3Token(range.end()))
        .setIdempotent(true);
    RangePager<com.datastax.oss.driver.api.core.cql.Row> pager = new RangePager<>(
        state -> session.executeAsync(statement.setPagingState(state)).thenApply(RangePager::driverPage),
        maxRetries, ReadRangeFn::backoffMillis, Thread::sleep, retries::inc);
    return pager.read("token range " + range.id() + " of " + query.table.qualifiedName(),
        row -> rows.accept(toBeam(row)));
  }

  private Row toBeam(com.datastax.oss.driver.api.core.cql.Row row) {
    // BeamSchemas.toBeam gives each value in its field's type already: attach without re-checking.
    List<Object> values = new ArrayList<>(schema.getFieldCount());
    int i = 0;
    for (; i < types.size(); i++) {
      // What row.getObject(i) does, without its codec lookup (a null collection decodes as empty).
      values.add(BeamSchemas.toBeam(codecs[i].decode(row.getBytesUnsafe(i), protocol), types.get(i)));
    }
    for (int w = 0; w < query.writetimeOf.size(); w++, i++) {
      values.add(row.isNull(i) ? null : row.getLong(i));
    }
    for (int t = 0; t < query.ttlOf.size(); t++, i++) {
      values.add(row.isNull(i) ? null : row.getInt(i));
    }
    return Row.withSchema(schema).attachValues(values);
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

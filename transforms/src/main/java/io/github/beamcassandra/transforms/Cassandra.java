package io.github.beamcassandra.transforms;

import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.mutation.ToMutations;
import io.github.beamcassandra.transforms.read.CassandraCount;
import io.github.beamcassandra.transforms.read.CassandraRead;
import io.github.beamcassandra.transforms.schema.TableSpec;
import io.github.beamcassandra.transforms.write.BatchMode;
import io.github.beamcassandra.transforms.write.WriteMutations;
import java.util.function.UnaryOperator;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.errorhandling.BadRecord;
import org.apache.beam.sdk.transforms.errorhandling.ErrorHandler;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.transforms.Flatten;
import org.joda.time.Duration;

/**
 * Apache Beam transforms for Apache Cassandra (java-driver-core 4.x).
 *
 * <h2>Writing</h2>
 *
 * <pre>{@code
 * CassandraWriteResult result = rows.apply(Cassandra.<Row>write()
 *     .withContactPoints("10.0.0.1:9042,10.0.0.2")
 *     .withLocalDatacenter("dc1")
 *     .withKeyspace("shop")
 *     .withTable("orders"));
 * result.getFailures().apply(...); // rows and mutations that could not be written, with the reason
 * }</pre>
 *
 * <p>{@link #write()} is {@link ToMutations} ("Validate rows": rows to validated, sharded mutations,
 * checked against the table's metadata at construction) followed by {@link WriteMutations} ("Write
 * batches": buffered per shard, grouped by partition into UNLOGGED batches, written with bounded
 * concurrency and retries). Both are public and usable alone. Options are documented once, on those
 * two classes; {@link Write} passes them on.
 *
 * <h2>Monitoring</h2>
 *
 * Beam metrics, namespace in brackets:
 *
 * <ul>
 *   <li>{@code rows_in} [ToMutations]: rows seen.
 *   <li>{@code rows_invalid} [ToMutations]: rows that could not become a mutation (to the failures).
 *   <li>{@code deletes} [ToMutations]: rows turned into deletes by the delete flag.
 *   <li>{@code mutations_written} [WriteMutations]: mutations Cassandra acknowledged.
 *   <li>{@code batches} [WriteMutations]: multi-statement batches written.
 *   <li>{@code statements_per_batch} [WriteMutations], distribution.
 *   <li>{@code write_latency_ms} [WriteMutations], distribution per request.
 *   <li>{@code retries} [WriteMutations]: retried requests (transient errors).
 *   <li>{@code failures} [WriteMutations]: mutations that could not be written.
 *   <li>{@code flushes} [WriteMutations]: buffers written.
 *   <li>{@code rows_read} [CassandraRead]: rows read.
 *   <li>{@code ranges_done} [CassandraRead, CassandraCount]: token ranges read or counted in full.
 *   <li>{@code range_latency_ms} [CassandraRead, CassandraCount], distribution per range.
 *   <li>{@code retries} [CassandraRead, CassandraCount]: retried requests (transient errors).
 *   <li>{@code ranges_failed} [CassandraRead]: ranges sent to the failed ranges (when asked for).
 *   <li>{@code ranges_split_on_timeout} [CassandraCount]: ranges cut in four after a timeout.
 * </ul>
 *
 * <p>Beam Lineage: writes report the sink, reads and counts the source, {@code cassandra:keyspace.table}.
 */
public final class Cassandra {
  private Cassandra() {}

  /** A read of a table as Beam rows, split by token range (see {@link CassandraRead}). */
  public static CassandraRead read() {
    return CassandraRead.create();
  }

  /** The exact row count of a table, counted per token range on the server (see {@link CassandraCount}). */
  public static CassandraCount count() {
    return CassandraCount.create();
  }

  /** A write of rows (any type with a Beam schema) to a table. */
  public static <T> Write<T> write() {
    return new Write<>(ToMutations.create(), WriteMutations.create(), CassandraConnection.create());
  }

  /**
   * {@link ToMutations} then {@link WriteMutations}, with one connection, keyspace and table. The
   * table's metadata is read once, at construction, and shared by both stages.
   */
  public static final class Write<T> extends PTransform<PCollection<T>, CassandraWriteResult> {
    private static final long serialVersionUID = 1L;
    private final ToMutations<T> toMutations;
    private final WriteMutations writeMutations;
    private final CassandraConnection connection;
    private final @Nullable ErrorHandler<BadRecord, ?> badRecordErrorHandler;

    private Write(ToMutations<T> toMutations, WriteMutations writeMutations, CassandraConnection connection) {
      this(toMutations, writeMutations, connection, null);
    }

    private Write(ToMutations<T> toMutations, WriteMutations writeMutations, CassandraConnection connection,
        @Nullable ErrorHandler<BadRecord, ?> badRecordErrorHandler) {
      this.toMutations = toMutations;
      this.writeMutations = writeMutations;
      this.connection = connection;
      this.badRecordErrorHandler = badRecordErrorHandler;
    }

    /**
     * Also sends every failure to Beam's dead-letter API as a {@link BadRecord} (record: the row or
     * mutation as JSON; failure: error class and reason), for pipelines that already collect bad
     * records with an {@link ErrorHandler}. The failures stay in the result as well.
     */
    public Write<T> withBadRecordErrorHandler(ErrorHandler<BadRecord, ?> errorHandler) {
      return new Write<>(toMutations, writeMutations, connection,
          java.util.Objects.requireNonNull(errorHandler, "errorHandler"));
    }

    /** Changes the first stage: any {@link ToMutations} option. */
    public Write<T> withMutations(UnaryOperator<ToMutations<T>> change) {
      return new Write<>(change.apply(toMutations), writeMutations, connection, badRecordErrorHandler);
    }

    /** Changes the second stage: any {@link WriteMutations} option. */
    public Write<T> withWriter(UnaryOperator<WriteMutations> change) {
      return new Write<>(toMutations, change.apply(writeMutations), connection, badRecordErrorHandler);
    }

    /** See {@link CassandraConnection}. */
    public Write<T> withConnection(CassandraConnection connection) {
      return new Write<>(toMutations.withConnection(connection), writeMutations.withConnection(connection),
          connection, badRecordErrorHandler);
    }

    /** See {@link CassandraConnection#withContactPoints(String)}. */
    public Write<T> withContactPoints(String contactPoints) {
      return withConnection(connection.withContactPoints(contactPoints));
    }

    /** See {@link CassandraConnection#withLocalDatacenter}. */
    public Write<T> withLocalDatacenter(String datacenter) {
      return withConnection(connection.withLocalDatacenter(datacenter));
    }

    /** See {@link CassandraConnection#withCredentials}. */
    public Write<T> withCredentials(String username, String password) {
      return withConnection(connection.withCredentials(username, password));
    }

    /** See {@link ToMutations#withKeyspace}. */
    public Write<T> withKeyspace(String keyspace) {
      return new Write<>(toMutations.withKeyspace(keyspace), writeMutations.withKeyspace(keyspace), connection,
          badRecordErrorHandler);
    }

    /** See {@link ToMutations#withTable}. */
    public Write<T> withTable(String table) {
      return new Write<>(toMutations.withTable(table), writeMutations.withTable(table), connection,
          badRecordErrorHandler);
    }

    /** See {@link ToMutations#withDeleteFlag}. */
    public Write<T> withDeleteFlag(String column, String value) {
      return withMutations(m -> m.withDeleteFlag(column, value));
    }

    /** See {@link ToMutations#withTtl}. */
    public Write<T> withTtl(int seconds) {
      return withMutations(m -> m.withTtl(seconds));
    }

    /** See {@link ToMutations#withTtlColumn}. */
    public Write<T> withTtlColumn(String column) {
      return withMutations(m -> m.withTtlColumn(column));
    }

    /** See {@link ToMutations#withWritetime}. */
    public Write<T> withWritetime(long micros) {
      return withMutations(m -> m.withWritetime(micros));
    }

    /** See {@link ToMutations#withWritetimeColumn}. */
    public Write<T> withWritetimeColumn(String column) {
      return withMutations(m -> m.withWritetimeColumn(column));
    }

    /** See {@link ToMutations#withIgnoreNulls}. */
    public Write<T> withIgnoreNulls(boolean ignoreNulls) {
      return withMutations(m -> m.withIgnoreNulls(ignoreNulls));
    }

    /** See {@link ToMutations#withShards}. */
    public Write<T> withShards(int shards) {
      return withMutations(m -> m.withShards(shards));
    }

    /** See {@link WriteMutations#withConsistency}. */
    public Write<T> withConsistency(String level) {
      return withWriter(w -> w.withConsistency(level));
    }

    /** See {@link WriteMutations#withMaxConcurrentRequests}. */
    public Write<T> withMaxConcurrentRequests(int max) {
      return withWriter(w -> w.withMaxConcurrentRequests(max));
    }

    /** See {@link WriteMutations#withMaxBatchStatements}. */
    public Write<T> withMaxBatchStatements(int max) {
      return withWriter(w -> w.withMaxBatchStatements(max));
    }

    /** See {@link WriteMutations#withBatchMode}. */
    public Write<T> withBatchMode(BatchMode mode) {
      return withWriter(w -> w.withBatchMode(mode));
    }

    /** See {@link WriteMutations#withMaxBufferedMutations}. */
    public Write<T> withMaxBufferedMutations(int max) {
      return withWriter(w -> w.withMaxBufferedMutations(max));
    }

    /** See {@link WriteMutations#withMaxBufferedBytes}. */
    public Write<T> withMaxBufferedBytes(long max) {
      return withWriter(w -> w.withMaxBufferedBytes(max));
    }

    /** See {@link WriteMutations#withMaxBufferingDuration}. */
    public Write<T> withMaxBufferingDuration(Duration duration) {
      return withWriter(w -> w.withMaxBufferingDuration(duration));
    }

    /** See {@link WriteMutations#withFailOnError}. */
    public Write<T> withFailOnError(boolean failOnError) {
      return withWriter(w -> w.withFailOnError(failOnError));
    }

    @Override
    public CassandraWriteResult expand(PCollection<T> input) {
      TableSpec table = toMutations.tableSpec();
      PCollectionTuple mutations = input.apply("To mutations", toMutations.withTableSpec(table));
      CassandraWriteResult written = mutations.get(ToMutations.MUTATIONS)
          .apply("Write mutations", writeMutations.withTableSpec(table));
      PCollection<CassandraWriteFailure> failures = PCollectionList
          .of(mutations.get(ToMutations.FAILURES)).and(written.getFailures())
          .apply("All failures", Flatten.pCollections());
      if (badRecordErrorHandler != null) {
        String tableName = table.qualifiedName();
        badRecordErrorHandler.addErrorCollection(failures
            .apply("To bad records", MapElements.into(TypeDescriptor.of(BadRecord.class))
                .via(failure -> BadRecords.of(failure, tableName)))
            .setCoder(BadRecord.getCoder(input.getPipeline())));
      }
      return CassandraWriteResult.of(input.getPipeline(), failures, written.getCompletionSignal());
    }

    @Override
    public void populateDisplayData(DisplayData.Builder builder) {
      super.populateDisplayData(builder);
      builder.include("mutations", toMutations).include("writer", writeMutations);
    }
  }
}

package io.github.beamcassandra.transforms.write;

import io.github.beamcassandra.transforms.CassandraWriteFailure;
import io.github.beamcassandra.transforms.CassandraWriteResult;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.connection.OptionChecks;
import io.github.beamcassandra.transforms.mutation.Mutation;
import io.github.beamcassandra.transforms.mutation.MutationLayout;
import io.github.beamcassandra.transforms.schema.TableSpec;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import io.github.beamcassandra.transforms.mutation.MutationCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.joda.time.Duration;

/**
 * Stage 2 of a write: {@code KV<shard, Mutation>} into Cassandra, buffered per shard in state, grouped
 * by partition into UNLOGGED batches and written with bounded concurrency (see {@link
 * WriteMutationsFn} and {@link BatchWriter}). Transient errors are retried; what still fails goes to
 * {@link CassandraWriteResult#getFailures()}, or fails the pipeline with {@link #withFailOnError}.
 */
public final class WriteMutations
    extends PTransform<PCollection<KV<Integer, Mutation>>, CassandraWriteResult> {
  private static final long serialVersionUID = 1L;

  static final TupleTag<Long> WRITTEN = new TupleTag<Long>() {};
  static final TupleTag<CassandraWriteFailure> FAILURES = new TupleTag<CassandraWriteFailure>() {};

  /** Consistency levels a write may use. */
  public static final List<String> CONSISTENCY_LEVELS = List.of(
      "ONE", "TWO", "THREE", "QUORUM", "ALL", "LOCAL_QUORUM", "EACH_QUORUM", "LOCAL_ONE", "ANY");
  public static final String DEFAULT_CONSISTENCY = "LOCAL_QUORUM";
  /** In flight per worker JVM: the java-driver async loop that writes fastest here uses 128. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 128;
  /** Statements per batch: DataStax Bulk Loader's default batch size. */
  public static final int DEFAULT_MAX_BATCH_STATEMENTS = 32;
  /** Bytes per batch: under Cassandra's default {@code batch_size_warn_threshold} of 5 KiB. */
  public static final int DEFAULT_MAX_BATCH_BYTES = 4 * 1024;
  public static final int DEFAULT_MAX_BUFFERED_MUTATIONS = 1000;
  /** Bytes buffered per shard; with the default 64 shards, at most 64 MiB in state. */
  public static final long DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_MAX_BUFFERING_DURATION = Duration.standardSeconds(5);
  public static final int DEFAULT_MAX_RETRIES = 5;
  /**
   * Most bytes of one chunk gathered in a bundle before the shuffle (see {@link PreBatchFn}); a chunk
   * holds at most {@code maxBufferedMutations}, so a full chunk is written as soon as it arrives.
   */
  static final long PRE_BATCH_BYTES = 256 * 1024;

  private final Settings settings;

  static final class Settings implements Serializable, Cloneable {
    private static final long serialVersionUID = 1L;
    CassandraConnection connection = CassandraConnection.create();
    @Nullable String keyspace;
    @Nullable String table;
    @Nullable TableSpec tableSpec;
    String consistency = DEFAULT_CONSISTENCY;
    int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    int maxBatchStatements = DEFAULT_MAX_BATCH_STATEMENTS;
    int maxBatchBytes = DEFAULT_MAX_BATCH_BYTES;
    BatchMode batchMode = BatchMode.PARTITION;
    int maxBufferedMutations = DEFAULT_MAX_BUFFERED_MUTATIONS;
    long maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES;
    @Nullable Duration maxBufferingDuration;
    int maxRetries = DEFAULT_MAX_RETRIES;
    Duration initialBackoff = Duration.millis(100);
    Duration maxBackoff = Duration.standardSeconds(10);
    boolean failOnError;

    Settings copy() {
      try {
        return (Settings) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private WriteMutations(Settings settings) {
    this.settings = settings;
  }

  public static WriteMutations create() {
    return new WriteMutations(new Settings());
  }

  private WriteMutations with(java.util.function.Consumer<Settings> change) {
    Settings s = settings.copy();
    change.accept(s);
    return new WriteMutations(s);
  }

  /** How to reach the cluster. */
  public WriteMutations withConnection(CassandraConnection connection) {
    Objects.requireNonNull(connection, "connection");
    return with(s -> s.connection = connection);
  }

  /** Keyspace of the target table (required unless a table spec is given). */
  public WriteMutations withKeyspace(String keyspace) {
    OptionChecks.requireText("keyspace", keyspace);
    return with(s -> s.keyspace = keyspace);
  }

  /** The target table (required unless a table spec is given). */
  public WriteMutations withTable(String table) {
    OptionChecks.requireText("table", table);
    return with(s -> s.table = table);
  }

  /** The table as described at construction (what {@code ToMutations} used); skips reading it again. */
  public WriteMutations withTableSpec(TableSpec spec) {
    Objects.requireNonNull(spec, "tableSpec");
    return with(s -> s.tableSpec = spec);
  }

  /** Consistency of every write: one of {@link #CONSISTENCY_LEVELS}; default LOCAL_QUORUM. */
  public WriteMutations withConsistency(String level) {
    String upper = OptionChecks.consistency(level, CONSISTENCY_LEVELS);
    return with(s -> s.consistency = upper);
  }

  /** Requests in flight per worker JVM (default {@value #DEFAULT_MAX_CONCURRENT_REQUESTS}). */
  public WriteMutations withMaxConcurrentRequests(int max) {
    OptionChecks.atLeast("maxConcurrentRequests", max, 1);
    return with(s -> s.maxConcurrentRequests = max);
  }

  /** Statements in one CQL batch (default {@value #DEFAULT_MAX_BATCH_STATEMENTS}); 1 disables batching. */
  public WriteMutations withMaxBatchStatements(int max) {
    OptionChecks.atLeast("maxBatchStatements", max, 1);
    return with(s -> s.maxBatchStatements = max);
  }

  /** Approximate bytes of values in one batch (default {@value #DEFAULT_MAX_BATCH_BYTES}). */
  public WriteMutations withMaxBatchBytes(int max) {
    OptionChecks.atLeast("maxBatchBytes", max, 1);
    return with(s -> s.maxBatchBytes = max);
  }

  /**
   * How mutations are grouped into batches (default {@link BatchMode#PARTITION}, one partition per
   * batch); {@link BatchMode#REPLICA_SET} also puts up to 10 partitions that share their replicas
   * into one batch, for small clusters and rows in distinct partitions.
   */
  public WriteMutations withBatchMode(BatchMode mode) {
    Objects.requireNonNull(mode, "batchMode");
    return with(s -> s.batchMode = mode);
  }

  /** Mutations a shard buffers before it writes (default {@value #DEFAULT_MAX_BUFFERED_MUTATIONS}). */
  public WriteMutations withMaxBufferedMutations(int max) {
    OptionChecks.atLeast("maxBufferedMutations", max, 1);
    return with(s -> s.maxBufferedMutations = max);
  }

  /** Bytes a shard buffers before it writes (default 1 MiB). */
  public WriteMutations withMaxBufferedBytes(long max) {
    if (max < 1) {
      throw new IllegalArgumentException("maxBufferedBytes must be positive, got: " + max);
    }
    return with(s -> s.maxBufferedBytes = max);
  }

  /**
   * Longest a mutation waits in a buffer (processing time) before it is written. Default: 5 s for
   * unbounded (streaming) input; none for bounded input, where the end of the window flushes and a
   * processing-time timer per shard would only cost time. Zero waits for size limits and the end of
   * the window only.
   */
  public WriteMutations withMaxBufferingDuration(Duration duration) {
    if (duration == null || duration.getMillis() < 0) {
      throw new IllegalArgumentException("maxBufferingDuration must be zero or positive, got: " + duration);
    }
    return with(s -> s.maxBufferingDuration = duration);
  }

  /** Retries of a transiently failing request (default {@value #DEFAULT_MAX_RETRIES}); 0 retries none. */
  public WriteMutations withMaxRetries(int retries) {
    if (retries < 0) {
      throw new IllegalArgumentException("maxRetries must be zero or positive, got: " + retries);
    }
    return with(s -> s.maxRetries = retries);
  }

  /** First retry delay, doubled per attempt up to {@code max}, with ±50% jitter (default 100 ms, 10 s). */
  public WriteMutations withRetryBackoff(Duration initial, Duration max) {
    if (initial == null || max == null || initial.getMillis() < 1 || max.isShorterThan(initial)) {
      throw new IllegalArgumentException("retry backoff must have 0 < initial <= max, got: " + initial + ", " + max);
    }
    return with(s -> {
      s.initialBackoff = initial;
      s.maxBackoff = max;
    });
  }

  /** Fails the pipeline, naming keyspace.table and the cause, on the first mutation that cannot be written. */
  public WriteMutations withFailOnError(boolean failOnError) {
    return with(s -> s.failOnError = failOnError);
  }

  @Override
  public CassandraWriteResult expand(PCollection<KV<Integer, Mutation>> input) {
    settings.connection.validate();
    TableSpec table = settings.tableSpec != null ? settings.tableSpec
        : TableSpec.read(settings.connection, settings.keyspace, settings.table);
    WriteSpec spec = new WriteSpec(UUID.randomUUID().toString(), settings.connection,
        new MutationLayout(table), settings.consistency, settings.maxConcurrentRequests,
        settings.maxBatchStatements, settings.maxBatchBytes, settings.batchMode, settings.maxBufferedMutations,
        settings.maxBufferedBytes, bufferingDuration(input), settings.maxRetries,
        settings.initialBackoff, settings.maxBackoff, settings.failOnError);
    PCollectionTuple outputs = input
        .apply("Chunk per shard", ParDo.of(new PreBatchFn(
            settings.maxBufferedMutations, Math.min(PRE_BATCH_BYTES, settings.maxBufferedBytes))))
        .setCoder(KvCoder.of(VarIntCoder.of(), ListCoder.of(MutationCoder.of())))
        .apply("Write batches",
            ParDo.of(new WriteMutationsFn(spec)).withOutputTags(WRITTEN, TupleTagList.of(FAILURES)));
    PCollection<Long> written = outputs.get(WRITTEN).setCoder(VarLongCoder.of());
    PCollection<CassandraWriteFailure> failures =
        outputs.get(FAILURES).setCoder(CassandraWriteFailure.Coder.of());
    return CassandraWriteResult.of(input.getPipeline(), failures, written);
  }

  private Duration bufferingDuration(PCollection<?> input) {
    if (settings.maxBufferingDuration != null) {
      return settings.maxBufferingDuration;
    }
    return input.isBounded() == PCollection.IsBounded.UNBOUNDED ? DEFAULT_MAX_BUFFERING_DURATION : Duration.ZERO;
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    settings.connection.populateDisplayData(builder);
    builder.addIfNotNull(DisplayData.item("keyspace", settings.keyspace))
        .addIfNotNull(DisplayData.item("table", settings.table))
        .add(DisplayData.item("consistency", settings.consistency))
        .add(DisplayData.item("maxConcurrentRequests", settings.maxConcurrentRequests))
        .add(DisplayData.item("maxBatchStatements", settings.maxBatchStatements))
        .add(DisplayData.item("maxBatchBytes", settings.maxBatchBytes))
        .add(DisplayData.item("batchMode", settings.batchMode.name()))
        .add(DisplayData.item("maxBufferedMutations", settings.maxBufferedMutations))
        .add(DisplayData.item("maxBufferedBytes", settings.maxBufferedBytes))
        .addIfNotNull(DisplayData.item("maxBufferingDuration", settings.maxBufferingDuration))
        .add(DisplayData.item("maxRetries", settings.maxRetries))
        .add(DisplayData.item("failOnError", settings.failOnError));
  }


}

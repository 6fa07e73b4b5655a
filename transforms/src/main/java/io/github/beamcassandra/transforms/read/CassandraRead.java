package io.github.beamcassandra.transforms.read;

import com.datastax.oss.driver.api.core.CqlSession;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.connection.OptionChecks;
import io.github.beamcassandra.transforms.connection.SessionCache;
import io.github.beamcassandra.transforms.schema.TableSpec;
import io.github.beamcassandra.transforms.schema.TableSpec.Column;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.Row;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Reads a table as Beam {@link Row}s whose schema comes from the table (the README's type table, so a
 * read feeds a write unchanged): the token ring is cut into splits that cover it exactly once, the
 * splits are spread over workers, and each is read page by page from a replica, retried on transient
 * errors and failing loudly, naming the range, when it cannot be read.
 */
public final class CassandraRead extends PTransform<PBegin, PCollection<Row>> {
  private static final long serialVersionUID = 1L;

  public static final String DEFAULT_CONSISTENCY = "LOCAL_ONE";
  public static final int DEFAULT_PAGE_SIZE = 5000;
  public static final int DEFAULT_MAX_RETRIES = 5;
  public static final List<String> CONSISTENCY_LEVELS = List.of(
      "ONE", "TWO", "THREE", "QUORUM", "ALL", "LOCAL_QUORUM", "EACH_QUORUM", "LOCAL_ONE", "SERIAL",
      "LOCAL_SERIAL");

  final Settings settings;

  static final class Settings implements Serializable, Cloneable {
    private static final long serialVersionUID = 1L;
    CassandraConnection connection = CassandraConnection.create();
    @Nullable String keyspace;
    @Nullable String table;
    @Nullable List<String> columns;
    @Nullable String condition;
    String consistency = DEFAULT_CONSISTENCY;
    int pageSize = DEFAULT_PAGE_SIZE;
    int splits;
    List<String> writetimeOf = List.of();
    List<String> ttlOf = List.of();
    String writetimeSuffix = "_writetime";
    String ttlSuffix = "_ttl";
    Set<String> skipRanges = Set.of();
    int maxRetries = DEFAULT_MAX_RETRIES;
    boolean failedRangesOutput;

    Settings copy() {
      try {
        return (Settings) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  CassandraRead(Settings settings) {
    this.settings = settings;
  }

  public static CassandraRead create() {
    return new CassandraRead(new Settings());
  }

  private CassandraRead with(Consumer<Settings> change) {
    Settings s = settings.copy();
    change.accept(s);
    return new CassandraRead(s);
  }

  /** How to reach the cluster. */
  public CassandraRead withConnection(CassandraConnection connection) {
    Objects.requireNonNull(connection, "connection");
    return with(s -> s.connection = connection);
  }

  /** Keyspace of the table (required). */
  public CassandraRead withKeyspace(String keyspace) {
    OptionChecks.requireText("keyspace", keyspace);
    return with(s -> s.keyspace = keyspace);
  }

  /** The table to read (required). */
  public CassandraRead withTable(String table) {
    OptionChecks.requireText("table", table);
    return with(s -> s.table = table);
  }

  /** Columns to read, by name (default: all, primary key first). */
  public CassandraRead withColumns(List<String> columns) {
    if (columns == null || columns.isEmpty()) {
      throw new IllegalArgumentException("columns must name at least one column, got: " + columns);
    }
    return with(s -> s.columns = List.copyOf(columns));
  }

  /**
   * A CQL condition ANDed to each range's token restriction, e.g. {@code "status = 'open'"} (ALLOW
   * FILTERING is added). Outside string literals and quoted names it may not contain {@code ;}, its own
   * {@code token(...)}, LIMIT, GROUP BY, ORDER BY, ALLOW FILTERING or comments, which would cut or
   * change what each range returns; the server checks the rest when the statement is prepared at
   * construction.
   */
  public CassandraRead withCondition(String condition) {
    OptionChecks.requireText("condition", condition);
    ConditionCheck.check(condition);
    return with(s -> s.condition = condition);
  }

  /** Read consistency (default LOCAL_ONE). */
  public CassandraRead withConsistency(String level) {
    String upper = OptionChecks.consistency(level, CONSISTENCY_LEVELS);
    return with(s -> s.consistency = upper);
  }

  /** Rows per page (default {@value #DEFAULT_PAGE_SIZE}). */
  public CassandraRead withPageSize(int pageSize) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1, got: " + pageSize);
    }
    return with(s -> s.pageSize = pageSize);
  }

  /**
   * Number of token-range splits (default: the table's estimated size / 64 MB from {@code
   * system.size_estimates}, at least the cluster's own ranges and 4 per core).
   */
  public CassandraRead withSplits(int splits) {
    if (splits < 1) {
      throw new IllegalArgumentException("splits must be at least 1, got: " + splits);
    }
    return with(s -> s.splits = splits);
  }

  /** Adds {@code WRITETIME(col)} of these non-key columns as INT64 fields {@code <col>_writetime}. */
  public CassandraRead withWritetimeOf(List<String> columns) {
    return with(s -> s.writetimeOf = List.copyOf(columns));
  }

  /** Adds {@code TTL(col)} of these non-key columns as INT32 fields {@code <col>_ttl}. */
  public CassandraRead withTtlOf(List<String> columns) {
    return with(s -> s.ttlOf = List.copyOf(columns));
  }

  /** Suffixes of the writetime and TTL fields (default {@code _writetime}, {@code _ttl}). */
  public CassandraRead withMetadataSuffixes(String writetimeSuffix, String ttlSuffix) {
    OptionChecks.requireText("writetimeSuffix", writetimeSuffix);
    OptionChecks.requireText("ttlSuffix", ttlSuffix);
    return with(s -> {
      s.writetimeSuffix = writetimeSuffix;
      s.ttlSuffix = ttlSuffix;
    });
  }

  /** Skips the ranges with these {@link TokenRange#id() ids}, e.g. those a previous run completed. */
  public CassandraRead withSkippedRanges(Set<String> rangeIds) {
    return with(s -> s.skipRanges = Set.copyOf(rangeIds));
  }

  /** Retries of a page that fails transiently (default {@value #DEFAULT_MAX_RETRIES}). */
  public CassandraRead withMaxRetries(int retries) {
    if (retries < 0) {
      throw new IllegalArgumentException("maxRetries must be zero or positive, got: " + retries);
    }
    return with(s -> s.maxRetries = retries);
  }

  /**
   * A range that still fails after its retries goes to {@link CassandraReadResult#getFailedRanges()}
   * instead of failing the pipeline, so the other ranges are still read; a later run can read the
   * failed ones again, e.g. with {@link #withSkippedRanges} of the completed ones. Only with {@link
   * #withProgress()}, whose result holds them. Rows of a failed range read before it failed have been
   * output already; its record says how many.
   */
  public CassandraRead withFailedRangesOutput() {
    return with(s -> s.failedRangesOutput = true);
  }

  /**
   * The token ranges this read would read now (its splits, minus the skipped ones), resolved against
   * the cluster; their {@link TokenRange#id()}s are what {@link #withSkippedRanges} takes.
   */
  public List<TokenRange> tokenRanges() {
    return List.copyOf(plan().ranges);
  }

  /** The Beam schema of the rows this read gives, resolved against the table's metadata now. */
  public org.apache.beam.sdk.schemas.Schema rowSchema() {
    return plan().query.schema();
  }

  /** What construction resolved: the query and the splits to read. */
  static final class Plan {
    final RangeQuery query;
    final List<TokenRange> ranges;

    Plan(RangeQuery query, List<TokenRange> ranges) {
      this.query = query;
      this.ranges = ranges;
    }
  }

  Plan plan() {
    TableSpec table = TableSpec.read(settings.connection, settings.keyspace, settings.table);
    CqlSession session = SessionCache.acquire(settings.connection);
    try {
      List<Column> columns = new ArrayList<>();
      if (settings.columns == null) {
        columns.addAll(table.columns());
      } else {
        for (String name : settings.columns) {
          columns.add(table.column(name).orElseThrow(() -> new IllegalArgumentException(
              "Table " + table.qualifiedName() + " has no column " + name + "; its columns: "
                  + String.join(", ", table.types().keySet()))));
        }
      }
      for (String name : concat(settings.writetimeOf, settings.ttlOf)) {
        Column c = table.column(name).orElseThrow(() -> new IllegalArgumentException(
            "Table " + table.qualifiedName() + " has no column " + name + " for WRITETIME/TTL"));
        if (c.isPrimaryKey() || c.type().isCollection()) {
          throw new IllegalArgumentException("WRITETIME/TTL are not defined for column " + name
              + " of " + table.qualifiedName() + ": it is a key column or a non-frozen collection");
        }
      }
      RangeQuery query = new RangeQuery(table, columns, settings.writetimeOf, settings.ttlOf,
          settings.writetimeSuffix, settings.ttlSuffix, settings.condition);
      try {
        session.prepare(query.select(false));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("The read of " + table.qualifiedName() + " cannot be prepared"
            + (settings.condition == null ? "" : " with condition '" + settings.condition + "'") + ": "
            + e.getMessage(), e);
      }
      List<TokenRange> ranges = new ArrayList<>();
      for (TokenRange r : TokenRing.splits(session, table, settings.splits)) {
        if (!settings.skipRanges.contains(r.id())) {
          ranges.add(r);
        }
      }
      return new Plan(query, ranges);
    } finally {
      SessionCache.release(settings.connection);
    }
  }

  @Override
  public PCollection<Row> expand(PBegin input) {
    requireProgressForFailedRanges();
    Plan plan = plan();
    PCollectionTuple outputs = readRanges(input, plan);
    outputs.get(ReadRangeFn.COMPLETED).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return outputs.get(ReadRangeFn.ROWS).setRowSchema(plan.query.schema());
  }

  /** The same read, also giving the ranges it completed (see {@link CassandraReadResult}). */
  public PTransform<PBegin, CassandraReadResult> withProgress() {
    CassandraRead read = this;
    return new PTransform<PBegin, CassandraReadResult>("ReadWithProgress") {
      @Override
      public CassandraReadResult expand(PBegin input) {
        Plan plan = read.plan();
        PCollectionTuple outputs = read.readRanges(input, plan);
        return new CassandraReadResult(input.getPipeline(),
            outputs.get(ReadRangeFn.ROWS).setRowSchema(plan.query.schema()),
            outputs.get(ReadRangeFn.COMPLETED).setCoder(
                KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())),
            outputs.get(ReadRangeFn.FAILED).setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
      }
    };
  }

  /**
   * The same read with each range's rows handed to {@code sink} (a writer per range, committed when
   * the range is read in full) instead of output; gives, per committed range, its id and row count.
   * An export that records these can skip them on a re-run ({@link #withSkippedRanges}) and still
   * hold every row exactly once.
   */
  public PTransform<PBegin, PCollection<KV<String, Long>>> toRangeSink(RangeSink sink) {
    Objects.requireNonNull(sink, "toRangeSink: the sink is null");
    CassandraRead read = this;
    return new PTransform<PBegin, PCollection<KV<String, Long>>>("ReadToRangeSink") {
      @Override
      public PCollection<KV<String, Long>> expand(PBegin input) {
        read.requireProgressForFailedRanges();
        Plan plan = read.plan();
        PCollectionTuple outputs = read.readRanges(input, plan, sink);
        outputs.get(ReadRangeFn.ROWS).setRowSchema(plan.query.schema());
        return outputs.get(ReadRangeFn.COMPLETED)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
      }
    };
  }

  /** Failed ranges must have somewhere to go: only {@link #withProgress()}'s result has it. */
  private void requireProgressForFailedRanges() {
    if (settings.failedRangesOutput) {
      throw new IllegalArgumentException("withFailedRangesOutput() needs withProgress(), whose result"
          + " holds the failed ranges (getFailedRanges()); without it they would be lost");
    }
  }

  PCollectionTuple readRanges(PBegin input, Plan plan) {
    return readRanges(input, plan, null);
  }

  private PCollectionTuple readRanges(PBegin input, Plan plan, @Nullable RangeSink sink) {
    return input
        .apply("Token ranges", Create.of(plan.ranges).withCoder(SerializableCoder.of(TokenRange.class)))
        .apply("Spread ranges", Reshuffle.viaRandomKey())
        .apply("Read ranges", ParDo.of(new ReadRangeFn(settings.connection, plan.query,
                settings.consistency, settings.pageSize, settings.maxRetries, settings.failedRangesOutput, sink))
            .withOutputTags(ReadRangeFn.ROWS, TupleTagList.of(ReadRangeFn.COMPLETED).and(ReadRangeFn.FAILED)));
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    settings.connection.populateDisplayData(builder);
    builder.addIfNotNull(DisplayData.item("keyspace", settings.keyspace))
        .addIfNotNull(DisplayData.item("table", settings.table))
        .addIfNotNull(DisplayData.item("condition", settings.condition))
        .add(DisplayData.item("consistency", settings.consistency))
        .add(DisplayData.item("pageSize", settings.pageSize))
        .add(DisplayData.item("splits", settings.splits))
        .add(DisplayData.item("failedRangesOutput", settings.failedRangesOutput));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    TreeSet<String> all = new TreeSet<>(a);
    all.addAll(b);
    return new ArrayList<>(all);
  }

}

package io.github.beamcassandra.transforms.mutation;

import io.github.beamcassandra.transforms.CassandraWriteFailure;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.connection.OptionChecks;
import io.github.beamcassandra.transforms.schema.CqlType;
import io.github.beamcassandra.transforms.schema.TableSpec;
import io.github.beamcassandra.transforms.schema.TableSpec.Column;
import io.github.beamcassandra.transforms.schema.ValueConverter;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.TypeName;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Stage 1 of a write: rows (any type with a Beam schema) to validated {@code KV<shard, Mutation>}.
 *
 * <p>At pipeline construction it reads the table's metadata once and checks the input schema against
 * it (keyspace and table exist, the whole primary key is there, no column the table lacks, every field
 * type can become its column's CQL type, the delete flag, TTL and writetime columns exist with usable
 * types), so mistakes fail before anything runs. At run time each row becomes an upsert of its
 * columns, or a delete by primary key when the delete flag matches, with optional TTL and writetime.
 * Rows that cannot (a value that does not convert, a null key, a bad TTL) go to {@link #FAILURES}
 * with the row, the column and the reason; the others go to {@link #MUTATIONS}, keyed by a shard of
 * the partition key's token so one partition always lands in one shard.
 */
public final class ToMutations<T> extends PTransform<PCollection<T>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;

  /** Valid mutations keyed by shard. */
  public static final TupleTag<KV<Integer, Mutation>> MUTATIONS = new TupleTag<KV<Integer, Mutation>>() {};
  /** Rows that could not become a mutation. */
  public static final TupleTag<CassandraWriteFailure> FAILURES = new TupleTag<CassandraWriteFailure>() {};

  /** Default number of shards: enough parallelism for a few workers, few enough keys to batch well. */
  public static final int DEFAULT_SHARDS = 64;
  /**
   * Default number of shards on the runners that run in one JVM: the DirectRunner, and a Flink of the
   * pipeline's own ({@code flinkMaster} {@code [local]} or {@code [auto]}). The DirectRunner runs every
   * (bundle, shard) pair of a stateful step as its own bundle, at a few milliseconds of bookkeeping
   * each, with only a few threads to keep busy; embedded Flink spreads each bundle's mutations over
   * every shard. Measured here, 300,000 rows in partitions of 50: DirectRunner 20.0 s with 64 shards,
   * 13.8 s with 16; the command line's load on embedded Flink 21.9-24.4 s with 64, 12.4-17.1 s with 8.
   */
  public static final int DIRECT_RUNNER_SHARDS = 8;
  /** Cassandra's largest TTL: 20 years. */
  public static final int MAX_TTL_SECONDS = 630_720_000;

  final Settings settings;

  /** Everything configured, shipped to workers as is. */
  static final class Settings implements Serializable, Cloneable {
    private static final long serialVersionUID = 1L;
    CassandraConnection connection = CassandraConnection.create();
    @Nullable String keyspace;
    @Nullable String table;
    @Nullable TableSpec tableSpec;
    /** 0: {@link #defaultShards}. */
    int shards;
    @Nullable String deleteFlagColumn;
    @Nullable String deleteFlagValue;
    int ttlSeconds = Mutation.NO_TTL;
    @Nullable String ttlColumn;
    long writetimeMicros = Mutation.NO_WRITETIME;
    @Nullable String writetimeColumn;
    boolean ignoreNulls = true;

    Settings copy() {
      try {
        return (Settings) clone();
      } catch (CloneNotSupportedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private ToMutations(Settings settings) {
    this.settings = settings;
  }

  public static <T> ToMutations<T> create() {
    return new ToMutations<>(new Settings());
  }

  private ToMutations<T> with(java.util.function.Consumer<Settings> change) {
    Settings s = settings.copy();
    change.accept(s);
    return new ToMutations<>(s);
  }

  /** How to reach the cluster (to read the table's metadata at construction). */
  public ToMutations<T> withConnection(CassandraConnection connection) {
    Objects.requireNonNull(connection, "connection");
    return with(s -> s.connection = connection);
  }

  /** Keyspace of the target table (required unless a {@link #withTableSpec table spec} is given). */
  public ToMutations<T> withKeyspace(String keyspace) {
    OptionChecks.requireText("keyspace", keyspace);
    return with(s -> s.keyspace = keyspace);
  }

  /** The target table (required unless a {@link #withTableSpec table spec} is given). */
  public ToMutations<T> withTable(String table) {
    OptionChecks.requireText("table", table);
    return with(s -> s.table = table);
  }

  /** Uses this description of the table instead of reading it from the cluster (tests, offline use). */
  public ToMutations<T> withTableSpec(TableSpec spec) {
    Objects.requireNonNull(spec, "tableSpec");
    return with(s -> s.tableSpec = spec);
  }

  /**
   * Number of shards mutations are keyed by: the parallelism of the writing stage, and the number of
   * buffers it keeps. Default: {@value #DEFAULT_SHARDS}, or {@value #DIRECT_RUNNER_SHARDS} on the
   * DirectRunner and on an embedded Flink ({@code flinkMaster} {@code [local]} or {@code [auto]}; a job
   * given to a Flink cluster with {@code flink run} and {@code [auto]} should set its shards).
   */
  public ToMutations<T> withShards(int shards) {
    if (shards < 1 || shards > 1 << 16) {
      throw new IllegalArgumentException("shards must be between 1 and 65536, got: " + shards);
    }
    return with(s -> s.shards = shards);
  }

  /**
   * Rows whose {@code column} holds {@code value} (compared as text, case-insensitively) become
   * deletes of their primary key. The column must be in the input and is never written.
   */
  public ToMutations<T> withDeleteFlag(String column, String value) {
    OptionChecks.requireText("deleteFlagColumn", column);
    if (value == null) {
      throw new IllegalArgumentException("deleteFlagValue must be given with deleteFlagColumn " + column);
    }
    return with(s -> {
      s.deleteFlagColumn = column;
      s.deleteFlagValue = value;
    });
  }

  /** A TTL in seconds for every written row (1 to 630720000). */
  public ToMutations<T> withTtl(int seconds) {
    if (seconds < 1 || seconds > MAX_TTL_SECONDS) {
      throw new IllegalArgumentException("ttl must be 1 to " + MAX_TTL_SECONDS + " seconds, got: " + seconds);
    }
    return with(s -> {
      s.ttlSeconds = seconds;
      s.ttlColumn = null;
    });
  }

  /** Takes each row's TTL in seconds from this integer input column (null: no TTL); not written. */
  public ToMutations<T> withTtlColumn(String column) {
    OptionChecks.requireText("ttlColumn", column);
    return with(s -> {
      s.ttlColumn = column;
      s.ttlSeconds = Mutation.NO_TTL;
    });
  }

  /** A writetime, in microseconds since the epoch, for every written row. */
  public ToMutations<T> withWritetime(long micros) {
    if (micros == Mutation.NO_WRITETIME || micros < 0) {
      throw new IllegalArgumentException("writetime must be microseconds since 1970, got: " + micros);
    }
    return with(s -> {
      s.writetimeMicros = micros;
      s.writetimeColumn = null;
    });
  }

  /**
   * Takes each row's writetime from this input column: INT64 microseconds since the epoch, or a
   * DATETIME (null: the server's clock); not written.
   */
  public ToMutations<T> withWritetimeColumn(String column) {
    OptionChecks.requireText("writetimeColumn", column);
    return with(s -> {
      s.writetimeColumn = column;
      s.writetimeMicros = Mutation.NO_WRITETIME;
    });
  }

  /**
   * Whether null values are left unset (default true: nothing is written for them, no tombstone) or
   * written as nulls (false).
   */
  public ToMutations<T> withIgnoreNulls(boolean ignoreNulls) {
    return with(s -> s.ignoreNulls = ignoreNulls);
  }

  /** The table this transform writes to, read from the cluster (once) unless given. */
  public TableSpec tableSpec() {
    return settings.tableSpec != null ? settings.tableSpec
        : TableSpec.read(settings.connection, settings.keyspace, settings.table);
  }

  @Override
  public PCollectionTuple expand(PCollection<T> input) {
    if (!input.hasSchema()) {
      throw new IllegalArgumentException("Cassandra.write() needs input with a Beam schema; "
          + input.getName() + " has none (use Row, or a type with @DefaultSchema)");
    }
    Settings resolved = settings.copy();
    resolved.tableSpec = tableSpec();
    if (resolved.shards == 0) {
      resolved.shards = defaultShards(input.getPipeline().getOptions());
    }
    RowMapping mapping = RowMapping.check(input.getSchema(), resolved);
    PCollectionTuple result = input.apply("Validate rows",
        ParDo.of(new RowToMutationFn<>(resolved, mapping, input.getToRowFunction()))
            .withOutputTags(MUTATIONS, TupleTagList.of(FAILURES)));
    result.get(MUTATIONS).setCoder(KvCoder.of(VarIntCoder.of(), MutationCoder.of()));
    result.get(FAILURES).setCoder(CassandraWriteFailure.Coder.of());
    return result;
  }

  /** {@value #DIRECT_RUNNER_SHARDS} on the DirectRunner and embedded Flink, {@value #DEFAULT_SHARDS} elsewhere. */
  static int defaultShards(PipelineOptions options) {
    Class<?> runner = options.getRunner();
    String name = runner == null ? "" : runner.getSimpleName();
    boolean oneJvm = name.equals("DirectRunner") || name.equals("FlinkRunner") && embeddedFlink(options);
    return oneJvm ? DIRECT_RUNNER_SHARDS : DEFAULT_SHARDS;
  }

  /**
   * Whether the Flink runner's master is {@code [local]} or {@code [auto]} (a Flink in this JVM unless
   * the job was started by Flink's own command line). Read by name: this module does not need Flink.
   */
  private static boolean embeddedFlink(PipelineOptions options) {
    try {
      Class<? extends PipelineOptions> flink = Class.forName("org.apache.beam.runners.flink.FlinkPipelineOptions",
          false, options.getRunner().getClassLoader()).asSubclass(PipelineOptions.class);
      Object master = flink.getMethod("getFlinkMaster").invoke(options.as(flink));
      return "[local]".equals(master) || "[auto]".equals(master);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return false;
    }
  }

  @Override
  public void populateDisplayData(DisplayData.Builder builder) {
    super.populateDisplayData(builder);
    settings.connection.populateDisplayData(builder);
    builder.addIfNotNull(DisplayData.item("keyspace", settings.keyspace))
        .addIfNotNull(DisplayData.item("table", settings.table))
        .add(DisplayData.item("shards", settings.shards == 0 ? "default" : String.valueOf(settings.shards)))
        .addIfNotNull(DisplayData.item("deleteFlagColumn", settings.deleteFlagColumn))
        .addIfNotNull(DisplayData.item("ttlColumn", settings.ttlColumn))
        .addIfNotNull(DisplayData.item("writetimeColumn", settings.writetimeColumn))
        .add(DisplayData.item("ignoreNulls", settings.ignoreNulls));
    if (settings.ttlSeconds != Mutation.NO_TTL) {
      builder.add(DisplayData.item("ttl", settings.ttlSeconds));
    }
  }


  /**
   * Which input field feeds which table column, checked against the table: the construction-time
   * validation of the input schema.
   */
  static final class RowMapping implements Serializable {
    private static final long serialVersionUID = 1L;
    /** For each layout column, the input field index, or -1 when the input does not have it. */
    final int[] fieldOfColumn;
    final int deleteFlagField;
    final int ttlField;
    final int writetimeField;

    private RowMapping(int[] fieldOfColumn, int deleteFlagField, int ttlField, int writetimeField) {
      this.fieldOfColumn = fieldOfColumn;
      this.deleteFlagField = deleteFlagField;
      this.ttlField = ttlField;
      this.writetimeField = writetimeField;
    }

    static RowMapping check(Schema schema, Settings s) {
      TableSpec table = s.tableSpec;
      String where = table.qualifiedName();
      int deleteFlagField = optionalField(schema, s.deleteFlagColumn, "deleteFlagColumn");
      int ttlField = optionalField(schema, s.ttlColumn, "ttlColumn");
      int writetimeField = optionalField(schema, s.writetimeColumn, "writetimeColumn");
      if (ttlField >= 0 && !ValueConverter.isIntegral(schema.getField(ttlField).getType().getTypeName())) {
        throw new IllegalArgumentException("ttlColumn " + s.ttlColumn + " must be an integer field"
            + " (seconds), but it is " + schema.getField(ttlField).getType().getTypeName());
      }
      if (writetimeField >= 0) {
        TypeName type = schema.getField(writetimeField).getType().getTypeName();
        if (type != TypeName.INT64 && type != TypeName.DATETIME) {
          throw new IllegalArgumentException("writetimeColumn " + s.writetimeColumn + " must be INT64"
              + " (microseconds since 1970) or DATETIME, but it is " + type);
        }
      }
      if (table.isCounterTable() && (s.ttlSeconds != Mutation.NO_TTL || ttlField >= 0
          || s.writetimeMicros != Mutation.NO_WRITETIME || writetimeField >= 0)) {
        throw new IllegalArgumentException("Table " + where + " is a counter table: Cassandra allows"
            + " neither TTL nor writetime on counter updates; drop ttl/writetime options");
      }
      TreeSet<String> special = new TreeSet<>();
      for (String c : new String[] {s.deleteFlagColumn, s.ttlColumn, s.writetimeColumn}) {
        if (c != null) {
          special.add(c);
        }
      }
      List<String> unknown = new ArrayList<>();
      for (Schema.Field field : schema.getFields()) {
        if (!special.contains(field.getName()) && table.column(field.getName()).isEmpty()) {
          unknown.add(field.getName());
        }
      }
      if (!unknown.isEmpty()) {
        throw new IllegalArgumentException("The input has columns that table " + where + " lacks: "
            + String.join(", ", unknown) + ". Input columns: " + String.join(", ", schema.getFieldNames())
            + "; table columns: " + columnNames(table.columns()) + ".");
      }
      List<Column> columns = table.columns();
      int[] fieldOfColumn = new int[columns.size()];
      List<String> missingKey = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        Column column = columns.get(i);
        fieldOfColumn[i] = schema.hasField(column.name()) && !special.contains(column.name())
            ? schema.indexOf(column.name()) : -1;
        if (fieldOfColumn[i] < 0 && column.isPrimaryKey()) {
          missingKey.add(column.name());
        }
        if (fieldOfColumn[i] >= 0) {
          Schema.FieldType type = schema.getField(fieldOfColumn[i]).getType();
          Optional<String> problem = ValueConverter.incompatibility(type, column.type());
          if (problem.isPresent()) {
            throw new IllegalArgumentException("Column " + column.name() + " of " + where + ": "
                + problem.get() + ".");
          }
        }
      }
      if (!missingKey.isEmpty()) {
        throw new IllegalArgumentException("The input lacks primary key column(s) "
            + String.join(", ", missingKey) + " of table " + where + " (primary key: "
            + columnNames(table.primaryKey()) + "). Input columns: "
            + String.join(", ", schema.getFieldNames()) + ".");
      }
      if (table.isCounterTable()) {
        for (Column column : columns) {
          if (!column.isPrimaryKey() && column.type().kind() != CqlType.Kind.COUNTER) {
            throw new IllegalStateException("Counter table " + where + " has non-counter column " + column);
          }
        }
      }
      return new RowMapping(fieldOfColumn, deleteFlagField, ttlField, writetimeField);
    }

    private static int optionalField(Schema schema, @Nullable String name, String option) {
      if (name == null) {
        return -1;
      }
      if (!schema.hasField(name)) {
        throw new IllegalArgumentException(option + " " + name + " is not a column of the input."
            + " Input columns: " + String.join(", ", schema.getFieldNames()) + ".");
      }
      return schema.indexOf(name);
    }

    private static String columnNames(List<Column> columns) {
      List<String> names = new ArrayList<>();
      columns.forEach(c -> names.add(c.name()));
      return String.join(", ", names);
    }
  }
}

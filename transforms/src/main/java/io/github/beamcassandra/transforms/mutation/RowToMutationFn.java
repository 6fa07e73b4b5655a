package io.github.beamcassandra.transforms.mutation;

import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import io.github.beamcassandra.transforms.CassandraWriteFailure;
import io.github.beamcassandra.transforms.schema.CqlType;
import io.github.beamcassandra.transforms.schema.TableSpec.Column;
import io.github.beamcassandra.transforms.schema.ValueConverter;
import io.github.beamcassandra.transforms.schema.ValueConverter.ConversionException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.Row;
import org.joda.time.ReadableInstant;

/** Converts each row to a mutation, or to a failure naming the column and the reason. */
final class RowToMutationFn<T> extends DoFn<T, KV<Integer, Mutation>> {
  private static final long serialVersionUID = 1L;

  private final Counter rowsIn = Metrics.counter(ToMutations.class, "rows_in");
  private final Counter rowsInvalid = Metrics.counter(ToMutations.class, "rows_invalid");
  private final Counter deletes = Metrics.counter(ToMutations.class, "deletes");

  private final ToMutations.Settings settings;
  private final ToMutations.RowMapping mapping;
  private final SerializableFunction<T, Row> toRow;
  private final MutationLayout layout;

  private transient List<Column> columns;
  private transient List<DataType> driverTypes;
  private transient List<TypeCodec<Object>> codecs;

  RowToMutationFn(ToMutations.Settings settings, ToMutations.RowMapping mapping,
      SerializableFunction<T, Row> toRow) {
    this.settings = settings;
    this.mapping = mapping;
    this.toRow = toRow;
    this.layout = new MutationLayout(settings.tableSpec);
  }

  @Setup
  public void setup() {
    columns = layout.columns();
    driverTypes = new ArrayList<>();
    for (Column c : columns) {
      driverTypes.add(c.type().toDriver());
    }
    codecs = layout.codecs();
  }

  @ProcessElement
  public void processElement(@Element T element, MultiOutputReceiver out) {
    rowsIn.inc();
    Row row = toRow.apply(element);
    try {
      Mutation mutation = toMutation(row);
      if (mutation.kind() == Mutation.Kind.DELETE) {
        deletes.inc();
      }
      long token = MutationLayout.token(mutation.partitionKey());
      out.get(ToMutations.MUTATIONS).output(KV.of(MutationLayout.shard(token, settings.shards), mutation));
    } catch (InvalidRow e) {
      rowsInvalid.inc();
      out.get(ToMutations.FAILURES).output(new CassandraWriteFailure(
          CassandraWriteFailure.Stage.VALIDATION, row.toString(), e.column, e.getMessage(), e.errorClass));
    }
  }

  Mutation toMutation(Row row) {
    boolean delete = isDelete(row);
    Mutation.Kind kind = delete ? Mutation.Kind.DELETE
        : layout.isCounter() ? Mutation.Kind.COUNTER : Mutation.Kind.UPSERT;
    int count = delete ? layout.primaryKeySize() : columns.size();
    byte[][] values = new byte[columns.size()][];
    for (int i = 0; i < count; i++) {
      int field = mapping.fieldOfColumn[i];
      if (field < 0) {
        continue;
      }
      Column column = columns.get(i);
      Object value = row.getValue(field);
      if (value == null) {
        if (column.isPrimaryKey()) {
          throw new InvalidRow(column.name(), "primary key column " + column.name() + " is null",
              "NullPrimaryKey");
        }
        // Counter deltas of null mean no change; other nulls are tombstones only when asked for.
        values[i] = settings.ignoreNulls || kind == Mutation.Kind.COUNTER ? null : Mutation.NULL;
        continue;
      }
      values[i] = encode(value, i, column);
    }
    int ttl = ttl(row);
    long writetime = writetime(row);
    return new Mutation(kind, values, layout.routingKey(values), ttl, writetime);
  }

  private byte[] encode(Object value, int i, Column column) {
    try {
      Object converted = ValueConverter.convert(value, column.type(), driverTypes.get(i));
      ByteBuffer bytes = codecs.get(i).encode(converted, MutationLayout.PROTOCOL);
      if (bytes == null) {
        return Mutation.NULL;
      }
      byte[] array = new byte[bytes.remaining()];
      bytes.get(array);
      if (array.length == 0 && column.isPrimaryKey() && column.role() == io.github.beamcassandra
          .transforms.schema.TableSpec.Role.PARTITION_KEY && column.type().kind() != CqlType.Kind.BLOB) {
        throw new InvalidRow(column.name(), "partition key column " + column.name() + " is empty",
            "EmptyPartitionKey");
      }
      return array;
    } catch (ConversionException e) {
      throw new InvalidRow(column.name(), "column " + column.name() + " (" + column.type().toCql()
          + "): " + e.getMessage(), "ConversionException");
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new InvalidRow(column.name(), "column " + column.name() + " (" + column.type().toCql()
          + "): " + e.getMessage(), e.getClass().getSimpleName());
    }
  }

  private boolean isDelete(Row row) {
    if (mapping.deleteFlagField < 0) {
      return false;
    }
    Object flag = row.getValue(mapping.deleteFlagField);
    return flag != null && flag.toString().trim().equalsIgnoreCase(settings.deleteFlagValue);
  }

  private int ttl(Row row) {
    if (mapping.ttlField < 0) {
      return settings.ttlSeconds;
    }
    Object value = row.getValue(mapping.ttlField);
    if (value == null) {
      return Mutation.NO_TTL;
    }
    long ttl = ((Number) value).longValue();
    if (ttl < 1 || ttl > ToMutations.MAX_TTL_SECONDS) {
      throw new InvalidRow(settings.ttlColumn, "ttl " + ttl + " in column " + settings.ttlColumn
          + " is outside 1 to " + ToMutations.MAX_TTL_SECONDS + " seconds", "InvalidTtl");
    }
    return (int) ttl;
  }

  private long writetime(Row row) {
    if (mapping.writetimeField < 0) {
      return settings.writetimeMicros;
    }
    Object value = row.getValue(mapping.writetimeField);
    if (value == null) {
      return Mutation.NO_WRITETIME;
    }
    long micros = value instanceof ReadableInstant
        ? ((ReadableInstant) value).getMillis() * 1000L : ((Number) value).longValue();
    if (micros < 0) {
      throw new InvalidRow(settings.writetimeColumn, "writetime " + micros + " in column "
          + settings.writetimeColumn + " is before 1970", "InvalidWritetime");
    }
    return micros;
  }

  /** A row that cannot become a mutation; cheap (no stack trace), it is data, not a bug. */
  static final class InvalidRow extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String column;
    final String errorClass;

    InvalidRow(String column, String message, String errorClass) {
      super(message, null, false, false);
      this.column = column;
      this.errorClass = errorClass;
    }
  }
}

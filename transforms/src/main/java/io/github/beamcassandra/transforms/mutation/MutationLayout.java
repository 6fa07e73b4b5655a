package io.github.beamcassandra.transforms.mutation;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.registry.CodecRegistry;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3TokenFactory;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import io.github.beamcassandra.transforms.schema.TableSpec;
import io.github.beamcassandra.transforms.schema.TableSpec.Column;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The columns a write touches, in the order of a {@link Mutation}'s values (primary key first), and
 * the CQL of the statements that apply mutations. Shared by {@code ToMutations} and
 * {@code WriteMutations}; identifiers are always quoted with {@code CqlIdentifier}, values always bound.
 */
public final class MutationLayout implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Protocol version values are encoded with; its encodings are the same in v4 and v5. */
  public static final ProtocolVersion PROTOCOL = ProtocolVersion.V4;

  private static final Murmur3TokenFactory TOKENS = new Murmur3TokenFactory();

  private final TableSpec table;
  private final List<Column> columns;
  private final int[] partitionKeyIndexes;
  private final int primaryKeySize;
  private final boolean counter;

  /** The layout of every column of {@code table}: primary key first, then the others. */
  public MutationLayout(TableSpec table) {
    this.table = table;
    this.columns = table.columns();
    this.partitionKeyIndexes = new int[table.partitionKey().size()];
    for (int i = 0; i < partitionKeyIndexes.length; i++) {
      partitionKeyIndexes[i] = i;
    }
    this.primaryKeySize = table.primaryKey().size();
    this.counter = table.isCounterTable();
  }

  /** Index of the column in a mutation's values, or -1. */
  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }

  public TableSpec table() {
    return table;
  }

  public List<Column> columns() {
    return columns;
  }

  public int primaryKeySize() {
    return primaryKeySize;
  }

  public boolean isCounter() {
    return counter;
  }

  /** Codecs of the columns, in layout order; built once per worker. */
  public List<TypeCodec<Object>> codecs() {
    List<TypeCodec<Object>> codecs = new ArrayList<>();
    for (Column c : columns) {
      DataType type = c.type().toDriver();
      codecs.add(CodecRegistry.DEFAULT.codecFor(type));
    }
    return codecs;
  }

  /**
   * The routing key of encoded partition key values: the value itself for one column, else each
   * component as a 2-byte length, the bytes and a 0 byte (Cassandra's composite form).
   */
  public byte[] routingKey(byte[][] values) {
    if (partitionKeyIndexes.length == 1) {
      return values[partitionKeyIndexes[0]];
    }
    int size = 0;
    for (int i : partitionKeyIndexes) {
      size += 3 + values[i].length;
    }
    ByteBuffer key = ByteBuffer.allocate(size);
    for (int i : partitionKeyIndexes) {
      key.putShort((short) values[i].length).put(values[i]).put((byte) 0);
    }
    return key.array();
  }

  /** The Murmur3 token of a routing key, as the default partitioner computes it. */
  public static long token(byte[] routingKey) {
    return ((Murmur3Token) TOKENS.hash(ByteBuffer.wrap(routingKey))).getValue();
  }

  /**
   * The shard of a token: the ring cut into {@code shards} contiguous slices, so one partition always
   * lands in one shard and each shard's partitions share replicas.
   */
  public static int shard(long token, int shards) {
    double position = ((double) token - (double) Long.MIN_VALUE) / 18446744073709551616.0;
    return Math.min(shards - 1, Math.max(0, (int) (position * shards)));
  }

  /** INSERT of every column (unset values leave a column alone), optionally with TTL and timestamp markers after the values. */
  public String insertCql(boolean ttl, boolean writetime) {
    String names = columns.stream().map(c -> c.id().asCql(true)).collect(Collectors.joining(", "));
    String markers = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    return "INSERT INTO " + table.qualifiedCql() + " (" + names + ") VALUES (" + markers + ")"
        + using(ttl, writetime);
  }

  /** DELETE of a row by primary key; the timestamp marker (if any) comes first. */
  public String deleteCql(boolean writetime) {
    return "DELETE FROM " + table.qualifiedCql() + using(false, writetime) + " WHERE " + keyClause();
  }

  /** UPDATE adding each counter column's delta; key markers come after the deltas. */
  public String counterCql() {
    StringJoiner set = new StringJoiner(", ");
    for (Column c : columns.subList(primaryKeySize, columns.size())) {
      String id = c.id().asCql(true);
      set.add(id + " = " + id + " + ?");
    }
    return "UPDATE " + table.qualifiedCql() + " SET " + set + " WHERE " + keyClause();
  }

  private String keyClause() {
    return columns.subList(0, primaryKeySize).stream().map(c -> c.id().asCql(true) + " = ?")
        .collect(Collectors.joining(" AND "));
  }

  private static String using(boolean ttl, boolean writetime) {
    if (ttl && writetime) {
      return " USING TTL ? AND TIMESTAMP ?";
    }
    return ttl ? " USING TTL ?" : writetime ? " USING TIMESTAMP ?" : "";
  }

  /** The mutation as readable text for failure reports: {@code UPSERT {id=1, name='x'}}. */
  public String describe(Mutation m, List<TypeCodec<Object>> codecs) {
    StringJoiner values = new StringJoiner(", ", "{", "}");
    for (int i = 0; i < m.valueCount() && i < columns.size(); i++) {
      if (m.isUnset(i)) {
        continue;
      }
      String text;
      if (m.isNull(i)) {
        text = "null";
      } else {
        try {
          text = codecs.get(i).format(codecs.get(i).decode(ByteBuffer.wrap(m.value(i)), PROTOCOL));
        } catch (RuntimeException e) {
          text = "0x" + java.util.HexFormat.of().formatHex(m.value(i));
        }
      }
      values.add(columns.get(i).name() + "=" + text);
    }
    return m.kind() + " " + table.qualifiedName() + " " + values
        + (m.hasTtl() ? " ttl=" + m.ttlSeconds() : "")
        + (m.hasWritetime() ? " writetime=" + m.writetimeMicros() : "");
  }
}

package io.github.beamcassandra.transforms.mutation;

import java.util.Arrays;
import java.util.Objects;

/**
 * One change to one row of the target table, with its values already encoded in the CQL native
 * protocol format (so it is compact, cheap to code between stages and needs no conversion when
 * written). Values are positional: index {@code i} is the {@code i}-th column of the {@link
 * MutationLayout} the mutation was made with; each is a value, a CQL null, or unset (left alone).
 */
public final class Mutation {
  /** What the mutation does. */
  public enum Kind {
    /** INSERT of the set columns (an upsert). */
    UPSERT,
    /** DELETE of the whole row by its primary key. */
    DELETE,
    /** UPDATE of counter columns by the given deltas. */
    COUNTER
  }

  /**
   * Marks a CQL null among the values given to {@link #create} (compared by identity; written as
   * null, which leaves a tombstone).
   */
  public static final byte[] NULL = new byte[0];

  /** No TTL given: the table's default applies. */
  public static final int NO_TTL = -1;
  /** No writetime given: the server's clock applies. */
  public static final long NO_WRITETIME = Long.MIN_VALUE;

  private final Kind kind;
  private final byte[][] values;
  private final byte[] partitionKey;
  private final int ttlSeconds;
  private final long writetimeMicros;
  private int sizeBytes = -1;

  /**
   * A mutation from values already encoded for their columns ({@link MutationLayout} order; {@code
   * null} for unset, {@link #NULL} for a CQL null) and the routing key of its partition ({@link
   * MutationLayout#routingKey}). {@code ToMutations} makes these from rows; this is for callers who
   * feed {@code WriteMutations} themselves.
   */
  public static Mutation create(Kind kind, byte[][] values, byte[] partitionKey, int ttlSeconds,
      long writetimeMicros) {
    return new Mutation(kind, values.clone(), partitionKey.clone(), ttlSeconds, writetimeMicros);
  }

  Mutation(Kind kind, byte[][] values, byte[] partitionKey, int ttlSeconds, long writetimeMicros) {
    this.kind = Objects.requireNonNull(kind);
    this.values = values;
    this.partitionKey = partitionKey;
    this.ttlSeconds = ttlSeconds;
    this.writetimeMicros = writetimeMicros;
  }

  public Kind kind() {
    return kind;
  }

  public int valueCount() {
    return values.length;
  }

  /** True when column {@code i} is left unset (not written). */
  public boolean isUnset(int i) {
    return values[i] == null;
  }

  /** True when column {@code i} is written as CQL null. */
  public boolean isNull(int i) {
    return values[i] == NULL;
  }

  /** The encoded value of column {@code i}; null when it is unset or a CQL null. */
  public byte[] value(int i) {
    byte[] v = values[i];
    return v == NULL ? null : v;
  }

  byte[] rawValue(int i) {
    return values[i];
  }

  /** The partition key as the routing key the driver and server hash to a token. */
  public byte[] partitionKey() {
    return partitionKey;
  }

  public int ttlSeconds() {
    return ttlSeconds;
  }

  public long writetimeMicros() {
    return writetimeMicros;
  }

  public boolean hasTtl() {
    return ttlSeconds != NO_TTL;
  }

  public boolean hasWritetime() {
    return writetimeMicros != NO_WRITETIME;
  }

  /** Approximate bytes of the mutation, counted against buffer and batch size limits. */
  public int sizeBytes() {
    if (sizeBytes < 0) {
      int size = 16 + partitionKey.length;
      for (byte[] v : values) {
        size += v == null ? 1 : 4 + v.length;
      }
      sizeBytes = size;
    }
    return sizeBytes;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Mutation)) {
      return false;
    }
    Mutation m = (Mutation) o;
    if (kind != m.kind || ttlSeconds != m.ttlSeconds || writetimeMicros != m.writetimeMicros
        || !Arrays.equals(partitionKey, m.partitionKey) || values.length != m.values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (isNull(i) != m.isNull(i) || isUnset(i) != m.isUnset(i) || !Arrays.equals(values[i], m.values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, Arrays.hashCode(partitionKey), ttlSeconds, writetimeMicros);
  }

  @Override
  public String toString() {
    return kind + " of partition 0x" + java.util.HexFormat.of().formatHex(partitionKey)
        + (hasTtl() ? " ttl " + ttlSeconds : "") + (hasWritetime() ? " writetime " + writetimeMicros : "");
  }
}

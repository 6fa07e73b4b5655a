package io.github.beamcassandra.transforms.read;

import java.io.Serializable;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * A slice of the Murmur3 token ring: tokens in {@code (start, end]}, or {@code [start, end]} for the
 * slice that begins the ring (so the minimum token is never left out), never wrapping around. Carries
 * the addresses of its replicas so a read can be routed to one of them.
 */
public final class TokenRange implements Serializable, Comparable<TokenRange> {
  private static final long serialVersionUID = 1L;

  private final long start;
  private final boolean startInclusive;
  private final long end;
  private final List<String> replicas;

  public TokenRange(long start, boolean startInclusive, long end, List<String> replicas) {
    if (Long.compare(start, end) > 0 || (start == end && !startInclusive)) {
      throw new IllegalArgumentException("empty or wrapping token range " + start + ".." + end);
    }
    this.start = start;
    this.startInclusive = startInclusive;
    this.end = end;
    this.replicas = List.copyOf(replicas);
  }

  public long start() {
    return start;
  }

  public boolean startInclusive() {
    return startInclusive;
  }

  public long end() {
    return end;
  }

  public List<String> replicas() {
    return replicas;
  }

  /** Number of tokens in the range. */
  public BigInteger size() {
    return BigInteger.valueOf(end).subtract(BigInteger.valueOf(start))
        .add(startInclusive ? BigInteger.ONE : BigInteger.ZERO);
  }

  public boolean contains(long token) {
    return (startInclusive ? token >= start : token > start) && token <= end;
  }

  /** A stable name, e.g. {@code (-9223372036854775808,-4611686018427387904]}, for checkpoints. */
  public String id() {
    return (startInclusive ? "[" : "(") + start + "," + end + "]";
  }

  @Override
  public int compareTo(TokenRange other) {
    int c = Long.compare(start, other.start);
    return c != 0 ? c : Boolean.compare(other.startInclusive, startInclusive);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TokenRange)) {
      return false;
    }
    TokenRange r = (TokenRange) o;
    return start == r.start && end == r.end && startInclusive == r.startInclusive;
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, end, startInclusive);
  }

  @Override
  public String toString() {
    return id() + (replicas.isEmpty() ? "" : " on " + replicas);
  }
}

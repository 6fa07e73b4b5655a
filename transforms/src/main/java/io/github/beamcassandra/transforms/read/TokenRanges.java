package io.github.beamcassandra.transforms.read;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts the Murmur3 ring into a given number of contiguous {@link TokenRange}s that together hold every
 * token exactly once: the minimum token included, the wrap-around range unwrapped. Starts from the
 * cluster's own (vnode) ranges so each split lies within one of them and keeps its replicas.
 */
public final class TokenRanges {
  public static final long MIN = Long.MIN_VALUE;
  public static final long MAX = Long.MAX_VALUE;
  private static final BigInteger RING = BigInteger.ONE.shiftLeft(64);

  private TokenRanges() {}

  /** One of the cluster's ranges as the driver gives it: {@code (start, end]}, possibly wrapping. */
  public static final class Owned {
    final long start;
    final long end;
    final List<String> replicas;

    public Owned(long start, long end, List<String> replicas) {
      this.start = start;
      this.end = end;
      this.replicas = List.copyOf(replicas);
    }
  }

  /**
   * Exactly {@code splits} ranges (or as close as the ring allows: never more than there are tokens)
   * covering the whole ring once, each within one owned range when there are at least as many splits
   * as owned ranges, else whole owned ranges merged in ring order.
   */
  public static List<TokenRange> split(List<Owned> owned, int splits) {
    if (splits < 1) {
      throw new IllegalArgumentException("splits must be at least 1, got: " + splits);
    }
    List<TokenRange> base = unwrap(owned);
    if (splits <= base.size()) {
      return merge(base, splits);
    }
    // Give each base range a share of the splits proportional to its size (largest remainder).
    BigInteger total = RING;
    int[] shares = new int[base.size()];
    BigInteger[] remainders = new BigInteger[base.size()];
    int given = 0;
    for (int i = 0; i < base.size(); i++) {
      BigInteger[] qr = base.get(i).size().multiply(BigInteger.valueOf(splits)).divideAndRemainder(total);
      shares[i] = Math.max(1, qr[0].intValue());
      remainders[i] = qr[1];
      given += shares[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed());
    for (int k = 0; given < splits; k = (k + 1) % order.size()) {
      shares[order.get(k)]++;
      given++;
    }
    for (int k = order.size() - 1; given > splits; k = k == 0 ? order.size() - 1 : k - 1) {
      if (shares[order.get(k)] > 1) {
        shares[order.get(k)]--;
        given--;
      }
    }
    List<TokenRange> result = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      result.addAll(splitEvenly(base.get(i), shares[i]));
    }
    return result;
  }

  /** The owned ranges as non-wrapping ranges in ring order, the first starting at MIN inclusive. */
  static List<TokenRange> unwrap(List<Owned> owned) {
    List<TokenRange> ranges = new ArrayList<>();
    if (owned.isEmpty()) {
      ranges.add(new TokenRange(MIN, true, MAX, List.of()));
      return ranges;
    }
    for (Owned o : owned) {
      if (o.start < o.end) {
        ranges.add(new TokenRange(o.start, false, o.end, o.replicas));
      } else {
        // Wraps (or is the whole ring when start == end): (start, MAX] and [MIN, end].
        if (o.start != MAX) {
          ranges.add(new TokenRange(o.start, false, MAX, o.replicas));
        }
        ranges.add(new TokenRange(MIN, true, o.end, o.replicas));
      }
    }
    Collections.sort(ranges);
    // The range that starts the ring must take MIN itself.
    TokenRange first = ranges.get(0);
    if (first.start() != MIN || !first.startInclusive()) {
      if (first.start() == MIN) {
        ranges.set(0, new TokenRange(MIN, true, first.end(), first.replicas()));
      } else {
        throw new IllegalStateException("owned ranges do not cover the ring's start: " + first);
      }
    }
    for (int i = 1; i < ranges.size(); i++) {
      if (ranges.get(i).start() != ranges.get(i - 1).end() || ranges.get(i).startInclusive()) {
        throw new IllegalStateException("owned ranges are not contiguous at " + ranges.get(i));
      }
    }
    if (ranges.get(ranges.size() - 1).end() != MAX) {
      throw new IllegalStateException("owned ranges do not reach the ring's end");
    }
    return ranges;
  }

  private static List<TokenRange> merge(List<TokenRange> base, int splits) {
    List<TokenRange> result = new ArrayList<>();
    int n = base.size();
    for (int k = 0; k < splits; k++) {
      int from = (int) ((long) k * n / splits);
      int to = (int) ((long) (k + 1) * n / splits) - 1;
      TokenRange first = base.get(from);
      result.add(new TokenRange(first.start(), first.startInclusive(), base.get(to).end(), first.replicas()));
    }
    return result;
  }

  static List<TokenRange> splitEvenly(TokenRange range, int pieces) {
    BigInteger size = range.size();
    int n = (int) Math.min(pieces, size.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue());
    List<TokenRange> result = new ArrayList<>();
    // Boundaries measured from the range's first token.
    BigInteger firstToken = BigInteger.valueOf(range.start()).add(range.startInclusive() ? BigInteger.ZERO : BigInteger.ONE);
    long previousEnd = range.start();
    boolean inclusive = range.startInclusive();
    for (int k = 1; k <= n; k++) {
      long end = k == n ? range.end()
          : firstToken.add(size.multiply(BigInteger.valueOf(k)).divide(BigInteger.valueOf(n))).subtract(BigInteger.ONE).longValueExact();
      result.add(new TokenRange(previousEnd, inclusive, end, range.replicas()));
      previousEnd = end;
      inclusive = false;
    }
    return result;
  }
}

package io.github.beamcassandra.transforms.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TokenRangesTest {
  /** Owned ranges like a cluster's: {@code vnodes} random tokens, each range (previous, token]. */
  static List<TokenRanges.Owned> ring(int vnodes, long seed) {
    Random random = new Random(seed);
    TreeSet<Long> tokens = new TreeSet<>();
    while (tokens.size() < vnodes) {
      tokens.add(random.nextLong());
    }
    List<Long> sorted = new ArrayList<>(tokens);
    List<TokenRanges.Owned> owned = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      long start = sorted.get((i + sorted.size() - 1) % sorted.size());
      owned.add(new TokenRanges.Owned(start, sorted.get(i), List.of("node" + (i % 3))));
    }
    return owned;
  }

  static void assertCoversTheRingOnce(List<TokenRange> ranges) {
    assertEquals(TokenRanges.MIN, ranges.get(0).start());
    assertTrue(ranges.get(0).startInclusive());
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < ranges.size(); i++) {
      if (i > 0) {
        assertEquals(ranges.get(i - 1).end(), ranges.get(i).start(), "gap or overlap at " + ranges.get(i));
        assertTrue(!ranges.get(i).startInclusive());
      }
      total = total.add(ranges.get(i).size());
    }
    assertEquals(TokenRanges.MAX, ranges.get(ranges.size() - 1).end());
    assertEquals(BigInteger.ONE.shiftLeft(64), total);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 16, 64, 1000})
  void anyNumberOfSplitsCoversTheRingExactlyOnce(int splits) {
    for (int vnodes : new int[] {1, 16, 48}) {
      List<TokenRange> ranges = TokenRanges.split(ring(vnodes, splits * 31L + vnodes), splits);
      assertEquals(splits, ranges.size());
      assertCoversTheRingOnce(ranges);
    }
  }

  @Test
  void theMinimumAndMaximumTokensAndTheWrapAroundAreIncluded() {
    List<TokenRange> ranges = TokenRanges.split(ring(16, 3), 7);
    assertTrue(ranges.stream().anyMatch(r -> r.contains(Long.MIN_VALUE)));
    assertTrue(ranges.stream().anyMatch(r -> r.contains(Long.MAX_VALUE)));
    for (long token : new long[] {Long.MIN_VALUE, -1, 0, 1, Long.MAX_VALUE}) {
      assertEquals(1, ranges.stream().filter(r -> r.contains(token)).count(), "token " + token);
    }
  }

  @Test
  void splitsKeepTheReplicasOfTheRangeTheyLieIn() {
    List<TokenRanges.Owned> owned = ring(4, 9);
    List<TokenRange> ranges = TokenRanges.split(owned, 40);
    for (TokenRange r : ranges) {
      assertEquals(1, r.replicas().size());
    }
  }

  @Test
  void aRangeCutInFourAfterATimeoutIsCoveredExactlyByItsPieces() {
    List<TokenRange> ranges = List.of(
        new TokenRange(TokenRanges.MIN, true, TokenRanges.MAX, List.of("a")),
        new TokenRange(-10, false, 10, List.of("b")),
        new TokenRange(100, true, 102, List.of("c")),
        new TokenRange(5, false, 6, List.of("d")));
    for (TokenRange range : ranges) {
      List<TokenRange> pieces = TokenRanges.splitEvenly(range, 4);
      assertEquals(range.size().min(BigInteger.valueOf(4)).intValue(), pieces.size(), "4, or one per token: " + range);
      assertEquals(range.start(), pieces.get(0).start(), range.toString());
      assertEquals(range.startInclusive(), pieces.get(0).startInclusive(), range.toString());
      assertEquals(range.end(), pieces.get(pieces.size() - 1).end(), range.toString());
      BigInteger total = BigInteger.ZERO;
      for (int i = 0; i < pieces.size(); i++) {
        TokenRange piece = pieces.get(i);
        assertTrue(piece.size().signum() > 0, "no empty piece: " + piece);
        assertEquals(range.replicas(), piece.replicas());
        if (i > 0) {
          assertEquals(pieces.get(i - 1).end(), piece.start(), "contiguous: " + pieces);
          assertTrue(!piece.startInclusive(), "a shared bound belongs to the earlier piece: " + pieces);
        }
        total = total.add(piece.size());
      }
      assertEquals(range.size(), total, "every token once: " + pieces);
    }
  }
}

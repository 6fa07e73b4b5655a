package io.github.beamcassandra.transforms.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.beamcassandra.transforms.read.TokenRing.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRingTest {
  private static final long MB = 1024 * 1024;

  @Test
  void oneNodesEstimatesAreScaledToTheWholeRing() {
    // A node of a 4-node ring: two ranges, a quarter of the ring in all, 100 MB between them.
    long quarter = 1L << 62;
    List<Estimate> node = List.of(
        new Estimate(0, quarter / 2, 1024, 50 * 1024),
        new Estimate(Long.MIN_VALUE, Long.MIN_VALUE + quarter / 2, 1024, 50 * 1024));
    assertEquals(400 * MB, TokenRing.tableBytes(node), 1000);
  }

  @Test
  void aRangeThatWrapsAroundAndTheWholeRingAreMeasuredRight() {
    // (max - 1/8 ring, min + 1/8 ring]: a quarter of the ring across the wrap-around.
    long eighth = 1L << 61;
    assertEquals(4 * 64 * MB, TokenRing.tableBytes(
        List.of(new Estimate(Long.MAX_VALUE - eighth + 1, Long.MIN_VALUE + eighth, 64 * MB, 1))), 1000);
    // A single node owning everything reports (t, t]: the whole ring, no scaling.
    assertEquals(64 * MB, TokenRing.tableBytes(List.of(new Estimate(7, 7, 64 * MB, 1))));
  }

  @Test
  void noEstimatesMeanNoBytes() {
    assertEquals(0, TokenRing.tableBytes(List.of()));
    assertEquals(0, TokenRing.tableBytes(List.of(new Estimate(0, 100, 0, 0))));
  }

  @Test
  void splitsFollowTheSizeAboveTheFloors() {
    assertEquals(16, TokenRing.defaultSplits(0, 16, 2), "the owned ranges when they are the larger floor");
    assertEquals(32, TokenRing.defaultSplits(64 * MB, 16, 8), "4 per core");
    assertEquals(100, TokenRing.defaultSplits(100 * 64 * MB - 1, 16, 2), "64 MB per split, rounded up");
    assertEquals(100_000, TokenRing.defaultSplits(Long.MAX_VALUE, 16, 2), "capped");
  }
}

package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableAdminTest {
  @Test
  void tokenRangesCoverTheRingWithoutGapsOrOverlaps() {
    List<long[]> ranges = TableAdmin.tokenRanges(32);

    assertEquals(32, ranges.size());
    assertEquals(Long.MIN_VALUE, ranges.get(0)[0]);
    assertEquals(Long.MAX_VALUE, ranges.get(31)[1]);
    for (int i = 0; i < ranges.size(); i++) {
      assertTrue(ranges.get(i)[0] < ranges.get(i)[1], "range " + i + " is empty");
      if (i > 0) {
        assertEquals(ranges.get(i - 1)[1], ranges.get(i)[0], "gap or overlap before range " + i);
      }
    }
  }

  @Test
  void oneRangeIsTheWholeRing() {
    long[] only = TableAdmin.tokenRanges(1).get(0);

    assertEquals(Long.MIN_VALUE, only[0]);
    assertEquals(Long.MAX_VALUE, only[1]);
  }
}

package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void medianOfOddCountIsTheMiddleValue() {
    assertEquals(5.0, Stats.median(List.of(9.0, 5.0, 1.0)));
    assertEquals(7.0, Stats.median(List.of(7.0)));
  }

  @Test
  void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
    assertEquals(4.0, Stats.median(List.of(6.0, 1.0, 2.0, 100.0)));
  }

  @Test
  void medianOfNothingIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
  }
}

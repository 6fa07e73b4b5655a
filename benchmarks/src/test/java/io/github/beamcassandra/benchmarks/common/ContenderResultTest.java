package io.github.beamcassandra.benchmarks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContenderResultTest {
  @Test
  void lineRoundTrips() {
    ContenderResult result = new ContenderResult("beam-cassandra", Shape.READINGS, 300_000, 4_250_000_000L, 0);

    assertEquals(Optional.of(result), ContenderResult.parse(result.toLine()));
    assertEquals(4.25, result.seconds(), 1e-9);
  }

  @Test
  void otherLinesAreNotResults() {
    assertTrue(ContenderResult.parse("[main] INFO something").isEmpty());
    assertTrue(ContenderResult.parse("BENCHMARK-RESULTS are great").isEmpty());
  }

  @Test
  void lastResultLineWinsAndLogLinesAroundItAreIgnored() {
    List<String> log = List.of(
        "[main] INFO driver",
        "BENCHMARK-RESULT contender=async-loop shape=people rows=10 nanos=5 failures=0",
        "  BENCHMARK-RESULT contender=async-loop shape=people rows=20 nanos=7 failures=2  ",
        "[main] INFO shutdown");

    ContenderResult last = ContenderResult.lastIn(log).orElseThrow();

    assertEquals(20, last.rows());
    assertEquals(7, last.nanos());
    assertEquals(2, last.failures());
  }

  @Test
  void missingFailuresMeansUnknown() {
    ContenderResult result = ContenderResult
        .parse("BENCHMARK-RESULT contender=cassandraio shape=people rows=1 nanos=1").orElseThrow();

    assertEquals(ContenderResult.UNKNOWN_FAILURES, result.failures());
  }

  @Test
  void malformedResultLinesFailLoudly() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> ContenderResult.parse("BENCHMARK-RESULT contender=x shape=people rows=1"));
    assertTrue(missing.getMessage().contains("nanos"), missing.getMessage());
    IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
        () -> ContenderResult.parse("BENCHMARK-RESULT contender=x shape=people rows=many nanos=1"));
    assertTrue(notANumber.getMessage().contains("many"), notANumber.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ContenderResult.parse("BENCHMARK-RESULT contender=x shape=tables rows=1 nanos=1"));
  }
}

package io.github.beamcassandra.pipelines.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.pipelines.UsageException;
import org.junit.jupiter.api.Test;

class ErrorLimitTest {
  @Test
  void aCountIsExceededPastIt() {
    ErrorLimit limit = ErrorLimit.parse("100");
    assertFalse(limit.exceeded(100, 1000, false));
    assertTrue(limit.exceeded(101, 1000, false));
  }

  @Test
  void aShareIsJudgedFromOneHundredRecordsOrAtTheEnd() {
    ErrorLimit limit = ErrorLimit.parse("2%");
    assertFalse(limit.exceeded(5, 50, false), "too few records read to judge a share");
    assertTrue(limit.exceeded(5, 50, true), "at the end every share counts");
    assertFalse(limit.exceeded(2, 100, false));
    assertTrue(limit.exceeded(3, 100, false));
  }

  @Test
  void minusOneIsNoLimit() {
    assertFalse(ErrorLimit.parse("-1").exceeded(Long.MAX_VALUE / 2, 1, true));
  }

  @Test
  void badValuesNameTheOption() {
    for (String bad : new String[] {"ten", "-2", "101%", "%", ""}) {
      UsageException e = assertThrows(UsageException.class, () -> ErrorLimit.parse(bad));
      assertTrue(e.getMessage().contains("--maxErrors") && e.getMessage().contains("'" + bad + "'"),
          e.getMessage());
    }
    assertEquals("2.5%", ErrorLimit.parse("2.5%").toString());
  }
}

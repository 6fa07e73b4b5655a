package io.github.beamcassandra.transforms.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.transforms.Cassandra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionCheckTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "status = 'open' LIMIT 10 | LIMIT",
      "status = 'open' limit 10 | limit",
      "x > 1 PER PARTITION LIMIT 1 | LIMIT",
      "x > 1 GROUP  BY id | GROUP  BY",
      "x > 1 ORDER BY c DESC | ORDER BY",
      "x > 1 ALLOW FILTERING | ALLOW FILTERING",
      "TOKEN (id) > 0 | TOKEN (",
      "x = 1; DROP TABLE t | ;",
      "x = 1 -- the rest | --",
      "x = 1 /* hidden */ | /*",
      "x = 1 // the rest | //"})
  void refusesWhatWouldCutOrChangeARange(String condition, String named) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Cassandra.read().withCondition(condition));
    assertTrue(e.getMessage().startsWith("condition may not contain '" + named + "'"), e.getMessage());
    assertTrue(e.getMessage().endsWith("got: " + condition), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "status = 'open'",
      "status = 'limit; -- order by token(x)'",
      "name = 'it''s a limit'",
      "\"limit\" > 3",
      "\"group by\" = 1",
      "notes = $$ALLOW FILTERING; LIMIT 1$$",
      "age >= 65 AND city IN ('Paris', 'Oslo')",
      "unlimited = true",
      "tokens > 2"})
  void acceptsConditionsWhoseWordsAreOnlyInLiteralsOrNames(String condition) {
    assertEquals(condition, ConditionCheck.check(condition));
  }

  @ParameterizedTest
  @ValueSource(strings = {"status = 'open", "\"limit > 3", "notes = $$text"})
  void refusesAnUnclosedLiteralOrName(String condition) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ConditionCheck.check(condition));
    assertEquals("condition has a string literal or quoted name that is not closed, got: " + condition,
        e.getMessage());
  }

  @Test
  void countChecksTheSameWay() {
    assertThrows(IllegalArgumentException.class, () -> Cassandra.count().withCondition("x > 1 LIMIT 5"));
  }

  @Test
  void literalsAndNamesBecomeOneSpace() {
    assertEquals("a =   AND   > 1", ConditionCheck.withoutQuotedText("a = 'x''y' AND \"b\"\"c\" > 1"));
  }
}

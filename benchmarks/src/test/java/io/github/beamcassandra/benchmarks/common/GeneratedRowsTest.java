package io.github.beamcassandra.benchmarks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GeneratedRowsTest {
  @Test
  void rowsDependOnTheIndexOnly() {
    assertEquals(GeneratedRows.person(42), GeneratedRows.person(42));
    assertEquals(GeneratedRows.reading(42), GeneratedRows.reading(42));
    assertNotEquals(GeneratedRows.person(42), GeneratedRows.person(43));
  }

  @Test
  void peopleIdsAreDistinctVersion4Uuids() {
    Set<UUID> ids = new HashSet<>();
    for (long i = 0; i < 10_000; i++) {
      UUID id = GeneratedRows.person(i).id();
      assertEquals(4, id.version());
      assertEquals(2, id.variant());
      ids.add(id);
    }
    assertEquals(10_000, ids.size());
  }

  @Test
  void readingsFillPartitionsOfFifty() {
    assertEquals(new GeneratedRows.Reading("device-0", 49, GeneratedRows.reading(49).value()),
        GeneratedRows.reading(49));
    assertEquals("device-1", GeneratedRows.reading(50).device());
    assertEquals(0, GeneratedRows.reading(50).seq());
    assertEquals("device-6000", GeneratedRows.reading(300_049).device());
  }

  @Test
  void agesAreAdults() {
    for (long i = 0; i < 1_000; i++) {
      int age = GeneratedRows.person(i).age();
      assertEquals(true, age >= 18 && age < 98, "age " + age);
    }
  }

  @Test
  void negativeIndexesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> GeneratedRows.person(-1));
  }
}

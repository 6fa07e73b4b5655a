package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.benchmarks.common.GeneratedRows;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadFilesTest {
  @Test
  void headersNameTheTablesColumns() {
    assertEquals("id,name,age,score", LoadFiles.header(Shape.PEOPLE));
    assertEquals("device,seq,value", LoadFiles.header(Shape.READINGS));
  }

  @Test
  void aPersonLineHoldsTheGeneratedRow() {
    GeneratedRows.Person p = GeneratedRows.person(7);
    String[] fields = LoadFiles.line(Shape.PEOPLE, 7).split(",", -1);

    assertEquals(4, fields.length);
    assertEquals(p.id(), UUID.fromString(fields[0]));
    assertEquals("person-7", fields[1]);
    assertEquals(p.age(), Integer.parseInt(fields[2]));
    assertEquals(p.score(), Long.parseLong(fields[3]));
  }

  @Test
  void aReadingLineHoldsTheSameDoubleWithoutAnExponent() {
    for (long i = 0; i < 20_000; i++) {
      GeneratedRows.Reading r = GeneratedRows.reading(i);
      String[] fields = LoadFiles.line(Shape.READINGS, i).split(",", -1);

      assertEquals(r.device(), fields[0]);
      assertEquals(r.seq(), Integer.parseInt(fields[1]));
      assertFalse(fields[2].contains("E"), fields[2]);
      assertEquals(r.value(), Double.parseDouble(fields[2]));
    }
  }

  @Test
  void theFileHasTheHeaderThenEveryRowInOrder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("readings.csv");
    Files.writeString(file, "stale\n");

    long bytes = LoadFiles.write(Shape.READINGS, 120, file);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(Files.size(file), bytes);
    assertEquals(121, lines.size());
    assertEquals("device,seq,value", lines.get(0));
    assertEquals(LoadFiles.line(Shape.READINGS, 0), lines.get(1));
    assertEquals(LoadFiles.line(Shape.READINGS, 119), lines.get(120));
    assertTrue(lines.get(50).startsWith("device-0,49,"));
    assertTrue(lines.get(51).startsWith("device-1,0,"));
    try (var entries = Files.list(dir)) {
      assertEquals(List.of(file), entries.toList());
    }
  }

  @Test
  void everyPersonIsAPartitionOfItsOwn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("people.csv");
    LoadFiles.write(Shape.PEOPLE, 5_000, file);

    Set<String> ids = new HashSet<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      ids.add(line.substring(0, line.indexOf(',')));
    }
    assertEquals(5_000, ids.size());
  }
}

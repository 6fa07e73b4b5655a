package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.GeneratedRows;
import io.github.beamcassandra.benchmarks.common.GeneratedRows.Person;
import io.github.beamcassandra.benchmarks.common.GeneratedRows.Reading;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The CSV files every load contender reads: a header line naming the table's columns, then rows
 * {@code 0 .. rows-1} of {@link GeneratedRows} (the write and read benchmarks' rows), one per line, in
 * index order (so a readings file holds each partition's 50 rows together). No value needs quoting.
 */
final class LoadFiles {
  private static final int BUFFER = 1 << 16;

  private LoadFiles() {}

  /** The header line of {@code shape}'s file: its table's columns in table order. */
  static String header(Shape shape) {
    switch (shape) {
      case PEOPLE:
        return "id,name,age,score";
      case READINGS:
        return "device,seq,value";
      default:
        throw new AssertionError(shape);
    }
  }

  /**
   * Row {@code index} of {@code shape} as a CSV line. A double is written with the digits of
   * {@link Double#toString} but never in exponent form ({@code 0.0001234}, not {@code 1.234E-4}), so it
   * reads back as the same double in any parser.
   */
  static String line(Shape shape, long index) {
    switch (shape) {
      case PEOPLE:
        Person p = GeneratedRows.person(index);
        return p.id() + "," + p.name() + "," + p.age() + "," + p.score();
      case READINGS:
        Reading r = GeneratedRows.reading(index);
        return r.device() + "," + r.seq() + "," + BigDecimal.valueOf(r.value()).toPlainString();
      default:
        throw new AssertionError(shape);
    }
  }

  /**
   * Writes {@code rows} rows of {@code shape} to {@code file} (replacing it) through a temporary file
   * in the same directory, so a file with the final name is always complete. Returns its size in bytes.
   */
  static long write(Shape shape, long rows, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        out.write(header(shape));
        out.write('\n');
        StringBuilder chunk = new StringBuilder(BUFFER + 256);
        for (long i = 0; i < rows; i++) {
          chunk.append(line(shape, i)).append('\n');
          if (chunk.length() >= BUFFER) {
            out.append(chunk);
            chunk.setLength(0);
          }
        }
        out.append(chunk);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return Files.size(file);
  }
}

package io.github.beamcassandra.pipelines.unload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code <output>/_checkpoint.txt}: what an unload has finished, so {@code --resume} reads only the
 * rest. The first line fixes what the ranges were cut from ({@code # table=ks.t splits=N format=csv});
 * then one line per range whose file is in place: {@code <range id> <rows> <file>} ({@code -} for a
 * range without rows, which has no file). Lines are appended and
 * flushed one at a time after the range's file is renamed into place, so the file never lists a range
 * whose rows are not all on disk.
 */
final class Checkpoint {
  static final String FILE = "_checkpoint.txt";

  private Checkpoint() {}

  static String header(String table, int splits, String fileName) {
    return "# table=" + table + " splits=" + splits + " files=" + fileName;
  }

  static Path path(String output) {
    return Path.of(output).resolve(FILE);
  }

  static void create(String output, String header) {
    try {
      Files.writeString(path(output), header + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the checkpoint " + path(output) + ": " + e, e);
    }
  }

  /** Appends one completed range; one writer at a time per JVM. */
  static synchronized void append(String output, String rangeId, long rows, String file) {
    try {
      Files.writeString(path(output), rangeId + " " + rows + " " + (rows == 0 ? "-" : file) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to the checkpoint " + path(output) + ": " + e, e);
    }
  }

  /** The number of splits the header of the checkpoint in {@code output} fixes. */
  static int splits(String output) {
    String header = read(output).getKey();
    for (String part : header.split(" ")) {
      if (part.startsWith("splits=")) {
        try {
          return Integer.parseInt(part.substring("splits=".length()));
        } catch (NumberFormatException e) {
          break;
        }
      }
    }
    throw new IllegalStateException("The checkpoint " + path(output) + " does not say its splits: '"
        + header + "'");
  }

  /** The header line and the completed ranges with their row counts. */
  static Map.Entry<String, Map<String, Long>> read(String output) {
    try {
      List<String> lines = Files.readAllLines(path(output), StandardCharsets.UTF_8);
      Map<String, Long> done = new HashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] parts = line.split(" ");
        if (parts.length >= 2) {
          done.put(parts[0], Long.parseLong(parts[1]));
        }
      }
      return Map.entry(lines.isEmpty() ? "" : lines.get(0), done);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read the checkpoint " + path(output) + ": " + e.getMessage(), e);
    }
  }
}

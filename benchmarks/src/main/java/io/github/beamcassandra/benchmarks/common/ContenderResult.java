package io.github.beamcassandra.benchmarks.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a contender's child JVM measured, sent to the parent as one line on standard output:
 *
 * <pre>BENCHMARK-RESULT contender=async-loop shape=people rows=300000 nanos=4521337000 failures=0</pre>
 *
 * @param contender the contender's name
 * @param shape the table written (or read)
 * @param rows rows the child generated and handed to its writer; in the read benchmark, the rows it
 *     read or counted
 * @param nanos from the start of the pipeline run (or of the loop) until every write was acknowledged
 *     (or the read or count was done)
 * @param failures writes the contender reported as failed, or {@link #UNKNOWN_FAILURES} when it has no
 *     way to count them (Beam's CassandraIO fails the pipeline instead)
 */
public record ContenderResult(String contender, Shape shape, long rows, long nanos, long failures) {
  public static final String PREFIX = "BENCHMARK-RESULT";
  public static final long UNKNOWN_FAILURES = -1;

  public ContenderResult {
    if (contender.isBlank() || contender.contains(" ")) {
      throw new IllegalArgumentException("contender must be one word, got: '" + contender + "'");
    }
    if (rows < 0 || nanos <= 0) {
      throw new IllegalArgumentException("rows must be >= 0 and nanos > 0, got " + rows + ", " + nanos);
    }
  }

  public double seconds() {
    return nanos / 1e9;
  }

  public String toLine() {
    return PREFIX + " contender=" + contender + " shape=" + shape.table() + " rows=" + rows
        + " nanos=" + nanos + " failures=" + failures;
  }

  /** The result on {@code line}, or empty when the line is not a result line. */
  public static Optional<ContenderResult> parse(String line) {
    String trimmed = line.trim();
    if (!trimmed.startsWith(PREFIX + " ")) {
      return Optional.empty();
    }
    Map<String, String> fields = new HashMap<>();
    for (String token : trimmed.substring(PREFIX.length()).trim().split("\\s+")) {
      int eq = token.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("malformed result line (token '" + token + "'): " + line);
      }
      fields.put(token.substring(0, eq), token.substring(eq + 1));
    }
    try {
      return Optional.of(new ContenderResult(
          field(fields, "contender", line),
          Shape.fromName(field(fields, "shape", line)),
          Long.parseLong(field(fields, "rows", line)),
          Long.parseLong(field(fields, "nanos", line)),
          Long.parseLong(fields.getOrDefault("failures", String.valueOf(UNKNOWN_FAILURES)))));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed result line (" + e.getMessage() + "): " + line, e);
    }
  }

  /** The last result line among {@code lines}, if any. */
  public static Optional<ContenderResult> lastIn(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      Optional<ContenderResult> result = parse(lines.get(i));
      if (result.isPresent()) {
        return result;
      }
    }
    return Optional.empty();
  }

  private static String field(Map<String, String> fields, String name, String line) {
    String value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException("result line without " + name + "=: " + line);
    }
    return value;
  }
}

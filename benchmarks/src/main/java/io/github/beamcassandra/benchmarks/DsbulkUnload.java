package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.ChildArgs;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * DataStax Bulk Loader's {@code unload} as the read benchmark runs it: its own main class in a child
 * JVM (the parent cannot add a result line to a tool's output), CSV files with a header line written to
 * a fresh directory, its default settings otherwise (LOCAL_ONE, as every read contender). The parent
 * checks its work afterwards by counting the lines of the files, and reads the rate DSBulk reports in
 * its closing summary.
 */
final class DsbulkUnload {
  /** DSBulk's entry point, in {@code dsbulk-runner}. */
  static final String MAIN_CLASS = "com.datastax.oss.dsbulk.runner.DataStaxBulkLoader";
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
  private static final Pattern RUNNER_JAR = Pattern.compile("dsbulk-runner-([0-9][^/]*?)\\.jar");

  /**
   * What DSBulk's closing summary says.
   *
   * @param total records unloaded, failed ones included
   * @param failed records that failed
   * @param rowsPerSecond DSBulk's mean rate over its operation (its metrics' start to the end)
   */
  record Summary(long total, long failed, double rowsPerSecond) {
    /** The seconds DSBulk's rate stands for ({@code total / rate}), when it reported a rate. */
    Optional<Double> seconds() {
      return rowsPerSecond > 0 ? Optional.of(total / rowsPerSecond) : Optional.empty();
    }
  }

  private DsbulkUnload() {}

  /**
   * The command-line arguments of one unload of {@code keyspace.table} into {@code outputDir} (which
   * DSBulk creates), with DSBulk's operation logs under {@code logDir}.
   */
  static List<String> args(List<String> contactPoints, String localDatacenter, String keyspace,
      String table, Path outputDir, Path logDir) {
    return args("unload", contactPoints, localDatacenter, keyspace, table, outputDir, logDir);
  }

  /**
   * The command-line arguments of DSBulk's {@code workflow} ({@code load} or {@code unload}) of
   * {@code keyspace.table}, with {@code url} as its file or directory ({@code -url}: what {@code load}
   * reads, where {@code unload} writes) and its operation logs under {@code logDir}. The load benchmark
   * uses it for {@code load}.
   */
  static List<String> args(String workflow, List<String> contactPoints, String localDatacenter,
      String keyspace, String table, Path url, Path logDir) {
    List<String> hosts = new ArrayList<>();
    for (String point : contactPoints) {
      hosts.add(ChildArgs.host(point));
    }
    int port = ChildArgs.port(contactPoints.get(0));
    for (String point : contactPoints) {
      if (ChildArgs.port(point) != port) {
        throw new IllegalArgumentException("DSBulk takes one port for every contact point (-port), got: "
            + String.join(",", contactPoints));
      }
    }
    return List.of(
        workflow,
        "-k", keyspace,
        "-t", table,
        "-url", url.toAbsolutePath().toString(),
        "-h", String.join(",", hosts),
        "-port", String.valueOf(port),
        "-dc", localDatacenter,
        "-logDir", logDir.toAbsolutePath().toString());
  }

  /**
   * The closing summary among DSBulk's output lines: a header line with {@code total}, {@code failed}
   * and a {@code .../s} rate column, separated by {@code |}, and the values on the next non-blank line.
   * DSBulk prints the same table at every progress report; the last one is the summary.
   */
  static Optional<Summary> parseSummary(List<String> lines) {
    Summary found = null;
    for (int i = 0; i < lines.size() - 1; i++) {
      List<String> header = cells(lines.get(i));
      int total = header.indexOf("total");
      int failed = header.indexOf("failed");
      int rate = -1;
      for (int c = 0; c < header.size(); c++) {
        if (header.get(c).endsWith("/s")) {
          rate = c;
          break;
        }
      }
      if (total < 0 || failed < 0 || rate < 0) {
        continue;
      }
      int next = i + 1;
      while (next < lines.size() && lines.get(next).isBlank()) {
        next++;
      }
      if (next == lines.size()) {
        break;
      }
      List<String> values = cells(lines.get(next));
      if (values.size() != header.size()) {
        continue;
      }
      try {
        found = new Summary(number(values.get(total)), number(values.get(failed)),
            Double.parseDouble(values.get(rate).replace(",", "")));
      } catch (NumberFormatException e) {
        // not the values line after all; look on
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The records in the CSV files under {@code dir}: every non-empty line, less one header line per
   * file that has any line. Right for this benchmark's table, whose values never hold a line break.
   */
  static long countCsvRecords(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    List<Path> files;
    try (Stream<Path> all = Files.walk(dir)) {
      files = all.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".csv"))
          .toList();
    }
    long records = 0;
    for (Path file : files) {
      long lines = 0;
      try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (!line.isEmpty()) {
            lines++;
          }
        }
      }
      records += Math.max(0, lines - 1);
    }
    return records;
  }

  /**
   * DSBulk's version: that of the {@code dsbulk-runner} jar listed in {@code classpathFile} (the file
   * the build writes), or {@code ?}.
   */
  static String version(Path classpathFile) throws IOException {
    String text = Files.readString(classpathFile, StandardCharsets.UTF_8).trim();
    for (String entry : text.split(File.pathSeparator)) {
      Matcher m = RUNNER_JAR.matcher(Path.of(entry).getFileName().toString());
      if (m.matches()) {
        return m.group(1);
      }
    }
    return "?";
  }

  /** Deletes {@code dir} and everything in it, if it exists. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static List<String> cells(String line) {
    String plain = ANSI.matcher(line).replaceAll("");
    List<String> cells = new ArrayList<>();
    for (String cell : plain.split("\\|", -1)) {
      cells.add(cell.trim().toLowerCase(Locale.ROOT));
    }
    return cells;
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", ""));
  }
}

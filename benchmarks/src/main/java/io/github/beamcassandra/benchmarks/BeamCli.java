package io.github.beamcassandra.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * beam-cassandra's command line as the load benchmark runs it: {@code java -jar beam-cassandra.jar
 * <command> ...} with the JVM flags {@code bin/beam-cassandra} passes, but not through that script,
 * which rebuilds the jar when sources changed (the clock would include a Maven build).
 */
final class BeamCli {
  /**
   * The {@code --add-opens} flags of {@code bin/beam-cassandra} (which Spark needs on Java 17 and the
   * other runners ignore); keep them in step with the script. Its other flag,
   * {@code -Dbeamcassandra.local.lib}, only matters without {@code --contactPoints}, which every run
   * here gives.
   */
  static final List<String> LAUNCHER_FLAGS = List.of(
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED");

  /**
   * The JVM flags {@code bin/beam-cassandra} adds for short runs on few cores (keep them in step with the
   * script): the C1 compiler only, and CDS quiet about a missing or stale archive.
   */
  static final List<String> LAUNCHER_JIT_FLAGS = List.of(
      "-XX:TieredStopAtLevel=1", "-Xlog:cds=off,cds+dynamic=off");

  private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");
  /** The report table's {@code duration} row: {@code   duration           29.1 s}. */
  private static final Pattern DURATION = Pattern.compile("\\s*duration\\s+(\\d+(?:\\.\\d+)?) s\\s*");

  /**
   * Where every command connects and keeps its run records.
   *
   * @param runDir the {@code --runDir} of every run (report.json and rejects), under the benchmark's logs
   * @param runLog the {@code --runLog} of every run, instead of the user's {@code ~/.beam-cassandra}
   */
  record Connection(List<String> contactPoints, String localDatacenter, String keyspace, Path runDir,
      Path runLog) {
    Connection {
      contactPoints = List.copyOf(contactPoints);
    }
  }

  private BeamCli() {}

  /**
   * {@code java -Xmx<heap> <launcher flags> <jvmFlags> -jar <jar> <command> <connection> <args>}: the
   * connection options, then the command's own arguments, then {@code --progressSeconds=0} (no progress
   * lines: the run's log only gets the closing report).
   */
  static List<String> command(Path jar, String heap, List<String> jvmFlags, String command,
      Connection connection, String table, List<String> args) {
    List<String> line = new ArrayList<>();
    line.add(ChildLauncher.java());
    line.add("-Xmx" + heap);
    line.addAll(LAUNCHER_FLAGS);
    line.addAll(LAUNCHER_JIT_FLAGS);
    Path archive = classArchive(jar);
    if (Files.isRegularFile(archive)) {
      line.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
    }
    line.addAll(jvmFlags);
    line.add("-jar");
    line.add(jar.toAbsolutePath().toString());
    line.add(command);
    line.add("--contactPoints=" + String.join(",", connection.contactPoints()));
    line.add("--localDatacenter=" + connection.localDatacenter());
    line.add("--keyspace=" + connection.keyspace());
    line.add("--table=" + table);
    line.addAll(args);
    line.add("--runDir=" + connection.runDir().toAbsolutePath());
    line.add("--runLog=" + connection.runLog().toAbsolutePath());
    line.add("--progressSeconds=0");
    return line;
  }

  /**
   * The class-data-sharing archive of {@code jar}'s classes, which {@code bin/beam-cassandra} writes on
   * its first load after a build ({@code -XX:ArchiveClassesAtExit}) and uses from then on; {@link
   * #command} uses it once it exists.
   */
  static Path classArchive(Path jar) {
    return jar.resolveSibling("beam-cassandra.jsa");
  }

  /** The arguments of {@code load} of {@code input}, on {@code runner} (empty: the default). */
  static List<String> loadArgs(Path input, Optional<String> runner) {
    List<String> args = new ArrayList<>();
    args.add("--input=" + input.toAbsolutePath());
    runner.ifPresent(r -> args.add("--runner=" + r));
    return args;
  }

  /** The arguments of {@code unload} into {@code output}, a directory that must not exist or be empty. */
  static List<String> unloadArgs(Path output) {
    return List.of("--output=" + output.toAbsolutePath());
  }

  /**
   * What {@code count} printed: the last line of its output that is a whole number. Its report goes to
   * standard error and the count to standard output, last; the benchmark's log holds both.
   */
  static Optional<Long> countIn(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i).trim();
      if (WHOLE_NUMBER.matcher(line).matches()) {
        try {
          return Optional.of(Long.parseLong(line));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code duration} of the command's closing report: from the start of its run (after it
   * connected and read the table's metadata) to its end, the last such line when there are several.
   */
  static Optional<Double> durationIn(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      Matcher m = DURATION.matcher(lines.get(i));
      if (m.matches()) {
        return Optional.of(Double.parseDouble(m.group(1)));
      }
    }
    return Optional.empty();
  }
}

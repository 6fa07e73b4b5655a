package io.github.beamcassandra.benchmarks;

import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.ContenderResult;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a contender's main class in a child JVM with the classpath the build wrote for it, sends its
 * output to a log file and reads its result line back.
 */
final class ChildLauncher {
  /** The CassandraIO contender's jar, written by the nested build of {@code benchmarks/cassandraio}. */
  static final String CASSANDRA_IO_JAR = "cassandraio/beam-cassandra-benchmarks-cassandraio.jar";
  private static final int TAIL_LINES = 30;

  /** What a child did. {@code exitCode} is -1 when it was stopped for running too long. */
  record ChildRun(int exitCode, Optional<ContenderResult> result, List<String> tail, Path log) {
    boolean timedOut() {
      return exitCode == -1;
    }
  }

  private final Path targetDir;
  private final Path moduleCode;
  private final String heap;
  private final Duration timeout;
  private volatile Process running;

  /**
   * @param targetDir the benchmarks module's {@code target} directory
   * @param moduleCode this module's jar or classes directory (the other two contenders' code)
   */
  ChildLauncher(Path targetDir, Path moduleCode, String heap, Duration timeout) {
    this.targetDir = targetDir;
    this.moduleCode = moduleCode;
    this.heap = heap;
    this.timeout = timeout;
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopRunning, "stop-benchmark-child"));
  }

  /** The file listing {@code contender}'s dependencies. */
  Path classpathFile(Contender contender) {
    return targetDir.resolve("classpath").resolve(contender.classpathFile());
  }

  /** Fails with what to build when a contender's classpath or jar is missing. */
  void checkBuilt(Contender contender) {
    List<Path> needed = new ArrayList<>(List.of(classpathFile(contender)));
    needed.add(contender.ownJar() ? targetDir.resolve(CASSANDRA_IO_JAR) : moduleCode);
    for (Path path : needed) {
      if (!Files.exists(path)) {
        throw new IllegalStateException("The " + contender.label() + " contender is not built: " + path
            + " is missing. Build with `mvn -B -pl benchmarks package` (or run"
            + " benchmarks/run-write-benchmark.sh, which does).");
      }
    }
  }

  /** The full classpath of {@code contender}'s child JVM. */
  String classpath(Contender contender) {
    checkBuilt(contender);
    String dependencies;
    try {
      dependencies = Files.readString(classpathFile(contender), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path code = contender.ownJar() ? targetDir.resolve(CASSANDRA_IO_JAR) : moduleCode;
    return code.toAbsolutePath() + (dependencies.isEmpty() ? "" : File.pathSeparator + dependencies);
  }

  List<String> command(Contender contender, ChildArgs args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-cp");
    command.add(classpath(contender));
    command.add(contender.mainClass());
    command.addAll(args.toArgs());
    return command;
  }

  /** Runs {@code contender} to the end (or the timeout), its output going to {@code log}. */
  ChildRun run(Contender contender, ChildArgs args, Path log) throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    List<String> command = command(contender, args);
    Files.writeString(log, "# " + String.join(" ", command) + System.lineSeparator(),
        StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    running = process;
    int exitCode;
    try {
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        exitCode = process.exitValue();
      } else {
        stop(process);
        exitCode = -1;
      }
    } finally {
      running = null;
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    Optional<ContenderResult> result = ContenderResult.lastIn(lines);
    List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    return new ChildRun(exitCode, result, List.copyOf(tail), log);
  }

  private void stopRunning() {
    Process process = running;
    if (process != null) {
      stop(process);
    }
  }

  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

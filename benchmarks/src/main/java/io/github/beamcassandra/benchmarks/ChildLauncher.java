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
 * output to a log file and reads its result line back; or runs any other command the same way (the load
 * benchmark's {@code java -jar beam-cassandra.jar load ...}). The write benchmark uses it through
 * {@link Contender}, the read and load benchmarks through {@link Program}s of their own.
 */
final class ChildLauncher {
  /** The CassandraIO contender's jar, written by the nested build of {@code benchmarks/cassandraio}. */
  static final String CASSANDRA_IO_JAR = "cassandraio/beam-cassandra-benchmarks-cassandraio.jar";
  private static final int TAIL_LINES = 30;

  /**
   * What a child did. {@code exitCode} is -1 when it was stopped for running too long; {@code wallNanos}
   * is the child JVM's whole life, from start to exit, as the parent saw it.
   */
  record ChildRun(int exitCode, Optional<ContenderResult> result, List<String> tail, Path log,
      long wallNanos) {
    boolean timedOut() {
      return exitCode == -1;
    }

    double wallSeconds() {
      return wallNanos / 1e9;
    }
  }

  /**
   * A main class to start in a child JVM.
   *
   * @param label the name in messages
   * @param classpathFile the file under {@code target/classpath} listing its dependencies
   * @param code a jar or classes directory put before the dependencies, or empty when the main class
   *     is in the dependencies themselves (a tool such as DataStax Bulk Loader)
   * @param mainClass the class whose {@code main} runs
   */
  record Program(String label, String classpathFile, Optional<Path> code, String mainClass) {}

  private final Path targetDir;
  private final Path moduleCode;
  private final String heap;
  private final List<String> jvmFlags;
  private final Duration timeout;
  private volatile Process running;

  /**
   * @param targetDir the benchmarks module's {@code target} directory
   * @param moduleCode this module's jar or classes directory (the other two contenders' code)
   */
  ChildLauncher(Path targetDir, Path moduleCode, String heap, Duration timeout) {
    this(targetDir, moduleCode, heap, List.of(), timeout);
  }

  /** @param jvmFlags given to every child JVM started for a {@link Program} (before its own flags) */
  ChildLauncher(Path targetDir, Path moduleCode, String heap, List<String> jvmFlags, Duration timeout) {
    this.targetDir = targetDir;
    this.moduleCode = moduleCode;
    this.heap = heap;
    this.jvmFlags = List.copyOf(jvmFlags);
    this.timeout = timeout;
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopRunning, "stop-benchmark-child"));
  }

  /** This module's jar or classes directory. */
  Path moduleCode() {
    return moduleCode;
  }

  /** The write benchmark's {@code contender} as a program. */
  Program program(Contender contender) {
    Path code = contender.ownJar() ? targetDir.resolve(CASSANDRA_IO_JAR) : moduleCode;
    return new Program(contender.label(), contender.classpathFile(), Optional.of(code),
        contender.mainClass());
  }

  /** The file listing {@code contender}'s dependencies. */
  Path classpathFile(Contender contender) {
    return classpathFile(program(contender));
  }

  Path classpathFile(Program program) {
    return targetDir.resolve("classpath").resolve(program.classpathFile());
  }

  /** Fails with what to build when a contender's classpath or jar is missing. */
  void checkBuilt(Contender contender) {
    checkBuilt(program(contender));
  }

  void checkBuilt(Program program) {
    List<Path> needed = new ArrayList<>(List.of(classpathFile(program)));
    program.code().ifPresent(needed::add);
    for (Path path : needed) {
      if (!Files.exists(path)) {
        throw new IllegalStateException("The " + program.label() + " contender is not built: " + path
            + " is missing. Build with `mvn -B -pl benchmarks package` (or run"
            + " benchmarks/run-write-benchmark.sh or run-read-benchmark.sh, which do).");
      }
    }
  }

  /** The full classpath of {@code contender}'s child JVM. */
  String classpath(Contender contender) {
    return classpath(program(contender));
  }

  String classpath(Program program) {
    checkBuilt(program);
    String dependencies;
    try {
      dependencies = Files.readString(classpathFile(program), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> entries = new ArrayList<>();
    program.code().ifPresent(code -> entries.add(code.toAbsolutePath().toString()));
    if (!dependencies.isEmpty()) {
      entries.add(dependencies);
    }
    return String.join(File.pathSeparator, entries);
  }

  List<String> command(Contender contender, ChildArgs args) {
    return command(program(contender), args.toArgs());
  }

  List<String> command(Program program, List<String> args) {
    return command(program, List.of(), args);
  }

  /**
   * {@code java}, this launcher's {@code -Xmx} and JVM flags, {@code jvmFlags}, the classpath, the main
   * class, then {@code args}.
   */
  List<String> command(Program program, List<String> jvmFlags, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add("-Xmx" + heap);
    command.addAll(this.jvmFlags);
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(classpath(program));
    command.add(program.mainClass());
    command.addAll(args);
    return command;
  }

  /** The {@code java} launcher of the JVM running this benchmark, which every child runs on. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** This launcher's {@code -Xmx} value, such as {@code 2G}. */
  String heap() {
    return heap;
  }

  /** Runs {@code contender} to the end (or the timeout), its output going to {@code log}. */
  ChildRun run(Contender contender, ChildArgs args, Path log) throws IOException, InterruptedException {
    return run(program(contender), args.toArgs(), log);
  }

  /** Runs {@code program} with {@code args} to the end (or the timeout), its output going to {@code log}. */
  ChildRun run(Program program, List<String> args, Path log) throws IOException, InterruptedException {
    return run(command(program, args), log);
  }

  /**
   * Runs any {@code command} (a tool's own launcher, {@code java -jar ...}) to the end or the timeout,
   * its output going to {@code log}; the wall time is the process's whole life.
   */
  ChildRun run(List<String> command, Path log) throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    Files.writeString(log, "# " + String.join(" ", command) + System.lineSeparator(),
        StandardCharsets.UTF_8);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    long start = System.nanoTime();
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
    long wallNanos = System.nanoTime() - start;
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    Optional<ContenderResult> result = ContenderResult.lastIn(lines);
    List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    return new ChildRun(exitCode, result, List.copyOf(tail), log, wallNanos);
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

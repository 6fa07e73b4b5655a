package io.github.beamcassandra.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import java.util.function.Predicate;

/** What the benchmarks' main methods share: option errors, help, exit codes, the log directory. */
final class BenchmarkMain {
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** A benchmark run from its parsed options; returns the exit code. */
  interface Body<O> {
    int run(O options) throws IOException, InterruptedException;
  }

  private BenchmarkMain() {}

  /**
   * Parses {@code args} (exit 2 with the usage when they are wrong), prints the usage for {@code
   * --help}, else runs {@code body} and exits with its code (1 when it throws, 130 when interrupted).
   */
  static <O> void main(String[] args, Function<String[], O> parse, Predicate<O> help, String usage,
      Body<O> body) {
    O options;
    try {
      options = parse.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println();
      System.err.println(usage);
      System.exit(2);
      return;
    }
    if (help.test(options)) {
      System.out.println(usage);
      return;
    }
    int status;
    try {
      status = body.run(options);
    } catch (RuntimeException | IOException e) {
      System.err.println("The benchmark failed: " + e);
      e.printStackTrace();
      status = 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 130;
    }
    System.exit(status);
  }

  /**
   * Creates {@code <targetDir>/benchmark-logs/<prefix><time>/} and sends the parent's own log lines
   * (the driver's connections, server warnings) to {@code parent.log} there, so they do not break up
   * the report. Call before the first logger exists.
   */
  static Path logDir(Path targetDir, String prefix) throws IOException {
    Path dir = targetDir.resolve("benchmark-logs").resolve(prefix + LocalDateTime.now().format(RUN_ID));
    Files.createDirectories(dir);
    System.setProperty("org.slf4j.simpleLogger.logFile", dir.resolve("parent.log").toString());
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    return dir;
  }
}

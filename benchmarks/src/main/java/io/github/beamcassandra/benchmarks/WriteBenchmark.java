package io.github.beamcassandra.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.session.Session;
import io.github.beamcassandra.benchmarks.ChildLauncher.ChildRun;
import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.DirectRunnerFlags;
import io.github.beamcassandra.benchmarks.common.Shape;
import io.github.beamcassandra.local.LocalCassandra;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.beam.sdk.util.ReleaseInfo;

/**
 * The write benchmark: beam-cassandra, Beam's CassandraIO and a java-driver async loop write the same
 * generated rows into the same tables, each contender in a child JVM of its own, and one table compares
 * them. Runs are interleaved (every contender once, then again) so drift on a noisy machine spreads
 * over all of them, and each shape reports the median of its runs. Every run starts from an empty
 * table (TRUNCATE) and counts only when {@code SELECT count(*)} finds every row afterwards.
 *
 * <p>Run with {@code benchmarks/run-write-benchmark.sh [--option=value ...]}; options are in
 * {@link BenchmarkOptions#USAGE}.
 */
public final class WriteBenchmark {
  private static final Duration ADMIN_TIMEOUT = TableAdmin.TIMEOUT;
  private static final Pattern DRIVER3_JAR = Pattern.compile("cassandra-driver-core-([0-9][^/]*?)\\.jar");

  private final BenchmarkOptions options;
  private final Path targetDir;
  private final Path moduleCode;
  private final ChildLauncher launcher;
  private final Path logDir;

  private WriteBenchmark(BenchmarkOptions options) throws IOException {
    this.options = options;
    this.moduleCode = moduleCode();
    this.targetDir = options.targetDir().orElseGet(() -> moduleCode.getParent()).toAbsolutePath();
    this.launcher = new ChildLauncher(targetDir, moduleCode, options.childHeap(), options.childJvmFlags(),
        Duration.ofMinutes(options.childTimeoutMinutes()));
    this.logDir = BenchmarkMain.logDir(targetDir, "");
  }

  public static void main(String[] args) {
    BenchmarkMain.main(args, BenchmarkOptions::parse, BenchmarkOptions::help,
        BenchmarkOptions.USAGE, options -> new WriteBenchmark(options).run());
  }

  private int run() throws IOException, InterruptedException {
    for (Contender contender : options.contenders()) {
      launcher.checkBuilt(contender);
    }
    Instant began = Instant.now();
    String loadAtStart = loadAverage();
    LocalCassandra node = null;
    Map<Shape, Map<Contender, Summary>> summaries = new LinkedHashMap<>();
    try {
      List<String> contactPoints = options.contactPoints();
      if (options.localNode()) {
        Path nodeDir = targetDir.resolve("bench-node");
        System.out.printf(Locale.ROOT, "Starting a local Cassandra node (heap %s) in %s ...%n",
            options.nodeHeap(), nodeDir);
        node = LocalCassandra.builder(nodeDir).heap(options.nodeHeap()).cleanStart(true).build().start();
        System.out.printf(Locale.ROOT, "Started in %d s, CQL on %s.%n%n",
            Duration.between(began, Instant.now()).toSeconds(), node.contactPoint());
        contactPoints = List.of(node.contactPoint());
      }
      try (CqlSession session = adminSession(node, contactPoints)) {
        printHeader(session, node, contactPoints, loadAtStart);
        createSchema(session);
        Map<Shape, Map<Contender, List<RunOutcome>>> outcomes = runAll(session, contactPoints);
        outcomes.forEach((shape, byContender) -> {
          Map<Contender, Summary> perContender = new LinkedHashMap<>();
          byContender.forEach((contender, runs) ->
              perContender.put(contender, new Summary(contender, shape, options.rows(), runs)));
          summaries.put(shape, perContender);
        });
      }
    } finally {
      if (node != null) {
        node.stop();
        System.out.println("Stopped the local Cassandra node.");
      }
    }

    System.out.println();
    System.out.println("## Results");
    System.out.println();
    summaries.forEach((shape, perContender) ->
        System.out.println(Report.shapeTable(shape, options.repeats(), perContender)));
    System.out.println("### Side by side (median rows/s)");
    System.out.println();
    System.out.println(Report.summaryTable(summaries));
    System.out.println("### Targets (reported, not enforced)");
    System.out.println();
    System.out.println(Report.targets(summaries));
    Duration took = Duration.between(began, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
    System.out.printf(Locale.ROOT, "Load average at start: %s; at the end: %s. Cassandra server"
        + " processes on this machine at the end (the benchmark's own node stopped): %d.%n", loadAtStart,
        loadAverage(), otherCassandraNodes(null));
    System.out.printf(Locale.ROOT, "Took %dm %02ds. Child logs: %s%n", took.toMinutes(),
        took.toSecondsPart(), logDir);
    boolean allCounted = summaries.values().stream().flatMap(m -> m.values().stream())
        .flatMap(s -> s.runs().stream()).allMatch(RunOutcome::ok);
    return allCounted ? 0 : 1;
  }

  /**
   * Every shape, then every repeat, then every contender, starting with another contender each repeat:
   * runs of one contender never come in a row, and none is always first after the warm-up.
   */
  private Map<Shape, Map<Contender, List<RunOutcome>>> runAll(CqlSession session,
      List<String> contactPoints) throws IOException, InterruptedException {
    Map<Shape, Map<Contender, List<RunOutcome>>> outcomes = new EnumMap<>(Shape.class);
    for (Shape shape : options.shapes()) {
      System.out.printf(Locale.ROOT, "%s (%s.%s):%n", shape.description(), options.keyspace(),
          shape.table());
      warmUp(session, contactPoints, shape);
      Map<Contender, List<RunOutcome>> byContender = new EnumMap<>(Contender.class);
      for (int repeat = 1; repeat <= options.repeats(); repeat++) {
        for (Contender contender : runOrder(options.contenders(), repeat)) {
          RunOutcome outcome = runOnce(session, contactPoints, shape, contender, repeat);
          byContender.computeIfAbsent(contender, c -> new ArrayList<>()).add(outcome);
        }
      }
      outcomes.put(shape, byContender);
      System.out.println();
    }
    return outcomes;
  }

  /** The contenders of {@code repeat} (1-based), rotated by one place per repeat. */
  static List<Contender> runOrder(List<Contender> contenders, int repeat) {
    List<Contender> order = new ArrayList<>(contenders);
    java.util.Collections.rotate(order, -((repeat - 1) % order.size()));
    return order;
  }

  /** Writes {@code --warmupRows} with the async loop so the first measured run meets a warm node. */
  private void warmUp(CqlSession session, List<String> contactPoints, Shape shape)
      throws IOException, InterruptedException {
    if (options.warmupRows() == 0) {
      return;
    }
    new TableAdmin(session, options.keyspace()).truncate(shape);
    ChildArgs args = new ChildArgs(shape, options.warmupRows(), contactPoints,
        options.localDatacenter(), options.keyspace(), options.maxInFlight(), options.consistency());
    Path log = logDir.resolve(shape.table() + "-warmup.log");
    System.out.printf(Locale.ROOT, "  warm-up: %,d rows with the async loop (not reported) ... ",
        options.warmupRows());
    System.out.flush();
    ChildRun child = launcher.run(Contender.ASYNC_LOOP, args, log);
    System.out.println(child.exitCode() == 0 && child.result().isPresent()
        ? String.format(Locale.ROOT, "%.1f s", child.result().get().seconds())
        : "failed (exit code " + child.exitCode() + ", see " + log + "); going on");
  }

  private RunOutcome runOnce(CqlSession session, List<String> contactPoints, Shape shape,
      Contender contender, int repeat) throws IOException, InterruptedException {
    TableAdmin tables = new TableAdmin(session, options.keyspace());
    tables.truncate(shape);
    Thread.sleep(options.pauseSeconds() * 1000L);

    ChildArgs args = new ChildArgs(shape, options.rows(), contactPoints, options.localDatacenter(),
        options.keyspace(), options.maxInFlight(), options.consistency());
    Path log = logDir.resolve(shape.table() + "-" + contender.id() + "-" + repeat + ".log");
    System.out.printf(Locale.ROOT, "  run %d/%d %-15s ", repeat, options.repeats(), contender.id());
    System.out.flush();
    ChildRun child = launcher.run(contender, args, log);
    long counted = count(tables, shape);

    RunOutcome outcome;
    if (child.result().isEmpty() || child.exitCode() != 0) {
      String why = child.timedOut()
          ? "stopped after " + options.childTimeoutMinutes() + " min"
          : child.result().isEmpty()
              ? "exited with code " + child.exitCode() + " without a result line"
              : "exited with code " + child.exitCode();
      outcome = RunOutcome.failed(contender, shape, repeat, options.rows(), child.result(), counted,
          why, log);
      System.out.printf(Locale.ROOT, "FAILED: %s; count(*) = %,d. Last lines of %s:%n", why, counted,
          log);
      child.tail().forEach(line -> System.out.println("      | " + line));
    } else {
      outcome = RunOutcome.judge(contender, shape, repeat, options.rows(), child.result().get(),
          counted, log);
      double seconds = child.result().get().seconds();
      System.out.printf(Locale.ROOT, "%,d rows in %7.2f s = %9s rows/s; count(*) = %,d %s%n",
          child.result().get().rows(), seconds, Report.rate(child.result().get().rows() / seconds),
          counted, outcome.ok() ? "ok" : "- NOT COUNTED: " + outcome.error());
    }
    return outcome;
  }

  private long count(TableAdmin tables, Shape shape) {
    try {
      return tables.count(shape);
    } catch (RuntimeException e) {
      System.out.printf(Locale.ROOT, "(counting %s.%s failed: %s) ", options.keyspace(), shape.table(),
          e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + e.getCause().getMessage());
      return -1;
    }
  }

  private void createSchema(CqlSession session) {
    session.execute(SimpleStatement.newInstance(String.format(Locale.ROOT,
        "CREATE KEYSPACE IF NOT EXISTS %s WITH replication = {'class': 'NetworkTopologyStrategy',"
            + " '%s': %d}", options.keyspace(), options.localDatacenter().replace("'", "''"),
        options.replicationFactor())).setTimeout(ADMIN_TIMEOUT));
    for (Shape shape : options.shapes()) {
      session.execute(SimpleStatement.newInstance(
          "DROP TABLE IF EXISTS " + options.keyspace() + "." + shape.table()).setTimeout(ADMIN_TIMEOUT));
      session.execute(SimpleStatement.newInstance(shape.createTable(options.keyspace()))
          .setTimeout(ADMIN_TIMEOUT));
    }
  }

  private CqlSession adminSession(LocalCassandra node, List<String> contactPoints) {
    CqlSessionBuilder builder;
    if (node != null) {
      builder = node.sessionBuilder();
    } else {
      builder = CqlSession.builder().withLocalDatacenter(options.localDatacenter());
      for (String point : contactPoints) {
        builder.addContactPoint(
            InetSocketAddress.createUnresolved(ChildArgs.host(point), ChildArgs.port(point)));
      }
    }
    return builder.withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, ADMIN_TIMEOUT)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, ADMIN_TIMEOUT)
            .build())
        .build();
  }

  private void printHeader(CqlSession session, LocalCassandra node, List<String> contactPoints,
      String load) {
    Row version = session.execute("SELECT release_version FROM system.local").one();
    String cassandra = "Cassandra " + (version == null ? "?" : version.getString(0));
    String where = node != null
        ? "a local node started for this run (heap " + options.nodeHeap() + ", CQL on "
            + node.contactPoint() + ", files in " + node.baseDir() + ")"
        : "the existing cluster at " + String.join(",", contactPoints);
    String flags = String.join(" ", DirectRunnerFlags.FLAGS);
    System.out.println("# beam-cassandra write benchmark");
    System.out.println();
    System.out.printf(Locale.ROOT, "- Machine: %d processors, Java %s, load average %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load);
    long others = otherCassandraNodes(node);
    if (others > 0) {
      System.out.printf(Locale.ROOT, "- Also running on this machine: %d Cassandra server process%s"
          + " besides the benchmark's own node; they compete for the processors%n", others,
          others == 1 ? "" : "es");
    }
    System.out.printf(Locale.ROOT, "- Cassandra: %s, %s%n", cassandra, where);
    System.out.printf(Locale.ROOT, "- Rows: %,d per run; %d run%s per contender and shape, interleaved;"
            + " tables show the median%n", options.rows(), options.repeats(),
        options.repeats() == 1 ? "" : "s");
    System.out.printf(Locale.ROOT, "- Every run: TRUNCATE, %d s pause, the contender in a fresh JVM"
            + " (-Xmx%s%s), then SELECT count(*) (in %d token ranges) must find every row%n",
        options.pauseSeconds(), options.childHeap(),
        options.childJvmFlags().isEmpty() ? "" : " " + String.join(" ", options.childJvmFlags()),
        TableAdmin.COUNT_RANGES);
    System.out.printf(Locale.ROOT, "- Write consistency %s for every contender%n", options.consistency());
    System.out.printf(Locale.ROOT, "- Beam %s on the DirectRunner for both Beam contenders, with %s"
        + " (default parallelism)%n", ReleaseInfo.getReleaseInfo().getVersion(), flags);
    for (Contender contender : options.contenders()) {
      System.out.println("- " + describe(contender));
    }
    System.out.println();
  }

  private String describe(Contender contender) {
    switch (contender) {
      case BEAM_CASSANDRA:
        return "beam-cassandra (" + artifact(contender, "beam-cassandra-transforms") + "): GenerateSequence"
            + " -> Row -> Cassandra.write() with its defaults; timed from pipeline.run() until done";
      case BEAM_CASSANDRA_REPLICA_SET:
        return "beam-cassandra, REPLICA_SET batches: the same pipeline with"
            + " Cassandra.write().withBatchMode(BatchMode.REPLICA_SET); timed from pipeline.run() until done";
      case CASSANDRA_IO:
        return "Beam CassandraIO " + ReleaseInfo.getReleaseInfo().getVersion() + " (driver "
            + driver3Version() + "): GenerateSequence -> annotated entity -> CassandraIO.write() with"
            + " its defaults; timed from pipeline.run() until done";
      case ASYNC_LOOP:
        return "java-driver " + Session.OSS_DRIVER_COORDINATES.getVersion() + " async loop: one"
            + " session, one prepared INSERT, executeAsync with at most " + options.maxInFlight()
            + " in flight; timed from the first request to the last acknowledgement (connect and"
            + " prepare before the clock starts)";
      default:
        throw new AssertionError(contender);
    }
  }

  /** The jar of {@code artifactId} on a contender's classpath, with its build time. */
  private String artifact(Contender contender, String artifactId) {
    return classpathEntries(contender).stream()
        .filter(entry -> Path.of(entry).getFileName().toString().startsWith(artifactId + "-"))
        .findFirst()
        .map(entry -> {
          Path jar = Path.of(entry);
          try {
            Instant built = Files.getLastModifiedTime(jar).toInstant().truncatedTo(ChronoUnit.SECONDS);
            return jar.getFileName() + ", built " + built;
          } catch (IOException e) {
            return jar.getFileName().toString();
          }
        })
        .orElse(artifactId + " not found on its classpath");
  }

  private String driver3Version() {
    for (String entry : classpathEntries(Contender.CASSANDRA_IO)) {
      Matcher m = DRIVER3_JAR.matcher(Path.of(entry).getFileName().toString());
      if (m.matches()) {
        return m.group(1);
      }
    }
    return "?";
  }

  private List<String> classpathEntries(Contender contender) {
    try {
      String text = Files.readString(launcher.classpathFile(contender), StandardCharsets.UTF_8).trim();
      return Arrays.stream(text.split(java.io.File.pathSeparator)).filter(s -> !s.isEmpty())
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Cassandra servers on this machine besides {@code ours}: they compete for the same processors. */
  static long otherCassandraNodes(LocalCassandra ours) {
    long ourPid = ours != null && ours.isRunning() ? ours.pid() : -1;
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ourPid)
        .filter(p -> p.info().commandLine()
            .map(c -> c.contains("org.apache.cassandra.service.CassandraDaemon")).orElse(false))
        .count();
  }

  static String loadAverage() {
    Path loadavg = Path.of("/proc/loadavg");
    try {
      if (Files.isReadable(loadavg)) {
        String[] fields = Files.readString(loadavg).trim().split("\\s+");
        return String.join(" ", Arrays.asList(fields).subList(0, Math.min(3, fields.length)));
      }
    } catch (IOException e) {
      // not on Linux: no load average to report
    }
    return "unknown";
  }

  /** This module's jar (or classes directory, when run from an IDE). */
  static Path moduleCode() {
    try {
      return Path.of(WriteBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmark's own code", e);
    }
  }
}

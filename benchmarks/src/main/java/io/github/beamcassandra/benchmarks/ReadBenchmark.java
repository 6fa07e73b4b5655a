package io.github.beamcassandra.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.session.Session;
import io.github.beamcassandra.benchmarks.ChildLauncher.ChildRun;
import io.github.beamcassandra.benchmarks.ChildLauncher.Program;
import io.github.beamcassandra.benchmarks.DsbulkUnload.Summary;
import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.ContenderResult;
import io.github.beamcassandra.benchmarks.common.DirectRunnerFlags;
import io.github.beamcassandra.benchmarks.common.GeneratedRows;
import io.github.beamcassandra.benchmarks.common.GeneratedRows.Person;
import io.github.beamcassandra.benchmarks.common.Shape;
import io.github.beamcassandra.local.LocalCassandra;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.apache.beam.sdk.util.ReleaseInfo;

/**
 * The read benchmark: the people table (unique partitions) is filled once, flushed to disk, and then
 * read and counted by beam-cassandra's {@code Cassandra.read()} and {@code Cassandra.count()}, DataStax
 * Bulk Loader's {@code unload} and a plain {@code SELECT count(*)}, each contender in a child JVM of its
 * own. Runs are interleaved (every contender once, then again, starting one place later each time) so
 * drift on a noisy machine spreads over all of them, and the table reports the median of each
 * contender's runs. A run counts only when the contender saw exactly the rows the table holds.
 *
 * <p>Run with {@code benchmarks/run-read-benchmark.sh [--option=value ...]}; options are in
 * {@link ReadBenchmarkOptions#USAGE}.
 */
public final class ReadBenchmark {
  private static final Shape SHAPE = Shape.PEOPLE;
  private static final Duration ADMIN_TIMEOUT = TableAdmin.TIMEOUT;
  /** Attempts at a row whose asynchronous insert failed during the load. */
  private static final int LOAD_ATTEMPTS = 3;

  private final ReadBenchmarkOptions options;
  private final Path targetDir;
  private final ChildLauncher launcher;
  private final Path logDir;

  private ReadBenchmark(ReadBenchmarkOptions options) throws IOException {
    this.options = options;
    Path moduleCode = WriteBenchmark.moduleCode();
    this.targetDir = options.targetDir().orElseGet(() -> moduleCode.getParent()).toAbsolutePath();
    this.launcher = new ChildLauncher(targetDir, moduleCode, options.childHeap(), options.childJvmFlags(),
        Duration.ofMinutes(options.childTimeoutMinutes()));
    this.logDir = BenchmarkMain.logDir(targetDir, "read-");
  }

  public static void main(String[] args) {
    BenchmarkMain.main(args, ReadBenchmarkOptions::parse, ReadBenchmarkOptions::help,
        ReadBenchmarkOptions.USAGE, options -> new ReadBenchmark(options).run());
  }

  /** {@code contender} as the launcher starts it. */
  Program program(ReadContender contender) {
    return new Program(contender.label(), contender.classpathFile(),
        contender.moduleCode() ? Optional.of(launcher.moduleCode()) : Optional.empty(),
        contender.mainClass());
  }

  private int run() throws IOException, InterruptedException {
    for (ReadContender contender : options.contenders()) {
      launcher.checkBuilt(program(contender));
    }
    Instant began = Instant.now();
    String loadAtStart = WriteBenchmark.loadAverage();
    LocalCassandra node = null;
    Map<ReadContender, ReadSummary> summaries = new LinkedHashMap<>();
    try {
      List<String> contactPoints = options.contactPoints();
      if (options.localNode()) {
        Path nodeDir = targetDir.resolve("read-bench-node");
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
        prepareTable(session, node);
        Map<ReadContender, List<ReadRun>> runs = runAll(contactPoints);
        runs.forEach((contender, list) ->
            summaries.put(contender, new ReadSummary(contender, options.rows(), list)));
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
    System.out.println(ReadReport.table(options.keyspace() + "." + SHAPE.table() + " ("
        + SHAPE.description() + ")", options.repeats(), summaries));
    System.out.println("### Targets (reported, not enforced)");
    System.out.println();
    System.out.println(ReadReport.targets(summaries));
    Duration took = Duration.between(began, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
    System.out.printf(Locale.ROOT, "Load average at start: %s; at the end: %s. Cassandra server"
        + " processes on this machine at the end (the benchmark's own node stopped): %d.%n", loadAtStart,
        WriteBenchmark.loadAverage(), WriteBenchmark.otherCassandraNodes(null));
    System.out.printf(Locale.ROOT, "Took %dm %02ds. Child logs: %s%n", took.toMinutes(),
        took.toSecondsPart(), logDir);
    boolean allCounted = summaries.values().stream().flatMap(s -> s.runs().stream())
        .allMatch(ReadRun::ok);
    return allCounted ? 0 : 1;
  }

  /** Loads the rows, flushes them to disk (local node only) and checks that every row is there. */
  private void prepareTable(CqlSession session, LocalCassandra node) throws InterruptedException {
    System.out.printf(Locale.ROOT, "Loading %,d rows into %s.%s with an async loop (%d in flight) ... ",
        options.rows(), options.keyspace(), SHAPE.table(), options.maxInFlight());
    System.out.flush();
    long start = System.nanoTime();
    load(session);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "%.1f s (%s rows/s)%n", seconds, Report.rate(options.rows() / seconds));

    if (node != null) {
      System.out.print("Flushing the table to disk (the node's StorageService over JMX) ... ");
      System.out.flush();
      try {
        LocalNodeJmx.flushAndRefreshSizeEstimates(node.pid(), options.keyspace(), SHAPE.table());
        System.out.println("done; size estimates refreshed");
      } catch (Exception e) {
        System.out.println("FAILED, the table stays in the memtable: " + e);
      }
    } else {
      System.out.println("Not flushed: an existing cluster (flush it with nodetool for a disk read).");
    }

    // Every row must be there before a run can be judged; the count also warms the read path.
    long counted = new TableAdmin(session, options.keyspace()).count(SHAPE);
    if (counted != options.rows()) {
      throw new IllegalStateException("the loaded table holds " + counted + " rows, expected "
          + options.rows());
    }
    System.out.printf(Locale.ROOT, "The table holds %,d rows (count(*) in %d token ranges).%n%n", counted,
        TableAdmin.COUNT_RANGES);
  }

  /** One prepared INSERT per row, at most {@code --maxInFlight} in flight; failed rows are retried. */
  private void load(CqlSession session) throws InterruptedException {
    PreparedStatement insert = session.prepare(SHAPE.insert(options.keyspace()));
    int maxInFlight = options.maxInFlight();
    Semaphore inFlight = new Semaphore(maxInFlight);
    Queue<Long> failed = new ConcurrentLinkedQueue<>();
    for (long i = 0; i < options.rows(); i++) {
      long index = i;
      inFlight.acquire();
      session.executeAsync(bind(insert, index)).whenComplete((rs, error) -> {
        if (error != null) {
          failed.add(index);
        }
        inFlight.release();
      });
    }
    inFlight.acquire(maxInFlight);
    for (Long index : failed) {
      insertWithRetries(session, bind(insert, index));
    }
  }

  private static void insertWithRetries(CqlSession session, BoundStatement statement) {
    DriverException last = null;
    for (int attempt = 1; attempt <= LOAD_ATTEMPTS; attempt++) {
      try {
        session.execute(statement);
        return;
      } catch (DriverException e) {
        last = e;
      }
    }
    throw new IllegalStateException("a row could not be loaded in " + LOAD_ATTEMPTS + " attempts", last);
  }

  private static BoundStatement bind(PreparedStatement insert, long index) {
    Person p = GeneratedRows.person(index);
    return insert.bind(p.id(), p.name(), p.age(), p.score());
  }

  /** Every repeat, then every contender, starting one place later each repeat. */
  private Map<ReadContender, List<ReadRun>> runAll(List<String> contactPoints)
      throws IOException, InterruptedException {
    Map<ReadContender, List<ReadRun>> runs = new EnumMap<>(ReadContender.class);
    for (int repeat = 1; repeat <= options.repeats(); repeat++) {
      for (ReadContender contender : runOrder(options.contenders(), repeat)) {
        Thread.sleep(options.pauseSeconds() * 1000L);
        ReadRun run = contender == ReadContender.DSBULK_UNLOAD
            ? runDsbulk(contactPoints, repeat)
            : runChild(contender, contactPoints, repeat);
        runs.computeIfAbsent(contender, c -> new ArrayList<>()).add(run);
      }
    }
    // In the order the contenders were asked for, not the order of the last repeat.
    Map<ReadContender, List<ReadRun>> ordered = new LinkedHashMap<>();
    for (ReadContender contender : options.contenders()) {
      ordered.put(contender, runs.get(contender));
    }
    return ordered;
  }

  /** The contenders of {@code repeat} (1-based), rotated by one place per repeat. */
  static <T> List<T> runOrder(List<T> contenders, int repeat) {
    List<T> order = new ArrayList<>(contenders);
    Collections.rotate(order, -((repeat - 1) % order.size()));
    return order;
  }

  /** A contender that reports its own result line (every one but DSBulk). */
  private ReadRun runChild(ReadContender contender, List<String> contactPoints, int repeat)
      throws IOException, InterruptedException {
    ChildArgs args = new ChildArgs(SHAPE, options.rows(), contactPoints, options.localDatacenter(),
        options.keyspace(), options.maxInFlight(), ReadBenchmarkOptions.CONSISTENCY);
    Path log = logFor(contender, repeat);
    startLine(contender, repeat);
    ChildRun child = launcher.run(program(contender), args.toArgs(), log);
    if (child.result().isEmpty() || child.exitCode() != 0) {
      String why = why(child);
      long rows = child.result().map(ContenderResult::rows).orElse(-1L);
      failedLine(why, child);
      return ReadRun.failed(contender, repeat, options.rows(), rows, child.wallSeconds(), why, log);
    }
    ContenderResult result = child.result().get();
    ReadRun run = ReadRun.judge(contender, repeat, options.rows(), result.rows(), result.seconds(),
        child.wallSeconds(), log);
    doneLine(run, "");
    return run;
  }

  /**
   * DSBulk's unload into a fresh directory under {@code target/}, deleted after its lines are counted.
   * Its time is the one its own rate stands for ({@code rows / rows per second}, its operation without
   * JVM start and connection, like the other contenders' clocks); the JVM's wall time is reported
   * beside it, and used when DSBulk printed no summary.
   */
  private ReadRun runDsbulk(List<String> contactPoints, int repeat)
      throws IOException, InterruptedException {
    ReadContender contender = ReadContender.DSBULK_UNLOAD;
    Path log = logFor(contender, repeat);
    Path scratch = Files.createTempDirectory(targetDir, "dsbulk-unload-");
    try {
      Path output = scratch.resolve("csv");
      List<String> args = DsbulkUnload.args(contactPoints, options.localDatacenter(), options.keyspace(),
          SHAPE.table(), output, logDir.resolve("dsbulk-" + repeat));
      startLine(contender, repeat);
      ChildRun child = launcher.run(program(contender), args, log);
      long records = DsbulkUnload.countCsvRecords(output);
      Optional<Summary> summary =
          DsbulkUnload.parseSummary(Files.readAllLines(log, StandardCharsets.UTF_8));
      if (child.exitCode() != 0) {
        String why = why(child);
        failedLine(why, child);
        return ReadRun.failed(contender, repeat, options.rows(), records, child.wallSeconds(), why, log);
      }
      double seconds = summary.flatMap(Summary::seconds).orElse(child.wallSeconds());
      ReadRun run = ReadRun.judge(contender, repeat, options.rows(), records, seconds,
          child.wallSeconds(), log);
      if (run.ok() && summary.isPresent() && (summary.get().failed() > 0
          || summary.get().total() != records)) {
        run = new ReadRun(contender, repeat, options.rows(), records, run.seconds(), run.wallSeconds(),
            "DSBulk's summary says " + summary.get().total() + " rows, " + summary.get().failed()
                + " failed; the files hold " + records, log);
      }
      doneLine(run, summary
          .map(s -> "; DSBulk reported " + Report.rate(s.rowsPerSecond()) + " rows/s")
          .orElse("; DSBulk printed no summary: timed by the JVM's wall time"));
      return run;
    } finally {
      DsbulkUnload.deleteTree(scratch);
    }
  }

  private Path logFor(ReadContender contender, int repeat) {
    return logDir.resolve(SHAPE.table() + "-" + contender.id() + "-" + repeat + ".log");
  }

  private void startLine(ReadContender contender, int repeat) {
    System.out.printf(Locale.ROOT, "  run %d/%d %-14s ", repeat, options.repeats(), contender.id());
    System.out.flush();
  }

  private static void doneLine(ReadRun run, String note) {
    double seconds = run.seconds().orElse(Double.NaN);
    System.out.printf(Locale.ROOT, "%,d rows in %7.2f s = %9s rows/s (JVM %.1f s)%s %s%n", run.rows(),
        seconds, Report.rate(run.rows() / seconds), run.wallSeconds(), note,
        run.ok() ? "ok" : "- NOT COUNTED: " + run.error());
  }

  private String why(ChildRun child) {
    return child.timedOut()
        ? "stopped after " + options.childTimeoutMinutes() + " min"
        : child.result().isEmpty() && child.exitCode() == 0
            ? "printed no result line"
            : "exited with code " + child.exitCode();
  }

  private static void failedLine(String why, ChildRun child) {
    System.out.printf(Locale.ROOT, "FAILED: %s. Last lines of %s:%n", why, child.log());
    child.tail().forEach(line -> System.out.println("      | " + line));
  }

  private void createSchema(CqlSession session) {
    session.execute(SimpleStatement.newInstance(String.format(Locale.ROOT,
        "CREATE KEYSPACE IF NOT EXISTS %s WITH replication = {'class': 'NetworkTopologyStrategy',"
            + " '%s': %d}", options.keyspace(), options.localDatacenter().replace("'", "''"),
        options.replicationFactor())).setTimeout(ADMIN_TIMEOUT));
    session.execute(SimpleStatement.newInstance(
        "DROP TABLE IF EXISTS " + options.keyspace() + "." + SHAPE.table()).setTimeout(ADMIN_TIMEOUT));
    session.execute(SimpleStatement.newInstance(SHAPE.createTable(options.keyspace()))
        .setTimeout(ADMIN_TIMEOUT));
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
    System.out.println("# beam-cassandra read benchmark");
    System.out.println();
    System.out.printf(Locale.ROOT, "- Machine: %d processors, Java %s, load average %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), load);
    long others = WriteBenchmark.otherCassandraNodes(node);
    if (others > 0) {
      System.out.printf(Locale.ROOT, "- Also running on this machine: %d Cassandra server process%s"
          + " besides the benchmark's own node; they compete for the processors%n", others,
          others == 1 ? "" : "es");
    }
    System.out.printf(Locale.ROOT, "- Cassandra: %s, %s%n", cassandra, where);
    System.out.printf(Locale.ROOT, "- Table: %s.%s (%s), %,d rows loaded once, flushed to disk when the"
            + " node is the benchmark's own; %d run%s per contender, interleaved; the table shows the"
            + " median%n", options.keyspace(), SHAPE.table(), SHAPE.description(), options.rows(),
        options.repeats(), options.repeats() == 1 ? "" : "s");
    System.out.printf(Locale.ROOT, "- Every run: a %d s pause, the contender in a fresh JVM (-Xmx%s%s),"
        + " consistency %s; it counts only when the contender saw exactly %,d rows%n",
        options.pauseSeconds(), options.childHeap(),
        options.childJvmFlags().isEmpty() ? "" : " " + String.join(" ", options.childJvmFlags()),
        ReadBenchmarkOptions.CONSISTENCY, options.rows());
    for (ReadContender contender : options.contenders()) {
      System.out.println("- " + describe(contender));
    }
    System.out.println();
  }

  private String describe(ReadContender contender) {
    String beam = "Beam " + ReleaseInfo.getReleaseInfo().getVersion() + " DirectRunner with "
        + String.join(" ", DirectRunnerFlags.FLAGS);
    switch (contender) {
      case BEAM_READ:
        return contender.label() + " (" + artifact(contender, "beam-cassandra-transforms") + "): "
            + "Cassandra.read() of the table with its defaults, then a step that only counts; " + beam
            + "; timed from pipeline.run() until done (building the pipeline, which reads the table's"
            + " metadata and splits the token ring, comes before)";
      case BEAM_COUNT:
        return contender.label() + ": Cassandra.count() with its defaults; " + beam
            + "; timed like the read";
      case DSBULK_UNLOAD:
        return "DataStax Bulk Loader " + dsbulkVersion() + " unload to CSV files (header line) in a"
            + " fresh directory, its defaults otherwise; timed as rows / the rate DSBulk reports (its"
            + " operation, without JVM start and connection); its JVM's wall time is in the wall"
            + " columns; rows counted in the files it wrote";
      case SELECT_COUNT:
        return "java-driver " + Session.OSS_DRIVER_COORDINATES.getVersion() + " SELECT count(*) FROM "
            + options.keyspace() + "." + SHAPE.table() + ": one statement, client timeout "
            + SelectCount.REQUEST_TIMEOUT.toMinutes() + " min; timed from sending it to the answer"
            + " (connect before the clock starts)";
      default:
        throw new AssertionError(contender);
    }
  }

  /** The jar of {@code artifactId} on a contender's classpath, with its build time. */
  private String artifact(ReadContender contender, String artifactId) {
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

  private String dsbulkVersion() {
    try {
      return DsbulkUnload.version(launcher.classpathFile(program(ReadContender.DSBULK_UNLOAD)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> classpathEntries(ReadContender contender) {
    try {
      String text = Files.readString(launcher.classpathFile(program(contender)), StandardCharsets.UTF_8)
          .trim();
      return Arrays.stream(text.split(File.pathSeparator)).filter(s -> !s.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

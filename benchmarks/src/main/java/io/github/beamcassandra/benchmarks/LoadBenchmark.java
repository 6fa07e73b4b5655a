package io.github.beamcassandra.benchmarks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.github.beamcassandra.benchmarks.ChildLauncher.ChildRun;
import io.github.beamcassandra.benchmarks.ChildLauncher.Program;
import io.github.beamcassandra.benchmarks.DsbulkUnload.Summary;
import io.github.beamcassandra.benchmarks.LoadContender.Phase;
import io.github.beamcassandra.benchmarks.LoadReport.PeakHeapRun;
import io.github.beamcassandra.benchmarks.common.ChildArgs;
import io.github.beamcassandra.benchmarks.common.ContenderResult;
import io.github.beamcassandra.benchmarks.common.Shape;
import io.github.beamcassandra.local.LocalCassandra;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The load benchmark: beam-cassandra's command line against DataStax Bulk Loader on the same CSV files,
 * every run a process of its own timed from start to exit (what a user waits for). For each table:
 * {@code load} on the DirectRunner and on the FlinkRunner and DSBulk's {@code load}, each from an
 * empty table (TRUNCATE) and counted afterwards; then, on the loaded table (flushed to disk on the
 * benchmark's own node), {@code unload} against DSBulk's and {@code count} against a plain
 * {@code SELECT count(*)} (DSBulk's count workflow is not on Maven Central). Runs are interleaved (every
 * contender once, then again, starting one place later each time) and the table reports each
 * contender's median. Every child JVM logs its collections, from which its peak heap is read
 * ({@link HeapUse}). With {@code --peakHeapRows}, one more DirectRunner load of a big file with a
 * small heap says whether a load fits in it.
 *
 * <p>Run with {@code benchmarks/run-load-benchmark.sh [--option=value ...]}; options are in
 * {@link LoadBenchmarkOptions#USAGE}.
 */
public final class LoadBenchmark {
  private static final Duration ADMIN_TIMEOUT = TableAdmin.TIMEOUT;
  /** The default jar, relative to the repository's root (benchmarks/target/../..). */
  private static final String DEFAULT_JAR = "pipelines/target/beam-cassandra.jar";
  /** DSBulk's own main class, from the classpath {@code benchmarks/dsbulk/pom.xml} resolves. */
  private static final Program DSBULK =
      new Program("DSBulk", "dsbulk.classpath", Optional.empty(), DsbulkUnload.MAIN_CLASS);
  /** SELECT count(*) reads at DSBulk's and our count's default consistency. */
  private static final String COUNT_CONSISTENCY = "LOCAL_ONE";

  private final LoadBenchmarkOptions options;
  private final Path targetDir;
  private final ChildLauncher launcher;
  private final Program selectCount;
  private final Path logDir;
  private Path jar;
  private List<String> contactPoints;
  private BeamCli.Connection connection;

  private LoadBenchmark(LoadBenchmarkOptions options) throws IOException {
    this.options = options;
    Path moduleCode = WriteBenchmark.moduleCode();
    this.targetDir = options.targetDir().orElseGet(() -> moduleCode.getParent()).toAbsolutePath();
    this.launcher = new ChildLauncher(targetDir, moduleCode, options.childHeap(),
        Duration.ofMinutes(options.childTimeoutMinutes()));
    this.selectCount = new Program("SELECT count(*)", "async-loop.classpath", Optional.of(moduleCode),
        SelectCount.class.getName());
    this.logDir = BenchmarkMain.logDir(targetDir, "load-");
  }

  public static void main(String[] args) {
    BenchmarkMain.main(args, LoadBenchmarkOptions::parse, LoadBenchmarkOptions::help,
        LoadBenchmarkOptions.USAGE, options -> new LoadBenchmark(options).run());
  }

  private int run() throws IOException, InterruptedException {
    if (options.contenders().stream().anyMatch(c -> c == LoadContender.DSBULK_LOAD
        || c == LoadContender.DSBULK_UNLOAD)) {
      launcher.checkBuilt(DSBULK);
    }
    if (options.contenders().contains(LoadContender.SELECT_COUNT)) {
      launcher.checkBuilt(selectCount);
    }
    Path sourceJar = options.jar().orElseGet(() -> targetDir.getParent().getParent().resolve(DEFAULT_JAR))
        .toAbsolutePath();
    jar = copyAndCheckJar(sourceJar);

    Instant began = Instant.now();
    String loadAtStart = WriteBenchmark.loadAverage();
    Map<Shape, Path> files = writeFiles();
    LocalCassandra node = null;
    Map<Shape, Map<LoadContender, LoadSummary>> results = new LinkedHashMap<>();
    Optional<PeakHeapRun> peak = Optional.empty();
    try {
      contactPoints = options.contactPoints();
      if (options.localNode()) {
        Path nodeDir = targetDir.resolve("load-bench-node");
        System.out.printf(Locale.ROOT, "Starting a local Cassandra node (heap %s) in %s ...%n",
            options.nodeHeap(), nodeDir);
        node = LocalCassandra.builder(nodeDir).heap(options.nodeHeap()).cleanStart(true).build().start();
        System.out.printf(Locale.ROOT, "Started in %d s, CQL on %s.%n%n",
            Duration.between(began, Instant.now()).toSeconds(), node.contactPoint());
        contactPoints = List.of(node.contactPoint());
      }
      connection = new BeamCli.Connection(contactPoints, options.localDatacenter(), options.keyspace(),
          logDir.resolve("runs"), logDir.resolve("runs.jsonl"));
      try (CqlSession session = adminSession(node)) {
        printHeader(session, node, sourceJar, files, loadAtStart);
        createSchema(session);
        TableAdmin admin = new TableAdmin(session, options.keyspace());
        writeClassArchive(files, admin);
        for (Shape shape : options.shapes()) {
          System.out.printf(Locale.ROOT, "%s.%s from %s:%n", options.keyspace(), shape.table(),
              files.get(shape).getFileName());
          results.put(shape, runShape(shape, files.get(shape), admin, node));
          System.out.println();
        }
        if (options.peakHeapRows() > 0) {
          peak = Optional.of(runPeakHeap(admin));
        }
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
    System.out.println(LoadReport.table(results, options.repeats()));
    System.out.println("### Targets (reported, not enforced)");
    System.out.println();
    System.out.println(LoadReport.targets(results, peak));
    Duration took = Duration.between(began, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
    System.out.printf(Locale.ROOT, "Load average at start: %s; at the end: %s. Cassandra server"
        + " processes on this machine at the end (the benchmark's own node stopped): %d.%n", loadAtStart,
        WriteBenchmark.loadAverage(), WriteBenchmark.otherCassandraNodes(null));
    System.out.printf(Locale.ROOT, "Took %dm %02ds. Child logs: %s%n", took.toMinutes(),
        took.toSecondsPart(), logDir);
    boolean allCounted = results.values().stream().flatMap(m -> m.values().stream())
        .flatMap(s -> s.runs().stream()).allMatch(LoadRun::ok);
    return allCounted && peak.map(p -> p.run().ok()).orElse(true) ? 0 : 1;
  }

  /**
   * Copies the command line's jar next to the benchmark's files, so rebuilding it while the benchmark
   * runs changes nothing, and checks that it has the {@code load} command.
   */
  private Path copyAndCheckJar(Path source) throws IOException, InterruptedException {
    if (!Files.isRegularFile(source)) {
      throw new IllegalStateException("The command line's jar is missing: " + source + ". Build it with"
          + " `mvn -B -DskipTests -pl pipelines -am package`, or give --jar.");
    }
    Path copy = targetDir.resolve("load-bench").resolve("beam-cassandra.jar");
    Files.createDirectories(copy.getParent());
    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    Process help = new ProcessBuilder(ChildLauncher.java(), "-jar", copy.toString(), "load", "--help")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!help.waitFor(2, TimeUnit.MINUTES)) {
      help.destroyForcibly();
      throw new IllegalStateException("`java -jar " + source + " load --help` did not finish in 2 min");
    }
    if (help.exitValue() != 0) {
      throw new IllegalStateException(source + " has no load command (`load --help` exited with "
          + help.exitValue() + "): it is out of date. Build it with `mvn -B -DskipTests -pl pipelines -am"
          + " package`, or give --jar.");
    }
    return copy;
  }

  /**
   * Before any measured run, one load (not reported, table truncated after) that writes the command
   * line's class-data archive, as the first load through {@code bin/beam-cassandra} does; every run of
   * the command line then starts from it, as a user's later runs do.
   */
  private void writeClassArchive(Map<Shape, Path> files, TableAdmin admin)
      throws IOException, InterruptedException {
    Path archive = BeamCli.classArchive(jar);
    Files.deleteIfExists(archive);
    Shape shape = options.shapes().get(0);
    Path log = logDir.resolve("class-archive-load.log");
    List<String> command = BeamCli.command(jar, options.childHeap(),
        List.of("-XX:ArchiveClassesAtExit=" + archive.toAbsolutePath()), "load", connection, shape.table(),
        BeamCli.loadArgs(files.get(shape), Optional.empty()));
    System.out.printf(Locale.ROOT, "Class-data archive: one load of %s (not reported) ... ",
        files.get(shape).getFileName());
    System.out.flush();
    ChildRun child = launcher.run(command, log);
    admin.truncate(shape);
    System.out.println(child.exitCode() == 0 && Files.isRegularFile(archive)
        ? String.format(Locale.ROOT, "%s in %.1f s%n", HeapUse.megabytes(Files.size(archive)), child.wallSeconds())
        : "FAILED (exit " + child.exitCode() + "; see " + log + "); the runs go without it\n");
  }

  /** The CSV file of every table the benchmark loads, written anew. */
  private Map<Shape, Path> writeFiles() throws IOException {
    Map<Shape, Path> files = new EnumMap<>(Shape.class);
    for (Shape shape : options.shapes()) {
      files.put(shape, writeFile(shape, options.rows(), targetDir.resolve(shape.table() + ".csv")));
    }
    return files;
  }

  private static Path writeFile(Shape shape, long rows, Path file) throws IOException {
    System.out.printf(Locale.ROOT, "Writing %,d rows to %s ... ", rows, file);
    System.out.flush();
    long start = System.nanoTime();
    long bytes = LoadFiles.write(shape, rows, file);
    System.out.printf(Locale.ROOT, "%s in %.1f s%n", HeapUse.megabytes(bytes),
        (System.nanoTime() - start) / 1e9);
    return file;
  }

  /** The loads of {@code shape}'s file, then (on the table they filled) the unloads and counts. */
  private Map<LoadContender, LoadSummary> runShape(Shape shape, Path file, TableAdmin admin,
      LocalCassandra node) throws IOException, InterruptedException {
    Map<LoadContender, List<LoadRun>> runs = new EnumMap<>(LoadContender.class);
    List<LoadContender> loads = options.contenders(Phase.LOAD);
    for (int repeat = 1; repeat <= options.repeats(); repeat++) {
      for (LoadContender contender : ReadBenchmark.runOrder(loads, repeat)) {
        admin.truncate(shape);
        Thread.sleep(options.pauseSeconds() * 1000L);
        LoadRun run = runLoad(contender, shape, file, options.rows(), options.childHeap(),
            contender.id() + "-" + repeat, repeat, admin);
        runs.computeIfAbsent(contender, c -> new ArrayList<>()).add(run);
      }
    }

    List<LoadContender> reads = new ArrayList<>(options.contenders(Phase.UNLOAD));
    reads.addAll(options.contenders(Phase.COUNT));
    if (!reads.isEmpty()) {
      if (!tableIsFull(shape, file, admin)) {
        System.out.println("  The table could not be filled: unload and count are left out.");
      } else {
        flush(node, shape);
        for (int repeat = 1; repeat <= options.repeats(); repeat++) {
          for (LoadContender contender : ReadBenchmark.runOrder(reads, repeat)) {
            Thread.sleep(options.pauseSeconds() * 1000L);
            LoadRun run = runRead(contender, shape, repeat);
            runs.computeIfAbsent(contender, c -> new ArrayList<>()).add(run);
          }
        }
      }
    }

    // In the order the contenders were asked for; those that never ran are left out.
    Map<LoadContender, LoadSummary> summaries = new LinkedHashMap<>();
    for (LoadContender contender : options.contenders()) {
      if (runs.containsKey(contender)) {
        summaries.put(contender, new LoadSummary(contender, shape, options.rows(), runs.get(contender)));
      }
    }
    return summaries;
  }

  /**
   * True when the table holds every row of its file. After a last load that failed, each load
   * contender in turn fills it again (not timed) until one succeeds.
   */
  private boolean tableIsFull(Shape shape, Path file, TableAdmin admin)
      throws IOException, InterruptedException {
    if (countOrMinusOne(admin, shape) == options.rows()) {
      return true;
    }
    for (LoadContender contender : options.contenders(Phase.LOAD)) {
      System.out.printf(Locale.ROOT, "  The table is not full after the loads; filling it with %s (not"
          + " timed)%n", contender.id());
      admin.truncate(shape);
      LoadRun run = runLoad(contender, shape, file, options.rows(), options.childHeap(),
          contender.id() + "-refill", 0, admin);
      if (run.ok()) {
        return true;
      }
    }
    return false;
  }

  /** Flushes the table to disk on the benchmark's own node, as the read benchmark does. */
  private void flush(LocalCassandra node, Shape shape) {
    if (node == null) {
      System.out.println("  Not flushed: an existing cluster (flush it with nodetool for a disk read).");
      return;
    }
    System.out.print("  Flushing the table to disk (the node's StorageService over JMX) ... ");
    System.out.flush();
    try {
      LocalNodeJmx.flushAndRefreshSizeEstimates(node.pid(), options.keyspace(), shape.table());
      System.out.println("done; size estimates refreshed");
    } catch (Exception e) {
      System.out.println("FAILED, the table stays in the memtable: " + e);
    }
  }

  /**
   * One load of {@code file} into the empty table, then a count of the table. {@code name} names its
   * log; {@code repeat} 0 is a run that is not reported.
   */
  private LoadRun runLoad(LoadContender contender, Shape shape, Path file, long rows, String heap,
      String name, int repeat, TableAdmin admin) throws IOException, InterruptedException {
    Path log = logDir.resolve(shape.table() + "-" + name + ".log");
    Path gcLog = gcLogOf(log);
    List<String> command;
    Path dsbulkLogs = logDir.resolve("dsbulk-" + shape.table() + "-" + name);
    switch (contender) {
      case BEAM_LOAD:
        command = BeamCli.command(jar, heap, HeapUse.jvmFlags(gcLog), "load", connection, shape.table(),
            BeamCli.loadArgs(file, Optional.empty()));
        break;
      case BEAM_LOAD_FLINK:
        command = BeamCli.command(jar, heap, HeapUse.jvmFlags(gcLog), "load", connection, shape.table(),
            BeamCli.loadArgs(file, Optional.of("FlinkRunner")));
        break;
      case DSBULK_LOAD:
        command = launcher.command(DSBULK, HeapUse.jvmFlags(gcLog), DsbulkUnload.args("load",
            contactPoints, options.localDatacenter(), options.keyspace(), shape.table(), file, dsbulkLogs));
        break;
      default:
        throw new IllegalArgumentException("not a load contender: " + contender);
    }
    startLine(contender, name);
    ChildRun child = launcher.run(command, log);
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    Optional<HeapUse> heapUse = HeapUse.read(gcLog);
    long counted = countOrMinusOne(admin, shape);
    String error = childError(child);
    if (error == null && contender == LoadContender.DSBULK_LOAD) {
      error = dsbulkError(lines, rows);
    }
    Optional<Double> own = ownSeconds(contender, lines, child);
    LoadRun run = error == null
        ? LoadRun.judge(contender, shape, repeat, rows, counted, child.wallSeconds(), own, heapUse, log)
        : new LoadRun(contender, shape, repeat, rows, counted, child.wallSeconds(), own, heapUse, error, log);
    doneLine(run, child);
    return run;
  }

  /** One unload or count of the full table. */
  private LoadRun runRead(LoadContender contender, Shape shape, int repeat)
      throws IOException, InterruptedException {
    String name = contender.id() + "-" + repeat;
    Path log = logDir.resolve(shape.table() + "-" + name + ".log");
    Path gcLog = gcLogOf(log);
    Path scratch = null;
    try {
      List<String> command;
      Path output = null;
      switch (contender) {
        case BEAM_UNLOAD:
          scratch = Files.createTempDirectory(targetDir, "beam-unload-");
          output = scratch.resolve("csv");
          command = BeamCli.command(jar, options.childHeap(), HeapUse.jvmFlags(gcLog), "unload", connection,
              shape.table(), BeamCli.unloadArgs(output));
          break;
        case DSBULK_UNLOAD:
          scratch = Files.createTempDirectory(targetDir, "dsbulk-unload-");
          output = scratch.resolve("csv");
          command = launcher.command(DSBULK, HeapUse.jvmFlags(gcLog), DsbulkUnload.args(contactPoints,
              options.localDatacenter(), options.keyspace(), shape.table(), output,
              logDir.resolve("dsbulk-" + shape.table() + "-" + name)));
          break;
        case BEAM_COUNT:
          command = BeamCli.command(jar, options.childHeap(), HeapUse.jvmFlags(gcLog), "count", connection,
              shape.table(), List.of());
          break;
        case SELECT_COUNT:
          command = launcher.command(selectCount, HeapUse.jvmFlags(gcLog), new ChildArgs(shape,
              options.rows(), contactPoints, options.localDatacenter(), options.keyspace(), 1,
              COUNT_CONSISTENCY).toArgs());
          break;
        default:
          throw new IllegalArgumentException("not an unload or count contender: " + contender);
      }
      startLine(contender, name);
      ChildRun child = launcher.run(command, log);
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      Optional<HeapUse> heapUse = HeapUse.read(gcLog);
      long rows;
      switch (contender) {
        case BEAM_UNLOAD:
        case DSBULK_UNLOAD:
          rows = DsbulkUnload.countCsvRecords(output);
          break;
        case BEAM_COUNT:
          rows = BeamCli.countIn(lines).orElse(-1L);
          break;
        default:
          rows = child.result().map(ContenderResult::rows).orElse(-1L);
      }
      String error = childError(child);
      if (error == null && contender == LoadContender.DSBULK_UNLOAD) {
        error = dsbulkError(lines, rows);
      }
      Optional<Double> own = ownSeconds(contender, lines, child);
      LoadRun run = error == null
          ? LoadRun.judge(contender, shape, repeat, options.rows(), rows, child.wallSeconds(), own, heapUse,
              log)
          : new LoadRun(contender, shape, repeat, options.rows(), rows, child.wallSeconds(), own, heapUse,
              error, log);
      doneLine(run, child);
      return run;
    } finally {
      if (scratch != null) {
        DsbulkUnload.deleteTree(scratch);
      }
    }
  }

  /** The DirectRunner load of a generated {@code --peakHeapRows} file with {@code -Xmx --peakHeapXmx}. */
  private PeakHeapRun runPeakHeap(TableAdmin admin) throws IOException, InterruptedException {
    long rows = options.peakHeapRows();
    System.out.printf(Locale.ROOT, "Peak heap: one DirectRunner load of %,d rows with -Xmx%s:%n", rows,
        options.peakHeapXmx());
    Path file = writeFile(Shape.PEOPLE, rows, targetDir.resolve("people-" + rows + ".csv"));
    admin.truncate(Shape.PEOPLE);
    Thread.sleep(options.pauseSeconds() * 1000L);
    LoadRun run = runLoad(LoadContender.BEAM_LOAD, Shape.PEOPLE, file, rows, options.peakHeapXmx(),
        "peak-heap-" + rows, 1, admin);
    return new PeakHeapRun(rows, options.peakHeapXmx(), run);
  }

  private static Path gcLogOf(Path log) {
    String name = log.getFileName().toString();
    return log.resolveSibling(name.substring(0, name.length() - ".log".length()) + ".gc.log");
  }

  /** Why a child's run does not count by its exit alone, or null when it exited with 0. */
  private String childError(ChildRun child) {
    if (child.timedOut()) {
      return "stopped after " + options.childTimeoutMinutes() + " min";
    }
    return child.exitCode() == 0 ? null : "exited with code " + child.exitCode();
  }

  /**
   * The time {@code contender} reports for its own operation: beam-cassandra's report duration,
   * DSBulk's rows / mean rate, SELECT count(*)'s statement time.
   */
  private static Optional<Double> ownSeconds(LoadContender contender, List<String> lines, ChildRun child) {
    switch (contender) {
      case DSBULK_LOAD:
      case DSBULK_UNLOAD:
        return DsbulkUnload.parseSummary(lines).flatMap(Summary::seconds);
      case SELECT_COUNT:
        return child.result().map(ContenderResult::seconds);
      default:
        return BeamCli.durationIn(lines);
    }
  }

  /** What DSBulk's closing summary says went wrong, or null when it reports {@code rows} and no failure. */
  private static String dsbulkError(List<String> lines, long rows) {
    Optional<Summary> summary = DsbulkUnload.parseSummary(lines);
    if (summary.isEmpty()) {
      return null; // the row count decides
    }
    Summary s = summary.get();
    return s.failed() == 0 && s.total() == rows ? null
        : "DSBulk's summary says " + s.total() + " records, " + s.failed() + " failed";
  }

  private long countOrMinusOne(TableAdmin admin, Shape shape) {
    try {
      return admin.count(shape);
    } catch (RuntimeException e) {
      System.out.print("(count failed: " + e.getMessage() + ") ");
      return -1;
    }
  }

  private void startLine(LoadContender contender, String name) {
    System.out.printf(Locale.ROOT, "  %-7s %-24s ", contender.phase(), name);
    System.out.flush();
  }

  private static void doneLine(LoadRun run, ChildRun child) {
    System.out.printf(Locale.ROOT, "%8.2f s wall (own clock %s s), %9s rows/s, heap %s: %s%n",
        run.wallSeconds(), run.ownSeconds().map(Report::seconds).orElse("-"),
        Report.rate(run.expectedRows() / run.wallSeconds()),
        run.heap().map(HeapUse::describe).orElse("-"),
        run.ok() ? "ok" : "NOT COUNTED: " + run.error());
    if (!run.ok() && child.exitCode() != 0) {
      System.out.println("      Last lines of " + child.log() + ":");
      child.tail().forEach(line -> System.out.println("      | " + line));
    }
  }

  private void createSchema(CqlSession session) {
    session.execute(SimpleStatement.newInstance(String.format(Locale.ROOT,
        "CREATE KEYSPACE IF NOT EXISTS %s WITH replication = {'class': 'NetworkTopologyStrategy',"
            + " '%s': %d}", options.keyspace(), options.localDatacenter().replace("'", "''"),
        options.replicationFactor())).setTimeout(ADMIN_TIMEOUT));
    Set<Shape> tables = new LinkedHashSet<>(options.shapes());
    if (options.peakHeapRows() > 0) {
      tables.add(Shape.PEOPLE);
    }
    for (Shape shape : tables) {
      session.execute(SimpleStatement.newInstance(
          "DROP TABLE IF EXISTS " + options.keyspace() + "." + shape.table()).setTimeout(ADMIN_TIMEOUT));
      session.execute(SimpleStatement.newInstance(shape.createTable(options.keyspace()))
          .setTimeout(ADMIN_TIMEOUT));
    }
  }

  private CqlSession adminSession(LocalCassandra node) {
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

  private void printHeader(CqlSession session, LocalCassandra node, Path sourceJar, Map<Shape, Path> files,
      String load) throws IOException {
    Row version = session.execute("SELECT release_version FROM system.local").one();
    String cassandra = "Cassandra " + (version == null ? "?" : version.getString(0));
    String where = node != null
        ? "a local node started for this run (heap " + options.nodeHeap() + ", CQL on "
            + node.contactPoint() + ", files in " + node.baseDir() + ")"
        : "the existing cluster at " + String.join(",", contactPoints);
    System.out.println("# beam-cassandra load benchmark");
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
    for (Map.Entry<Shape, Path> file : files.entrySet()) {
      System.out.printf(Locale.ROOT, "- %s: %,d rows (%s), header %s, %s -> %s.%s%n",
          file.getValue(), options.rows(), file.getKey().description(), LoadFiles.header(file.getKey()),
          HeapUse.megabytes(Files.size(file.getValue())), options.keyspace(), file.getKey().table());
    }
    System.out.printf(Locale.ROOT, "- beam-cassandra: %s (modified %s), run from a copy as java -Xmx%s"
            + " <bin/beam-cassandra's --add-opens flags> -jar beam-cassandra.jar <command>"
            + " --contactPoints=... --progressSeconds=0; load on the DirectRunner (the default) and with"
            + " --runner=FlinkRunner (embedded)%n", sourceJar,
        Files.getLastModifiedTime(sourceJar).toInstant().truncatedTo(ChronoUnit.SECONDS),
        options.childHeap());
    if (options.contenders().stream().anyMatch(c -> c == LoadContender.DSBULK_LOAD
        || c == LoadContender.DSBULK_UNLOAD)) {
      System.out.printf(Locale.ROOT, "- DataStax Bulk Loader %s: its own main class (%s), java -Xmx%s,"
          + " its defaults otherwise (-k -t -url -h -port -dc -logDir)%n",
          DsbulkUnload.version(launcher.classpathFile(DSBULK)), DsbulkUnload.MAIN_CLASS, options.childHeap());
    }
    System.out.printf(Locale.ROOT, "- Every run: TRUNCATE before a load, a %d s pause, the contender's whole"
        + " process timed from start to exit; it counts only when the table (load: SELECT count(*) in %d"
        + " token ranges), the files (unload) or the count holds exactly the file's rows%n",
        options.pauseSeconds(), TableAdmin.COUNT_RANGES);
    System.out.printf(Locale.ROOT, "- %d run%s per contender and table, interleaved; the table shows the"
        + " median; peak heap from each JVM's GC log (-Xlog:gc,gc+heap+exit)%n", options.repeats(),
        options.repeats() == 1 ? "" : "s");
    System.out.println("- Child logs: " + logDir);
    System.out.println();
  }
}

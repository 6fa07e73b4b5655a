package io.github.beamcassandra.pipelines.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One run of a command: its id and directory ({@code <runDir>/<runId>/} with {@code report.json} and
 * {@code rejects/}), its live counters, the progress line, and at the end the report table, the report
 * file and the run log line. The run directory may be on any file system Beam has (see
 * {@link RunDirectory}); the run log is a local file.
 */
public final class Run {
  public enum Status { SUCCEEDED, FAILED, STOPPED }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper JSON_LINE = new ObjectMapper();
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final String id;
  private final String command;
  private final String dir;
  private final Path runLog;
  private final Map<String, String> options;
  private final Instant started = Instant.now();
  private final long startedNanos = System.nanoTime();
  private Thread progress;

  private Run(String id, String command, String dir, Path runLog, Map<String, String> options) {
    this.id = id;
    this.command = command;
    this.dir = dir;
    this.runLog = runLog;
    this.options = options;
  }

  /** Creates the run directory; {@code options} are the ones given, secrets already masked. */
  public static Run start(String command, String runDir, String runLog, Map<String, String> options) {
    String id = ID_TIME.format(Instant.now()) + "-" + command + "-"
        + UUID.randomUUID().toString().substring(0, 6);
    String dir;
    if (RunDirectory.isLocal(runDir)) {
      Path local = RunDirectory.localPath(runDir).resolve(id);
      try {
        Files.createDirectories(local);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the run directory " + local + " (--runDir): " + e, e);
      }
      dir = local.toString();
    } else {
      dir = RunDirectory.resolve(runDir, id); // object stores have no directories to create
    }
    return new Run(id, command, dir, Paths.expandHome(runLog), options);
  }

  public String id() {
    return id;
  }

  /** The run's directory: an absolute local path, or a URI such as {@code gs://bucket/runs/<runId>}. */
  public String dir() {
    return dir;
  }

  public RunCounters counters() {
    return RunCounters.of(id);
  }

  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** Prints {@code line} every {@code seconds} on a daemon thread until {@link #finish}; 0 for never. */
  public void startProgress(int seconds, PrintStream out, Supplier<String> line) {
    if (seconds <= 0) {
      return;
    }
    progress = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(seconds * 1000L);
          out.println(line.get());
        }
      } catch (InterruptedException e) {
        // finished
      }
    }, "beam-cassandra-progress");
    progress.setDaemon(true);
    progress.start();
  }

  /**
   * Ends the run: prints the report table, writes {@code report.json} and appends the run log line.
   * {@code figures} are the command's counts and rates, in the order they are shown.
   */
  public ObjectNode finish(Status status, String error, Map<String, Object> figures, String target,
      PrintStream out) {
    if (progress != null) {
      progress.interrupt();
    }
    Duration took = elapsed();
    Map<String, Object> shown = new LinkedHashMap<>(figures);
    shown.put("duration", String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0));
    shown.put("status", status.name());
    shown.put("run directory", dir);
    out.println();
    out.println(ReportTable.render(shown));
    if (error != null) {
      out.println(error);
    }

    ObjectNode report = JSON.createObjectNode();
    report.put("runId", id);
    report.put("command", command);
    report.put("target", target);
    report.put("status", status.name());
    if (error != null) {
      report.put("error", error);
    }
    report.put("startedAt", started.toString());
    report.put("endedAt", started.plus(took).toString());
    report.put("durationSeconds", took.toMillis() / 1000.0);
    report.put("runDir", dir);
    ObjectNode given = report.putObject("options");
    options.forEach(given::put);
    ObjectNode counts = report.putObject("figures");
    figures.forEach((k, v) -> counts.set(k, JSON.valueToTree(v)));
    try {
      writeReport(JSON.writeValueAsString(report));
      Files.createDirectories(runLog.toAbsolutePath().getParent());
      ObjectNode line = report.deepCopy();
      line.remove("options");
      Files.writeString(runLog, JSON_LINE.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      out.println("Could not write the report or the run log: " + e.getMessage());
    }
    return report;
  }

  private void writeReport(String json) throws IOException {
    if (RunDirectory.isLocal(dir)) {
      Files.writeString(Path.of(dir, "report.json"), json, StandardCharsets.UTF_8);
      return;
    }
    try (OutputStream out = RunDirectory.createRemote(RunDirectory.resolve(dir, "report.json"),
        "application/json")) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
  }
}

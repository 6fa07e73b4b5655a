package io.github.beamcassandra.pipelines.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.beamcassandra.pipelines.run.Paths;
import io.github.beamcassandra.pipelines.run.ReportTable;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code runs}: the last runs from the run log, newest last. */
public final class RunsCommand {
  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("last", "how many runs to show (default: 10)");
    OPTIONS.put("runLog", "the run log file (default: ~/.beam-cassandra/runs.jsonl)");
  }

  private RunsCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = Options.parse(args, 0, OPTIONS.keySet(), "runs");
    if (options.containsKey("help")) {
      out.println("Usage: beam-cassandra runs [--last=N] [--runLog=file]");
      out.println();
      Options.printHelp(OPTIONS, out);
      return 0;
    }
    int last = Options.intValue(options, "last", 10, 1, 100_000);
    Path log = Paths.expandHome(options.getOrDefault("runLog", "~/.beam-cassandra/runs.jsonl"));
    if (!Files.exists(log)) {
      out.println("No runs yet: " + log + " does not exist.");
      return 0;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the run log " + log + ": " + e.getMessage(), e);
    }
    ObjectMapper json = new ObjectMapper();
    List<List<String>> rows = new ArrayList<>();
    int lineNumber = 0;
    for (String line : lines.subList(Math.max(0, lines.size() - last), lines.size())) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode run = json.readTree(line);
        rows.add(List.of(run.path("runId").asText(), run.path("command").asText(),
            run.path("status").asText(), run.path("target").asText(),
            String.format(Locale.ROOT, "%.1f s", run.path("durationSeconds").asDouble()),
            figures(run.path("figures"))));
      } catch (IOException e) {
        err.println("Skipping an unreadable line of " + log + ": " + e.getMessage());
      }
    }
    out.println(ReportTable.render(List.of("run", "command", "status", "table", "duration", "figures"), rows));
    return 0;
  }

  private static String figures(JsonNode figures) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = figures.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getValue().isNumber() && !f.getKey().startsWith("write latency")) {
        parts.add(f.getKey() + " " + ReportTable.format(f.getValue().isIntegralNumber()
            ? (Object) f.getValue().asLong() : (Object) f.getValue().asDouble()));
      }
    }
    return String.join(", ", parts);
  }
}

package io.github.beamcassandra.pipelines.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.beamcassandra.pipelines.count.CountPipeline;
import io.github.beamcassandra.pipelines.options.CountOptions;
import io.github.beamcassandra.pipelines.run.Run;
import io.github.beamcassandra.pipelines.run.RunCounters;
import io.github.beamcassandra.pipelines.run.RunLogTable;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** {@code count}: prints the exact row count of a table as the last line of standard output. */
public final class CountCommand {
  static final String USAGE = "beam-cassandra count --keyspace=ks --table=t [--option=value ...]";

  private CountCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help")) {
      PipelineArgs.printHelp(CountOptions.class, USAGE, out);
      return 0;
    }
    CountOptions options = PipelineArgs.parse(args, CountOptions.class, "count");
    if (options.getSplits() < 0) {
      throw new io.github.beamcassandra.pipelines.UsageException(
          "--splits must be 0 (derived) or more, got: " + options.getSplits());
    }
    RunLogTable runLogTable = RunLogTable.parse(options.getRunLogTable());
    CassandraConnection connection = Connections.from(options, err);
    Connections.tableSpec(connection, options); // a missing keyspace or table is a usage error
    Run run = Run.start("count", options.getRunDir(), options.getRunLog(), PipelineArgs.masked(args));
    RunCounters counters = run.counters();
    run.startProgress(options.getProgressSeconds(), err, () -> String.format(Locale.ROOT,
        "progress: %,d rows counted in %,d ranges, %.0f s", counters.rows.get(), counters.ranges.get(),
        run.elapsed().toMillis() / 1000.0));
    Execution execution = Execution.of(CountPipeline.create(options, connection, run.id()));

    boolean ranHere = execution.ranHere(counters.ranges.get(), CountPipeline.class, "ranges_counted");
    long rows = execution.figure(ranHere, counters.rows.get(), CountPipeline.class, "rows_counted");
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("rows", rows);
    figures.put("ranges", execution.figure(ranHere, counters.ranges.get(), CountPipeline.class, "ranges_counted"));
    figures.put("rows/s", Math.round(rows / Math.max(0.001, run.elapsed().toMillis() / 1000.0)));
    ObjectNode report = run.finish(execution.status, execution.error, figures,
        options.getKeyspace() + "." + options.getTable(), err);
    if (runLogTable != null) {
      runLogTable.append(connection, report, err);
    }
    if (execution.status != Run.Status.SUCCEEDED) {
      return 1;
    }
    out.println(rows);
    return 0;
  }
}

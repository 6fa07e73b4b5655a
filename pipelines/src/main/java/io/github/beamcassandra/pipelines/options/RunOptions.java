package io.github.beamcassandra.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where a run keeps its report and rejects, and how it reports progress. */
public interface RunOptions extends PipelineOptions {
  @Description("Directory that gets a subdirectory per run with report.json and the rejects.")
  @Default.String("beam-cassandra-runs")
  String getRunDir();

  void setRunDir(String value);

  @Description("File that gets one JSON line per run, shown by 'beam-cassandra runs'.")
  @Default.String("~/.beam-cassandra/runs.jsonl")
  String getRunLog();

  void setRunLog(String value);

  @Description("Also append each run's row to this Cassandra table (keyspace.table), created with a fixed"
      + " schema if missing.")
  String getRunLogTable();

  void setRunLogTable(String value);

  @Description("Seconds between progress lines; 0 turns them off.")
  @Default.Integer(5)
  int getProgressSeconds();

  void setProgressSeconds(int value);
}

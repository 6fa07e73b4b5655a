package io.github.beamcassandra.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** {@code load}: files into a table. */
public interface LoadOptions extends ConnectionOptions, RunOptions, FileOptions {
  @Description("File, directory or glob to load (local paths, or any file system Beam knows); .gz files"
      + " are decompressed (CSV and JSON; Parquet files compress themselves).")
  String getInput();

  void setInput(String value);

  @Description("Stop after this many rejected or failed records (N), or this share of the records read"
      + " (N%); -1 for no limit.")
  @Default.String("100")
  String getMaxErrors();

  void setMaxErrors(String value);

  @Description("Input column whose value marks a row to delete (never written); needs --deleteFlagValue.")
  String getDeleteFlagColumn();

  void setDeleteFlagColumn(String value);

  @Description("Value of --deleteFlagColumn (compared as text, ignoring case) that deletes the row.")
  String getDeleteFlagValue();

  void setDeleteFlagValue(String value);

  @Description("TTL in seconds for every row written; 0 for none.")
  @Default.Integer(0)
  int getTtl();

  void setTtl(int value);

  @Description("Input column with each row's TTL in seconds (never written as a column).")
  String getTtlColumn();

  void setTtlColumn(String value);

  @Description("Write time in microseconds since 1970 for every row; 0 for the server's time.")
  @Default.Long(0)
  long getWritetime();

  void setWritetime(long value);

  @Description("Input column with each row's write time in microseconds (never written as a column).")
  String getWritetimeColumn();

  void setWritetimeColumn(String value);

  @Description("Leave null values unset (no tombstones); false writes them as nulls.")
  @Default.Boolean(true)
  boolean getIgnoreNulls();

  void setIgnoreNulls(boolean value);

  @Description("Requests in flight at once per worker JVM.")
  @Default.Integer(128)
  int getMaxConcurrentRequests();

  void setMaxConcurrentRequests(int value);

  @Description("Statements in one UNLOGGED batch (all of one partition).")
  @Default.Integer(32)
  int getMaxBatchStatements();

  void setMaxBatchStatements(int value);

  @Description("How rows are grouped into UNLOGGED batches: PARTITION (one partition per batch) or"
      + " REPLICA_SET (up to 10 partitions that share their replicas per batch: fewer requests on small"
      + " clusters when rows are in distinct partitions), like DataStax Bulk Loader's batch.mode.")
  @Default.String("PARTITION")
  String getBatchMode();

  void setBatchMode(String value);

  @Description("Mutations a shard buffers before it writes them.")
  @Default.Integer(1000)
  int getMaxBufferedMutations();

  void setMaxBufferedMutations(int value);

  @Description("Uncompressed CSV files and Parquet files larger than this are parsed in parts of about this"
      + " many bytes, cut at record boundaries (Parquet: whole row groups): parts are parsed in parallel,"
      + " writing starts after the first one, and a worker holds one part's records at a time.")
  @Default.Long(1024L * 1024)
  long getPartBytes();

  void setPartBytes(long value);

  @Description("Shards (parallel buffers) the mutations are spread over, by partition token. 0: 64, or"
      + " 8 on the DirectRunner and an embedded Flink, where each shard costs bookkeeping in every bundle.")
  @Default.Integer(0)
  int getShards();

  void setShards(int value);
}

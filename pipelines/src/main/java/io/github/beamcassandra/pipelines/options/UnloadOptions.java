package io.github.beamcassandra.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** {@code unload}: a table into files, one per token range. */
public interface UnloadOptions extends ConnectionOptions, RunOptions, FileOptions {
  @Description("Directory that gets one file per token range and the checkpoint of completed ranges.")
  String getOutput();

  void setOutput(String value);

  @Description("Add <column>_writetime fields with WRITETIME() of each regular column.")
  @Default.Boolean(false)
  boolean getIncludeWritetime();

  void setIncludeWritetime(boolean value);

  @Description("Add <column>_ttl fields with TTL() of each regular column.")
  @Default.Boolean(false)
  boolean getIncludeTtl();

  void setIncludeTtl(boolean value);

  @Description("Compression of the files. CSV and JSON: none (the default) or gzip, which compresses each"
      + " file as a whole and adds .gz to its name. Parquet: snappy (the default), gzip or none, applied by"
      + " Parquet to each page inside the .parquet file.")
  String getCompression();

  void setCompression(String value);

  @Description("Token-range splits (and so files); 0 derives them from the table's size estimates.")
  @Default.Integer(0)
  int getSplits();

  void setSplits(int value);

  @Description("Finish an unload into --output that stopped: read only the ranges its checkpoint does"
      + " not list.")
  @Default.Boolean(false)
  boolean getResume();

  void setResume(boolean value);
}

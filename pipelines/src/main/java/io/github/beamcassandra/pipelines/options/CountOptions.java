package io.github.beamcassandra.pipelines.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/** {@code count}: the exact number of rows of a table. */
public interface CountOptions extends ConnectionOptions, RunOptions {
  @Description("Token-range splits to count in parallel; 0 derives them from the table's size estimates.")
  @Default.Integer(0)
  int getSplits();

  void setSplits(int value);
}

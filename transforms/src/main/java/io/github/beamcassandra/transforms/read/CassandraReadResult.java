package io.github.beamcassandra.transforms.read;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;

/**
 * A read with its progress: the rows, one {@code KV<range id, row count>} per token range read in
 * full, for pipelines that checkpoint completed ranges and skip them on a re-run ({@link
 * CassandraRead#withSkippedRanges}), and the ranges that failed if they were asked for.
 */
public final class CassandraReadResult implements POutput {
  private final Pipeline pipeline;
  private final PCollection<Row> rows;
  private final PCollection<KV<String, Long>> completedRanges;
  private final PCollection<KV<String, String>> failedRanges;

  CassandraReadResult(Pipeline pipeline, PCollection<Row> rows, PCollection<KV<String, Long>> completedRanges,
      PCollection<KV<String, String>> failedRanges) {
    this.pipeline = pipeline;
    this.rows = rows;
    this.completedRanges = completedRanges;
    this.failedRanges = failedRanges;
  }

  public PCollection<Row> getRows() {
    return rows;
  }

  /** One element per range read in full: its {@link TokenRange#id() id} and how many rows it held. */
  public PCollection<KV<String, Long>> getCompletedRanges() {
    return completedRanges;
  }

  /**
   * With {@link CassandraRead#withFailedRangesOutput()}: one element per range that still failed after
   * its retries, its {@link TokenRange#id() id} and what happened (the error, and how many of its rows
   * were output before it failed). Empty otherwise: a failed range then fails the pipeline.
   */
  public PCollection<KV<String, String>> getFailedRanges() {
    return failedRanges;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(new TupleTag<Row>("rows"), rows, new TupleTag<KV<String, Long>>("completedRanges"),
        completedRanges, new TupleTag<KV<String, String>>("failedRanges"), failedRanges);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}

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
 * A read with its progress: the rows, and one {@code KV<range id, row count>} per token range read in
 * full, for pipelines that checkpoint completed ranges and skip them on a re-run ({@link
 * CassandraRead#withSkippedRanges}).
 */
public final class CassandraReadResult implements POutput {
  private final Pipeline pipeline;
  private final PCollection<Row> rows;
  private final PCollection<KV<String, Long>> completedRanges;

  CassandraReadResult(Pipeline pipeline, PCollection<Row> rows, PCollection<KV<String, Long>> completedRanges) {
    this.pipeline = pipeline;
    this.rows = rows;
    this.completedRanges = completedRanges;
  }

  public PCollection<Row> getRows() {
    return rows;
  }

  /** One element per range read in full: its {@link TokenRange#id() id} and how many rows it held. */
  public PCollection<KV<String, Long>> getCompletedRanges() {
    return completedRanges;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(new TupleTag<Row>("rows"), rows, new TupleTag<KV<String, Long>>("completedRanges"),
        completedRanges);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}

package io.github.beamcassandra.transforms;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * What a write returns: every failure (rows that could not become mutations, and mutations that could
 * not be written), and a completion signal for {@link Wait#on} that holds, per window, the number of
 * mutations written.
 */
public final class CassandraWriteResult implements POutput {
  private static final TupleTag<CassandraWriteFailure> FAILURES_TAG = new TupleTag<>("failures");
  private static final TupleTag<Long> WRITTEN_TAG = new TupleTag<>("written");

  private final Pipeline pipeline;
  private final PCollection<CassandraWriteFailure> failures;
  private final PCollection<Long> written;

  CassandraWriteResult(Pipeline pipeline, PCollection<CassandraWriteFailure> failures,
      PCollection<Long> written) {
    this.pipeline = pipeline;
    this.failures = failures;
    this.written = written;
  }

  /** Made by the write transforms; public for {@code WriteMutations} in another package. */
  public static CassandraWriteResult of(Pipeline pipeline, PCollection<CassandraWriteFailure> failures,
      PCollection<Long> written) {
    return new CassandraWriteResult(pipeline, failures, written);
  }

  /** Rows and mutations that could not be written, with the reason; empty when all went well. */
  public PCollection<CassandraWriteFailure> getFailures() {
    return failures;
  }

  /**
   * Counts of mutations written (one element per finished group of writes): sum them for a total, or
   * pass this collection to {@link Wait#on} to start something after the writes of a window are done.
   */
  public PCollection<Long> getCompletionSignal() {
    return written;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(FAILURES_TAG, failures, WRITTEN_TAG, written);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input, PTransform<?, ?> transform) {}
}

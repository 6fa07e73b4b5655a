package io.github.beamcassandra.transforms.write;

import io.github.beamcassandra.transforms.CassandraWriteFailure;
import io.github.beamcassandra.transforms.mutation.Mutation;
import io.github.beamcassandra.transforms.mutation.MutationCoder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Lineage;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.BagState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Instant;

/**
 * Buffers the mutations of one shard in state and writes them when the buffer holds {@code
 * maxBufferedMutations} or {@code maxBufferedBytes}, when {@code maxBufferingDuration} has passed
 * (processing-time timer, for streaming), or at the end of the window (event-time timer, which also
 * holds the watermark at the oldest buffered mutation). An event-time timer is used rather than
 * {@code @OnWindowExpiration} because Beam 2.62's Spark runner rejects the latter.
 *
 * <p>Writes are asynchronous; {@code @FinishBundle} waits for every one of them before the bundle
 * commits, so a mutation leaves state only once it is written or reported as a failure.
 */
final class WriteMutationsFn extends DoFn<KV<Integer, List<Mutation>>, Long> {
  private static final long serialVersionUID = 1L;

  static final String BUFFER = "buffer";
  static final String STATS = "stats";
  static final String END_OF_WINDOW = "endOfWindow";
  static final String BUFFERING = "buffering";
  private static final int COUNT = 0;
  private static final int BYTES = 1;
  private static final int OLDEST = 2;

  private final Counter mutationsWritten = Metrics.counter(WriteMutations.class, "mutations_written");
  private final Counter batches = Metrics.counter(WriteMutations.class, "batches");
  private final Counter retries = Metrics.counter(WriteMutations.class, "retries");
  private final Counter failures = Metrics.counter(WriteMutations.class, "failures");
  private final Counter flushes = Metrics.counter(WriteMutations.class, "flushes");
  private final Distribution statementsPerBatch =
      Metrics.distribution(WriteMutations.class, "statements_per_batch");
  private final Distribution writeLatency = Metrics.distribution(WriteMutations.class, "write_latency_ms");

  /** Chunks of mutations as {@link PreBatchFn} made them. */
  @StateId(BUFFER)
  private final StateSpec<BagState<List<Mutation>>> bufferSpec = StateSpecs.bag(ListCoder.of(MutationCoder.of()));

  /** Count, bytes and oldest timestamp (millis) of what is buffered. */
  @StateId(STATS)
  private final StateSpec<ValueState<List<Long>>> statsSpec =
      StateSpecs.value(ListCoder.of(VarLongCoder.of()));

  @TimerId(END_OF_WINDOW)
  private final TimerSpec endOfWindowSpec = TimerSpecs.timer(TimeDomain.EVENT_TIME);

  @TimerId(BUFFERING)
  private final TimerSpec bufferingSpec = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

  private final WriteSpec spec;
  private transient BatchWriter writer;
  private transient List<BatchWriter.Outcome<Target>> outcomes;
  private transient long[] reported;

  /** Where the results of one flush are output. */
  static final class Target {
    final BoundedWindow window;
    final Instant timestamp;

    Target(BoundedWindow window, Instant timestamp) {
      this.window = window;
      this.timestamp = timestamp;
    }
  }

  WriteMutationsFn(WriteSpec spec) {
    this.spec = spec;
  }

  @Setup
  public void setup() {
    writer = new BatchWriter(spec);
    reported = new long[8];
  }

  @StartBundle
  public void startBundle() {
    outcomes = new ArrayList<>();
    Lineage.getSinks().add("cassandra",
        List.of(spec.layout.table().keyspace(), spec.layout.table().table()));
  }

  @ProcessElement
  public void processElement(
      @Element KV<Integer, List<Mutation>> element,
      @Timestamp Instant timestamp,
      BoundedWindow window,
      @StateId(BUFFER) BagState<List<Mutation>> buffer,
      @StateId(STATS) ValueState<List<Long>> stats,
      @TimerId(END_OF_WINDOW) Timer endOfWindow,
      @TimerId(BUFFERING) Timer buffering) {
    List<Mutation> chunk = element.getValue();
    long size = 0;
    for (Mutation m : chunk) {
      size += m.sizeBytes();
    }
    List<Long> current = stats.read();
    long count = current == null ? 0 : current.get(COUNT);
    long bytes = current == null ? 0 : current.get(BYTES);
    long oldest = current == null ? Long.MAX_VALUE : current.get(OLDEST);
    // Check the byte limit before adding, so a buffer never grows past it.
    if (count > 0 && bytes + size > spec.maxBufferedBytes) {
      flush(buffer, stats, endOfWindow, buffering, window, new Instant(oldest));
      count = 0;
      bytes = 0;
      oldest = Long.MAX_VALUE;
    }
    if (count == 0 && (chunk.size() >= spec.maxBufferedMutations || size >= spec.maxBufferedBytes)) {
      // A full chunk with nothing buffered before it: written as is, without a trip through state.
      write(chunk, window, timestamp);
      return;
    }
    buffer.add(chunk);
    count += chunk.size();
    bytes += size;
    if (timestamp.getMillis() < oldest) {
      oldest = timestamp.getMillis();
      // Hold the watermark at the oldest buffered mutation until the buffer is written.
      endOfWindow.withOutputTimestamp(new Instant(oldest)).set(window.maxTimestamp());
    }
    if (count == chunk.size() && spec.maxBufferingDuration.getMillis() > 0) {
      buffering.offset(spec.maxBufferingDuration).setRelative();
    }
    if (count >= spec.maxBufferedMutations) {
      flush(buffer, stats, endOfWindow, buffering, window, new Instant(oldest));
    } else {
      stats.write(List.of(count, bytes, oldest));
    }
  }

  @OnTimer(END_OF_WINDOW)
  public void onEndOfWindow(
      OnTimerContext context,
      @StateId(BUFFER) BagState<List<Mutation>> buffer,
      @StateId(STATS) ValueState<List<Long>> stats,
      @TimerId(END_OF_WINDOW) Timer endOfWindow,
      @TimerId(BUFFERING) Timer buffering) {
    flushFromTimer(context, buffer, stats, endOfWindow, buffering);
  }

  @OnTimer(BUFFERING)
  public void onBufferingTimeout(
      OnTimerContext context,
      @StateId(BUFFER) BagState<List<Mutation>> buffer,
      @StateId(STATS) ValueState<List<Long>> stats,
      @TimerId(END_OF_WINDOW) Timer endOfWindow,
      @TimerId(BUFFERING) Timer buffering) {
    flushFromTimer(context, buffer, stats, endOfWindow, buffering);
  }

  /**
   * Runners differ in whether {@code @FinishBundle} follows timer callbacks (Spark's batch runner
   * fires them after it), so a timer's flush is finished and reported before the callback returns.
   */
  private void flushFromTimer(OnTimerContext context, BagState<List<Mutation>> buffer,
      ValueState<List<Long>> stats, Timer endOfWindow, Timer buffering) {
    List<Long> current = stats.read();
    if (current == null || current.get(COUNT) == 0) {
      return;
    }
    List<BatchWriter.Outcome<Target>> earlier = outcomes;
    outcomes = new ArrayList<>();
    flush(buffer, stats, endOfWindow, buffering, context.window(), new Instant(current.get(OLDEST)));
    writer.awaitAll();
    List<BatchWriter.Outcome<Target>> done = outcomes;
    outcomes = earlier;
    reportMetrics();
    emit(done, (value, target) -> context.outputWithTimestamp(value, target.timestamp),
        (failure, target) -> context.outputWithTimestamp(WriteMutations.FAILURES, failure, target.timestamp));
  }

  private void flush(BagState<List<Mutation>> buffer, ValueState<List<Long>> stats, Timer endOfWindow,
      Timer buffering, BoundedWindow window, Instant oldest) {
    List<Mutation> mutations = new ArrayList<>();
    buffer.read().forEach(mutations::addAll);
    buffer.clear();
    stats.clear();
    endOfWindow.clear();
    buffering.clear();
    if (!mutations.isEmpty()) {
      write(mutations, window, oldest);
    }
  }

  private void write(List<Mutation> mutations, BoundedWindow window, Instant oldest) {
    flushes.inc();
    Instant outputTimestamp = oldest.isAfter(window.maxTimestamp()) ? window.maxTimestamp() : oldest;
    BatchWriter.Outcome<Target> outcome = new BatchWriter.Outcome<>(new Target(window, outputTimestamp));
    outcomes.add(outcome);
    writer.write(mutations, outcome);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    writer.awaitAll();
    reportMetrics();
    List<BatchWriter.Outcome<Target>> done = outcomes;
    outcomes = new ArrayList<>();
    emit(done, (value, target) -> context.output(value, target.timestamp, target.window),
        (failure, target) -> context.output(WriteMutations.FAILURES, failure, target.timestamp, target.window));
  }

  /** Outputs written counts and failures, or fails naming the table when {@code failOnError}. */
  private void emit(List<BatchWriter.Outcome<Target>> done, BiConsumer<Long, Target> written,
      BiConsumer<CassandraWriteFailure, Target> failed) {
    CassandraWriteFailure firstFailure = null;
    long failures = 0;
    for (BatchWriter.Outcome<Target> outcome : done) {
      if (outcome.written.get() > 0) {
        written.accept(outcome.written.get(), outcome.context);
      }
      for (CassandraWriteFailure failure : outcome.failures) {
        failures++;
        if (firstFailure == null) {
          firstFailure = failure;
        }
        if (!spec.failOnError) {
          failed.accept(failure, outcome.context);
        }
      }
    }
    if (spec.failOnError && firstFailure != null) {
      throw new IllegalStateException("Writing to " + spec.layout.table().qualifiedName() + " failed: "
          + failures + " mutation(s) could not be written; the first: " + firstFailure.reason()
          + " (" + firstFailure.errorClass() + ") for " + firstFailure.record());
    }
  }

  private void reportMetrics() {
    BatchWriter.Stats s = writer.stats();
    mutationsWritten.inc(delta(0, s.mutationsWritten.get()));
    long newBatches = delta(1, s.batches.get());
    long newStatements = delta(2, s.statements.get());
    batches.inc(newBatches);
    if (newBatches > 0) {
      statementsPerBatch.update(newStatements, newBatches, s.statementsMin.get(), s.statementsMax.get());
    }
    retries.inc(delta(3, s.retries.get()));
    failures.inc(delta(4, s.failures.get()));
    long requests = delta(5, s.requests.get());
    long latency = delta(6, s.latencyMillisSum.get());
    if (requests > 0) {
      writeLatency.update(latency, requests, 0, s.latencyMillisMax.get());
    }
  }

  private long delta(int index, long total) {
    long d = total - reported[index];
    reported[index] = total;
    return d;
  }

  @Teardown
  public void teardown() {
    if (writer != null) {
      writer.close();
    }
  }
}

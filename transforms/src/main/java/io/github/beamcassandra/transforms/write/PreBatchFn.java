package io.github.beamcassandra.transforms.write;

import io.github.beamcassandra.transforms.mutation.Mutation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.joda.time.Instant;

/**
 * Gathers a bundle's mutations into small per-shard chunks before the shuffle, so the shuffle and the
 * stateful writer handle one element per chunk instead of one per mutation: per-element cost through
 * a runner's shuffle and state is what limits write throughput. Holds at most {@code maxChunk}
 * mutations (and {@code maxChunkBytes}) per shard and window, and empties itself at the end of every
 * bundle, so nothing waits here beyond a bundle.
 */
final class PreBatchFn extends DoFn<KV<Integer, Mutation>, KV<Integer, List<Mutation>>> {
  private static final long serialVersionUID = 1L;

  private final int maxChunk;
  private final long maxChunkBytes;
  private transient Map<ChunkKey, Chunk> chunks;

  private static final class ChunkKey {
    final int shard;
    final BoundedWindow window;

    ChunkKey(int shard, BoundedWindow window) {
      this.shard = shard;
      this.window = window;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ChunkKey && ((ChunkKey) o).shard == shard && ((ChunkKey) o).window.equals(window);
    }

    @Override
    public int hashCode() {
      return Objects.hash(shard, window);
    }
  }

  private static final class Chunk {
    final List<Mutation> mutations = new ArrayList<>();
    long bytes;
    Instant latest = BoundedWindow.TIMESTAMP_MIN_VALUE;
  }

  PreBatchFn(int maxChunk, long maxChunkBytes) {
    this.maxChunk = maxChunk;
    this.maxChunkBytes = maxChunkBytes;
  }

  @StartBundle
  public void startBundle() {
    chunks = new HashMap<>();
  }

  @ProcessElement
  public void processElement(@Element KV<Integer, Mutation> element, @Timestamp Instant timestamp,
      BoundedWindow window, OutputReceiver<KV<Integer, List<Mutation>>> out) {
    ChunkKey key = new ChunkKey(element.getKey(), window);
    Chunk chunk = chunks.computeIfAbsent(key, k -> new Chunk());
    chunk.mutations.add(element.getValue());
    chunk.bytes += element.getValue().sizeBytes();
    if (timestamp.isAfter(chunk.latest)) {
      chunk.latest = timestamp;
    }
    if (chunk.mutations.size() >= maxChunk || chunk.bytes >= maxChunkBytes) {
      chunks.remove(key);
      // The chunk's latest timestamp is at or after this element's: moving it forward is allowed.
      out.outputWithTimestamp(KV.of(element.getKey(), chunk.mutations), chunk.latest);
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    for (Map.Entry<ChunkKey, Chunk> e : chunks.entrySet()) {
      context.output(KV.of(e.getKey().shard, e.getValue().mutations), e.getValue().latest, e.getKey().window);
    }
    chunks.clear();
  }
}

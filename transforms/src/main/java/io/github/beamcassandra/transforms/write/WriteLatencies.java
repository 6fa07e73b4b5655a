package io.github.beamcassandra.transforms.write;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Write request latencies of this JVM per table, as a histogram with about 6% precision, for tools
 * that run a pipeline in their own process (the command line's report shows p50 and p99). Beam's
 * {@code write_latency_ms} distribution keeps only count, sum, min and max; this keeps the shape.
 * Memory is fixed: 640 counters per table.
 */
public final class WriteLatencies {
  private static final int EXACT = 32;
  private static final int SUB_BUCKETS = 16;
  private static final int BUCKETS = 640;
  private static final Map<String, AtomicLongArray> TABLES = new ConcurrentHashMap<>();

  private WriteLatencies() {}

  static void record(String table, long micros) {
    TABLES.computeIfAbsent(table, t -> new AtomicLongArray(BUCKETS)).incrementAndGet(bucket(micros));
  }

  /** The latency in microseconds below which {@code quantile} (0 to 1) of the requests fell; -1 if none. */
  public static long percentileMicros(String table, double quantile) {
    AtomicLongArray counts = TABLES.get(table);
    if (counts == null) {
      return -1;
    }
    long total = 0;
    for (int i = 0; i < BUCKETS; i++) {
      total += counts.get(i);
    }
    if (total == 0) {
      return -1;
    }
    long rank = (long) Math.ceil(quantile * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= Math.max(1, rank)) {
        return middle(i);
      }
    }
    return middle(BUCKETS - 1);
  }

  /** Forgets what was recorded for {@code table}, e.g. before a new run in the same JVM. */
  public static void reset(String table) {
    TABLES.remove(table);
  }

  /** Exact below 32 µs, then 16 buckets per power of two. */
  static int bucket(long micros) {
    if (micros < EXACT) {
      return (int) Math.max(0, micros);
    }
    int shift = 63 - Long.numberOfLeadingZeros(micros) - 4;
    int index = EXACT + (shift - 1) * SUB_BUCKETS + (int) ((micros >> shift) - SUB_BUCKETS);
    return Math.min(index, BUCKETS - 1);
  }

  /** The middle of bucket {@code index}, in microseconds. */
  static long middle(int index) {
    if (index < EXACT) {
      return index;
    }
    int shift = (index - EXACT) / SUB_BUCKETS + 1;
    long sub = (index - EXACT) % SUB_BUCKETS;
    long low = (SUB_BUCKETS + sub) << shift;
    return low + (1L << shift) / 2;
  }
}

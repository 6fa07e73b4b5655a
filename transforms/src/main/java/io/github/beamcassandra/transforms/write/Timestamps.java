package io.github.beamcassandra.transforms.write;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client-side write timestamps in microseconds, strictly increasing within the JVM (like the
 * driver's default generator), so of two writes of one row the one sent later wins, and a retry can
 * re-send a statement with the timestamp it was first given.
 */
final class Timestamps {
  private static final AtomicLong LAST = new AtomicLong();

  private Timestamps() {}

  static long next() {
    Instant now = Instant.now();
    long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    return LAST.updateAndGet(last -> Math.max(micros, last + 1));
  }
}

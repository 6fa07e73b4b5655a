package io.github.beamcassandra.benchmarks.common;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The rows every contender writes, computed from the row index alone so each child JVM generates the
 * same data without reading any input. Values come from a {@link SplittableRandom} seeded with the
 * index, so they look random to Cassandra's partitioner but are identical on every run.
 */
public final class GeneratedRows {
  /** Rows per {@code device} partition in the {@link Shape#READINGS} shape. */
  public static final int ROWS_PER_DEVICE = 50;

  private static final long SEED = 0x5EED_BE4C_A55AL;
  private static final long VERSION_MASK = 0xF000L;
  private static final long VERSION_4 = 0x4000L;
  private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

  private GeneratedRows() {}

  /** A row of {@code bench.people}. */
  public record Person(UUID id, String name, int age, long score) {}

  /** A row of {@code bench.readings}. */
  public record Reading(String device, int seq, double value) {}

  /**
   * Row {@code index} of the people table. The id is a random (version 4) UUID whose low bits are the
   * index itself, so ids never collide and every row is a partition of its own.
   */
  public static Person person(long index) {
    checkIndex(index);
    SplittableRandom random = random(index);
    long high = (random.nextLong() & ~VERSION_MASK) | VERSION_4;
    UUID id = new UUID(high, VARIANT_IETF | index);
    return new Person(id, "person-" + index, 18 + random.nextInt(80), random.nextLong());
  }

  /** Row {@code index} of the readings table: device {@code index / 50}, sequence {@code index % 50}. */
  public static Reading reading(long index) {
    checkIndex(index);
    return new Reading(device(index), (int) (index % ROWS_PER_DEVICE), random(index).nextDouble() * 100);
  }

  /** The partition key of reading {@code index}. */
  public static String device(long index) {
    return "device-" + index / ROWS_PER_DEVICE;
  }

  private static SplittableRandom random(long index) {
    return new SplittableRandom(SEED + index);
  }

  private static void checkIndex(long index) {
    // The UUID's variant takes the top two bits of its low half; the index gets the other 62.
    if (index < 0 || index >= 1L << 62) {
      throw new IllegalArgumentException("row index must be in [0, 2^62), got: " + index);
    }
  }
}

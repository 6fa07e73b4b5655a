package io.github.beamcassandra.transforms.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WriteLatenciesTest {
  @Test
  void everyBucketHoldsItsOwnMiddleWithinSevenPercent() {
    for (long micros = 0; micros < 5_000_000; micros = micros < 100 ? micros + 1 : micros * 11 / 10) {
      long middle = WriteLatencies.middle(WriteLatencies.bucket(micros));
      assertTrue(Math.abs(middle - micros) <= Math.max(1, micros * 7 / 100),
          micros + " µs came back as " + middle);
    }
  }

  @Test
  void bucketsGrowWithTheLatency() {
    int last = -1;
    for (long micros = 0; micros < 1L << 40; micros = micros * 2 + 1) {
      int bucket = WriteLatencies.bucket(micros);
      assertTrue(bucket > last, "bucket of " + micros + " µs");
      last = bucket;
    }
  }

  @Test
  void percentilesOfAKnownSpread() {
    String table = "ks.latency_test";
    WriteLatencies.reset(table);
    assertEquals(-1, WriteLatencies.percentileMicros(table, 0.5));
    for (int i = 1; i <= 100; i++) {
      WriteLatencies.record(table, i * 1000L);
    }
    long p50 = WriteLatencies.percentileMicros(table, 0.5);
    long p99 = WriteLatencies.percentileMicros(table, 0.99);
    assertTrue(Math.abs(p50 - 50_000) < 3_500, "p50 " + p50);
    assertTrue(Math.abs(p99 - 99_000) < 7_000, "p99 " + p99);
  }
}

package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.benchmarks.common.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {
  @Test
  void defaults() {
    BenchmarkOptions options = BenchmarkOptions.parse(new String[0]);

    assertEquals(300_000, options.rows());
    assertEquals(3, options.repeats());
    assertTrue(options.localNode());
    assertEquals("1G", options.nodeHeap());
    assertEquals("bench", options.keyspace());
    assertEquals(List.of(Shape.PEOPLE, Shape.READINGS), options.shapes());
    assertEquals(List.of(Contender.BEAM_CASSANDRA, Contender.CASSANDRA_IO, Contender.ASYNC_LOOP,
        Contender.BEAM_CASSANDRA_REPLICA_SET), options.contenders());
    assertEquals(128, options.maxInFlight());
    assertEquals("LOCAL_QUORUM", options.consistency());
    assertEquals(100_000, options.warmupRows());
    assertEquals(List.of("-XX:TieredStopAtLevel=1"), options.childJvmFlags());
    assertFalse(options.help());
  }

  @Test
  void childJvmFlagsAreSpaceSeparatedFlagsOrNone() {
    assertEquals(List.of("-XX:+UseSerialGC", "-Xss2m"),
        BenchmarkOptions.parse(new String[] {"--childJvmFlags= -XX:+UseSerialGC  -Xss2m "}).childJvmFlags());
    assertEquals(List.of(), BenchmarkOptions.parse(new String[] {"--childJvmFlags="}).childJvmFlags());
    assertMessage("--childJvmFlags must hold JVM flags", "--childJvmFlags=Xss2m");
  }

  @Test
  void everyOptionIsRead() {
    BenchmarkOptions options = BenchmarkOptions.parse(new String[] {
        "--rows=1_000", "--repeats=5", "--contactPoints=10.0.0.1:9042,10.0.0.2:9042",
        "--localDatacenter=dc1", "--shapes=readings", "--contenders=async-loop,beam-cassandra",
        "--maxInFlight=64", "--consistency=one", "--nodeHeap=768M", "--childHeap=1G",
        "--childTimeoutMinutes=5", "--pauseSeconds=0", "--targetDir=/tmp/t", "--keyspace=Perf"});

    assertEquals(1_000, options.rows());
    assertEquals(5, options.repeats());
    assertFalse(options.localNode());
    assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9042"), options.contactPoints());
    assertEquals(List.of(Shape.READINGS), options.shapes());
    assertEquals(List.of(Contender.ASYNC_LOOP, Contender.BEAM_CASSANDRA), options.contenders());
    assertEquals("ONE", options.consistency());
    assertEquals("perf", options.keyspace());
    assertEquals(1_000, options.warmupRows(), "the warm-up never writes more than a run");
    assertEquals("/tmp/t", options.targetDir().orElseThrow().toString());
  }

  @Test
  void badValuesNameTheOptionAndTheValue() {
    assertMessage("--repeats must be between 1 and 100, got: 0", "--repeats=0");
    assertMessage("unknown contender 'spark'", "--contenders=spark");
    assertMessage("--nodeHeap must be a size such as 1G or 768M, got: '1GB'", "--nodeHeap=1GB");
    assertMessage("--consistency must be one of", "--consistency=SOME");
    assertMessage("unknown option --row", "--row=5");
    assertMessage("contact point must be host:port, got: 'localhost'", "--contactPoints=localhost");
  }

  @Test
  void runOrderRotatesOncePerRepeat() {
    List<Contender> all = List.of(Contender.BEAM_CASSANDRA, Contender.CASSANDRA_IO, Contender.ASYNC_LOOP);

    assertEquals(all, WriteBenchmark.runOrder(all, 1));
    assertEquals(List.of(Contender.CASSANDRA_IO, Contender.ASYNC_LOOP, Contender.BEAM_CASSANDRA),
        WriteBenchmark.runOrder(all, 2));
    assertEquals(all, WriteBenchmark.runOrder(all, 4));
  }

  private static void assertMessage(String expected, String arg) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BenchmarkOptions.parse(new String[] {arg}));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

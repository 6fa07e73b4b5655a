package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadBenchmarkOptionsTest {
  @Test
  void defaults() {
    ReadBenchmarkOptions options = ReadBenchmarkOptions.parse(new String[0]);

    assertEquals(300_000, options.rows());
    assertEquals(3, options.repeats());
    assertTrue(options.localNode());
    assertEquals("datacenter1", options.localDatacenter());
    assertEquals("bench", options.keyspace());
    assertEquals(List.of(ReadContender.BEAM_READ, ReadContender.BEAM_COUNT, ReadContender.DSBULK_UNLOAD,
        ReadContender.SELECT_COUNT), options.contenders());
    assertEquals(128, options.maxInFlight());
    assertEquals("1G", options.nodeHeap());
    assertEquals("2G", options.childHeap());
    assertEquals(2, options.pauseSeconds());
    assertFalse(options.help());
  }

  @Test
  void everyOptionIsRead() {
    ReadBenchmarkOptions options = ReadBenchmarkOptions.parse(new String[] {
        "--rows=20_000", "--repeats=1", "--contactPoints=10.0.0.1:9042,10.0.0.2:9042",
        "--localDatacenter=dc1", "--keyspace=Perf", "--replicationFactor=3",
        "--contenders=select-count,beam-count", "--maxInFlight=64", "--nodeHeap=768M",
        "--childHeap=1G", "--childTimeoutMinutes=5", "--pauseSeconds=0", "--targetDir=/tmp/t"});

    assertEquals(20_000, options.rows());
    assertEquals(1, options.repeats());
    assertFalse(options.localNode());
    assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9042"), options.contactPoints());
    assertEquals("dc1", options.localDatacenter());
    assertEquals("perf", options.keyspace());
    assertEquals(3, options.replicationFactor());
    assertEquals(List.of(ReadContender.SELECT_COUNT, ReadContender.BEAM_COUNT), options.contenders());
    assertEquals(64, options.maxInFlight());
    assertEquals("768M", options.nodeHeap());
    assertEquals("1G", options.childHeap());
    assertEquals(5, options.childTimeoutMinutes());
    assertEquals(0, options.pauseSeconds());
    assertEquals("/tmp/t", options.targetDir().orElseThrow().toString());
  }

  @Test
  void badValuesNameTheOptionAndTheValue() {
    assertMessage("unknown contender 'dsbulk'; expected one of: beam-read, beam-count, dsbulk-unload,"
        + " select-count", "--contenders=dsbulk");
    assertMessage("--contenders must name at least one", "--contenders=,");
    assertMessage("--rows must be between 1 and", "--rows=0");
    assertMessage("--childHeap must be a size such as 1G or 768M, got: '2GB'", "--childHeap=2GB");
    assertMessage("unknown option --shapes", "--shapes=people");
    assertMessage("unknown option --consistency", "--consistency=ONE");
    assertMessage("--keyspace must be an unquoted CQL name", "--keyspace=my-ks");
  }

  @Test
  void runOrderRotatesOncePerRepeat() {
    List<ReadContender> all = List.of(ReadContender.values());

    assertEquals(all, ReadBenchmark.runOrder(all, 1));
    assertEquals(List.of(ReadContender.BEAM_COUNT, ReadContender.DSBULK_UNLOAD, ReadContender.SELECT_COUNT,
        ReadContender.BEAM_READ), ReadBenchmark.runOrder(all, 2));
    assertEquals(all, ReadBenchmark.runOrder(all, 5));
  }

  @Test
  void usageNamesEveryOption() {
    for (String name : List.of("rows", "repeats", "contactPoints", "localDatacenter", "keyspace",
        "replicationFactor", "contenders", "maxInFlight", "nodeHeap", "childHeap", "childTimeoutMinutes",
        "pauseSeconds", "targetDir", "help")) {
      assertTrue(ReadBenchmarkOptions.USAGE.contains("--" + name), name);
    }
  }

  private static void assertMessage(String expected, String arg) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ReadBenchmarkOptions.parse(new String[] {arg}));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

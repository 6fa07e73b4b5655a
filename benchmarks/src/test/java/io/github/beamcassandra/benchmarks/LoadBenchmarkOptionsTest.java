package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.benchmarks.LoadContender.Phase;
import io.github.beamcassandra.benchmarks.common.Shape;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadBenchmarkOptionsTest {
  @Test
  void defaults() {
    LoadBenchmarkOptions options = LoadBenchmarkOptions.parse(new String[0]);

    assertEquals(300_000, options.rows());
    assertEquals(3, options.repeats());
    assertTrue(options.localNode());
    assertEquals("datacenter1", options.localDatacenter());
    assertEquals("bench", options.keyspace());
    assertEquals(1, options.replicationFactor());
    assertEquals(List.of(Shape.PEOPLE, Shape.READINGS), options.shapes());
    assertEquals(List.of(LoadContender.values()), options.contenders());
    assertEquals(Optional.empty(), options.jar());
    assertEquals("1G", options.nodeHeap());
    assertEquals("2G", options.childHeap());
    assertEquals(30, options.childTimeoutMinutes());
    assertEquals(2, options.pauseSeconds());
    assertEquals(0, options.peakHeapRows());
    assertEquals("1G", options.peakHeapXmx());
    assertFalse(options.help());
  }

  @Test
  void everyOptionIsRead() {
    LoadBenchmarkOptions options = LoadBenchmarkOptions.parse(new String[] {
        "--rows=20_000", "--repeats=1", "--contactPoints=10.0.0.1:9042,10.0.0.2:9042",
        "--localDatacenter=dc1", "--keyspace=Perf", "--replicationFactor=3", "--shapes=readings",
        "--contenders=dsbulk-load,beam-load,select-count", "--jar=/tmp/bc.jar", "--nodeHeap=768M",
        "--childHeap=1G", "--childTimeoutMinutes=5", "--pauseSeconds=0", "--peakHeapRows=3000000",
        "--peakHeapXmx=512M", "--targetDir=/tmp/t"});

    assertEquals(20_000, options.rows());
    assertEquals(1, options.repeats());
    assertFalse(options.localNode());
    assertEquals(List.of("10.0.0.1:9042", "10.0.0.2:9042"), options.contactPoints());
    assertEquals("dc1", options.localDatacenter());
    assertEquals("perf", options.keyspace());
    assertEquals(3, options.replicationFactor());
    assertEquals(List.of(Shape.READINGS), options.shapes());
    assertEquals(List.of(LoadContender.DSBULK_LOAD, LoadContender.BEAM_LOAD, LoadContender.SELECT_COUNT),
        options.contenders());
    assertEquals("/tmp/bc.jar", options.jar().orElseThrow().toString());
    assertEquals("768M", options.nodeHeap());
    assertEquals("1G", options.childHeap());
    assertEquals(5, options.childTimeoutMinutes());
    assertEquals(0, options.pauseSeconds());
    assertEquals(3_000_000, options.peakHeapRows());
    assertEquals("512M", options.peakHeapXmx());
    assertEquals("/tmp/t", options.targetDir().orElseThrow().toString());
  }

  @Test
  void contendersAreSplitByPhaseInTheOrderGiven() {
    LoadBenchmarkOptions options = LoadBenchmarkOptions.parse(new String[] {
        "--contenders=select-count,dsbulk-load,beam-count,beam-load-flink,dsbulk-unload"});

    assertEquals(List.of(LoadContender.DSBULK_LOAD, LoadContender.BEAM_LOAD_FLINK),
        options.contenders(Phase.LOAD));
    assertEquals(List.of(LoadContender.DSBULK_UNLOAD), options.contenders(Phase.UNLOAD));
    assertEquals(List.of(LoadContender.SELECT_COUNT, LoadContender.BEAM_COUNT),
        options.contenders(Phase.COUNT));
  }

  @Test
  void everyPhaseHasItsBaseline() {
    assertEquals(LoadContender.DSBULK_LOAD, Phase.LOAD.baseline());
    assertEquals(LoadContender.DSBULK_UNLOAD, Phase.UNLOAD.baseline());
    assertEquals(LoadContender.SELECT_COUNT, Phase.COUNT.baseline());
    assertTrue(LoadContender.SELECT_COUNT.baseline());
    assertFalse(LoadContender.BEAM_LOAD_FLINK.baseline());
  }

  @Test
  void badValuesNameTheOptionAndTheValue() {
    assertMessage("unknown contender 'dsbulk-count'; expected one of: beam-load, beam-load-flink,"
        + " dsbulk-load, beam-unload, dsbulk-unload, beam-count, select-count", "--contenders=dsbulk-count");
    assertMessage("--contenders must name a load contender", "--contenders=beam-unload,beam-count");
    assertMessage("--rows must be between 1 and", "--rows=0");
    assertMessage("--peakHeapRows must be between 0 and", "--peakHeapRows=-1");
    assertMessage("--peakHeapXmx must be a size such as 1G or 768M, got: '1g b'", "--peakHeapXmx=1g b");
    assertMessage("unknown shape 'orders'", "--shapes=orders");
    assertMessage("unknown option --consistency", "--consistency=ONE");
    assertMessage("--jar is required", "--jar=");
  }

  @Test
  void usageNamesEveryOption() {
    for (String name : List.of("rows", "repeats", "contactPoints", "localDatacenter", "keyspace",
        "replicationFactor", "shapes", "contenders", "jar", "nodeHeap", "childHeap", "childTimeoutMinutes",
        "pauseSeconds", "peakHeapRows", "peakHeapXmx", "targetDir", "help")) {
      assertTrue(LoadBenchmarkOptions.USAGE.contains("--" + name), name);
    }
    for (LoadContender contender : LoadContender.values()) {
      assertTrue(LoadBenchmarkOptions.USAGE.contains(contender.id()), contender.id());
    }
  }

  private static void assertMessage(String expected, String arg) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LoadBenchmarkOptions.parse(new String[] {arg}));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

package io.github.beamcassandra.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapUseTest {
  private static final long MB = 1L << 20;

  @Test
  void peakIsTheLargestHeapBeforeACollectionOrAtExit() {
    // As Java 17 writes it with -Xlog:gc,gc+heap+exit (G1).
    List<String> lines = List.of(
        "[0.005s][info][gc] Using G1",
        "[0.969s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 12M->4M(256M) 21.215ms",
        "[1.539s][info][gc] GC(9) Pause Young (Normal) (G1 Evacuation Pause) 173M->137M(256M) 29.149ms",
        "[1.552s][info][gc] GC(11) Concurrent Mark Cycle",
        "[1.604s][info][gc] GC(11) Pause Remark 181M->61M(214M) 3.856ms",
        "[1.620s][info][gc] GC(11) Concurrent Mark Cycle 68.024ms",
        "[1.628s][info][gc,heap,exit] Heap",
        "[1.628s][info][gc,heap,exit]  garbage-first heap   total 219136K, used 95307K [0x00000000f0000000,"
            + " 0x0000000100000000)",
        "[1.628s][info][gc,heap,exit]  Metaspace       used 9313K, committed 9600K, reserved 1114112K");

    HeapUse heap = HeapUse.parse(lines).orElseThrow();

    assertEquals(181 * MB, heap.peakUsedBytes());
    assertEquals(137 * MB, heap.maxAfterGcBytes());
    assertEquals(256 * MB, heap.maxCommittedBytes());
    assertEquals(3, heap.collections());
    assertEquals("181 MB (137 MB after GC)", heap.describe());
  }

  @Test
  void withoutACollectionThePeakIsTheHeapAtExit() {
    HeapUse heap = HeapUse.parse(List.of(
        "[0.3s][info][gc] Using G1",
        "[0.9s][info][gc,heap,exit]  garbage-first heap   total 262144K, used 20480K [0x0, 0x1)"))
        .orElseThrow();

    assertEquals(20 * MB, heap.peakUsedBytes());
    assertEquals(0, heap.collections());
    assertEquals("20 MB (no GC)", heap.describe());
  }

  @Test
  void aFullCollectionInGigabytesCounts() {
    HeapUse heap = HeapUse.parse(List.of(
        "[9.1s][info][gc] GC(80) Pause Full (G1 Compaction Pause) 1G->700M(1G) 812.5ms")).orElseThrow();

    assertEquals(1024 * MB, heap.peakUsedBytes());
    assertEquals(700 * MB, heap.maxAfterGcBytes());
  }

  @Test
  void noHeapFigureNoHeapUse(@TempDir Path dir) throws IOException {
    assertEquals(Optional.empty(), HeapUse.parse(List.of("[0.005s][info][gc] Using G1")));
    assertEquals(Optional.empty(), HeapUse.read(dir.resolve("missing.gc.log")));
    Path log = Files.writeString(dir.resolve("child.gc.log"),
        "[1.0s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 3.4ms\n");
    assertEquals(24 * MB, HeapUse.read(log).orElseThrow().peakUsedBytes());
  }

  @Test
  void theLargerOfTwoIsByPeak() {
    HeapUse small = new HeapUse(100 * MB, 90 * MB, 256 * MB, 4);
    HeapUse big = new HeapUse(300 * MB, 10 * MB, 512 * MB, 1);

    assertEquals(big, HeapUse.larger(small, big));
    assertEquals(big, HeapUse.larger(big, small));
  }

  @Test
  void theFlagQuotesThePathForXlog() {
    List<String> flags = HeapUse.jvmFlags(Path.of("/tmp/logs/people-beam-load-1.gc.log"));

    assertEquals(List.of("-Xlog:gc,gc+heap+exit:file=\"/tmp/logs/people-beam-load-1.gc.log\""), flags);
    assertTrue(HeapUse.megabytes(3 * MB / 2).equals("2 MB"));
  }
}

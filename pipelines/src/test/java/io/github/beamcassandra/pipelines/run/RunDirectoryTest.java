package io.github.beamcassandra.pipelines.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunDirectoryTest {
  @Test
  void pathsWithoutASchemeAndFileUrisAreLocal() {
    for (String local : new String[] {"beam-cassandra-runs", "./runs", "/data/runs", "~/runs",
        "file:///data/runs", "FILE:///data/runs", "C:\\runs"}) {
      assertTrue(RunDirectory.isLocal(local), local);
    }
  }

  @Test
  void urisOfOtherFileSystemsAreNot() {
    for (String remote : new String[] {"gs://bucket/runs", "s3://bucket", "hdfs://nn:8020/runs"}) {
      assertFalse(RunDirectory.isLocal(remote), remote);
    }
  }

  @Test
  void childrenAreJoinedWithOneSlash() {
    assertEquals("gs://b/runs/r1/report.json", RunDirectory.resolve("gs://b/runs/r1", "report.json"));
    assertEquals("gs://b/runs/r1/report.json", RunDirectory.resolve("gs://b/runs/r1/", "report.json"));
  }
}

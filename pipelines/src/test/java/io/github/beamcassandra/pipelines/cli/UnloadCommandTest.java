package io.github.beamcassandra.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.pipelines.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class UnloadCommandTest {
  @Test
  void anOutputOnAnotherFileSystemIsRefusedBeforeAnythingRuns() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    UsageException e = assertThrows(UsageException.class, () -> UnloadCommand.run(new String[] {
        "--keyspace=ks", "--table=t", "--output=gs://bucket/export"}, sink, sink));
    assertTrue(e.getMessage().startsWith("--output=gs://bucket/export:")
        && e.getMessage().contains("not supported yet"), e.getMessage());
  }
}

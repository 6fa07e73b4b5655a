package io.github.beamcassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalCassandraBuilderTest {
  private final LocalCassandra.Builder builder = LocalCassandra.builder(Path.of("target/x"));

  @Test
  void rejectsABadHeapNamingTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.heap("lots"));
    assertEquals("heap must be a size such as 1G or 768M, got: lots", e.getMessage());
  }

  @Test
  void rejectsAPortOutOfRange() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> builder.nativePort(70000));
    assertEquals("nativePort must be 0 (pick a free one) or 1-65535, got: 70000", e.getMessage());
  }

  @Test
  void rejectsBlankCredentials() {
    assertThrows(IllegalArgumentException.class, () -> builder.authentication(" ", "pw"));
    assertThrows(IllegalArgumentException.class, () -> builder.authentication("user", ""));
  }

  @Test
  void rejectsClientAuthWithoutTls() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> builder.requireClientAuth(true).build());
    assertEquals("requireClientAuth needs clientTls(true)", e.getMessage());
  }

  @Test
  void rejectsANonPositiveTimeout() {
    assertThrows(IllegalArgumentException.class, () -> builder.startupTimeout(Duration.ZERO));
  }

  @Test
  void namesTheMissingServerJars() {
    LocalCassandra node = builder.serverLib(Path.of("target/no-such-lib")).build();

    NodeStartupException e = assertThrows(NodeStartupException.class, node::start);

    assertEquals(
        "The Cassandra server jars are not in target/no-such-lib (from serverLib). Build the project"
            + " once with `mvn -B -DskipTests package` (it copies cassandra-all 5.0.9 and its"
            + " dependencies there), or point -Dbeamcassandra.local.lib at a directory holding them.",
        e.getMessage());
  }
}

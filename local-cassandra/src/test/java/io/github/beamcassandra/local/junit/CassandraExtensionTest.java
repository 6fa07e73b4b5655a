package io.github.beamcassandra.local.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CassandraExtensionTest {
  static class A$Strange_NameForATestClassThatGoesOnAndOnAndOnPastTheLimit {}

  @Test
  void keyspaceNamesAreLowerCaseIdentifiersOfAtMost48Characters() {
    assertEquals("it_cassandraextensiontest", CassandraExtension.keyspaceName(getClass()));
    String longName = CassandraExtension.keyspaceName(
        A$Strange_NameForATestClassThatGoesOnAndOnAndOnPastTheLimit.class);
    assertEquals(48, longName.length());
    assertTrue(longName.matches("[a-z0-9_]+"), longName);
  }

  @Test
  void testcontainersWithoutDockerSaysSo() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> ContainerNode.requireDocker(false));
    assertTrue(e.getMessage().startsWith(
        "-Dcassandra.testcontainers=true but no Docker engine is reachable"), e.getMessage());
  }
}

package io.github.beamcassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node of its own with PasswordAuthenticator, client TLS and client certificates required. */
class LocalCassandraSecurityIT {
  @TempDir static Path dir;
  static LocalCassandra node;

  @BeforeAll
  static void start() {
    node = LocalCassandra.builder(dir)
        .heap("512M")
        .syncToDisk(false)
        .authentication("beam", "s3cret-pw")
        .clientTls(true)
        .requireClientAuth(true)
        .build()
        .start();
  }

  @AfterAll
  static void stop() {
    node.stop();
  }

  @Test
  void theConfiguredSuperuserLogsInOverMutualTls() {
    try (CqlSession session = node.sessionBuilder().build()) {
      String user = session.execute("SELECT role FROM system_auth.roles WHERE role = 'beam'")
          .one().getString("role");
      assertEquals("beam", user);
      assertTrue(session.execute("LIST ROLES OF beam").one().getBoolean("super"));
    }
  }

  @Test
  void aWrongPasswordIsRefused() {
    TlsMaterial tls = node.tls().orElseThrow();
    AllNodesFailedException e = assertThrows(AllNodesFailedException.class, () ->
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(node.host(), node.nativePort()))
            .withLocalDatacenter(node.localDatacenter())
            .withSslContext(tls.sslContext(true))
            .withAuthCredentials("beam", "wrong")
            .build());
    assertTrue(e.getMessage().contains("Authentication error"), e.getMessage());
  }

  @Test
  void plainTextClientsAreRefused() {
    assertThrows(AllNodesFailedException.class, () ->
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(node.host(), node.nativePort()))
            .withLocalDatacenter(node.localDatacenter())
            .withAuthCredentials("beam", "s3cret-pw")
            .build());
  }

  @Test
  void aClientWithoutACertificateIsRefused() {
    TlsMaterial tls = node.tls().orElseThrow();
    assertThrows(AllNodesFailedException.class, () ->
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(node.host(), node.nativePort()))
            .withLocalDatacenter(node.localDatacenter())
            .withSslContext(tls.sslContext(false))
            .withAuthCredentials("beam", "s3cret-pw")
            .build());
  }

  @Test
  void theServerLogsItsStart() throws Exception {
    String log = java.nio.file.Files.readString(node.logFile());
    assertTrue(log.contains("Starting listening for CQL clients"), "no startup lines in " + node.logFile());
  }

  @Test
  void statusFindsTheRunningNode() {
    Optional<NodeInfo> info = LocalCassandra.runningNode(dir);
    assertTrue(info.isPresent());
    assertEquals(node.pid(), info.get().pid());
    assertTrue(info.get().authentication());
    assertTrue(info.get().clientTls());
  }
}

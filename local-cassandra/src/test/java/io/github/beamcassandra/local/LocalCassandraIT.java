package io.github.beamcassandra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(CassandraExtension.class)
class LocalCassandraIT {

  @Test
  void writesAndReadsRowsThroughTheDriver(TestCassandra cassandra) {
    CqlSession session = cassandra.session();
    String table = cassandra.keyspaceId().asCql(true) + ".people";
    session.execute("CREATE TABLE " + table + " (id uuid PRIMARY KEY, name text, age int)");
    PreparedStatement insert =
        session.prepare("INSERT INTO " + table + " (id, name, age) VALUES (?, ?, ?)");
    Map<UUID, String> written = new HashMap<>();
    for (int i = 0; i < 100; i++) {
      UUID id = UUID.randomUUID();
      written.put(id, "person-" + i);
      BoundStatement bound = insert.bind(id, "person-" + i, i);
      session.execute(bound);
    }

    Map<UUID, String> read = new HashMap<>();
    for (Row row : session.execute("SELECT id, name, age FROM " + table)) {
      read.put(row.getUuid("id"), row.getString("name"));
      assertEquals("person-" + row.getInt("age"), row.getString("name"));
    }

    assertEquals(written, read);
  }

  @Test
  void refusesAPortInUseAtOnceNamingIt(@TempDir Path dir) throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName(LocalCassandra.HOST), 0));
      int port = taken.getLocalPort();
      LocalCassandra node = LocalCassandra.builder(dir).nativePort(port).build();

      NodeStartupException e = assertThrows(NodeStartupException.class, node::start);

      assertTrue(e.getMessage().contains("port " + port + " on 127.0.0.1 is already in use"),
          e.getMessage());
      assertFalse(node.isRunning());
    }
  }

  @Test
  void refusesADirectoryThatIsAFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    LocalCassandra node = LocalCassandra.builder(file).build();

    NodeStartupException e = assertThrows(NodeStartupException.class, node::start);

    assertTrue(e.getMessage().startsWith("Cannot use " + file + " as the node's directory"),
        e.getMessage());
    assertTrue(e.getMessage().contains("is not a directory"), e.getMessage());
  }

  @Test
  void reportsAServerThatDiesWithItsLogTail(@TempDir Path dir) {
    // A 1 MB heap is too small for any JVM: the server process exits at once.
    LocalCassandra node = LocalCassandra.builder(dir).heap("1M")
        .startupTimeout(Duration.ofSeconds(120)).build();

    NodeStartupException e = assertThrows(NodeStartupException.class, node::start);

    assertTrue(e.getMessage().contains("exited with code"), e.getMessage());
    assertTrue(e.getMessage().contains("heap"), e.getMessage());
    assertFalse(node.isRunning());
  }
}

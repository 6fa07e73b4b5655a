package io.github.beamcassandra.transforms.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import io.github.beamcassandra.local.LocalCassandra;
import io.github.beamcassandra.local.TlsMaterial;
import io.github.beamcassandra.transforms.Cassandra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write's connection settings against a node of its own with a login and mutual TLS. */
class SecureConnectionIT {
  @TempDir static Path dir;
  static LocalCassandra node;

  @BeforeAll
  static void start() {
    node = LocalCassandra.builder(dir.resolve("node")).heap("768M").syncToDisk(false)
        .authentication("loader", "pa55-word").clientTls(true).requireClientAuth(true)
        .build().start();
    try (CqlSession session = node.sessionBuilder().build()) {
      session.execute("CREATE KEYSPACE secure WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE secure.t (id uuid PRIMARY KEY, v text)");
    }
  }

  @AfterAll
  static void stop() {
    node.stop();
  }

  private CassandraConnection connection() {
    TlsMaterial tls = node.tls().orElseThrow();
    return CassandraConnection.create().withContactPoints(node.contactPoint())
        .withLocalDatacenter(node.localDatacenter())
        .withTls(true)
        .withCaCertificatePem(tls.caCertificatePem().toString())
        .withKeystore(tls.clientKeystore().toString(), tls.clientKeystorePassword());
  }

  @Test
  void writesWithAPasswordFromAFileOverMutualTls() throws Exception {
    Path passwordFile = Files.writeString(dir.resolve("password"), "pa55-word\n");
    Schema schema = Schema.builder().addStringField("id").addStringField("v").build();
    UUID id = UUID.randomUUID();

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply(Create.of(Row.withSchema(schema).addValues(id.toString(), "secret row").build()).withRowSchema(schema))
        .apply(Cassandra.<Row>write()
            .withConnection(connection().withCredentialsFromFile("loader", passwordFile.toString()))
            .withKeyspace("secure").withTable("t").withFailOnError(true));
    p.run().waitUntilFinish();

    try (CqlSession session = node.sessionBuilder().build()) {
      assertEquals("secret row", session.execute("SELECT v FROM secure.t WHERE id = ?", id).one().getString(0));
    }
  }

  @Test
  void aWrongPasswordFailsAtConstructionNamingTheCause() {
    Schema schema = Schema.builder().addStringField("id").addStringField("v").build();
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    Exception e = assertThrows(Exception.class, () ->
        p.apply(Create.empty(schema)).apply(Cassandra.<Row>write()
            .withConnection(connection().withCredentials("loader", "wrong"))
            .withKeyspace("secure").withTable("t")));
    assertTrue(e.getMessage().contains("Authentication error"), e.getMessage());
    assertTrue(!e.getMessage().contains("wrong"), "the password leaked into: " + e.getMessage());
  }
}

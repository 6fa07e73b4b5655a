package io.github.beamcassandra.local.junit;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The Cassandra a test class runs against: where it is, a shared session for arranging and asserting,
 * and a keyspace of the test class's own (created empty before the class, dropped after it).
 */
public final class TestCassandra {
  private final SharedCluster cluster;
  private final String keyspace;

  TestCassandra(SharedCluster cluster, String keyspace) {
    this.cluster = cluster;
    this.keyspace = keyspace;
  }

  /** Contact points as {@code host:port}. */
  public List<String> contactPoints() {
    return cluster.contactPoints();
  }

  /** Contact points joined with commas, the form of the {@code --contactPoints} option. */
  public String contactPointsOption() {
    return String.join(",", cluster.contactPoints());
  }

  public String localDatacenter() {
    return cluster.localDatacenter();
  }

  /** This test class's keyspace (replication factor 1). */
  public String keyspace() {
    return keyspace;
  }

  public CqlIdentifier keyspaceId() {
    return CqlIdentifier.fromInternal(keyspace);
  }

  public Optional<String> username() {
    return cluster.username();
  }

  public Optional<String> password() {
    return cluster.password();
  }

  public Optional<SSLContext> sslContext() {
    return cluster.sslContext();
  }

  /** A session shared by every test class in this JVM; do not close it. No keyspace is set. */
  public CqlSession session() {
    return cluster.session();
  }

  /** A new session builder for this cluster, for tests that need a session of their own. */
  public CqlSessionBuilder sessionBuilder() {
    CqlSessionBuilder builder = CqlSession.builder().withLocalDatacenter(localDatacenter());
    for (String contactPoint : contactPoints()) {
      int colon = contactPoint.lastIndexOf(':');
      builder.addContactPoint(
          new InetSocketAddress(
              contactPoint.substring(0, colon), Integer.parseInt(contactPoint.substring(colon + 1))));
    }
    username().ifPresent(u -> builder.withAuthCredentials(u, password().orElse("")));
    sslContext().ifPresent(builder::withSslContext);
    return builder;
  }

  /** Where the cluster comes from: the local node, Testcontainers or given contact points. */
  public String description() {
    return cluster.description();
  }
}

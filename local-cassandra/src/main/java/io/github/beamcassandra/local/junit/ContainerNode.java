package io.github.beamcassandra.local.junit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.cassandra.CassandraContainer;

/**
 * Testcontainers' Cassandra, for machines with a Docker engine. Kept apart so the optional
 * Testcontainers classes load only when {@code -Dcassandra.testcontainers=true} asks for them.
 */
final class ContainerNode implements AutoCloseable {
  static final String IMAGE = "cassandra:5.0";

  private final CassandraContainer container;

  private ContainerNode(CassandraContainer container) {
    this.container = container;
  }

  static ContainerNode start() {
    try {
      Class.forName("org.testcontainers.DockerClientFactory");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "-D" + SharedCluster.TESTCONTAINERS + "=true needs org.testcontainers:cassandra on the test"
              + " classpath; add it as a test dependency of this module.", e);
    }
    requireDocker(DockerClientFactory.instance().isDockerAvailable());
    CassandraContainer container = new CassandraContainer(IMAGE);
    container.start();
    return new ContainerNode(container);
  }

  static void requireDocker(boolean available) {
    if (!available) {
      throw new IllegalStateException(
          "-D" + SharedCluster.TESTCONTAINERS + "=true but no Docker engine is reachable (checked"
              + " DOCKER_HOST, ~/.testcontainers.properties and /var/run/docker.sock). Start Docker,"
              + " or drop the property to use the local node that needs no Docker.");
    }
  }

  String contactPoint() {
    return container.getHost() + ":" + container.getMappedPort(9042);
  }

  String localDatacenter() {
    return container.getLocalDatacenter();
  }

  @Override
  public void close() {
    container.stop();
  }
}

package io.github.beamcassandra.local.junit;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.github.beamcassandra.local.LocalCassandra;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one cluster of a test JVM, chosen by system properties:
 *
 * <ul>
 *   <li>{@code -Dcassandra.contactPoints=host:port[,...]}: an existing cluster (with
 *       {@code cassandra.localDatacenter}, default {@code datacenter1}, and optional
 *       {@code cassandra.username} / {@code cassandra.password});
 *   <li>{@code -Dcassandra.testcontainers=true}: Testcontainers' Cassandra container (needs Docker);
 *   <li>otherwise a {@link LocalCassandra} node in {@code cassandra.dir} (default
 *       {@code target/it-cassandra}) with heap {@code cassandra.heap} (default 1G).
 * </ul>
 */
final class SharedCluster implements ExtensionContext.Store.CloseableResource {
  static final String CONTACT_POINTS = "cassandra.contactPoints";
  static final String LOCAL_DATACENTER = "cassandra.localDatacenter";
  static final String TESTCONTAINERS = "cassandra.testcontainers";

  private final List<String> contactPoints;
  private final String localDatacenter;
  private final String username;
  private final String password;
  private final SSLContext sslContext;
  private final String description;
  private final AutoCloseable owner;
  private final CqlSession session;

  private SharedCluster(
      List<String> contactPoints,
      String localDatacenter,
      String username,
      String password,
      SSLContext sslContext,
      String description,
      AutoCloseable owner) {
    this.contactPoints = List.copyOf(contactPoints);
    this.localDatacenter = localDatacenter;
    this.username = username;
    this.password = password;
    this.sslContext = sslContext;
    this.description = description;
    this.owner = owner;
    this.session = new TestCassandra(this, "").sessionBuilder()
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            // Schema changes on a busy 2-core machine can take longer than the driver's 2 s default.
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60))
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, Duration.ofSeconds(60))
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(60))
            .build())
        .build();
  }

  static SharedCluster fromSystemProperties() {
    String given = System.getProperty(CONTACT_POINTS, "").trim();
    String dc = System.getProperty(LOCAL_DATACENTER, "").trim();
    if (!given.isEmpty()) {
      List<String> points = Arrays.stream(given.split(",")).map(String::trim)
          .map(p -> p.contains(":") ? p : p + ":" + LocalCassandra.DEFAULT_NATIVE_PORT).toList();
      for (String p : points) {
        InetSocketAddress.createUnresolved(p.substring(0, p.lastIndexOf(':')),
            Integer.parseInt(p.substring(p.lastIndexOf(':') + 1)));
      }
      return new SharedCluster(points, dc.isEmpty() ? LocalCassandra.LOCAL_DATACENTER : dc,
          System.getProperty("cassandra.username"), System.getProperty("cassandra.password"),
          null, "the cluster at " + given + " (-D" + CONTACT_POINTS + ")", () -> {});
    }
    if (Boolean.getBoolean(TESTCONTAINERS)) {
      ContainerNode container = ContainerNode.start();
      return new SharedCluster(List.of(container.contactPoint()), container.localDatacenter(),
          null, null, null, "a Testcontainers Cassandra container", container);
    }
    Path dir = Path.of(System.getProperty("cassandra.dir", "target/it-cassandra"));
    LocalCassandra node = LocalCassandra.builder(dir)
        .heap(System.getProperty("cassandra.heap", "1G"))
        .cleanStart(true)
        .syncToDisk(false)
        .build();
    long started = System.nanoTime();
    node.start();
    System.out.printf("Local Cassandra node started in %.1f s on %s (%s)%n",
        (System.nanoTime() - started) / 1e9, node.contactPoint(), node.baseDir());
    return new SharedCluster(List.of(node.contactPoint()), node.localDatacenter(), null, null,
        null, "the local node at " + node.contactPoint(), node);
  }

  List<String> contactPoints() {
    return contactPoints;
  }

  String localDatacenter() {
    return localDatacenter;
  }

  Optional<String> username() {
    return Optional.ofNullable(username);
  }

  Optional<String> password() {
    return Optional.ofNullable(password);
  }

  Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  CqlSession session() {
    return session;
  }

  String description() {
    return description;
  }

  @Override
  public void close() throws Exception {
    try {
      session.close();
    } finally {
      owner.close();
    }
  }
}

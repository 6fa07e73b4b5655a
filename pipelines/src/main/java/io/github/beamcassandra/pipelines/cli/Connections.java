package io.github.beamcassandra.pipelines.cli;

import io.github.beamcassandra.local.LocalCassandra;
import io.github.beamcassandra.local.NodeInfo;
import io.github.beamcassandra.pipelines.UsageException;
import io.github.beamcassandra.pipelines.options.ConnectionOptions;
import io.github.beamcassandra.pipelines.run.Paths;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.schema.TableSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The connection the options describe, or the local node when they name no cluster. */
public final class Connections {
  private Connections() {}

  public static CassandraConnection from(ConnectionOptions options, PrintStream out) {
    requireSet(options.getKeyspace(), "keyspace");
    requireSet(options.getTable(), "table");
    CassandraConnection connection = CassandraConnection.create();
    try {
      if (options.getCloudSecureConnectBundle() != null) {
        connection = connection.withCloudSecureConnectBundle(options.getCloudSecureConnectBundle());
      } else if (options.getContactPoints() != null) {
        connection = connection.withContactPoints(options.getContactPoints());
      } else {
        connection = connection.withContactPoints(localNode(options, out))
            .withLocalDatacenter(LocalCassandra.LOCAL_DATACENTER);
      }
      if (options.getLocalDatacenter() != null) {
        connection = connection.withLocalDatacenter(options.getLocalDatacenter());
      }
      connection = withCredentials(connection, options);
      if (options.getTls()) {
        connection = connection.withTls(true);
        if (options.getTlsCaCertificate() != null) {
          connection = connection.withCaCertificatePem(options.getTlsCaCertificate());
        }
        if (options.getTlsTruststore() != null) {
          connection = connection.withTruststore(options.getTlsTruststore(),
              options.getTlsTruststorePassword());
        }
        if (options.getTlsKeystore() != null) {
          connection = connection.withKeystore(options.getTlsKeystore(), options.getTlsKeystorePassword());
        }
      } else if (options.getTlsCaCertificate() != null || options.getTlsTruststore() != null
          || options.getTlsKeystore() != null) {
        throw new UsageException("--tlsCaCertificate, --tlsTruststore and --tlsKeystore need --tls=true.");
      }
      if (options.getRequestTimeoutSeconds() < 1) {
        throw new UsageException(
            "--requestTimeoutSeconds must be at least 1, got: " + options.getRequestTimeoutSeconds());
      }
      connection = connection.withRequestTimeout(Duration.ofSeconds(options.getRequestTimeoutSeconds()));
      connection.validate();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return connection;
  }

  /** The table the options name, read at once; a missing keyspace or table is a usage error. */
  static TableSpec tableSpec(CassandraConnection connection, ConnectionOptions options) {
    try {
      return TableSpec.read(connection, options.getKeyspace(), options.getTable());
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static CassandraConnection withCredentials(CassandraConnection connection,
      ConnectionOptions options) {
    String user = options.getUsername();
    int passwords = (options.getPassword() != null ? 1 : 0) + (options.getPasswordFile() != null ? 1 : 0)
        + (options.getPasswordEnv() != null ? 1 : 0);
    if (user == null) {
      if (passwords > 0) {
        throw new UsageException("--password, --passwordFile and --passwordEnv need --username.");
      }
      return connection;
    }
    if (passwords != 1) {
      throw new UsageException("--username needs exactly one of --password, --passwordFile and"
          + " --passwordEnv; got " + passwords + ".");
    }
    if (options.getPasswordFile() != null) {
      return connection.withCredentialsFromFile(user, options.getPasswordFile());
    }
    if (options.getPasswordEnv() != null) {
      return connection.withCredentialsFromEnvironment(user, options.getPasswordEnv());
    }
    return connection.withCredentials(user, options.getPassword());
  }

  private static void requireSet(String value, String option) {
    if (value == null || value.isBlank()) {
      throw new UsageException("--" + option + " is required.");
    }
  }

  /** The local node's contact point, starting the node when none runs; says which on one line. */
  static String localNode(ConnectionOptions options, PrintStream out) {
    Path dir = Paths.expandHome(options.getLocalNodeDir()).toAbsolutePath().normalize();
    Optional<NodeInfo> running = LocalCassandra.runningNode(dir);
    if (running.isPresent()) {
      out.println("No --contactPoints: using the local node at " + running.get().contactPoint()
          + " (from " + dir + ").");
      return running.get().contactPoint();
    }
    long started = System.nanoTime();
    LocalCassandra node = LocalCassandra.builder(dir).stopOnExit(false).build().start();
    boolean defaultDir = dir.equals(Paths.expandHome("~/.beam-cassandra/node").toAbsolutePath().normalize());
    out.printf("No --contactPoints: started the local node at %s in %.1f s (from %s; stop it with"
        + " 'bin/beam-cassandra local stop%s').%n", node.contactPoint(), (System.nanoTime() - started) / 1e9,
        dir, defaultDir ? "" : " --dir=" + dir);
    return node.contactPoint();
  }
}

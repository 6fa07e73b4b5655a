package io.github.beamcassandra.transforms.connection;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * One {@link CqlSession} per worker JVM per {@link CassandraConnection}, shared by every DoFn instance
 * that uses that connection and closed when the last one releases it. Opening a session per element or
 * per DoFn instance would cost seconds and connections; this is the only place sessions are made.
 */
public final class SessionCache {
  private static final Map<CassandraConnection, Shared> SESSIONS = new HashMap<>();
  /**
   * How long an unused session stays open: runners tear DoFns down and set them up again between
   * bundles or partitions, and a session takes a second or more to open.
   */
  static final long IDLE_CLOSE_SECONDS = 30;
  private static final ScheduledExecutorService CLOSER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "beam-cassandra-session-closer");
    t.setDaemon(true);
    return t;
  });

  private SessionCache() {}

  private static final class Shared {
    final CqlSession session;
    int references;
    ScheduledFuture<?> pendingClose;

    Shared(CqlSession session) {
      this.session = session;
    }
  }

  /** The shared session for {@code connection}, opened on first use. Pair with {@link #release}. */
  public static synchronized CqlSession acquire(CassandraConnection connection) {
    Shared shared = SESSIONS.get(connection);
    if (shared == null || shared.session.isClosed()) {
      shared = new Shared(open(connection));
      SESSIONS.put(connection, shared);
    }
    shared.references++;
    if (shared.pendingClose != null) {
      shared.pendingClose.cancel(false);
      shared.pendingClose = null;
    }
    return shared.session;
  }

  /**
   * {@link #acquire}, with schema metadata as current as a new session's: a session opened by this call
   * has just read it; one opened earlier refreshes it first (a table may have been created or altered
   * since). For reading a table's definition at pipeline construction.
   */
  public static CqlSession acquireWithCurrentSchema(CassandraConnection connection) {
    boolean existed;
    synchronized (SessionCache.class) {
      Shared shared = SESSIONS.get(connection);
      existed = shared != null && !shared.session.isClosed();
    }
    CqlSession session = acquire(connection);
    if (existed) {
      try {
        session.refreshSchema();
      } catch (RuntimeException e) {
        release(connection);
        throw e;
      }
    }
    return session;
  }

  /** Gives back a session from {@link #acquire}; it closes once unused for {@value #IDLE_CLOSE_SECONDS} s. */
  public static synchronized void release(CassandraConnection connection) {
    Shared shared = SESSIONS.get(connection);
    if (shared != null && --shared.references <= 0) {
      shared.pendingClose = CLOSER.schedule(() -> closeIfUnused(connection, shared),
          IDLE_CLOSE_SECONDS, TimeUnit.SECONDS);
    }
  }

  /**
   * Closes now, and waits for, every shared session no DoFn holds, e.g. after {@code
   * waitUntilFinish()} to close connections before doing more in the same JVM. Not needed to let a
   * JVM exit: the driver's threads are daemon threads. Returns how many sessions it closed.
   */
  public static int closeIdleSessions() {
    List<CqlSession> idle = new ArrayList<>();
    synchronized (SessionCache.class) {
      for (var it = SESSIONS.entrySet().iterator(); it.hasNext(); ) {
        Shared shared = it.next().getValue();
        if (shared.references <= 0) {
          if (shared.pendingClose != null) {
            shared.pendingClose.cancel(false);
          }
          it.remove();
          idle.add(shared.session);
        }
      }
    }
    idle.forEach(CqlSession::close);
    return idle.size();
  }

  private static synchronized void closeIfUnused(CassandraConnection connection, Shared shared) {
    if (shared.references <= 0 && SESSIONS.get(connection) == shared) {
      SESSIONS.remove(connection);
      shared.session.closeAsync();
    }
  }

  /** A session of the caller's own (closed by the caller), e.g. to read metadata at construction. */
  public static CqlSession open(CassandraConnection connection) {
    connection.validate();
    ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, connection.requestTimeout())
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, connection.requestTimeout())
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(10))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(30))
        // Writes are asynchronous and bounded by the writer; let one connection carry them.
        .withInt(DefaultDriverOption.CONNECTION_MAX_REQUESTS, 2048)
        // A session is closed only when nothing uses it any more; the driver's default quiet period
        // would keep each close (and so the exit of every command) waiting 2 s for tasks that never come.
        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
        // The driver's native clock loads libc through JNR when a session opens: about 300 ms and 0.4 s
        // of CPU per open, measured here. Cassandra.write() gives each statement its own timestamp
        // (Timestamps); other writes (the run log) get the driver's, still strictly increasing with
        // the Java clock, and reads need none.
        .withBoolean(DefaultDriverOption.TIMESTAMP_GENERATOR_FORCE_JAVA_CLOCK, true)
        // An idle session stays open IDLE_CLOSE_SECONDS for the next DoFn; with the driver's default
        // non-daemon threads, a program that ran a pipeline in its own JVM (the DirectRunner, embedded
        // Flink) would stay alive that long after main() returns. Nothing is lost by not waiting: every
        // write and read finishes before its bundle commits, and a runner's worker JVM keeps running
        // on its own threads.
        .withBoolean(DefaultDriverOption.NETTY_DAEMON, true);
    if (connection.localDatacenter() == null && connection.cloudSecureConnectBundle() == null) {
      config.withString(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, "DcInferringLoadBalancingPolicy");
    }
    CqlSessionBuilder builder = CqlSession.builder().withConfigLoader(config.build());
    if (connection.cloudSecureConnectBundle() != null) {
      builder.withCloudSecureConnectBundle(Path.of(connection.cloudSecureConnectBundle()));
    } else {
      for (String point : connection.contactPoints()) {
        int colon = point.lastIndexOf(':');
        String host = point.substring(0, colon).replace("[", "").replace("]", "");
        builder.addContactPoint(new InetSocketAddress(host, Integer.parseInt(point.substring(colon + 1))));
      }
      if (connection.localDatacenter() != null) {
        builder.withLocalDatacenter(connection.localDatacenter());
      }
      if (connection.tls()) {
        builder.withSslContext(sslContext(connection));
      }
    }
    if (connection.username() != null) {
      String password = connection.resolvePassword();
      builder.withAuthCredentials(connection.username(), password == null ? "" : password);
    }
    return builder.build();
  }

  static SSLContext sslContext(CassandraConnection connection) {
    try {
      TrustManagerFactory trust = null;
      if (connection.caCertificatePem() != null || connection.truststore() != null) {
        KeyStore trusted;
        if (connection.truststore() != null) {
          trusted = load(connection.truststore(), connection.truststorePassword());
        } else {
          trusted = KeyStore.getInstance(KeyStore.getDefaultType());
          trusted.load(null, null);
        }
        if (connection.caCertificatePem() != null) {
          try (InputStream in = Files.newInputStream(Path.of(connection.caCertificatePem()))) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
              trusted.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
              throw new IllegalArgumentException(
                  "caCertificatePem file " + connection.caCertificatePem() + " holds no PEM certificate");
            }
          }
        }
        trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
      }
      KeyManagerFactory keys = null;
      if (connection.keystore() != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(connection.keystore(), connection.keystorePassword()),
            connection.keystorePassword().toCharArray());
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys == null ? null : keys.getKeyManagers(),
          trust == null ? null : trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("Cannot set up TLS from the given certificate files: " + e, e);
    }
  }

  private static KeyStore load(String path, String password) throws GeneralSecurityException, IOException {
    String type = path.endsWith(".jks") ? "JKS" : "PKCS12";
    KeyStore store = KeyStore.getInstance(type);
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      store.load(in, password == null ? null : password.toCharArray());
    }
    return store;
  }
}

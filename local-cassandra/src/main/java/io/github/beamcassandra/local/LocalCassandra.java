package io.github.beamcassandra.local;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real single-node Apache Cassandra 5 server, run as a child JVM from the {@code cassandra-all} jars
 * that the {@code beam-cassandra-local-server} module copies at build time: no Docker, download or
 * install step.
 *
 * <pre>{@code
 * try (LocalCassandra node = LocalCassandra.builder(Path.of("target/node")).build().start();
 *     CqlSession session = node.sessionBuilder().build()) {
 *   session.execute("SELECT release_version FROM system.local");
 * }
 * }</pre>
 *
 * <p>The node listens on 127.0.0.1 only. {@link #start()} returns once a CQL session connects, and
 * fails with a {@link NodeStartupException} naming the cause (port in use, unusable directory, missing
 * jars, server exit with its log's tail, timeout) instead of hanging. Measured on a 2-core machine: a
 * node with a 1 GB heap answers CQL about 40 s after start.
 */
public final class LocalCassandra implements AutoCloseable {
  public static final String HOST = "127.0.0.1";
  /** The data center of a node with {@code SimpleSnitch}. */
  public static final String LOCAL_DATACENTER = "datacenter1";
  public static final int DEFAULT_NATIVE_PORT = 9042;
  /** Overrides where the server jars are; by default the build's {@code local-cassandra/server/target/lib}. */
  public static final String SERVER_LIB_PROPERTY = "beamcassandra.local.lib";

  private static final String DEFAULT_SUPERUSER = "cassandra";
  private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[mMgG]");
  private static final int LOG_TAIL_LINES = 25;

  private final Builder options;
  private final NodeLayout layout;
  private TlsMaterial tls;
  private Process process;
  private int nativePort;
  private int storagePort;

  private LocalCassandra(Builder options) {
    this.options = options;
    this.layout = new NodeLayout(options.baseDir.toAbsolutePath().normalize());
  }

  /** Options for a node whose files (configuration, data, logs) live under {@code baseDir}. */
  public static Builder builder(Path baseDir) {
    return new Builder(baseDir);
  }

  /** Options of a node; every setter checks its argument at once. */
  public static final class Builder {
    private final Path baseDir;
    private String heap = "1G";
    private int nativePort = 0;
    private int storagePort = 0;
    private String superuser;
    private String superuserPassword;
    private boolean clientTls;
    private boolean requireClientAuth;
    private boolean syncToDisk = true;
    private boolean cleanStart;
    private boolean stopOnExit = true;
    private Duration startupTimeout = Duration.ofSeconds(180);
    private Path serverLib;

    private Builder(Path baseDir) {
      this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    }

    /** Heap of the server JVM, e.g. {@code 1G} or {@code 768M}. Default 1G. */
    public Builder heap(String heap) {
      if (heap == null || !HEAP.matcher(heap).matches()) {
        throw new IllegalArgumentException(
            "heap must be a size such as 1G or 768M, got: " + heap);
      }
      this.heap = heap;
      return this;
    }

    /** CQL port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder nativePort(int port) {
      this.nativePort = checkPort("nativePort", port);
      return this;
    }

    /** Inter-node port on 127.0.0.1; 0 (the default) picks a free one. */
    public Builder storagePort(int port) {
      this.storagePort = checkPort("storagePort", port);
      return this;
    }

    /**
     * Turns on PasswordAuthenticator and CassandraAuthorizer with this superuser (created at first
     * start; {@code cassandra} keeps the server's built-in role with the given password).
     */
    public Builder authentication(String username, String password) {
      if (username == null || username.isBlank()) {
        throw new IllegalArgumentException("authentication username must not be blank");
      }
      if (password == null || password.isEmpty()) {
        throw new IllegalArgumentException("authentication password must not be empty");
      }
      this.superuser = username;
      this.superuserPassword = password;
      return this;
    }

    /** Requires TLS from clients, with a key pair generated for this node. Default off. */
    public Builder clientTls(boolean enabled) {
      this.clientTls = enabled;
      return this;
    }

    /** With client TLS on, also requires a client certificate (mutual TLS). Default off. */
    public Builder requireClientAuth(boolean required) {
      this.requireClientAuth = required;
      return this;
    }

    /**
     * Whether the server fsyncs its commit log and sstables. Default true; tests turn it off
     * ({@code cassandra.skip_sync}) because their data is thrown away.
     */
    public Builder syncToDisk(boolean sync) {
      this.syncToDisk = sync;
      return this;
    }

    /** Deletes data, commit log and hints from earlier runs before starting. Default false. */
    public Builder cleanStart(boolean clean) {
      this.cleanStart = clean;
      return this;
    }

    /** Stops the node when this JVM exits. Default true; the command line keeps its node running. */
    public Builder stopOnExit(boolean stop) {
      this.stopOnExit = stop;
      return this;
    }

    /** How long {@link #start()} waits for CQL before it gives up. Default 180 s. */
    public Builder startupTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("startupTimeout must be positive, got: " + timeout);
      }
      this.startupTimeout = timeout;
      return this;
    }

    /** Directory of the server jars; default from {@value #SERVER_LIB_PROPERTY} or the build. */
    public Builder serverLib(Path dir) {
      this.serverLib = Objects.requireNonNull(dir, "serverLib");
      return this;
    }

    public LocalCassandra build() {
      if (requireClientAuth && !clientTls) {
        throw new IllegalArgumentException("requireClientAuth needs clientTls(true)");
      }
      return new LocalCassandra(this);
    }

    private static int checkPort(String name, int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(name + " must be 0 (pick a free one) or 1-65535, got: " + port);
      }
      return port;
    }
  }

  /**
   * Starts the server and waits until a CQL session connects.
   *
   * @throws NodeStartupException naming the cause when it cannot start
   */
  public LocalCassandra start() {
    if (process != null) {
      throw new IllegalStateException("Node in " + layout.base() + " is already started");
    }
    Path lib = serverLib();
    prepareDirectories();
    Optional<NodeInfo> running = NodeInfo.read(layout);
    if (running.isPresent() && running.get().alive()) {
      throw new NodeStartupException(
          "A node is already running from " + layout.base() + " (pid " + running.get().pid()
              + ", CQL on " + HOST + ":" + running.get().nativePort()
              + "). Stop it first, or choose another directory.");
    }
    nativePort = choosePort("native (CQL)", options.nativePort);
    storagePort = choosePort("storage",
        options.storagePort != 0 ? options.storagePort : previousStoragePort().orElse(0));
    try {
      if (options.clientTls) {
        tls = TlsMaterial.generate(layout.tls());
      }
      Files.writeString(
          layout.yaml(),
          ServerConfigFiles.cassandraYaml(
              new ServerConfigFiles.Settings(
                  layout, nativePort, storagePort, options.superuser != null, tls,
                  options.requireClientAuth)));
      Files.writeString(layout.logback(), ServerConfigFiles.logbackXml());
      Files.deleteIfExists(layout.nodeFile());
      process = processBuilder(lib).start();
    } catch (IOException e) {
      throw new NodeStartupException(
          "Could not launch the Cassandra server in " + layout.base() + ": " + e.getMessage(), e);
    }
    if (options.stopOnExit) {
      Process child = process;
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> child.destroyForcibly(), "local-cassandra-stop"));
    }
    try {
      awaitCql();
      createSuperuser();
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
    new NodeInfo(process.pid(), nativePort, storagePort, options.superuser != null, tls != null)
        .write(layout);
    return this;
  }

  /** Stops the server (SIGTERM, then SIGKILL after 30 s) and waits for it to exit. */
  public void stop() {
    if (process == null) {
      return;
    }
    stopProcess(process.toHandle(), Duration.ofSeconds(30));
    process = null;
    try {
      Files.deleteIfExists(layout.nodeFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  public long pid() {
    return requireStarted().pid();
  }

  public String host() {
    return HOST;
  }

  public int nativePort() {
    requireStarted();
    return nativePort;
  }

  /** {@code 127.0.0.1:port}, the form every beam-cassandra contact point option takes. */
  public String contactPoint() {
    return HOST + ":" + nativePort();
  }

  public String localDatacenter() {
    return LOCAL_DATACENTER;
  }

  public Optional<String> username() {
    return Optional.ofNullable(options.superuser);
  }

  public Optional<String> password() {
    return Optional.ofNullable(options.superuserPassword);
  }

  /** The generated keys and certificates when client TLS is on. */
  public Optional<TlsMaterial> tls() {
    return Optional.ofNullable(tls);
  }

  public Path baseDir() {
    return layout.base();
  }

  /** The server's log (its standard output and error). */
  public Path logFile() {
    return layout.log();
  }

  /** A session builder already pointed at this node, with its credentials and TLS settings. */
  public CqlSessionBuilder sessionBuilder() {
    CqlSessionBuilder builder =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(HOST, nativePort()))
            .withLocalDatacenter(LOCAL_DATACENTER);
    if (options.superuser != null) {
      builder.withAuthCredentials(options.superuser, options.superuserPassword);
    }
    if (tls != null) {
      builder.withSslContext(tls.sslContext(options.requireClientAuth));
    }
    return builder;
  }

  /** What {@code node.properties} in {@code baseDir} says of a node started there and not stopped. */
  public static Optional<NodeInfo> runningNode(Path baseDir) {
    return NodeInfo.read(new NodeLayout(baseDir.toAbsolutePath().normalize()))
        .filter(NodeInfo::alive);
  }

  /** Stops the node started from {@code baseDir} by another process; false if none was running. */
  public static boolean stopRunning(Path baseDir, Duration timeout) {
    NodeLayout layout = new NodeLayout(baseDir.toAbsolutePath().normalize());
    Optional<NodeInfo> info = NodeInfo.read(layout);
    if (info.isEmpty()) {
      return false;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(info.get().pid());
    boolean wasRunning = handle.isPresent() && handle.get().isAlive() && info.get().alive();
    if (wasRunning) {
      stopProcess(handle.get(), timeout);
    }
    try {
      Files.deleteIfExists(layout.nodeFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return wasRunning;
  }

  /** True when something on {@code host:port} speaks CQL (a refused login still counts). */
  public static boolean answersCql(String host, int port, Optional<TlsMaterial> tls) {
    CqlSessionBuilder builder =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(host, port))
            .withLocalDatacenter(LOCAL_DATACENTER)
            .withConfigLoader(quickConfig());
    tls.ifPresent(t -> builder.withSslContext(t.sslContext(false)));
    try (CqlSession session = builder.build()) {
      session.execute("SELECT release_version FROM system.local");
      return true;
    } catch (RuntimeException e) {
      return causedBy(e, AuthenticationException.class);
    }
  }

  private static void stopProcess(ProcessHandle handle, Duration timeout) {
    handle.destroy();
    try {
      handle.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      handle.destroyForcibly();
      handle.onExit().join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.destroyForcibly();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Waiting for pid " + handle.pid() + " to exit failed", e);
    }
  }

  private Process requireStarted() {
    if (process == null) {
      throw new IllegalStateException("Node in " + layout.base() + " is not started");
    }
    return process;
  }

  private Path serverLib() {
    Path lib = options.serverLib;
    String where;
    if (lib != null) {
      where = "serverLib";
    } else if (System.getProperty(SERVER_LIB_PROPERTY, "").isBlank()) {
      lib = Path.of(buildProperty("server.lib"));
      where = "the build (local-cassandra/server/target/lib)";
    } else {
      lib = Path.of(System.getProperty(SERVER_LIB_PROPERTY));
      where = "-D" + SERVER_LIB_PROPERTY;
    }
    boolean hasServerJar;
    try (Stream<Path> jars = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
      hasServerJar = jars.anyMatch(p -> p.getFileName().toString().startsWith("cassandra-all-"));
    } catch (IOException e) {
      hasServerJar = false;
    }
    if (!hasServerJar) {
      throw new NodeStartupException(
          "The Cassandra server jars are not in " + lib + " (from " + where + "). Build the project"
              + " once with `mvn -B -DskipTests package` (it copies cassandra-all "
              + buildProperty("cassandra.version") + " and its dependencies there), or point -D"
              + SERVER_LIB_PROPERTY + " at a directory holding them.");
    }
    return lib;
  }

  static String buildProperty(String name) {
    Properties properties = new Properties();
    try (InputStream in = LocalCassandra.class.getResourceAsStream("build.properties")) {
      if (in == null) {
        throw new IllegalStateException("build.properties is missing from beam-cassandra-local's jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty(name);
  }

  private void prepareDirectories() {
    Path base = layout.base();
    for (Path p = base; p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        throw new NodeStartupException(
            "Cannot use " + base + " as the node's directory: " + p + " exists and is not a"
                + " directory. Choose another directory (--dir on the command line).");
      }
    }
    try {
      if (options.cleanStart) {
        for (Path dir : List.of(layout.data(), layout.commitLog(), layout.hints(),
            layout.savedCaches(), layout.cdcRaw())) {
          deleteRecursively(dir);
        }
      }
      for (Path dir : layout.directories()) {
        Files.createDirectories(dir);
      }
    } catch (IOException | SecurityException e) {
      throw new NodeStartupException(
          "Cannot use " + base + " as the node's directory: " + describe(e)
              + ". Choose a writable directory (--dir on the command line).",
          e);
    }
    if (!Files.isWritable(base) || !Files.isWritable(layout.data())) {
      throw new NodeStartupException(
          "Cannot use " + base + " as the node's directory: it is not writable by this user."
              + " Choose a writable directory (--dir on the command line).");
    }
  }

  private static int choosePort(String what, int requested) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), requested));
      return socket.getLocalPort();
    } catch (BindException e) {
      throw new NodeStartupException(
          "Cannot start the node: the " + what + " port " + requested + " on " + HOST
              + " is already in use by another process (another Cassandra node? see"
              + " `bin/beam-cassandra local status`). Stop that process or choose another port"
              + " (--port on the command line).",
          e);
    } catch (IOException e) {
      throw new NodeStartupException(
          "Cannot check the " + what + " port " + requested + " on " + HOST + ": " + describe(e), e);
    }
  }

  /**
   * A restarted node keeps its inter-node port (the server records its own address with the port),
   * unless another process took it meanwhile.
   */
  private Optional<Integer> previousStoragePort() {
    try {
      if (!Files.isRegularFile(layout.yaml())) {
        return Optional.empty();
      }
      Optional<Integer> port = Files.readAllLines(layout.yaml()).stream()
          .filter(line -> line.startsWith("storage_port: "))
          .map(line -> Integer.parseInt(line.substring("storage_port: ".length()).trim()))
          .findFirst();
      if (port.isPresent()) {
        try (ServerSocket probe = new ServerSocket()) {
          probe.bind(new InetSocketAddress(InetAddress.getByName(HOST), port.get()));
        } catch (IOException taken) {
          return Optional.empty();
        }
      }
      return port;
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private ProcessBuilder processBuilder(Path lib) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions());
    command.add("-cp");
    command.add(lib.toAbsolutePath() + "/*");
    command.add("org.apache.cassandra.service.CassandraDaemon");
    if (!options.stopOnExit && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      // A node that outlives this JVM gets its own session so the terminal's hangup does not end it.
      command.add(0, "/usr/bin/setsid");
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.directory(layout.base().toFile());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.to(layout.log().toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return builder;
  }

  /** Cassandra 5's {@code jvm-server.options} and {@code jvm17-server.options} essentials. */
  private List<String> jvmOptions() {
    List<String> flags = new ArrayList<>(List.of(
        "-Xms" + options.heap,
        "-Xmx" + options.heap,
        "-XX:+UseG1GC",
        "-XX:+ParallelRefProcEnabled",
        "-XX:MaxTenuringThreshold=1",
        "-XX:MaxGCPauseMillis=300",
        "-XX:+UseThreadPriorities",
        "-XX:+PerfDisableSharedMem",
        "-Djava.net.preferIPv4Stack=true",
        "-Djdk.attach.allowAttachSelf=true",
        "-Dio.netty.tryReflectionSetAccessible=true",
        "-Dio.netty.allocator.useCacheForAllThreads=true",
        "-Dio.netty.allocator.maxOrder=11",
        "-Dchronicle.analytics.disable=true",
        "-Dcassandra-foreground=yes",
        "-Dcassandra.config=" + layout.yaml().toUri(),
        "-Dcassandra.logdir=" + layout.logs(),
        "-Dcassandra.storagedir=" + layout.base(),
        "-Dlogback.configurationFile=" + layout.logback().toUri(),
        // A single seed node has nobody to wait for.
        "-Dcassandra.skip_wait_for_gossip_to_settle=0",
        "-Dcassandra.ring_delay_ms=1000",
        "-Dcassandra.superuser_setup_delay_ms=0"));
    if (!options.syncToDisk) {
      flags.add("-Dcassandra.skip_sync=true");
    }
    flags.addAll(Arrays.asList(
        "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
        "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
        "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
        "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
        "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
        "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
        "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
        "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
        "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
        "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
        "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
        "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
        "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
        "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
        "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
        "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.base/java.io=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
        "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
        "--add-opens", "java.base/java.util=ALL-UNNAMED"));
    return flags;
  }

  private void awaitCql() {
    long deadline = System.nanoTime() + options.startupTimeout.toNanos();
    RuntimeException lastError = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new NodeStartupException(
            "The Cassandra server in " + layout.base() + " exited with code " + process.exitValue()
                + " before it answered CQL on " + HOST + ":" + nativePort + ". Its log ("
                + layout.log() + ") ends with:\n" + logTail());
      }
      if (portOpen()) {
        try {
          if (canQuery(sessionWithDefaultLogin())
              || (options.superuser != null && canQuery(sessionBuilder()))) {
            return;
          }
        } catch (RuntimeException e) {
          lastError = e;
        }
      }
      sleep(Duration.ofMillis(500));
    }
    process.destroyForcibly();
    throw new NodeStartupException(
        "The Cassandra server in " + layout.base() + " did not answer CQL on " + HOST + ":"
            + nativePort + " within " + options.startupTimeout.toSeconds() + " s"
            + (lastError == null ? "" : " (last attempt: " + lastError.getMessage() + ")")
            + "; it was stopped. Raise the timeout on a slow machine. Its log (" + layout.log()
            + ") ends with:\n" + logTail());
  }

  /** With authentication, the server's built-in role exists first; the wanted superuser is made from it. */
  private CqlSessionBuilder sessionWithDefaultLogin() {
    CqlSessionBuilder builder =
        CqlSession.builder()
            .addContactPoint(new InetSocketAddress(HOST, nativePort))
            .withLocalDatacenter(LOCAL_DATACENTER);
    if (options.superuser != null) {
      builder.withAuthCredentials(DEFAULT_SUPERUSER, DEFAULT_SUPERUSER);
    }
    if (tls != null) {
      builder.withSslContext(tls.sslContext(options.requireClientAuth));
    }
    return builder;
  }

  private void createSuperuser() {
    if (options.superuser == null) {
      return;
    }
    try (CqlSession session = sessionWithDefaultLogin().build()) {
      if (options.superuser.equals(DEFAULT_SUPERUSER)) {
        session.execute("ALTER ROLE cassandra WITH PASSWORD = " + passwordLiteral());
      } else {
        session.execute("CREATE ROLE IF NOT EXISTS "
            + CqlIdentifier.fromInternal(options.superuser).asCql(true)
            + " WITH SUPERUSER = true AND LOGIN = true AND PASSWORD = " + passwordLiteral());
      }
    } catch (RuntimeException e) {
      if (!causedBy(e, AuthenticationException.class)) {
        throw e;
      }
      // A restarted node whose built-in role already has another password: the wanted login must work.
      if (!canQuery(sessionBuilder())) {
        throw new NodeStartupException(
            "The node in " + layout.base() + " refuses the login of superuser "
                + options.superuser + " (and of the built-in role): it was set up with other"
                + " credentials earlier. Use those, or start from a new directory.");
      }
    }
  }

  /** True when a session connects and queries; false when only the login is refused. */
  private static boolean canQuery(CqlSessionBuilder builder) {
    try (CqlSession session = builder.withConfigLoader(quickConfig()).build()) {
      session.execute("SELECT release_version FROM system.local");
      return true;
    } catch (RuntimeException e) {
      if (causedBy(e, AuthenticationException.class)) {
        return false;
      }
      throw e;
    }
  }

  /** Role statements take no bind markers, so the password goes in as an escaped CQL literal. */
  private String passwordLiteral() {
    return "'" + options.superuserPassword.replace("'", "''") + "'";
  }

  private boolean portOpen() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, nativePort), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static DriverConfigLoader quickConfig() {
    return DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, Duration.ofSeconds(5))
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(5))
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
        .build();
  }

  private String logTail() {
    try {
      if (!Files.exists(layout.log())) {
        return "(no log was written)";
      }
      List<String> lines = Files.readAllLines(layout.log(), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (causedBy(suppressed, type)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeStartupException("Interrupted while waiting for the node to start", e);
    }
  }
}

package io.github.beamcassandra.pipelines.cli;

import io.github.beamcassandra.local.LocalCassandra;
import io.github.beamcassandra.local.NodeInfo;
import io.github.beamcassandra.pipelines.UsageException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code local start|stop|status}: keeps a Cassandra node for the user, by default in
 * {@code ~/.beam-cassandra/node} with CQL on 127.0.0.1:9042. The node outlives the command.
 */
public final class LocalCommand {
  /** Option name to help text with the default; the one place these options are described. */
  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("dir", "directory of the node's data, logs and configuration"
        + " (default: ~/.beam-cassandra/node)");
    OPTIONS.put("port", "CQL port on 127.0.0.1; 0 picks a free one (default: 9042)");
    OPTIONS.put("heap", "heap of the node's JVM (default: 1G)");
    OPTIONS.put("timeoutSeconds", "how long start waits for the node to answer CQL (default: 180)");
  }

  private LocalCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help")) {
      printHelp(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    String action = args[0];
    Map<String, String> options = Options.parse(args, 1, OPTIONS.keySet(), "local " + action);
    if (options.containsKey("help")) {
      printHelp(out);
      return 0;
    }
    Path dir = Path.of(options.getOrDefault("dir",
        Path.of(System.getProperty("user.home"), ".beam-cassandra", "node").toString()))
        .toAbsolutePath().normalize();
    switch (action) {
      case "start":
        return start(dir, options, out);
      case "stop":
        return stop(dir, out);
      case "status":
        return status(dir, out);
      default:
        throw new UsageException(
            "Unknown action 'local " + action + "': use local start, local stop or local status.");
    }
  }

  private static int start(Path dir, Map<String, String> options, PrintStream out) {
    Optional<NodeInfo> running = LocalCassandra.runningNode(dir);
    if (running.isPresent()) {
      out.println("A node is already running from " + dir + " (pid " + running.get().pid() + ").");
      printConnection(running.get().contactPoint(), dir, out);
      return 0;
    }
    int port = Options.intValue(options, "port", LocalCassandra.DEFAULT_NATIVE_PORT, 0, 65535);
    int timeout = Options.intValue(options, "timeoutSeconds", 180, 1, 3600);
    LocalCassandra.Builder builder;
    try {
      builder = LocalCassandra.builder(dir)
          .nativePort(port)
          .heap(options.getOrDefault("heap", "1G"))
          .startupTimeout(Duration.ofSeconds(timeout))
          .stopOnExit(false);
    } catch (IllegalArgumentException e) {
      throw new UsageException("Invalid --heap or --port: " + e.getMessage());
    }
    out.println("Starting a local Cassandra node in " + dir + " ...");
    long started = System.nanoTime();
    LocalCassandra node = builder.build().start();
    out.printf("Started in %.1f s (pid %d).%n", (System.nanoTime() - started) / 1e9, node.pid());
    printConnection(node.contactPoint(), dir, out);
    out.println("Stop it with: bin/beam-cassandra local stop"
        + (options.containsKey("dir") ? " --dir=" + dir : ""));
    return 0;
  }

  private static int stop(Path dir, PrintStream out) {
    Optional<NodeInfo> running = LocalCassandra.runningNode(dir);
    if (LocalCassandra.stopRunning(dir, Duration.ofSeconds(60))) {
      out.println("Stopped the node in " + dir + " (pid " + running.map(NodeInfo::pid).orElse(-1L) + ").");
    } else {
      out.println("No node is running from " + dir + "; nothing to stop.");
    }
    return 0;
  }

  private static int status(Path dir, PrintStream out) {
    Optional<NodeInfo> running = LocalCassandra.runningNode(dir);
    if (running.isEmpty()) {
      out.println("Not running: no node is running from " + dir + ".");
      return 3;
    }
    NodeInfo node = running.get();
    boolean answers =
        LocalCassandra.answersCql(LocalCassandra.HOST, node.nativePort(), Optional.empty());
    out.println((answers ? "Running" : "Running but not answering CQL (starting or stuck?)")
        + ": pid " + node.pid() + ", directory " + dir + ".");
    printConnection(node.contactPoint(), dir, out);
    return 0;
  }

  private static void printConnection(String contactPoint, Path dir, PrintStream out) {
    out.println("  CQL:        " + contactPoint + " (local datacenter "
        + LocalCassandra.LOCAL_DATACENTER + ")");
    out.println("  Connect:    --contactPoints=" + contactPoint + " --localDatacenter="
        + LocalCassandra.LOCAL_DATACENTER + "  (or: cqlsh " + contactPoint.replace(':', ' ') + ")");
    out.println("  Log:        " + dir.resolve("logs").resolve("system.log"));
  }

  private static void printHelp(PrintStream out) {
    out.println("Usage: beam-cassandra local start|stop|status [--option=value ...]");
    out.println();
    out.println("  start    starts a Cassandra node that keeps running after this command");
    out.println("  stop     stops it");
    out.println("  status   says whether it runs and where (exit code 3 when it does not)");
    out.println();
    out.println("Options:");
    Options.printHelp(OPTIONS, out);
  }
}

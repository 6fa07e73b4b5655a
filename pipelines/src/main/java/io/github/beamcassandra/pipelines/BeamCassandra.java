package io.github.beamcassandra.pipelines;

import io.github.beamcassandra.pipelines.cli.CountCommand;
import io.github.beamcassandra.pipelines.cli.DemoCommand;
import io.github.beamcassandra.pipelines.cli.LoadCommand;
import io.github.beamcassandra.pipelines.cli.LocalCommand;
import io.github.beamcassandra.pipelines.cli.RunsCommand;
import io.github.beamcassandra.pipelines.cli.UnloadCommand;
import io.github.beamcassandra.transforms.connection.SessionCache;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The command line: {@code bin/beam-cassandra <command> [--option=value ...]}. Each command prints its
 * options with {@code --help}. Exit codes: 0 success, 1 failure, 2 bad usage, 3 {@code local status}
 * found no running node.
 */
public final class BeamCassandra {
  private BeamCassandra() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command and returns its exit code; the streams receive everything it prints. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      printUsage(args.length == 0 ? err : out);
      return args.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "local":
          return LocalCommand.run(rest, out, err);
        case "load":
          return LoadCommand.run(rest, out, err);
        case "unload":
          return UnloadCommand.run(rest, out, err);
        case "demo":
          return DemoCommand.run(rest, out, err);
        case "runs":
          return RunsCommand.run(rest, out, err);
        case "count":
          return CountCommand.run(rest, out, err);
        default:
          err.println("Unknown command '" + args[0] + "'.");
          printUsage(err);
          return 2;
      }
    } catch (UsageException e) {
      err.println(e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      err.println("beam-cassandra " + args[0] + " failed: " + e.getMessage());
      return 1;
    } finally {
      // Closes the connections to the cluster before the JVM exits, rather than leaving them to drop.
      SessionCache.closeIdleSessions();
    }
  }

  private static void printUsage(PrintStream out) {
    out.println("Usage: beam-cassandra <command> [--option=value ...]");
    out.println();
    out.println("Commands:");
    out.println("  load                      files (CSV, JSON) into a table, with rejects and a report");
    out.println("  unload                    a table into files, one per token range, resumable");
    out.println("  count                     the exact number of rows of a table");
    out.println("  demo                      load, count and unload a sample on the local node");
    out.println("  runs                      recent runs from the run log");
    out.println("  local start|stop|status   a Cassandra node on this machine, for trying things out");
    out.println();
    out.println("Run 'beam-cassandra <command> --help' for the options of a command.");
  }
}

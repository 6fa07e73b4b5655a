package io.github.beamcassandra.pipelines.cli;

import com.datastax.oss.driver.api.core.CqlSession;
import io.github.beamcassandra.pipelines.UsageException;
import io.github.beamcassandra.pipelines.options.ConnectionOptions;
import io.github.beamcassandra.pipelines.options.CountOptions;
import io.github.beamcassandra.pipelines.run.Paths;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.connection.SessionCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code demo}: on the local node (started if needed), creates {@code beam_cassandra_demo.sensor_readings},
 * loads the bundled sample (3,000 rows of several CQL types and 5 deliberately bad rows), counts the
 * table, unloads it, and says where the report, the rejects and the files are.
 */
public final class DemoCommand {
  static final String KEYSPACE = "beam_cassandra_demo";
  static final String TABLE = "sensor_readings";
  static final String SAMPLE = "demo/sensor_readings.csv";
  static final String USAGE = "beam-cassandra demo [--runDir=dir] [--contactPoints=host:port"
      + " --localDatacenter=dc]";

  private DemoCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help")) {
      out.println("Usage: " + USAGE);
      out.println();
      out.println("Loads, counts and unloads a bundled sample on the local node (or the cluster given),"
          + " in keyspace " + KEYSPACE + ".");
      out.println("Takes the connection options and --runDir of the other commands.");
      return 0;
    }
    List<String> given = new ArrayList<>(Arrays.asList(args));
    given.add("--keyspace=" + KEYSPACE);
    given.add("--table=" + TABLE);
    ConnectionOptions options = PipelineArgs.parse(given.toArray(new String[0]), CountOptions.class, "demo");
    List<String> common = new ArrayList<>(given);
    if (options.getContactPoints() == null && options.getCloudSecureConnectBundle() == null) {
      CassandraConnection local = Connections.from(options, out);
      common.add("--contactPoints=" + String.join(",", local.contactPoints()));
    }
    String runDir = common.stream().filter(a -> a.startsWith("--runDir=")).map(a -> a.substring(9))
        .findFirst().orElse("beam-cassandra-runs");
    Path work = Paths.expandHome(runDir).toAbsolutePath().normalize().resolve("demo-"
        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
    Path sample = work.resolve("sensor_readings.csv");
    Path unloaded = work.resolve("unloaded");
    copySample(sample);

    out.println("== 1. Create " + KEYSPACE + "." + TABLE);
    createTable(Connections.from(PipelineArgs.parse(common.toArray(new String[0]), CountOptions.class,
        "demo"), out));
    out.println("== 2. Load " + sample + " (3,005 records, 5 of them deliberately bad)");
    int load = LoadCommand.run(with(common, "--input=" + sample), out, out);
    out.println();
    out.println("== 3. Count the table");
    int count = CountCommand.run(with(common), out, out);
    out.println();
    out.println("== 4. Unload it to " + unloaded);
    int unload = UnloadCommand.run(with(common, "--output=" + unloaded), out, out);
    out.println();
    out.println("== Done. The rejects of the load are under its run directory above, in rejects/*.jsonl;");
    out.println("   'beam-cassandra runs' lists these runs. Try: bin/beam-cassandra load --help");
    return load == 0 && count == 0 && unload == 0 ? 0 : 1;
  }

  private static String[] with(List<String> common, String... more) {
    List<String> all = new ArrayList<>(common);
    all.addAll(Arrays.asList(more));
    return all.toArray(new String[0]);
  }

  private static void copySample(Path target) {
    try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("The demo's sample " + SAMPLE + " is missing from the jar");
      }
      Files.createDirectories(target.getParent());
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the demo's sample to " + target + ": " + e, e);
    }
  }

  private static void createTable(CassandraConnection connection) {
    try (CqlSession session = SessionCache.open(connection)) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE IF NOT EXISTS " + KEYSPACE + "." + TABLE + " ("
          + "sensor_id uuid, reading_time timestamp, site text, temperature double, humidity float,"
          + " active boolean, tags set<text>, calibration map<text, double>, gateway inet,"
          + " PRIMARY KEY ((sensor_id), reading_time))");
      session.execute("TRUNCATE " + KEYSPACE + "." + TABLE);
    } catch (RuntimeException e) {
      throw new UsageException("Cannot create the demo table: " + e.getMessage());
    }
  }
}

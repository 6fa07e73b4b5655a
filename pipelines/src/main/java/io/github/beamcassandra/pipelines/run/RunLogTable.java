package io.github.beamcassandra.pipelines.run;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.beamcassandra.pipelines.UsageException;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import io.github.beamcassandra.transforms.connection.SessionCache;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --runLogTable=keyspace.table}: the run log as a Cassandra table, created with a fixed schema
 * when missing (the keyspace must exist), one row per run keyed by run id.
 */
public final class RunLogTable {
  private final CqlIdentifier keyspace;
  private final CqlIdentifier table;

  private RunLogTable(CqlIdentifier keyspace, CqlIdentifier table) {
    this.keyspace = keyspace;
    this.table = table;
  }

  /** Checks {@code --runLogTable} before anything runs; null when not given. */
  public static RunLogTable parse(String option) {
    if (option == null || option.isBlank()) {
      return null;
    }
    String[] parts = option.trim().split("\\.");
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new UsageException("--runLogTable must be keyspace.table, got: '" + option + "'");
    }
    return new RunLogTable(CqlIdentifier.fromCql(parts[0]), CqlIdentifier.fromCql(parts[1]));
  }

  String qualified() {
    return keyspace.asCql(true) + "." + table.asCql(true);
  }

  /** Appends the run's row; a failure is reported on {@code out} and does not change the run's outcome. */
  public void append(CassandraConnection connection, ObjectNode report, PrintStream out) {
    CqlSession session = SessionCache.acquire(connection);
    try {
      session.execute("CREATE TABLE IF NOT EXISTS " + qualified() + " (run_id text PRIMARY KEY,"
          + " command text, target text, status text, started_at timestamp, ended_at timestamp,"
          + " duration_seconds double, run_dir text, error text, figures map<text, text>, report text)");
      Map<String, String> figures = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = report.path("figures").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        figures.put(f.getKey(), f.getValue().asText());
      }
      session.execute(session.prepare("INSERT INTO " + qualified() + " (run_id, command, target, status,"
              + " started_at, ended_at, duration_seconds, run_dir, error, figures, report)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .bind(report.path("runId").asText(), report.path("command").asText(),
              report.path("target").asText(), report.path("status").asText(),
              Instant.parse(report.path("startedAt").asText()), Instant.parse(report.path("endedAt").asText()),
              report.path("durationSeconds").asDouble(), report.path("runDir").asText(),
              report.hasNonNull("error") ? report.path("error").asText() : null, figures,
              report.toString()));
      out.println("Run logged in " + qualified() + ".");
    } catch (RuntimeException e) {
      out.println("Could not log the run in " + qualified() + " (--runLogTable): " + e.getMessage());
    } finally {
      SessionCache.release(connection);
    }
  }
}

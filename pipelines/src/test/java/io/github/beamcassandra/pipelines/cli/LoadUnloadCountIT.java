package io.github.beamcassandra.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The load, unload and count commands end to end against the real node, on the DirectRunner. */
@ExtendWith(CassandraExtension.class)
class LoadUnloadCountIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestCassandra cassandra;
  private static CqlSession session;

  @TempDir
  Path dir;

  @BeforeAll
  static void tables(TestCassandra c) {
    cassandra = c;
    session = c.session();
    for (String table : List.of("people", "people_copy", "people_json", "bad_input", "limit_test")) {
      session.execute("CREATE TABLE " + c.keyspace() + "." + table
          + " (id uuid PRIMARY KEY, name text, age int, joined timestamp, tags set<text>)");
    }
  }

  /** {@code n} good CSV rows with a header; ids are UUIDs made from the row number. */
  /**
   * Makes a finished 12-range unload in {@code out} look as if it had stopped after 7 ranges: of the
   * other 5, one file gone, one half written under its temporary name, the rest complete but not yet in
   * the checkpoint. Returns the checkpoint file.
   */
  static Path stopAfterSevenOfTwelveRanges(Path out) throws IOException {
    Path checkpoint = out.resolve("_checkpoint.txt");
    List<String> lines = Files.readAllLines(checkpoint);
    assertEquals(13, lines.size(), lines.toString());
    Files.write(checkpoint, lines.subList(0, 8));
    Files.delete(out.resolve(lines.get(12).split(" ")[2]));
    Files.writeString(out.resolve("." + lines.get(11).split(" ")[2] + ".1234.inprogress"), "partial");
    return checkpoint;
  }

  static List<String> peopleCsv(int n) {
    List<String> lines = new ArrayList<>();
    lines.add("id,name,age,joined,tags");
    for (int i = 0; i < n; i++) {
      lines.add(new UUID(42, i) + ",\"person, " + i + "\"," + (i % 90) + ",2024-01-02T03:04:05Z,"
          + "\"[\"\"a\"\",\"\"t" + (i % 3) + "\"\"]\"");
    }
    return lines;
  }

  long count(String table) {
    return session.execute("SELECT count(*) FROM " + cassandra.keyspace() + "." + table).one().getLong(0);
  }

  JsonNode report(Path runDir, String command) throws IOException {
    try (Stream<Path> runs = Files.list(runDir)) {
      Path run = runs.filter(p -> p.getFileName().toString().contains("-" + command + "-"))
          .sorted().reduce((a, b) -> b).orElseThrow();
      return JSON.readTree(run.resolve("report.json").toFile());
    }
  }

  static List<JsonNode> rejects(JsonNode report) throws IOException {
    Path dir = Path.of(report.path("runDir").asText(), "rejects");
    List<JsonNode> all = new ArrayList<>();
    if (!Files.exists(dir)) {
      return all;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.collect(Collectors.toList())) {
        for (String line : Files.readAllLines(file)) {
          all.add(JSON.readTree(line));
        }
      }
    }
    return all;
  }

  @Test
  void loadRejectsBadRecordsWithTheirLineAndLoadsTheRestThenCountAndUnloadRoundTrip() throws IOException {
    List<String> lines = peopleCsv(2000);
    lines.add(101, "not-a-uuid,x,1,2024-01-02T03:04:05Z,[]");              // line 102: bad uuid
    lines.add(202, new UUID(7, 1) + ",x,99999999999,2024-01-02T03:04:05Z,[]"); // line 203: int overflow
    lines.add(303, new UUID(7, 2) + ",x,1,not-a-time,[]");                 // line 304: bad timestamp
    lines.add(404, ",x,1,2024-01-02T03:04:05Z,[]");                        // line 405: null primary key
    lines.add(505, new UUID(7, 3) + ",x,1");                               // line 506: wrong field count
    Path input = dir.resolve("people.csv");
    Files.write(input, lines, StandardCharsets.UTF_8);
    Path runs = dir.resolve("runs");

    // Parts of about 20 KB: the file (about 150 KB) is parsed in several parts cut at record boundaries.
    Cli load = Cli.run(cassandra, runs, "load", "--table=people", "--input=" + input,
        "--username=someone", "--password=s3cret-value", "--partBytes=20000");

    assertEquals(0, load.exitCode, load.toString());
    assertEquals(2000, count("people"));
    JsonNode report = report(runs, "load");
    assertEquals("SUCCEEDED", report.path("status").asText());
    assertEquals(2005, report.path("figures").path("records read").asLong());
    assertEquals(2000, report.path("figures").path("written").asLong());
    assertEquals(5, report.path("figures").path("rejected").asLong());
    assertEquals("****", report.path("options").path("password").asText());
    String everything = Files.readString(Path.of(report.path("runDir").asText(), "report.json"))
        + load.out + load.err + Files.readString(runs.resolve("runs.jsonl"));
    assertFalse(everything.contains("s3cret-value"), "the password leaked");

    Map<Long, JsonNode> byLine = new HashMap<>();
    for (JsonNode reject : rejects(report)) {
      assertEquals(input.toString(), reject.path("source").asText().replaceFirst("^file:", ""));
      byLine.put(reject.path("line").asLong(), reject);
    }
    assertEquals(List.of(102L, 203L, 304L, 405L, 506L), byLine.keySet().stream().sorted()
        .collect(Collectors.toList()));
    assertEquals("id", byLine.get(102L).path("column").asText());
    assertTrue(byLine.get(102L).path("record").asText().startsWith("not-a-uuid,"));
    assertEquals("age", byLine.get(203L).path("column").asText());
    assertEquals("joined", byLine.get(304L).path("column").asText());
    assertTrue(byLine.get(405L).path("reason").asText().contains("null"), byLine.get(405L).toString());
    assertTrue(byLine.get(506L).path("reason").asText().contains("3 fields"), byLine.get(506L).toString());

    Cli count = Cli.run(cassandra, runs, "count", "--table=people", "--splits=7",
        "--runLogTable=" + cassandra.keyspace() + ".runs");
    assertEquals(0, count.exitCode, count.toString());
    assertEquals("2000", count.lastLine());
    Row logged = session.execute("SELECT command, status, figures FROM " + cassandra.keyspace() + ".runs")
        .one();
    assertEquals("count", logged.getString("command"));
    assertEquals("SUCCEEDED", logged.getString("status"));
    assertEquals("2000", logged.getMap("figures", String.class, String.class).get("rows"));

    Path unloaded = dir.resolve("unloaded");
    Cli unload = Cli.run(cassandra, runs, "unload", "--table=people", "--output=" + unloaded, "--splits=5");
    assertEquals(0, unload.exitCode, unload.toString());
    // Reloaded with batches of partitions that share replicas: the copy holds every row, equal.
    Cli reload = Cli.run(cassandra, runs, "load", "--table=people_copy", "--input=" + unloaded,
        "--batchMode=replica_set");
    assertEquals(0, reload.exitCode, reload.toString());
    assertEquals(table("people"), table("people_copy"));
  }

  @Test
  void unloadResumesAfterAStopAndHoldsEveryRowExactlyOnce() throws IOException {
    Path input = dir.resolve("people.csv");
    Files.write(input, peopleCsv(3000), StandardCharsets.UTF_8);
    Path runs = dir.resolve("runs");
    assertEquals(0, Cli.run(cassandra, runs, "load", "--table=limit_test", "--input=" + input).exitCode);
    Path out = dir.resolve("out");
    Cli first = Cli.run(cassandra, runs, "unload", "--table=limit_test", "--output=" + out, "--splits=12",
        "--compression=gzip");
    assertEquals(0, first.exitCode, first.toString());

    Path checkpoint = stopAfterSevenOfTwelveRanges(out);

    Cli again = Cli.run(cassandra, runs, "unload", "--table=limit_test", "--output=" + out);
    assertEquals(2, again.exitCode, "unloading into a used directory without --resume: " + again);
    assertTrue(again.err.contains("--resume"), again.err);

    Cli resumed = Cli.run(cassandra, runs, "unload", "--table=limit_test", "--output=" + out,
        "--compression=gzip", "--resume=true");
    assertEquals(0, resumed.exitCode, resumed.toString());
    assertEquals(13, Files.readAllLines(checkpoint).size());
    JsonNode report = report(runs, "unload");
    assertEquals(7, report.path("figures").path("ranges done before").asLong(), report.toString());

    session.execute("TRUNCATE " + cassandra.keyspace() + ".people_json");
    Cli reload = Cli.run(cassandra, runs, "load", "--table=people_json", "--input=" + out);
    assertEquals(0, reload.exitCode, reload.toString());
    JsonNode reloaded = report(runs, "load");
    assertEquals(3000, reloaded.path("figures").path("records read").asLong(), "rows in the files");
    assertEquals(table("limit_test"), table("people_json"));
  }

  @Test
  void jsonUnloadAndLoadRoundTrip() throws IOException {
    Path input = dir.resolve("people.csv");
    Files.write(input, peopleCsv(500), StandardCharsets.UTF_8);
    Path runs = dir.resolve("runs");
    session.execute("TRUNCATE " + cassandra.keyspace() + ".bad_input");
    assertEquals(0, Cli.run(cassandra, runs, "load", "--table=bad_input", "--input=" + input).exitCode);
    Path out = dir.resolve("json");
    assertEquals(0, Cli.run(cassandra, runs, "unload", "--table=bad_input", "--output=" + out,
        "--format=json").exitCode);
    session.execute("TRUNCATE " + cassandra.keyspace() + ".people_json");
    Cli load = Cli.run(cassandra, runs, "load", "--table=people_json", "--input=" + out);
    assertEquals(0, load.exitCode, load.toString());
    assertEquals(table("bad_input"), table("people_json"));
  }

  @Test
  void whatStopsTheRunGetsOneClearMessage() throws IOException {
    Path runs = dir.resolve("runs");
    Cli missing = Cli.run(cassandra, runs, "load", "--table=bad_input", "--input=" + dir.resolve("nope.csv"));
    assertEquals(2, missing.exitCode);
    assertTrue(missing.err.contains("nope.csv") && missing.err.contains("no such file"), missing.err);

    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    Cli emptyRun = Cli.run(cassandra, runs, "load", "--table=bad_input", "--input=" + empty);
    assertEquals(2, emptyRun.exitCode);
    assertTrue(emptyRun.err.contains("empty.csv") && emptyRun.err.contains("empty"), emptyRun.err);

    Path unknown = Files.writeString(dir.resolve("unknown.csv"), "id,name,shoe_size\n" + new UUID(1, 1) + ",a,42\n");
    Cli unknownRun = Cli.run(cassandra, runs, "load", "--table=bad_input", "--input=" + unknown);
    assertEquals(2, unknownRun.exitCode);
    assertTrue(unknownRun.err.contains("shoe_size") && unknownRun.err.contains("unknown.csv"), unknownRun.err);

    Path duplicate = Files.writeString(dir.resolve("dup.csv"), "id,name,name\n" + new UUID(1, 1) + ",a,b\n");
    Cli duplicateRun = Cli.run(cassandra, runs, "load", "--table=bad_input", "--input=" + duplicate);
    assertEquals(2, duplicateRun.exitCode);
    assertTrue(duplicateRun.err.contains("name") && duplicateRun.err.contains("dup.csv"), duplicateRun.err);

    Path xml = Files.writeString(dir.resolve("people.xml"), "<people/>");
    Cli xmlRun = Cli.run(cassandra, runs, "load", "--table=bad_input", "--input=" + xml);
    assertEquals(2, xmlRun.exitCode);
    assertTrue(xmlRun.err.contains("people.xml") && xmlRun.err.contains("--format"), xmlRun.err);

    Cli badFormat = Cli.run(cassandra, runs, "load", "--table=bad_input", "--input=" + xml, "--format=xml");
    assertEquals(2, badFormat.exitCode);
    assertTrue(badFormat.err.contains("--format must be one of"), badFormat.err);

    Cli badBatchMode = Cli.run(cassandra, runs, "load", "--table=bad_input", "--input=" + xml,
        "--format=csv", "--batchMode=per_row");
    assertEquals(2, badBatchMode.exitCode, badBatchMode.toString());
    assertTrue(badBatchMode.err.contains("--batchMode must be PARTITION or REPLICA_SET, got: per_row"),
        badBatchMode.err);

    Cli noTable = Cli.run(cassandra, runs, "count", "--table=no_such_table");
    assertEquals(2, noTable.exitCode);
    assertTrue(noTable.err.contains("no_such_table"), noTable.err);
  }

  @Test
  void perRecordProblemsInTheFileBecomeRejectsAndTheRestLoads() throws IOException {
    Path runs = dir.resolve("runs");
    session.execute("TRUNCATE " + cassandra.keyspace() + ".bad_input");
    byte[] good = ("id,name,age,joined,tags\n"
        + new UUID(3, 1) + ",ok one,1,2024-01-02T03:04:05Z,[]\n").getBytes(StandardCharsets.UTF_8);
    byte[] invalidUtf8 = (new UUID(3, 2) + ",bad \u00ff,2,2024-01-02T03:04:05Z,[]\n")
        .getBytes(StandardCharsets.ISO_8859_1);
    byte[] rest = (new UUID(3, 3) + ",ok three,3,2024-01-02T03:04:05Z,[]\n"
        + new UUID(3, 4) + ",\"multi\nline\",4,2024-01-02T03:04:05Z,[]\n"
        + new UUID(3, 5) + ",\"unterminated,5,2024-01-02T03:04:05Z,[]\n").getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("mixed.csv");
    Files.write(file, concat(good, invalidUtf8, rest));

    Cli load = Cli.run(cassandra, runs, "load", "--table=bad_input", "--input=" + file);

    assertEquals(0, load.exitCode, load.toString());
    assertEquals(3, count("bad_input"));
    Row multi = session.execute("SELECT name FROM " + cassandra.keyspace() + ".bad_input WHERE id = ?",
        new UUID(3, 4)).one();
    assertEquals("multi\nline", multi.getString(0));
    List<JsonNode> rejects = rejects(report(runs, "load"));
    assertEquals(2, rejects.size(), rejects.toString());
    Map<Long, String> reasons = new HashMap<>();
    rejects.forEach(r -> reasons.put(r.path("line").asLong(), r.path("reason").asText()));
    assertTrue(reasons.containsKey(3L) && reasons.get(3L).contains("UTF-8"), reasons.toString());
    assertTrue(reasons.containsKey(7L), "the unterminated quote starts on line 7: " + reasons);
  }

  @Test
  void aRunPastMaxErrorsStopsWithANonZeroExitAndSaysWhereTheRejectsAre() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("id,name,age,joined,tags");
    for (int i = 0; i < 50; i++) {
      lines.add("bad-" + i + ",x,1,2024-01-02T03:04:05Z,[]");
    }
    Path file = dir.resolve("bad.csv");
    Files.write(file, lines);
    Path runs = dir.resolve("runs");

    Cli load = Cli.run(cassandra, runs, "load", "--table=bad_input", "--input=" + file, "--maxErrors=10");

    assertEquals(1, load.exitCode, load.toString());
    assertTrue(load.err.contains("--maxErrors=10") && load.err.contains("rejects"), load.err);
    JsonNode report = report(runs, "load");
    assertEquals("STOPPED", report.path("status").asText());
    assertTrue(rejects(report).size() >= 11, "the rejects so far are on disk");
  }

  /** Every row of a table as text, sorted, for comparing two tables. */
  List<String> table(String name) {
    List<String> rows = new ArrayList<>();
    for (Row row : session.execute("SELECT id, name, age, joined, tags FROM " + cassandra.keyspace() + "."
        + name)) {
      rows.add(row.getFormattedContents());
    }
    rows.sort(null);
    return rows;
  }

  static byte[] concat(byte[]... parts) {
    int size = 0;
    for (byte[] p : parts) {
      size += p.length;
    }
    byte[] all = new byte[size];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}

package io.github.beamcassandra.pipelines.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import io.github.beamcassandra.pipelines.format.ParquetRecordWriter;
import io.github.beamcassandra.pipelines.format.RecordMapper;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.joda.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code unload --format=parquet} and {@code load} of Parquet files end to end against the real node. */
@ExtendWith(CassandraExtension.class)
class ParquetIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A column of every CQL type the CSV tests cover but counter (which needs a table of its own). */
  private static final String ALL_TYPES = "(id int PRIMARY KEY, a ascii, bi bigint, bl blob, bo boolean,"
      + " da date, de decimal, db double, du duration, fl float, ine inet, i int, si smallint, te text,"
      + " ti time, ts timestamp, tu timeuuid, tiny tinyint, u uuid, vc varchar, vi varint,"
      + " ve vector<float, 3>, li list<int>, se set<text>, mi map<int, text>, ma map<text, bigint>,"
      + " tup tuple<int, text>, ad frozen<address>,"
      + " nested map<text, frozen<list<frozen<tuple<timestamp, blob>>>>>, fr frozen<set<int>>)";
  private static final String PEOPLE = "(id uuid PRIMARY KEY, name text, age int, joined timestamp,"
      + " tags set<text>)";

  private static TestCassandra cassandra;
  private static CqlSession session;

  @TempDir
  Path dir;

  @BeforeAll
  static void tables(TestCassandra c) {
    cassandra = c;
    session = c.session();
    String ks = c.keyspace();
    session.execute("CREATE TYPE " + ks + ".address (street text, zip int, tags frozen<set<text>>)");
    for (String table : List.of("all_types", "all_types_copy")) {
      session.execute("CREATE TABLE " + ks + "." + table + " " + ALL_TYPES);
    }
    for (String table : List.of("counts", "counts_copy")) {
      session.execute("CREATE TABLE " + ks + "." + table + " (id int PRIMARY KEY, c counter)");
    }
    for (String table : List.of("people", "people_copy", "from_files")) {
      session.execute("CREATE TABLE " + ks + "." + table + " " + PEOPLE);
    }
    String insert = "INSERT INTO " + ks + ".all_types (id, a, bi, bl, bo, da, de, db, du, fl, ine, i, si, te, ti,"
        + " ts, tu, tiny, u, vc, vi, ve, li, se, mi, ma, tup, ad, nested, fr) VALUES ";
    session.execute(insert + "(1, 'ascii', 9223372036854775807, 0x0102, true, '2024-02-29', 12345.6789, 3.5,"
        + " 1y2mo3d4h5m6s7ms, 1.25, '10.0.0.1', -7, 300, 'multi\nline, \"quoted\" ünïcödé', '13:45:01.000005',"
        + " '2023-11-14T22:13:20.123Z', 5c6b8a70-9b2a-11ee-8c90-0242ac120002, -8,"
        + " 0b7e5d43-1a5c-4a5e-9c2b-3f4d5e6f7a8b, 'vc', -123456789012345678901234567890, [0.5, 1.5, 2.5],"
        + " [3, 1, 2], {'x', 'y,z'}, {1: 'one', 2: ''}, {'k': 9}, (4, 'four'),"
        + " {street: 'Main St', zip: 12345, tags: {'home'}}, {'n': [('2024-01-02T03:04:05Z', 0xcafe)]}, {5, 6})");
    session.execute("INSERT INTO " + ks + ".all_types (id) VALUES (2)");
    session.execute(insert + "(3, '', -9223372036854775808, 0x, false, '1969-12-31', 1234.5600, -0.0,"
        + " 0s, NaN, '2001:db8::1', -2147483648, -32768, '', '00:00:00', '1969-12-31T23:59:59.999Z',"
        + " 50554d6e-29bb-11e5-b345-feff819cdc9f, -128, 123e4567-e89b-42d3-a456-426614174000, ' ',"
        + " 0, [-1.0, 0.0, 3.25], [0], {''}, {-1: 'minus'}, {'': -1}, (null, null),"
        + " {street: null, zip: null, tags: null}, {'k': [(null, null)]}, {})");
    session.execute(insert + "(4, null, null, null, null, null, 1E+3, -Infinity, -1mo, Infinity, null, null,"
        + " null, null, null, null, null, null, null, null, null, null, null, null, null, null, (1, null),"
        + " null, null, null)");
    session.execute("UPDATE " + ks + ".counts SET c = c + 5 WHERE id = 1");
    session.execute("UPDATE " + ks + ".counts SET c = c - 3 WHERE id = 2");
  }

  @Test
  void everyTypeUnloadedToParquetLoadsIntoASecondTableUnchanged() throws IOException {
    Path runs = dir.resolve("runs");
    Path out = dir.resolve("parquet");

    Cli unload = Cli.run(cassandra, runs, "unload", "--table=all_types", "--output=" + out, "--format=parquet",
        "--splits=5");

    assertEquals(0, unload.exitCode, unload.toString());
    assertEquals(4, report(runs, "unload").path("figures").path("rows").asLong());
    List<Path> files = dataFiles(out);
    assertFalse(files.isEmpty());
    for (Path file : files) {
      assertTrue(file.getFileName().toString().matches("all_types-\\d{5}\\.parquet"), file.toString());
      assertEquals(CompressionCodecName.SNAPPY, codec(file), "snappy by default");
    }
    assertTrue(Files.readAllLines(out.resolve("_checkpoint.txt")).get(0).endsWith(" files=all_types-NNNNN.parquet"));

    Cli load = Cli.run(cassandra, runs, "load", "--table=all_types_copy", "--input=" + out);

    assertEquals(0, load.exitCode, load.toString());
    JsonNode figures = report(runs, "load").path("figures");
    assertEquals(4, figures.path("records read").asLong(), figures.toString());
    assertEquals(4, figures.path("written").asLong(), figures.toString());
    assertEquals(0, figures.path("rejected").asLong(), figures.toString());
    List<String> source = rows("all_types");
    assertEquals(4, source.size());
    assertTrue(source.get(2).contains("-0.0") && source.get(2).contains("NaN"), source.get(2));
    assertEquals(source, rows("all_types_copy"));

    Path counts = dir.resolve("counts");
    Cli counterUnload = Cli.run(cassandra, runs, "unload", "--table=counts", "--output=" + counts,
        "--format=parquet", "--compression=gzip");
    assertEquals(0, counterUnload.exitCode, counterUnload.toString());
    for (Path file : dataFiles(counts)) {
      assertEquals(CompressionCodecName.GZIP, codec(file), "--compression=gzip is Parquet's GZIP codec");
      assertTrue(file.getFileName().toString().endsWith(".parquet"), "no .gz suffix: " + file);
    }
    assertEquals(0, Cli.run(cassandra, runs, "load", "--table=counts_copy", "--input=" + counts).exitCode);
    assertEquals(List.of("[id:1, c:5]", "[id:2, c:-3]"), rows("counts_copy"));
  }

  @Test
  void unloadToParquetResumesAfterAStopAndHoldsEveryRowExactlyOnce() throws IOException {
    Path input = dir.resolve("people.csv");
    Files.write(input, LoadUnloadCountIT.peopleCsv(3000), StandardCharsets.UTF_8);
    Path runs = dir.resolve("runs");
    assertEquals(0, Cli.run(cassandra, runs, "load", "--table=people", "--input=" + input).exitCode);
    Path out = dir.resolve("out");
    Cli first = Cli.run(cassandra, runs, "unload", "--table=people", "--output=" + out, "--splits=12",
        "--format=parquet");
    assertEquals(0, first.exitCode, first.toString());

    Path checkpoint = LoadUnloadCountIT.stopAfterSevenOfTwelveRanges(out);

    Cli resumed = Cli.run(cassandra, runs, "unload", "--table=people", "--output=" + out, "--format=parquet",
        "--resume=true");

    assertEquals(0, resumed.exitCode, resumed.toString());
    assertEquals(13, Files.readAllLines(checkpoint).size());
    JsonNode report = report(runs, "unload");
    assertEquals(7, report.path("figures").path("ranges done before").asLong(), report.toString());
    assertTrue(dataFiles(out).stream().allMatch(p -> p.toString().endsWith(".parquet")));
    session.execute("TRUNCATE " + cassandra.keyspace() + ".people_copy");
    Cli reload = Cli.run(cassandra, runs, "load", "--table=people_copy", "--input=" + out);
    assertEquals(0, reload.exitCode, reload.toString());
    assertEquals(3000, report(runs, "load").path("figures").path("records read").asLong(), "rows in the files");
    assertEquals(rows("people"), rows("people_copy"));
  }

  @Test
  void badValuesAndNullKeysInAParquetFileBecomeRejectsAndTheRestLoads() throws IOException {
    Map<String, CqlType> columns = new LinkedHashMap<>();
    columns.put("id", CqlType.primitive(CqlType.Kind.TEXT));      // text in the file: a bad UUID can be there
    columns.put("name", CqlType.primitive(CqlType.Kind.TEXT));
    columns.put("age", CqlType.primitive(CqlType.Kind.BIGINT));   // the table's is an int: it may overflow
    columns.put("joined", CqlType.primitive(CqlType.Kind.TIMESTAMP));
    columns.put("tags", CqlType.of(DataTypes.listOf(DataTypes.TEXT)));
    List<Object[]> records = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      records.add(new Object[] {new UUID(5, i).toString(), "person " + i, (long) i, new Instant(1_700_000_000_000L),
          List.of("t" + i)});
    }
    records.get(2)[2] = 99_999_999_999L;   // record 3: int overflow
    records.get(4)[0] = null;              // record 5: null primary key
    records.get(6)[0] = "not-a-uuid";      // record 7: bad UUID
    Path file = dir.resolve("people.parquet");
    writeParquet(file, columns, records);
    Path runs = dir.resolve("runs");
    session.execute("TRUNCATE " + cassandra.keyspace() + ".from_files");

    Cli load = Cli.run(cassandra, runs, "load", "--table=from_files", "--input=" + file);

    assertEquals(0, load.exitCode, load.toString());
    assertEquals(7, count("from_files"));
    JsonNode report = report(runs, "load");
    JsonNode figures = report.path("figures");
    assertEquals(10, figures.path("records read").asLong(), figures.toString());
    assertEquals(7, figures.path("written").asLong(), figures.toString());
    assertEquals(3, figures.path("rejected").asLong(), figures.toString());
    Map<Long, JsonNode> byRecord = new HashMap<>();
    for (JsonNode reject : LoadUnloadCountIT.rejects(report)) {
      assertEquals(file.toString(), reject.path("source").asText().replaceFirst("^file:", ""));
      byRecord.put(reject.path("line").asLong(), reject);
    }
    assertEquals(List.of(3L, 5L, 7L), byRecord.keySet().stream().sorted().collect(Collectors.toList()));
    assertEquals("age", byRecord.get(3L).path("column").asText());
    assertTrue(byRecord.get(3L).path("reason").asText().contains("out of range for int"), byRecord.get(3L).toString());
    assertTrue(byRecord.get(3L).path("record").asText().contains("99999999999"), byRecord.get(3L).toString());
    assertEquals("id", byRecord.get(5L).path("column").asText());
    assertTrue(byRecord.get(5L).path("reason").asText().contains("null"), byRecord.get(5L).toString());
    assertTrue(byRecord.get(5L).path("record").asText().contains("person 5"), byRecord.get(5L).toString());
    assertEquals("id", byRecord.get(7L).path("column").asText());
    assertTrue(byRecord.get(7L).path("reason").asText().contains("not-a-uuid"), byRecord.get(7L).toString());
    Row loaded = session.execute("SELECT name, age, joined, tags FROM " + cassandra.keyspace()
        + ".from_files WHERE id = ?", new UUID(5, 10)).one();
    assertEquals("[name:'person 10', age:10, joined:'2023-11-14T22:13:20Z', tags:{'t10'}]",
        loaded.getFormattedContents().replace(".000Z", "Z"));
  }

  @Test
  void unknownFieldsAndFilesThatAreNotParquetStopTheRunNamingThem() throws IOException {
    Map<String, CqlType> columns = new LinkedHashMap<>();
    columns.put("id", CqlType.primitive(CqlType.Kind.UUID));
    columns.put("name", CqlType.primitive(CqlType.Kind.TEXT));
    columns.put("shoe_size", CqlType.primitive(CqlType.Kind.INT));
    Path file = dir.resolve("shoes.parquet");
    writeParquet(file, columns, List.of(new Object[] {new UUID(6, 1), "a", 42}, new Object[] {new UUID(6, 2), "b", 43}));
    Path runs = dir.resolve("runs");

    Cli unknown = Cli.run(cassandra, runs, "load", "--table=from_files", "--input=" + file);
    assertEquals(2, unknown.exitCode, unknown.toString());
    assertTrue(unknown.err.contains("shoe_size") && unknown.err.contains("shoes.parquet"), unknown.err);

    Cli picked = Cli.run(cassandra, runs, "load", "--table=from_files", "--input=" + file, "--columns=id,name");
    assertEquals(0, picked.exitCode, picked.toString());
    assertEquals("b", session.execute("SELECT name FROM " + cassandra.keyspace() + ".from_files WHERE id = ?",
        new UUID(6, 2)).one().getString(0));

    Cli missing = Cli.run(cassandra, runs, "load", "--table=from_files", "--input=" + file, "--columns=id,age");
    assertEquals(2, missing.exitCode, missing.toString());
    assertTrue(missing.err.contains("--columns") && missing.err.contains("'age'"), missing.err);

    Path fake = Files.writeString(dir.resolve("fake.parquet"), "id,name\n" + new UUID(1, 1) + ",a\n");
    Cli notParquet = Cli.run(cassandra, runs, "load", "--table=from_files", "--input=" + fake);
    assertEquals(2, notParquet.exitCode, notParquet.toString());
    assertTrue(notParquet.err.contains("fake.parquet cannot be read as a Parquet file"), notParquet.err);

    Cli badCompression = Cli.run(cassandra, runs, "unload", "--table=from_files", "--output=" + dir.resolve("x"),
        "--compression=snappy");
    assertEquals(2, badCompression.exitCode, badCompression.toString());
    assertTrue(badCompression.err.contains("--compression must be none or gzip for --format=csv"),
        badCompression.err);
  }

  /** A Parquet file of {@code records} (values in column order, as Beam holds them) with ParquetRecordWriter. */
  static void writeParquet(Path file, Map<String, CqlType> columns, List<Object[]> records) throws IOException {
    Schema schema = RecordMapper.of(columns, Map.of(), new ArrayList<>(columns.keySet())).schema();
    try (ParquetRecordWriter writer = new ParquetRecordWriter(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), "people", columns, CompressionCodecName.SNAPPY)) {
      for (Object[] values : records) {
        writer.write(org.apache.beam.sdk.values.Row.withSchema(schema).addValues(Arrays.asList(values)).build());
      }
    }
  }

  static CompressionCodecName codec(Path file) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(
        new org.apache.hadoop.fs.Path(file.toUri()), new Configuration(false)))) {
      return reader.getFooter().getBlocks().get(0).getColumns().get(0).getCodec();
    }
  }

  static List<Path> dataFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !p.getFileName().toString().startsWith("_")
          && !p.getFileName().toString().startsWith(".")).sorted().collect(Collectors.toList());
    }
  }

  long count(String table) {
    return session.execute("SELECT count(*) FROM " + cassandra.keyspace() + "." + table).one().getLong(0);
  }

  /** Every row of a table as CQL literals, sorted. */
  List<String> rows(String table) {
    List<String> rows = new ArrayList<>();
    for (Row row : session.execute("SELECT * FROM " + cassandra.keyspace() + "." + table)) {
      rows.add(row.getFormattedContents());
    }
    rows.sort(null);
    return rows;
  }

  static JsonNode report(Path runDir, String command) throws IOException {
    try (Stream<Path> runs = Files.list(runDir)) {
      Path run = runs.filter(p -> p.getFileName().toString().contains("-" + command + "-"))
          .sorted().reduce((a, b) -> b).orElseThrow();
      return JSON.readTree(run.resolve("report.json").toFile());
    }
  }
}

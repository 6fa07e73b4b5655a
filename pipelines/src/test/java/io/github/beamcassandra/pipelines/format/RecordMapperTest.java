package io.github.beamcassandra.pipelines.format;

import static io.github.beamcassandra.pipelines.format.Types.BIGINT;
import static io.github.beamcassandra.pipelines.format.Types.BLOB;
import static io.github.beamcassandra.pipelines.format.Types.INT;
import static io.github.beamcassandra.pipelines.format.Types.LIST_INT;
import static io.github.beamcassandra.pipelines.format.Types.TEXT;
import static io.github.beamcassandra.pipelines.format.Types.TIMESTAMP;
import static io.github.beamcassandra.pipelines.format.Types.UUID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.beamcassandra.transforms.schema.BeamSchemas;
import io.github.beamcassandra.transforms.schema.TableSpec;
import io.github.beamcassandra.transforms.schema.TableSpec.Column;
import io.github.beamcassandra.transforms.schema.TableSpec.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class RecordMapperTest {
  static final TableSpec TABLE = new TableSpec("ks", "events", List.of(
      new Column("id", UUID, Role.PARTITION_KEY),
      new Column("seq", INT, Role.CLUSTERING),
      new Column("name", TEXT, Role.REGULAR),
      new Column("at", TIMESTAMP, Role.REGULAR),
      new Column("data", BLOB, Role.REGULAR),
      new Column("counts", LIST_INT, Role.REGULAR)));
  static final String ID = "123e4567-e89b-42d3-a456-426614174000";

  @Test
  void schemaHasOneNullableFieldPerInputColumnInInputOrder() {
    RecordMapper mapper = RecordMapper.of(TABLE, Map.of("__ttl", FieldType.INT32),
        List.of("name", "id", "__ttl", "counts"));
    Schema expected = Schema.builder()
        .addNullableField("name", FieldType.STRING)
        .addNullableField("id", BeamSchemas.fieldType(UUID))
        .addNullableField("__ttl", FieldType.INT32)
        .addNullableField("counts", BeamSchemas.fieldType(LIST_INT))
        .build();
    assertEquals(expected, mapper.schema());
    assertEquals(List.of("name", "id", "__ttl", "counts"), mapper.columns());
  }

  @Test
  void unknownInputColumnsAreListedWithTheTablesColumns() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RecordMapper.of(TABLE, Map.of("__delete", FieldType.BOOLEAN),
            List.of("id", "nme", "seq", "when")));
    assertEquals("Unknown column(s) in the input: nme, when. Table ks.events has: id, seq, name, at, "
        + "data, counts; extra input columns: __delete", e.getMessage());
  }

  @Test
  void aHeaderNamingUnknownColumnsFailsBeforeAnyRecordIsMapped() {
    CsvReader reader = CsvReaderTest.open("id,seq,colour\n" + ID + ",1,red\n", CsvFormat.dsbulk());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RecordMapper.of(TABLE, Map.of(), reader.columnNames()));
    assertEquals("Unknown column(s) in the input: colour. Table ks.events has: id, seq, name, at, "
        + "data, counts", e.getMessage());
  }

  @Test
  void repeatedOrEmptyInputColumnsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RecordMapper.of(TABLE, Map.of(), Arrays.asList("id", "seq", "id", "")));
    assertEquals("Input columns [id, seq, id, ]: duplicate name \"id\" at positions 1 and 3; empty "
        + "name at position 4", e.getMessage());
  }

  @Test
  void extrasMayNotShadowTableColumnsOrHaveUnsupportedTypes() {
    IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
        () -> RecordMapper.of(TABLE, Map.of("name", FieldType.STRING), List.of("id")));
    assertEquals("Extra input column name has the name of a table column; give it another name",
        clash.getMessage());
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> RecordMapper.of(TABLE, Map.of("x", FieldType.array(FieldType.STRING)), List.of("id")));
    assertTrue(type.getMessage().startsWith("Extra input column x has Beam type ARRAY<STRING"),
        type.getMessage());
  }

  @Test
  void mapsCsvFieldsToTypedValues() {
    RecordMapper mapper = RecordMapper.of(TABLE, Map.of("__ttl", FieldType.INT32,
        "__day", FieldType.logicalType(SqlTypes.DATE)),
        List.of("id", "seq", "name", "at", "data", "counts", "__ttl", "__day"));
    MappingResult result = mapper.map(CsvRecord.of("f.csv", 2, "text", Arrays.asList(ID, "7", "bob",
        "2024-01-02 03:04:05", "0x0102", "[1,2]", "3600", "2024-05-06")));
    assertFalse(result.isRejected());
    Row row = result.row();
    assertEquals(java.util.UUID.fromString(ID), row.getValue("id"));
    assertEquals(7, (int) row.getInt32("seq"));
    assertEquals("bob", row.getString("name"));
    assertEquals(new Instant(1704164645000L), row.getDateTime("at"));
    assertArrayEquals(new byte[] {1, 2}, row.getBytes("data"));
    assertEquals(List.of(1, 2), row.getArray("counts"));
    assertEquals(3600, (int) row.getInt32("__ttl"));
    assertEquals(java.time.LocalDate.of(2024, 5, 6), row.getValue("__day"));
    assertNull(result.rejection());
  }

  @Test
  void emptyStringsAndNullsFollowDsbulk() {
    RecordMapper mapper = RecordMapper.of(TABLE, Map.of(), List.of("id", "seq", "name", "data"));
    Row quotedEmpty = mapper.map(CsvRecord.of("f.csv", 1, "", List.of("", "", "", ""))).row();
    assertNull(quotedEmpty.getValue("id"), "non-text empty is null");
    assertNull(quotedEmpty.getValue("seq"));
    assertEquals("", quotedEmpty.getString("name"), "text keeps the empty string");
    assertArrayEquals(new byte[0], quotedEmpty.getBytes("data"), "blob empty is zero bytes");
    Row nulls = mapper.map(CsvRecord.of("f.csv", 1, "", Arrays.asList(null, null, null, null))).row();
    assertEquals(Arrays.asList(null, null, null, null), nulls.getValues(),
        "a null primary key is left for the write transform to report");
  }

  @Test
  void aBadValueIsRejectedNamingTheColumn() {
    RecordMapper mapper = RecordMapper.of(TABLE, Map.of(), List.of("id", "seq"));
    MappingResult result = mapper.map(CsvRecord.of("f.csv", 9, ID + ",x", List.of(ID, "x")));
    assertTrue(result.isRejected());
    assertNull(result.row());
    Rejection rejection = result.rejection();
    assertEquals(new Rejection("f.csv", 9, "seq", "cannot read 'x' as int: not a number",
        ID + ",x"), rejection);
    assertEquals("f.csv line 9, column seq: cannot read 'x' as int: not a number",
        rejection.toString());
  }

  @Test
  void errorRecordsAndWrongFieldCountsAreRejectedWhole() {
    RecordMapper mapper = RecordMapper.of(TABLE, Map.of(), List.of("id", "seq"));
    Rejection error = mapper.map(CsvRecord.error("f.csv", 3, "\"x", "f.csv line 3: unterminated"))
        .rejection();
    assertEquals(new Rejection("f.csv", 3, null, "f.csv line 3: unterminated", "\"x"), error);
    assertEquals("f.csv line 3: unterminated", error.toString());
    Rejection count = mapper.map(CsvRecord.of("f.csv", 4, "a", List.of("a"))).rejection();
    assertEquals("f.csv line 4: 1 fields, but 2 input columns (id, seq)", count.toString());
  }

  @Test
  void mapsJsonDocumentsByKey() {
    RecordMapper mapper = RecordMapper.of(TABLE, Map.of("__wt", FieldType.INT64),
        List.of("id", "seq", "name", "counts", "__wt"));
    ObjectNode object = (ObjectNode) json("{\"seq\": 7, \"id\": \"" + ID + "\", \"name\": \"\", "
        + "\"counts\": [3], \"__wt\": 1700000000000000}");
    Row row = mapper.map(JsonRecord.of("f.json", 1, object.toString(), object)).row();
    assertEquals(Arrays.asList(java.util.UUID.fromString(ID), 7, "", List.of(3), 1700000000000000L),
        row.getValues());
  }

  @Test
  void missingJsonKeysAreNullAndUnknownKeysRejected() {
    RecordMapper mapper = RecordMapper.of(TABLE, Map.of(), List.of("id", "seq", "name"));
    ObjectNode partial = (ObjectNode) json("{\"id\": \"" + ID + "\"}");
    Row row = mapper.map(JsonRecord.of("f.json", 1, "{}", partial)).row();
    assertEquals(Arrays.asList(java.util.UUID.fromString(ID), null, null), row.getValues());

    ObjectNode extra = (ObjectNode) json("{\"id\": \"" + ID + "\", \"nme\": 1, \"x\": 2}");
    Rejection rejection = mapper.map(JsonRecord.of("f.json", 2, "{..}", extra)).rejection();
    assertEquals("nme", rejection.column());
    assertEquals("f.json line 2, column nme: unknown field(s) nme, x; the input columns are id, seq, "
        + "name", rejection.toString());
  }

  @Test
  void badJsonValuesAndJsonErrorRecordsAreRejected() {
    RecordMapper mapper = RecordMapper.of(TABLE, Map.of(), List.of("id", "counts"));
    ObjectNode bad = (ObjectNode) json("{\"id\": \"" + ID + "\", \"counts\": [1, \"two\"]}");
    Rejection rejection = mapper.map(JsonRecord.of("f.json", 5, bad.toString(), bad)).rejection();
    assertEquals("counts", rejection.column());
    assertEquals("cannot read '[1,\"two\"]' as list<int>: element 2: cannot read 'two' as int: not a "
        + "number", rejection.reason());
    Rejection error = mapper.map(JsonRecord.error("f.json", 6, "{", "f.json line 6: invalid JSON"))
        .rejection();
    assertNull(error.column());
    assertEquals("{", error.text());
  }

  @Test
  void worksFromNameToTypeMapsAndIsSerializable() throws Exception {
    Map<String, io.github.beamcassandra.transforms.schema.CqlType> columns = new LinkedHashMap<>();
    columns.put("k", BIGINT);
    RecordMapper mapper = RecordMapper.of(columns, Map.of(), List.of("k"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RecordMapper.of(columns, Map.of(), List.of("j")));
    assertEquals("Unknown column(s) in the input: j. The table has: k", e.getMessage());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(mapper);
    }
    RecordMapper copy = (RecordMapper) new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray())).readObject();
    assertEquals(5L, copy.map(CsvRecord.of("f", 1, "5", List.of("5"))).row().getInt64("k"));
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}

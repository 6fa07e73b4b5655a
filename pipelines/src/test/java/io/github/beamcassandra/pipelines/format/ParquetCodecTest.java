package io.github.beamcassandra.pipelines.format;

import static io.github.beamcassandra.pipelines.format.Types.ADDRESS;
import static io.github.beamcassandra.pipelines.format.Types.BIGINT;
import static io.github.beamcassandra.pipelines.format.Types.BLOB;
import static io.github.beamcassandra.pipelines.format.Types.BOOLEAN;
import static io.github.beamcassandra.pipelines.format.Types.COUNTER;
import static io.github.beamcassandra.pipelines.format.Types.DATE;
import static io.github.beamcassandra.pipelines.format.Types.DECIMAL;
import static io.github.beamcassandra.pipelines.format.Types.DOUBLE;
import static io.github.beamcassandra.pipelines.format.Types.DURATION;
import static io.github.beamcassandra.pipelines.format.Types.FLOAT;
import static io.github.beamcassandra.pipelines.format.Types.INET;
import static io.github.beamcassandra.pipelines.format.Types.INT;
import static io.github.beamcassandra.pipelines.format.Types.LIST_INT;
import static io.github.beamcassandra.pipelines.format.Types.MAP_INT_TEXT;
import static io.github.beamcassandra.pipelines.format.Types.SMALLINT;
import static io.github.beamcassandra.pipelines.format.Types.TEXT;
import static io.github.beamcassandra.pipelines.format.Types.TIME;
import static io.github.beamcassandra.pipelines.format.Types.TIMESTAMP;
import static io.github.beamcassandra.pipelines.format.Types.TIMEUUID;
import static io.github.beamcassandra.pipelines.format.Types.TINYINT;
import static io.github.beamcassandra.pipelines.format.Types.TUPLE_INT_TEXT;
import static io.github.beamcassandra.pipelines.format.Types.UUID;
import static io.github.beamcassandra.pipelines.format.Types.VARINT;
import static io.github.beamcassandra.pipelines.format.Types.VECTOR_FLOAT_3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.beam.sdk.values.Row;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetCodecTest {
  @TempDir
  Path dir;

  private static Schema field(Schema record, String name) {
    Schema union = record.getField(name).schema();
    assertEquals(Schema.Type.UNION, union.getType(), name + " is nullable");
    assertEquals(Schema.Type.NULL, union.getTypes().get(0).getType());
    return union.getTypes().get(1);
  }

  private static String logical(Schema schema) {
    return schema.getLogicalType() == null ? null : schema.getLogicalType().getName();
  }

  @Test
  void schemaHasOneNullableFieldPerColumnWithAvroTypesAndLogicalTypes() {
    Map<String, CqlType> columns = new LinkedHashMap<>();
    columns.put("t", TEXT);
    columns.put("i", INT);
    columns.put("s", SMALLINT);
    columns.put("ti", TINYINT);
    columns.put("b", BIGINT);
    columns.put("c", COUNTER);
    columns.put("f", FLOAT);
    columns.put("d", DOUBLE);
    columns.put("bo", BOOLEAN);
    columns.put("u", UUID);
    columns.put("tu", TIMEUUID);
    columns.put("ts", TIMESTAMP);
    columns.put("da", DATE);
    columns.put("tm", TIME);
    columns.put("bl", BLOB);
    columns.put("de", DECIMAL);
    columns.put("vi", VARINT);
    columns.put("du", DURATION);
    columns.put("ip", INET);
    columns.put("li", LIST_INT);
    columns.put("ve", VECTOR_FLOAT_3);
    columns.put("ma", MAP_INT_TEXT);
    columns.put("tup", TUPLE_INT_TEXT);
    columns.put("ad", ADDRESS);

    Schema schema = ParquetCodec.schema("my-table", columns);

    assertEquals("my_table", schema.getName());
    assertEquals(new ArrayList<>(columns.keySet()), schema.getFields().stream().map(Schema.Field::name)
        .collect(java.util.stream.Collectors.toList()));
    assertTrue(schema.getFields().stream().allMatch(f -> f.defaultVal() == org.apache.avro.JsonProperties.NULL_VALUE));
    for (String name : List.of("t", "de", "vi", "du", "ip")) {
      assertEquals(Schema.Type.STRING, field(schema, name).getType(), name);
      assertNull(logical(field(schema, name)), name);
    }
    for (String name : List.of("i", "s", "ti")) {
      assertEquals(Schema.Type.INT, field(schema, name).getType(), name);
    }
    assertEquals(Schema.Type.LONG, field(schema, "b").getType());
    assertEquals(Schema.Type.LONG, field(schema, "c").getType());
    assertEquals(Schema.Type.FLOAT, field(schema, "f").getType());
    assertEquals(Schema.Type.DOUBLE, field(schema, "d").getType());
    assertEquals(Schema.Type.BOOLEAN, field(schema, "bo").getType());
    assertEquals(Schema.Type.BYTES, field(schema, "bl").getType());
    assertEquals("uuid", logical(field(schema, "u")));
    assertEquals(Schema.Type.STRING, field(schema, "tu").getType());
    assertEquals("uuid", logical(field(schema, "tu")));
    assertEquals("timestamp-millis", logical(field(schema, "ts")));
    assertEquals(Schema.Type.LONG, field(schema, "ts").getType());
    assertEquals("date", logical(field(schema, "da")));
    assertEquals(Schema.Type.INT, field(schema, "da").getType());
    assertEquals("time-micros", logical(field(schema, "tm")));
    assertEquals(Schema.Type.LONG, field(schema, "tm").getType());
    assertEquals(Schema.createArray(Schema.create(Schema.Type.INT)), field(schema, "li"));
    assertEquals(Schema.createArray(Schema.create(Schema.Type.FLOAT)), field(schema, "ve"));
    assertEquals(Schema.createMap(Schema.create(Schema.Type.STRING)), field(schema, "ma"));
    Schema tuple = field(schema, "tup");
    assertEquals(Schema.Type.RECORD, tuple.getType());
    assertEquals(Schema.Type.INT, field(tuple, "f0").getType());
    assertEquals(Schema.Type.STRING, field(tuple, "f1").getType());
    Schema address = field(schema, "ad");
    assertEquals(List.of("street", "zip", "tags"), address.getFields().stream().map(Schema.Field::name)
        .collect(java.util.stream.Collectors.toList()));
    assertEquals(Schema.createArray(Schema.create(Schema.Type.STRING)), field(address, "tags"));
    assertTrue(!tuple.getFullName().equals(address.getFullName()), "nested records have names of their own");
  }

  @Test
  void aColumnNameParquetCannotTakeIsRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParquetCodec.schema("t", Map.of("Odd Name", INT)));
    assertTrue(e.getMessage().contains("'Odd Name'"), e.getMessage());
  }

  /**
   * Every CQL type's canonical value (NaN, -0.0, empty text and blob, nulls too), written to a real
   * Parquet file and read back, is unchanged.
   */
  @Test
  void everyTypeRoundTripsThroughAParquetFile() throws IOException {
    RoundTripRows rows = new RoundTripRows(false);
    List<Row> written = List.of(rows.full(), rows.emptyish());
    List<GenericRecord> records = writeAndRead(rows.columns, written, CompressionCodecName.SNAPPY);

    assertEquals(2, records.size());
    RecordMapper mapper = rows.mapper();
    for (int r = 0; r < written.size(); r++) {
      MappingResult result = mapper.map(records.get(r), "test.parquet", r + 1);
      assertTrue(!result.isRejected(), String.valueOf(result));
      List<CqlType> types = List.copyOf(rows.columns.values());
      for (int i = 0; i < types.size(); i++) {
        assertEquals(TextCodec.format(written.get(r).getValue(i), types.get(i)),
            TextCodec.format(result.row().getValue(i), types.get(i)),
            "row " + r + ", column " + written.get(r).getSchema().getField(i).getName());
      }
    }
  }

  @Test
  void gzipAndUncompressedFilesReadTheSame() throws IOException {
    Map<String, CqlType> columns = Map.of("x", TEXT);
    Row row = Row.withSchema(RecordMapper.of(columns, Map.of(), List.of("x")).schema()).addValue("abc").build();
    for (CompressionCodecName codec : List.of(CompressionCodecName.GZIP, CompressionCodecName.UNCOMPRESSED)) {
      List<GenericRecord> records = writeAndRead(columns, List.of(row), codec);
      assertEquals("abc", records.get(0).get("x").toString(), codec.name());
    }
  }

  @Test
  void timeKeepsMicrosecondsAndDropsFinerDigits() {
    Schema schema = LogicalTypes.timeMicros().addToSchema(Schema.create(Schema.Type.LONG));
    Object avro = ParquetCodec.toAvro(LocalTime.parse("13:45:00.123456789"), TIME, schema);
    assertEquals(49_500_123_456L, avro);
    assertEquals(LocalTime.parse("13:45:00.123456"), ParquetCodec.fromAvro(avro, schema, TIME));
  }

  @Test
  void numbersBecomeAnyNumericColumnOnlyWhenTheyFitExactly() {
    Schema longs = Schema.create(Schema.Type.LONG);
    assertEquals(42, ParquetCodec.fromAvro(42L, longs, INT));
    assertEquals((byte) -3, ParquetCodec.fromAvro(-3L, longs, TINYINT));
    assertEquals(new BigDecimal("42"), ParquetCodec.fromAvro(42L, longs, VARINT));
    ValueFormatException overflow = assertThrows(ValueFormatException.class,
        () -> ParquetCodec.fromAvro(99_999_999_999L, longs, INT));
    assertTrue(overflow.getMessage().contains("out of range"), overflow.getMessage());
    Schema doubles = Schema.create(Schema.Type.DOUBLE);
    assertEquals(0.5f, ParquetCodec.fromAvro(0.5d, doubles, FLOAT));
    ValueFormatException rounded = assertThrows(ValueFormatException.class,
        () -> ParquetCodec.fromAvro(0.1d, doubles, FLOAT));
    assertTrue(rounded.getMessage().contains("without rounding"), rounded.getMessage());
    assertThrows(ValueFormatException.class, () -> ParquetCodec.fromAvro(1.5d, doubles, INT));
    assertEquals(0.1f, ParquetCodec.fromAvro(0.1f, Schema.create(Schema.Type.FLOAT), FLOAT));
    assertEquals(new BigDecimal("0.1"), ParquetCodec.fromAvro(0.1f, Schema.create(Schema.Type.FLOAT), DECIMAL));
    Schema decimal = LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES));
    ByteBuffer bytes = new Conversions.DecimalConversion().toBytes(new BigDecimal("123.40"), decimal,
        decimal.getLogicalType());
    assertEquals(new BigDecimal("123.40"), ParquetCodec.fromAvro(bytes.duplicate(), decimal, DECIMAL));
    assertEquals(123.4d, ParquetCodec.fromAvro(bytes.duplicate(), decimal, DOUBLE));
    ValueFormatException wrongType = assertThrows(ValueFormatException.class,
        () -> ParquetCodec.fromAvro(true, Schema.create(Schema.Type.BOOLEAN), INT));
    assertTrue(wrongType.getMessage().contains("a Parquet boolean"), wrongType.getMessage());
  }

  @Test
  void temporalLogicalTypesAndPlainNumbersBecomeTemporalColumns() {
    Schema micros = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
    assertEquals(new Instant(1_700_000_000_123L), ParquetCodec.fromAvro(1_700_000_000_123_456L, micros, TIMESTAMP));
    assertEquals(new Instant(1_700_000_000_123L),
        ParquetCodec.fromAvro(1_700_000_000_123L, Schema.create(Schema.Type.LONG), TIMESTAMP));
    Schema date = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
    assertEquals(LocalDate.parse("2024-02-29"), ParquetCodec.fromAvro(19782, date, DATE));
    Schema millis = LogicalTypes.timeMillis().addToSchema(Schema.create(Schema.Type.INT));
    assertEquals(LocalTime.parse("00:00:01.500"), ParquetCodec.fromAvro(1500, millis, TIME));
    assertThrows(ValueFormatException.class, () -> ParquetCodec.fromAvro(-1L, Schema.create(Schema.Type.LONG), TIME));
    assertThrows(ValueFormatException.class, () -> ParquetCodec.fromAvro(19782, date, TIMESTAMP));
    assertEquals(new Instant(1_704_164_645_000L),
        ParquetCodec.fromAvro(new Utf8("2024-01-02T03:04:05Z"), Schema.create(Schema.Type.STRING), TIMESTAMP));
  }

  @Test
  void stringsAreReadAsCsvTextIsAndBytesOfSixteenAsUuids() {
    Schema string = Schema.create(Schema.Type.STRING);
    assertEquals(List.of(1, 2), ParquetCodec.fromAvro(new Utf8("[1,2]"), string, LIST_INT));
    assertNull(ParquetCodec.fromAvro(new Utf8(""), string, INT), "empty text is null, as in CSV");
    assertEquals("", ParquetCodec.fromAvro(new Utf8(""), string, TEXT));
    ValueFormatException bad = assertThrows(ValueFormatException.class,
        () -> ParquetCodec.fromAvro(new Utf8("not-a-uuid"), string, UUID));
    assertTrue(bad.getMessage().contains("'not-a-uuid'"), bad.getMessage());
    Schema fixed = Schema.createFixed("u", null, null, 16);
    byte[] raw = ByteBuffer.allocate(16).putLong(0x123e4567e89b42d3L).putLong(0xa456426614174000L).array();
    assertEquals(java.util.UUID.fromString("123e4567-e89b-42d3-a456-426614174000"),
        ParquetCodec.fromAvro(new GenericData.Fixed(fixed, raw), fixed, UUID));
    assertArrayEquals(raw, (byte[]) ParquetCodec.fromAvro(ByteBuffer.wrap(raw), Schema.create(Schema.Type.BYTES), BLOB));
  }

  @Test
  void collectionsTuplesAndUdtsNameWhatIsWrongInside() {
    Schema ints = Schema.createArray(Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.INT)));
    ValueFormatException nullElement = assertThrows(ValueFormatException.class,
        () -> ParquetCodec.fromAvro(Arrays.asList(1, null), ints, LIST_INT));
    assertTrue(nullElement.getMessage().contains("element 2 is null"), nullElement.getMessage());
    Schema floats = Schema.createArray(Schema.create(Schema.Type.FLOAT));
    ValueFormatException shortVector = assertThrows(ValueFormatException.class,
        () -> ParquetCodec.fromAvro(List.of(1f, 2f), floats, VECTOR_FLOAT_3));
    assertTrue(shortVector.getMessage().contains("2 elements, but the vector has 3"), shortVector.getMessage());
    Schema texts = Schema.createMap(Schema.create(Schema.Type.STRING));
    ValueFormatException badKey = assertThrows(ValueFormatException.class,
        () -> ParquetCodec.fromAvro(Map.of(new Utf8("x"), new Utf8("v")), texts, MAP_INT_TEXT));
    assertTrue(badKey.getMessage().contains("key 'x'"), badKey.getMessage());
    assertEquals(Map.of(7, "v"), ParquetCodec.fromAvro(Map.of(new Utf8("7"), new Utf8("v")), texts, MAP_INT_TEXT));

    Schema address = ParquetCodec.schema("t", Map.of("ad", ADDRESS)).getField("ad").schema().getTypes().get(1);
    GenericData.Record udt = new GenericData.Record(address);
    udt.put("street", "Main St");
    udt.put("zip", 12345);
    Row row = (Row) ParquetCodec.fromAvro(udt, address, ADDRESS);
    assertEquals("Main St", row.getString("street"));
    assertNull(row.getValue("tags"));
    Schema other = Schema.createRecord("other", null, "x", false, List.of(new Schema.Field("floor",
        Schema.create(Schema.Type.INT))));
    GenericData.Record unknown = new GenericData.Record(other);
    unknown.put("floor", 3);
    ValueFormatException e = assertThrows(ValueFormatException.class, () -> ParquetCodec.fromAvro(unknown, other, ADDRESS));
    assertTrue(e.getMessage().contains("unknown field floor"), e.getMessage());
  }

  @Test
  void aRecordWithABadValueIsRejectedWithItsNumberColumnAndText() {
    Schema schema = ParquetCodec.schema("t", Map.of("id", TEXT, "n", BIGINT));
    GenericData.Record record = new GenericData.Record(schema);
    record.put("id", "a");
    record.put("n", 1L << 40);
    RecordMapper mapper = RecordMapper.of(Map.of("id", TEXT, "n", INT), Map.of(), List.of("id", "n"));

    MappingResult result = mapper.map(record, "f.parquet", 17);

    assertTrue(result.isRejected());
    assertEquals(new Rejection("f.parquet", 17, "n", result.rejection().reason(), record.toString()),
        result.rejection());
    assertTrue(result.rejection().reason().contains("out of range for int"), result.rejection().reason());
    assertTrue(result.rejection().text().contains("1099511627776"), result.rejection().text());
  }

  private List<GenericRecord> writeAndRead(Map<String, CqlType> columns, List<Row> rows,
      CompressionCodecName codec) throws IOException {
    Path file = dir.resolve("rows-" + codec + ".parquet");
    try (ParquetRecordWriter writer = new ParquetRecordWriter(FileChannel.open(file, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE), "t", columns, codec)) {
      for (Row row : rows) {
        writer.write(row);
      }
      assertEquals(rows.size(), writer.rowCount());
    }
    List<GenericRecord> records = new ArrayList<>();
    Configuration conf = new Configuration(false);
    try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
        HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(file.toUri()), conf))
        .withDataModel(GenericData.get()).withConf(conf).build()) {
      for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
        records.add(r);
      }
    }
    return records;
  }
}

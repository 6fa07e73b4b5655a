package io.github.beamcassandra.pipelines.format;

import static io.github.beamcassandra.pipelines.format.Types.BLOB;
import static io.github.beamcassandra.pipelines.format.Types.BOOLEAN;
import static io.github.beamcassandra.pipelines.format.Types.INT;
import static io.github.beamcassandra.pipelines.format.Types.MAP_INT_TEXT;
import static io.github.beamcassandra.pipelines.format.Types.TEXT;
import static io.github.beamcassandra.pipelines.format.Types.TIMESTAMP;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.beamcassandra.transforms.schema.BeamSchemas;
import io.github.beamcassandra.transforms.schema.CqlType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

class JsonRecordWriterTest {

  @Test
  void writesOneCompactObjectPerLineWithNulls() throws IOException {
    Map<String, CqlType> columns = CsvRecordWriterTest.columns("k", INT, "ok", BOOLEAN, "at",
        TIMESTAMP, "data", BLOB, "m", MAP_INT_TEXT, "note", TEXT);
    Schema.Builder builder = Schema.builder();
    columns.forEach((name, type) -> builder.addNullableField(name, BeamSchemas.fieldType(type)));
    Schema schema = builder.build();
    StringWriter out = new StringWriter();
    JsonRecordWriter writer = new JsonRecordWriter(out, columns);
    writer.write(Row.withSchema(schema).addValues(Arrays.asList(1, true, new Instant(0),
        new byte[] {1, 2, 3}, Map.of(2, "two"), null)).build());
    writer.write(Row.withSchema(schema).addValues(Arrays.asList(2, false, null, null, null, "x\ny"))
        .build());
    assertEquals("{\"k\":1,\"ok\":true,\"at\":\"1970-01-01T00:00:00Z\",\"data\":\"AQID\","
        + "\"m\":{\"2\":\"two\"},\"note\":null}\n"
        + "{\"k\":2,\"ok\":false,\"at\":null,\"data\":null,\"m\":null,\"note\":\"x\\ny\"}\n",
        out.toString());
    assertEquals(2, writer.rowCount());
  }

  @Test
  void rowsMustHaveEveryColumn() {
    JsonRecordWriter writer = new JsonRecordWriter(new StringWriter(),
        CsvRecordWriterTest.columns("absent", INT));
    Schema schema = Schema.builder().addNullableField("k", BeamSchemas.fieldType(INT)).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> writer.write(Row.withSchema(schema).addValue(1).build()));
    assertEquals("The row has no field(s) absent; its fields: k", e.getMessage());
  }

  @Test
  void everyCqlTypeRoundTripsThroughJson() throws IOException {
    RoundTripRows table = new RoundTripRows(true);
    List<Row> rows = List.of(table.full(), table.emptyish());
    StringWriter out = new StringWriter();
    JsonRecordWriter writer = new JsonRecordWriter(out, table.columns);
    for (Row row : rows) {
      writer.write(row);
    }
    JsonRecordReader reader = JsonRecordReader.open(
        new ByteArrayInputStream(out.toString().getBytes(UTF_8)), "round.json");
    RecordMapper mapper = table.mapper();
    List<Row> read = new ArrayList<>();
    reader.forEachRemaining(record -> {
      MappingResult result = mapper.map(record);
      assertFalse(result.isRejected(), () -> String.valueOf(result.rejection()));
      read.add(result.row());
    });
    assertEquals(rows, read);
  }
}

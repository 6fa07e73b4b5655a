package io.github.beamcassandra.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.reflect.GenericType;
import io.github.beamcassandra.local.junit.CassandraExtension;
import io.github.beamcassandra.local.junit.TestCassandra;
import io.github.beamcassandra.transforms.connection.CassandraConnection;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.schemas.logicaltypes.SqlTypes;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every CQL type written from its natural Beam type, and the scalar ones also from text. */
@ExtendWith(CassandraExtension.class)
class CassandraWriteTypesIT {
  private static final UUID TIMEUUID = UUID.fromString("5c6b8a70-9b2a-11ee-8c90-0242ac120002");
  private static final UUID RANDOM_UUID = UUID.fromString("0b7e5d43-1a5c-4a5e-9c2b-3f4d5e6f7a8b");
  private static final Schema ADDRESS = Schema.builder().addStringField("street").addInt32Field("zip").build();
  private static final Schema PAIR = Schema.builder().addInt32Field("f0").addStringField("f1").build();

  private static TestCassandra cassandra;
  private static CqlSession session;

  @BeforeAll
  static void createTable(TestCassandra c) {
    cassandra = c;
    session = c.session();
    String ks = c.keyspaceId().asCql(true);
    session.execute("CREATE TYPE " + ks + ".address (street text, zip int)");
    session.execute("CREATE TABLE " + ks + ".all_types (id int PRIMARY KEY, a ascii, bi bigint, bl blob,"
        + " bo boolean, da date, de decimal, db double, du duration, fl float, ine inet, i int,"
        + " si smallint, te text, ti time, ts timestamp, tu timeuuid, tiny tinyint, u uuid, vc varchar,"
        + " vi varint, ve vector<float, 3>, li list<int>, se set<text>, ma map<text, bigint>,"
        + " tup tuple<int, text>, ad frozen<address>, nested map<text, frozen<list<int>>>,"
        + " fr frozen<set<int>>)");
  }

  private static Cassandra.Write<Row> write() {
    return Cassandra.<Row>write()
        .withConnection(CassandraConnection.create().withContactPoints(cassandra.contactPointsOption())
            .withLocalDatacenter(cassandra.localDatacenter()))
        .withKeyspace(cassandra.keyspace()).withTable("all_types");
  }

  @Test
  void naturalBeamTypesRoundTrip() throws Exception {
    Schema schema = Schema.builder()
        .addInt32Field("id").addStringField("a").addInt64Field("bi").addByteArrayField("bl")
        .addBooleanField("bo").addLogicalTypeField("da", SqlTypes.DATE).addDecimalField("de")
        .addDoubleField("db").addStringField("du").addFloatField("fl").addStringField("ine")
        .addInt32Field("i").addInt16Field("si").addStringField("te")
        .addLogicalTypeField("ti", SqlTypes.TIME).addDateTimeField("ts").addStringField("tu")
        .addByteField("tiny").addLogicalTypeField("u", new org.apache.beam.sdk.schemas.logicaltypes.UuidLogicalType()).addStringField("vc")
        .addInt64Field("vi").addArrayField("ve", FieldType.FLOAT).addArrayField("li", FieldType.INT32)
        .addIterableField("se", FieldType.STRING).addMapField("ma", FieldType.STRING, FieldType.INT64)
        .addRowField("tup", PAIR).addRowField("ad", ADDRESS)
        .addMapField("nested", FieldType.STRING, FieldType.array(FieldType.INT32))
        .addArrayField("fr", FieldType.INT32)
        .build();
    Row row = Row.withSchema(schema).withFieldValue("id", 1).withFieldValue("a", "plain ascii")
        .withFieldValue("bi", Long.MAX_VALUE).withFieldValue("bl", new byte[] {1, 2, 3})
        .withFieldValue("bo", true).withFieldValue("da", LocalDate.of(2024, 2, 29))
        .withFieldValue("de", new BigDecimal("12345.6789")).withFieldValue("db", 3.5)
        .withFieldValue("du", "1h30m").withFieldValue("fl", 1.25f).withFieldValue("ine", "192.168.1.10")
        .withFieldValue("i", -7).withFieldValue("si", (short) 300).withFieldValue("te", "ünïcødé text")
        .withFieldValue("ti", LocalTime.of(13, 45, 1, 5000))
        .withFieldValue("ts", new org.joda.time.Instant(1_700_000_000_123L))
        .withFieldValue("tu", TIMEUUID.toString()).withFieldValue("tiny", (byte) -8)
        .withFieldValue("u", RANDOM_UUID).withFieldValue("vc", "varchar")
        .withFieldValue("vi", 123456789L).withFieldValue("ve", List.of(0.5f, 1.5f, 2.5f))
        .withFieldValue("li", List.of(3, 1, 2)).withFieldValue("se", List.of("x", "y"))
        .withFieldValue("ma", Map.of("k", 9L))
        .withFieldValue("tup", Row.withSchema(PAIR).addValues(4, "four").build())
        .withFieldValue("ad", Row.withSchema(ADDRESS).addValues("Main St", 12345).build())
        .withFieldValue("nested", Map.of("n", List.of(1, 2)))
        .withFieldValue("fr", List.of(5, 6))
        .build();

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply(Create.of(row).withRowSchema(schema)).apply(write().withFailOnError(true));
    p.run().waitUntilFinish();

    com.datastax.oss.driver.api.core.cql.Row r = session.execute(
        "SELECT * FROM " + cassandra.keyspace() + ".all_types WHERE id = 1").one();
    assertEquals("plain ascii", r.getString("a"));
    assertEquals(Long.MAX_VALUE, r.getLong("bi"));
    assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), r.getByteBuffer("bl"));
    assertTrue(r.getBoolean("bo"));
    assertEquals(LocalDate.of(2024, 2, 29), r.getLocalDate("da"));
    assertEquals(new BigDecimal("12345.6789"), r.getBigDecimal("de"));
    assertEquals(3.5, r.getDouble("db"));
    assertEquals(CqlDuration.from("1h30m"), r.getCqlDuration("du"));
    assertEquals(1.25f, r.getFloat("fl"));
    assertEquals(InetAddress.getByName("192.168.1.10"), r.getInetAddress("ine"));
    assertEquals(-7, r.getInt("i"));
    assertEquals((short) 300, r.getShort("si"));
    assertEquals("ünïcødé text", r.getString("te"));
    assertEquals(LocalTime.of(13, 45, 1, 5000), r.getLocalTime("ti"));
    assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), r.getInstant("ts"));
    assertEquals(TIMEUUID, r.getUuid("tu"));
    assertEquals((byte) -8, r.getByte("tiny"));
    assertEquals(RANDOM_UUID, r.getUuid("u"));
    assertEquals("varchar", r.getString("vc"));
    assertEquals(BigInteger.valueOf(123456789L), r.getBigInteger("vi"));
    assertEquals(CqlVector.newInstance(0.5f, 1.5f, 2.5f), r.getVector("ve", Float.class));
    assertEquals(List.of(3, 1, 2), r.getList("li", Integer.class));
    assertEquals(Set.of("x", "y"), r.getSet("se", String.class));
    assertEquals(Map.of("k", 9L), r.getMap("ma", String.class, Long.class));
    TupleValue tuple = r.getTupleValue("tup");
    assertEquals(4, tuple.getInt(0));
    assertEquals("four", tuple.getString(1));
    UdtValue address = r.getUdtValue("ad");
    assertEquals("Main St", address.getString("street"));
    assertEquals(12345, address.getInt("zip"));
    assertEquals(Map.of("n", List.of(1, 2)),
        r.get("nested", GenericType.mapOf(GenericType.STRING, GenericType.listOf(Integer.class))));
    assertEquals(Set.of(5, 6), r.getSet("fr", Integer.class));
  }

  @Test
  void scalarsAlsoArriveAsText() throws Exception {
    String[] columns = {"a", "bi", "bl", "bo", "da", "de", "db", "du", "fl", "ine", "i", "si", "te", "ti",
        "ts", "tu", "tiny", "u", "vc", "vi"};
    String[] values = {"ascii", "-42", "0x0a0b", "false", "2000-01-01", "0.1", "1e3", "P1DT2H", "2.5",
        "::1", "2147483647", "-32768", "text", "23:59:59.999999999", "2024-03-01T12:00:00.5Z",
        TIMEUUID.toString(), "127", RANDOM_UUID.toString(), "vc", "-99999999999999999999999"};
    Schema.Builder builder = Schema.builder().addInt32Field("id");
    for (String column : columns) {
      builder.addStringField(column);
    }
    Schema schema = builder.build();
    Row.Builder row = Row.withSchema(schema).addValue(2);
    for (String value : values) {
      row.addValue(value);
    }

    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    p.apply(Create.of(row.build()).withRowSchema(schema)).apply(write().withFailOnError(true));
    p.run().waitUntilFinish();

    com.datastax.oss.driver.api.core.cql.Row r = session.execute(
        "SELECT * FROM " + cassandra.keyspace() + ".all_types WHERE id = 2").one();
    assertEquals("ascii", r.getString("a"));
    assertEquals(-42L, r.getLong("bi"));
    assertEquals(ByteBuffer.wrap(new byte[] {10, 11}), r.getByteBuffer("bl"));
    assertEquals(false, r.getBoolean("bo"));
    assertEquals(LocalDate.of(2000, 1, 1), r.getLocalDate("da"));
    assertEquals(new BigDecimal("0.1"), r.getBigDecimal("de"));
    assertEquals(1000.0, r.getDouble("db"));
    assertEquals(CqlDuration.from("P1DT2H"), r.getCqlDuration("du"));
    assertEquals(2.5f, r.getFloat("fl"));
    assertEquals(InetAddress.getByName("::1"), r.getInetAddress("ine"));
    assertEquals(Integer.MAX_VALUE, r.getInt("i"));
    assertEquals(Short.MIN_VALUE, r.getShort("si"));
    assertEquals(LocalTime.of(23, 59, 59, 999_999_999), r.getLocalTime("ti"));
    assertEquals(Instant.parse("2024-03-01T12:00:00.5Z"), r.getInstant("ts"));
    assertEquals(TIMEUUID, r.getUuid("tu"));
    assertEquals((byte) 127, r.getByte("tiny"));
    assertEquals(RANDOM_UUID, r.getUuid("u"));
    assertEquals(new BigInteger("-99999999999999999999999"), r.getBigInteger("vi"));
  }
}

package io.github.beamcassandra.transforms.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.data.CqlDuration;
import com.datastax.oss.driver.api.core.data.CqlVector;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import io.github.beamcassandra.transforms.schema.CqlType.Kind;
import io.github.beamcassandra.transforms.schema.ValueConverter.ConversionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.Schema.FieldType;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

class ValueConverterTest {
  private static Object convert(Object value, CqlType type) {
    return ValueConverter.convert(value, type, type.toDriver());
  }

  private static CqlType p(Kind kind) {
    return CqlType.primitive(kind);
  }

  @Test
  void integersNarrowOnlyWhenTheyFit() {
    assertEquals(42, convert(42L, p(Kind.INT)));
    assertEquals((short) -5, convert(-5, p(Kind.SMALLINT)));
    assertEquals((byte) 127, convert("127", p(Kind.TINYINT)));
    assertEquals(new BigInteger("123456789012345678901234567890"),
        convert("123456789012345678901234567890", p(Kind.VARINT)));
    ConversionException overflow = assertThrows(ConversionException.class,
        () -> convert(2_147_483_648L, p(Kind.INT)));
    assertEquals("2147483648 is out of range for int (-2147483648 to 2147483647)", overflow.getMessage());
    assertThrows(ConversionException.class, () -> convert(128, p(Kind.TINYINT)));
    ConversionException fraction = assertThrows(ConversionException.class, () -> convert("1.5", p(Kind.BIGINT)));
    assertEquals("1.5 is not a whole number, as bigint needs", fraction.getMessage());
  }

  @Test
  void everyTypeTheConstructionCheckAcceptsForADateConvertsToItsDay() {
    FieldType datetime = FieldType.logicalType(org.apache.beam.sdk.schemas.logicaltypes.SqlTypes.DATETIME);
    assertEquals(Optional.empty(), ValueConverter.incompatibility(datetime, p(Kind.DATE)));
    assertEquals(LocalDate.of(2024, 3, 1),
        convert(java.time.LocalDateTime.of(2024, 3, 1, 23, 59, 59), p(Kind.DATE)));
    assertEquals(LocalDate.of(2024, 3, 1), convert(Instant.parse("2024-03-01T23:59:59Z"), p(Kind.DATE)));
    assertEquals(LocalDate.of(1970, 1, 11), convert(10, p(Kind.DATE)));
  }

  @Test
  void stringsParseIntoScalars() {
    UUID uuid = UUID.randomUUID();
    assertEquals(uuid, convert(uuid.toString(), p(Kind.UUID)));
    assertEquals(LocalDate.of(2024, 3, 1), convert("2024-03-01", p(Kind.DATE)));
    assertEquals(LocalTime.of(13, 45, 0, 123_000_000), convert("13:45:00.123", p(Kind.TIME)));
    assertEquals(Instant.parse("2024-03-01T12:00:00Z"), convert("2024-03-01T12:00:00Z", p(Kind.TIMESTAMP)));
    assertEquals(Instant.parse("2024-03-01T10:00:00Z"), convert("2024-03-01 12:00:00+02:00", p(Kind.TIMESTAMP)));
    assertEquals(new BigDecimal("12.340"), convert("12.340", p(Kind.DECIMAL)));
    assertEquals(CqlDuration.from("1h30m"), convert("1h30m", p(Kind.DURATION)));
    assertEquals(ByteBuffer.wrap(new byte[] {1, 2}), convert("0x0102", p(Kind.BLOB)));
    assertEquals(ByteBuffer.wrap(new byte[] {1, 2}), convert("AQI=", p(Kind.BLOB)));
    assertEquals(true, convert("TRUE", p(Kind.BOOLEAN)));
  }

  @Test
  void inetTakesLiteralAddressesOnly() throws Exception {
    assertEquals(InetAddress.getByName("10.1.2.3"), convert("10.1.2.3", p(Kind.INET)));
    assertEquals(InetAddress.getByName("::1"), convert("::1", p(Kind.INET)));
    assertThrows(ConversionException.class, () -> convert("example.com", p(Kind.INET)));
  }

  @Test
  void badTextSaysWhatItIsNot() {
    assertEquals("'nope' is not a UUID",
        assertThrows(ConversionException.class, () -> convert("nope", p(Kind.UUID))).getMessage());
    assertEquals("'2024-13-01' is not a date (ISO-8601, e.g. 2024-03-01)",
        assertThrows(ConversionException.class, () -> convert("2024-13-01", p(Kind.DATE))).getMessage());
    assertTrue(assertThrows(ConversionException.class, () -> convert("yesterday", p(Kind.TIMESTAMP)))
        .getMessage().startsWith("'yesterday' is not a timestamp"));
    assertTrue(assertThrows(ConversionException.class, () -> convert("é", p(Kind.ASCII)))
        .getMessage().contains("non-ASCII"));
  }

  @Test
  void aTimeuuidMustBeVersion1() {
    UUID v1 = UUID.fromString("5c6b8a70-9b2a-11ee-8c90-0242ac120002");
    assertEquals(v1, convert(v1.toString(), p(Kind.TIMEUUID)));
    ConversionException v4 = assertThrows(ConversionException.class,
        () -> convert("0b7e5d43-1a5c-4a5e-9c2b-3f4d5e6f7a8b", p(Kind.TIMEUUID)));
    assertEquals("0b7e5d43-1a5c-4a5e-9c2b-3f4d5e6f7a8b is a version 4 UUID; a timeuuid must be version 1",
        v4.getMessage());
  }

  @Test
  void collectionsConvertTheirElements() {
    CqlType list = CqlType.of(DataTypes.listOf(DataTypes.INT));
    assertEquals(List.of(1, 2, 3), convert(List.of(1L, 2L, 3L), list));
    CqlType set = CqlType.of(DataTypes.setOf(DataTypes.TEXT));
    assertEquals(Set.of("a", "b"), convert(List.of("a", "b"), set));
    CqlType map = CqlType.of(DataTypes.mapOf(DataTypes.TEXT, DataTypes.BIGINT));
    assertEquals(Map.of("x", 1L), convert(Map.of("x", 1), map));
    assertThrows(ConversionException.class, () -> convert(java.util.Arrays.asList(1, null), list));
  }

  @Test
  void vectorsMustHaveTheirDimension() {
    CqlType vector = CqlType.of(DataTypes.vectorOf(DataTypes.FLOAT, 3));
    assertEquals(CqlVector.newInstance(1f, 2f, 3f), convert(List.of(1.0, 2.0, 3.0), vector));
    ConversionException wrong = assertThrows(ConversionException.class, () -> convert(List.of(1.0f), vector));
    assertEquals("a vector of 1 elements does not fit vector<float, 3>, which takes exactly 3", wrong.getMessage());
  }

  @Test
  void rowsBecomeUserDefinedTypesByFieldName() {
    com.datastax.oss.driver.api.core.type.UserDefinedType address =
        new com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder("ks", "address")
            .withField("street", DataTypes.TEXT).withField("zip", DataTypes.INT).build();
    CqlType type = CqlType.of(address);
    Schema schema = Schema.builder().addStringField("street").addInt64Field("zip").build();
    UdtValue udt = (UdtValue) convert(Row.withSchema(schema).addValues("Main St", 12345L).build(), type);
    assertEquals("Main St", udt.getString("street"));
    assertEquals(12345, udt.getInt("zip"));
  }

  @Test
  void theConstructionCheckRefusesWhatCanNeverConvert() {
    assertEquals(Optional.of("a Beam BOOLEAN can never become CQL int"),
        ValueConverter.incompatibility(FieldType.BOOLEAN, p(Kind.INT)));
    assertEquals(Optional.empty(), ValueConverter.incompatibility(FieldType.STRING, p(Kind.UUID)));
    assertEquals(Optional.empty(), ValueConverter.incompatibility(FieldType.INT64, p(Kind.INT)));
    assertEquals(Optional.of("a Beam STRING can never become CQL list<int>"),
        ValueConverter.incompatibility(FieldType.STRING, CqlType.of(DataTypes.listOf(DataTypes.INT))));
    assertEquals(Optional.empty(), ValueConverter.incompatibility(
        FieldType.array(FieldType.DOUBLE), CqlType.of(DataTypes.vectorOf(DataTypes.FLOAT, 2))));
  }
}

package io.github.beamcassandra.pipelines.format;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import io.github.beamcassandra.transforms.schema.CqlType;
import io.github.beamcassandra.transforms.schema.CqlType.Kind;

/** CQL types for tests. */
final class Types {
  static final CqlType TEXT = CqlType.primitive(Kind.TEXT);
  static final CqlType ASCII = CqlType.primitive(Kind.ASCII);
  static final CqlType INT = CqlType.primitive(Kind.INT);
  static final CqlType BIGINT = CqlType.primitive(Kind.BIGINT);
  static final CqlType SMALLINT = CqlType.primitive(Kind.SMALLINT);
  static final CqlType TINYINT = CqlType.primitive(Kind.TINYINT);
  static final CqlType VARINT = CqlType.primitive(Kind.VARINT);
  static final CqlType COUNTER = CqlType.primitive(Kind.COUNTER);
  static final CqlType DECIMAL = CqlType.primitive(Kind.DECIMAL);
  static final CqlType FLOAT = CqlType.primitive(Kind.FLOAT);
  static final CqlType DOUBLE = CqlType.primitive(Kind.DOUBLE);
  static final CqlType BOOLEAN = CqlType.primitive(Kind.BOOLEAN);
  static final CqlType BLOB = CqlType.primitive(Kind.BLOB);
  static final CqlType UUID = CqlType.primitive(Kind.UUID);
  static final CqlType TIMEUUID = CqlType.primitive(Kind.TIMEUUID);
  static final CqlType INET = CqlType.primitive(Kind.INET);
  static final CqlType DURATION = CqlType.primitive(Kind.DURATION);
  static final CqlType DATE = CqlType.primitive(Kind.DATE);
  static final CqlType TIME = CqlType.primitive(Kind.TIME);
  static final CqlType TIMESTAMP = CqlType.primitive(Kind.TIMESTAMP);

  static final CqlType LIST_INT = CqlType.of(DataTypes.listOf(DataTypes.INT));
  static final CqlType LIST_TEXT = CqlType.of(DataTypes.listOf(DataTypes.TEXT));
  static final CqlType SET_TEXT = CqlType.of(DataTypes.setOf(DataTypes.TEXT));
  static final CqlType MAP_TEXT_INT = CqlType.of(DataTypes.mapOf(DataTypes.TEXT, DataTypes.INT));
  static final CqlType MAP_INT_TEXT = CqlType.of(DataTypes.mapOf(DataTypes.INT, DataTypes.TEXT));
  static final CqlType TUPLE_INT_TEXT = CqlType.of(DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT));
  static final CqlType VECTOR_FLOAT_3 = CqlType.of(DataTypes.vectorOf(DataTypes.FLOAT, 3));
  /** address: {street text, zip int, tags frozen<set<text>>}. */
  static final CqlType ADDRESS = CqlType.of(udt("address",
      "street", DataTypes.TEXT, "zip", DataTypes.INT, "tags", DataTypes.frozenSetOf(DataTypes.TEXT)));
  static final CqlType NESTED = CqlType.of(DataTypes.mapOf(DataTypes.TEXT,
      DataTypes.frozenListOf(DataTypes.tupleOf(DataTypes.TIMESTAMP, DataTypes.BLOB))));

  private Types() {}

  static DataType udt(String name, Object... fields) {
    UserDefinedTypeBuilder builder =
        new UserDefinedTypeBuilder(CqlIdentifier.fromInternal("ks"), CqlIdentifier.fromInternal(name));
    for (int i = 0; i < fields.length; i += 2) {
      builder.withField(CqlIdentifier.fromInternal((String) fields[i]), (DataType) fields[i + 1]);
    }
    return builder.frozen().build();
  }
}

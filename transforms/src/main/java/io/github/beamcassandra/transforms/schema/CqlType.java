package io.github.beamcassandra.transforms.schema;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.ListType;
import com.datastax.oss.driver.api.core.type.MapType;
import com.datastax.oss.driver.api.core.type.SetType;
import com.datastax.oss.driver.api.core.type.TupleType;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.api.core.type.VectorType;
import com.datastax.oss.driver.internal.core.type.UserDefinedTypeBuilder;
import com.datastax.oss.protocol.internal.ProtocolConstants;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A CQL type as a small serializable tree, so that pipeline construction can hand a table's types to
 * workers (the driver's own {@code DataType}s are not all serializable, e.g. vectors). {@link
 * #toDriver()} rebuilds the driver's type on the worker.
 */
public final class CqlType implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Every CQL type; {@code varchar} is {@code text}. */
  public enum Kind {
    ASCII, BIGINT, BLOB, BOOLEAN, COUNTER, DATE, DECIMAL, DOUBLE, DURATION, FLOAT, INET, INT,
    SMALLINT, TEXT, TIME, TIMESTAMP, TIMEUUID, TINYINT, UUID, VARINT,
    LIST, SET, MAP, TUPLE, UDT, VECTOR
  }

  private final Kind kind;
  private final List<CqlType> parameters;
  private final boolean frozen;
  private final String udtKeyspace;
  private final String udtName;
  private final List<String> fieldNames;
  private final int dimension;

  private CqlType(Kind kind, List<CqlType> parameters, boolean frozen, String udtKeyspace,
      String udtName, List<String> fieldNames, int dimension) {
    this.kind = kind;
    this.parameters = List.copyOf(parameters);
    this.frozen = frozen;
    this.udtKeyspace = udtKeyspace;
    this.udtName = udtName;
    this.fieldNames = List.copyOf(fieldNames);
    this.dimension = dimension;
  }

  public static CqlType primitive(Kind kind) {
    return new CqlType(kind, List.of(), false, "", "", List.of(), 0);
  }

  /** The tree of a driver type, as read from the table's metadata. */
  public static CqlType of(DataType type) {
    if (type instanceof ListType) {
      ListType t = (ListType) type;
      return new CqlType(Kind.LIST, List.of(of(t.getElementType())), t.isFrozen(), "", "", List.of(), 0);
    }
    if (type instanceof SetType) {
      SetType t = (SetType) type;
      return new CqlType(Kind.SET, List.of(of(t.getElementType())), t.isFrozen(), "", "", List.of(), 0);
    }
    if (type instanceof MapType) {
      MapType t = (MapType) type;
      return new CqlType(Kind.MAP, List.of(of(t.getKeyType()), of(t.getValueType())), t.isFrozen(),
          "", "", List.of(), 0);
    }
    if (type instanceof TupleType) {
      List<CqlType> components = new ArrayList<>();
      for (DataType component : ((TupleType) type).getComponentTypes()) {
        components.add(of(component));
      }
      return new CqlType(Kind.TUPLE, components, true, "", "", List.of(), 0);
    }
    if (type instanceof UserDefinedType) {
      UserDefinedType t = (UserDefinedType) type;
      List<CqlType> fields = new ArrayList<>();
      for (DataType field : t.getFieldTypes()) {
        fields.add(of(field));
      }
      List<String> names = t.getFieldNames().stream().map(CqlIdentifier::asInternal)
          .collect(Collectors.toList());
      return new CqlType(Kind.UDT, fields, t.isFrozen(), t.getKeyspace().asInternal(),
          t.getName().asInternal(), names, 0);
    }
    if (type instanceof VectorType) {
      VectorType t = (VectorType) type;
      return new CqlType(Kind.VECTOR, List.of(of(t.getElementType())), true, "", "", List.of(),
          t.getDimensions());
    }
    switch (type.getProtocolCode()) {
      case ProtocolConstants.DataType.ASCII: return primitive(Kind.ASCII);
      case ProtocolConstants.DataType.BIGINT: return primitive(Kind.BIGINT);
      case ProtocolConstants.DataType.BLOB: return primitive(Kind.BLOB);
      case ProtocolConstants.DataType.BOOLEAN: return primitive(Kind.BOOLEAN);
      case ProtocolConstants.DataType.COUNTER: return primitive(Kind.COUNTER);
      case ProtocolConstants.DataType.DATE: return primitive(Kind.DATE);
      case ProtocolConstants.DataType.DECIMAL: return primitive(Kind.DECIMAL);
      case ProtocolConstants.DataType.DOUBLE: return primitive(Kind.DOUBLE);
      case ProtocolConstants.DataType.DURATION: return primitive(Kind.DURATION);
      case ProtocolConstants.DataType.FLOAT: return primitive(Kind.FLOAT);
      case ProtocolConstants.DataType.INET: return primitive(Kind.INET);
      case ProtocolConstants.DataType.INT: return primitive(Kind.INT);
      case ProtocolConstants.DataType.SMALLINT: return primitive(Kind.SMALLINT);
      case ProtocolConstants.DataType.VARCHAR: return primitive(Kind.TEXT);
      case ProtocolConstants.DataType.TIME: return primitive(Kind.TIME);
      case ProtocolConstants.DataType.TIMESTAMP: return primitive(Kind.TIMESTAMP);
      case ProtocolConstants.DataType.TIMEUUID: return primitive(Kind.TIMEUUID);
      case ProtocolConstants.DataType.TINYINT: return primitive(Kind.TINYINT);
      case ProtocolConstants.DataType.UUID: return primitive(Kind.UUID);
      case ProtocolConstants.DataType.VARINT: return primitive(Kind.VARINT);
      default:
        throw new IllegalArgumentException("Unsupported CQL type " + type.asCql(true, true));
    }
  }

  /** The driver's type for this tree; user-defined types come back detached, which encoding allows. */
  public DataType toDriver() {
    switch (kind) {
      case ASCII: return DataTypes.ASCII;
      case BIGINT: return DataTypes.BIGINT;
      case BLOB: return DataTypes.BLOB;
      case BOOLEAN: return DataTypes.BOOLEAN;
      case COUNTER: return DataTypes.COUNTER;
      case DATE: return DataTypes.DATE;
      case DECIMAL: return DataTypes.DECIMAL;
      case DOUBLE: return DataTypes.DOUBLE;
      case DURATION: return DataTypes.DURATION;
      case FLOAT: return DataTypes.FLOAT;
      case INET: return DataTypes.INET;
      case INT: return DataTypes.INT;
      case SMALLINT: return DataTypes.SMALLINT;
      case TEXT: return DataTypes.TEXT;
      case TIME: return DataTypes.TIME;
      case TIMESTAMP: return DataTypes.TIMESTAMP;
      case TIMEUUID: return DataTypes.TIMEUUID;
      case TINYINT: return DataTypes.TINYINT;
      case UUID: return DataTypes.UUID;
      case VARINT: return DataTypes.VARINT;
      case LIST: return DataTypes.listOf(parameters.get(0).toDriver(), frozen);
      case SET: return DataTypes.setOf(parameters.get(0).toDriver(), frozen);
      case MAP: return DataTypes.mapOf(parameters.get(0).toDriver(), parameters.get(1).toDriver(), frozen);
      case TUPLE:
        return DataTypes.tupleOf(parameters.stream().map(CqlType::toDriver).toArray(DataType[]::new));
      case VECTOR: return DataTypes.vectorOf(parameters.get(0).toDriver(), dimension);
      case UDT:
        UserDefinedTypeBuilder builder = new UserDefinedTypeBuilder(
            CqlIdentifier.fromInternal(udtKeyspace), CqlIdentifier.fromInternal(udtName));
        for (int i = 0; i < fieldNames.size(); i++) {
          builder.withField(CqlIdentifier.fromInternal(fieldNames.get(i)), parameters.get(i).toDriver());
        }
        if (frozen) {
          builder.frozen();
        }
        return builder.build();
      default:
        throw new IllegalStateException("Unknown kind " + kind);
    }
  }

  public Kind kind() {
    return kind;
  }

  /** Element (list, set, vector), key and value (map), components (tuple) or fields (UDT). */
  public List<CqlType> parameters() {
    return parameters;
  }

  public List<String> fieldNames() {
    return fieldNames;
  }

  public int dimension() {
    return dimension;
  }

  public boolean isCollection() {
    return kind == Kind.LIST || kind == Kind.SET || kind == Kind.MAP;
  }

  /** The type as CQL would write it, e.g. {@code frozen<map<text, list<int>>>}. */
  public String toCql() {
    String inner;
    switch (kind) {
      case LIST: case SET:
        inner = kind.name().toLowerCase() + "<" + parameters.get(0).toCql() + ">";
        break;
      case MAP:
        inner = "map<" + parameters.get(0).toCql() + ", " + parameters.get(1).toCql() + ">";
        break;
      case TUPLE:
        return "tuple<" + parameters.stream().map(CqlType::toCql).collect(Collectors.joining(", ")) + ">";
      case VECTOR:
        return "vector<" + parameters.get(0).toCql() + ", " + dimension + ">";
      case UDT:
        inner = CqlIdentifier.fromInternal(udtName).asCql(true);
        break;
      default:
        return kind.name().toLowerCase();
    }
    return frozen ? "frozen<" + inner + ">" : inner;
  }

  @Override
  public String toString() {
    return toCql();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CqlType)) {
      return false;
    }
    CqlType t = (CqlType) o;
    return kind == t.kind && frozen == t.frozen && dimension == t.dimension
        && parameters.equals(t.parameters) && udtKeyspace.equals(t.udtKeyspace)
        && udtName.equals(t.udtName) && fieldNames.equals(t.fieldNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, parameters, frozen, udtName, fieldNames, dimension);
  }
}

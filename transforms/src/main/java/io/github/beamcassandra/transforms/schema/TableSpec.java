package io.github.beamcassandra.transforms.schema;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What beam-cassandra needs of a table, read once from the driver's metadata at pipeline construction
 * and shipped to workers: names, CQL types and key roles of its columns.
 */
public final class TableSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The role of a column in the table's primary key. */
  public enum Role { PARTITION_KEY, CLUSTERING, STATIC, REGULAR }

  /** One column: its internal (unquoted) name, CQL type and role. */
  public static final class Column implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final CqlType type;
    private final Role role;

    public Column(String name, CqlType type, Role role) {
      this.name = name;
      this.type = type;
      this.role = role;
    }

    public String name() {
      return name;
    }

    public CqlIdentifier id() {
      return CqlIdentifier.fromInternal(name);
    }

    public CqlType type() {
      return type;
    }

    public Role role() {
      return role;
    }

    public boolean isPrimaryKey() {
      return role == Role.PARTITION_KEY || role == Role.CLUSTERING;
    }

    @Override
    public String toString() {
      return name + " " + type.toCql();
    }
  }

  private final String keyspace;
  private final String table;
  private final List<Column> columns;

  public TableSpec(String keyspace, String table, List<Column> columns) {
    this.keyspace = keyspace;
    this.table = table;
    this.columns = List.copyOf(columns);
  }

  /**
   * Reads the table's metadata.
   *
   * @throws IllegalArgumentException when the keyspace or table does not exist, listing those that do
   */
  public static TableSpec read(CqlSession session, String keyspace, String table) {
    Map<CqlIdentifier, KeyspaceMetadata> keyspaces = session.getMetadata().getKeyspaces();
    Optional<KeyspaceMetadata> ks = Optional.ofNullable(keyspaces.get(identifier(keyspace)));
    if (ks.isEmpty()) {
      throw new IllegalArgumentException("Keyspace " + keyspace + " not found. Keyspaces: "
          + names(keyspaces.keySet().stream().filter(k -> !k.asInternal().startsWith("system"))
              .collect(Collectors.toList())));
    }
    Optional<TableMetadata> metadata = ks.get().getTable(identifier(table));
    if (metadata.isEmpty()) {
      throw new IllegalArgumentException("Table " + keyspace + "." + table + " not found. Tables in "
          + keyspace + ": " + names(new ArrayList<>(ks.get().getTables().keySet())));
    }
    TableMetadata t = metadata.get();
    List<Column> columns = new ArrayList<>();
    List<ColumnMetadata> partitionKey = t.getPartitionKey();
    Map<ColumnMetadata, ?> clustering = t.getClusteringColumns();
    for (ColumnMetadata c : partitionKey) {
      columns.add(new Column(c.getName().asInternal(), CqlType.of(c.getType()), Role.PARTITION_KEY));
    }
    for (ColumnMetadata c : clustering.keySet()) {
      columns.add(new Column(c.getName().asInternal(), CqlType.of(c.getType()), Role.CLUSTERING));
    }
    for (ColumnMetadata c : t.getColumns().values()) {
      if (!partitionKey.contains(c) && !clustering.containsKey(c)) {
        columns.add(new Column(c.getName().asInternal(), CqlType.of(c.getType()),
            c.isStatic() ? Role.STATIC : Role.REGULAR));
      }
    }
    return new TableSpec(t.getKeyspace().asInternal(), t.getName().asInternal(), columns);
  }

  /**
   * Reads the table's current metadata through the JVM's shared session for {@code connection}, after
   * checking that keyspace and table are given: what every transform does once, at construction.
   */
  public static TableSpec read(io.github.beamcassandra.transforms.connection.CassandraConnection connection,
      String keyspace, String table) {
    if (keyspace == null) {
      throw new IllegalArgumentException("keyspace is required: set withKeyspace(...) (--keyspace)");
    }
    if (table == null) {
      throw new IllegalArgumentException("table is required: set withTable(...) (--table)");
    }
    connection.validate();
    // The shared session the workers of this JVM will use, with current metadata: a new session per
    // construction would cost a second or more of connecting.
    CqlSession session =
        io.github.beamcassandra.transforms.connection.SessionCache.acquireWithCurrentSchema(connection);
    try {
      return read(session, keyspace, table);
    } finally {
      io.github.beamcassandra.transforms.connection.SessionCache.release(connection);
    }
  }

  /** A user's name for a keyspace or table: as given when quoted or mixed-case, else as CQL folds it. */
  public static CqlIdentifier identifier(String name) {
    if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
      return CqlIdentifier.fromCql(name);
    }
    return CqlIdentifier.fromInternal(name);
  }

  public String keyspace() {
    return keyspace;
  }

  public String table() {
    return table;
  }

  /** {@code "ks"."table"}, quoted where needed. */
  public String qualifiedCql() {
    return CqlIdentifier.fromInternal(keyspace).asCql(true) + "."
        + CqlIdentifier.fromInternal(table).asCql(true);
  }

  /** {@code keyspace.table} for messages. */
  public String qualifiedName() {
    return keyspace + "." + table;
  }

  /** Partition key, then clustering, then the other columns. */
  public List<Column> columns() {
    return columns;
  }

  public Optional<Column> column(String name) {
    for (Column c : columns) {
      if (c.name.equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public List<Column> partitionKey() {
    return columns.stream().filter(c -> c.role == Role.PARTITION_KEY).collect(Collectors.toList());
  }

  public List<Column> primaryKey() {
    return columns.stream().filter(Column::isPrimaryKey).collect(Collectors.toList());
  }

  /** Counter tables hold only counters besides their primary key. */
  public boolean isCounterTable() {
    return columns.stream().anyMatch(c -> c.type.kind() == CqlType.Kind.COUNTER);
  }

  public Map<String, CqlType> types() {
    Map<String, CqlType> types = new LinkedHashMap<>();
    columns.forEach(c -> types.put(c.name, c.type));
    return Collections.unmodifiableMap(types);
  }

  private static String names(List<CqlIdentifier> ids) {
    TreeSet<String> sorted = new TreeSet<>();
    ids.forEach(id -> sorted.add(id.asInternal()));
    return sorted.isEmpty() ? "(none)" : String.join(", ", sorted);
  }

  @Override
  public String toString() {
    return qualifiedName() + columns;
  }
}

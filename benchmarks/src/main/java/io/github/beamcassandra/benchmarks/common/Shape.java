package io.github.beamcassandra.benchmarks.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The two data shapes the write benchmark loads, each into a table of its own. */
public enum Shape {
  /** One row per partition. */
  PEOPLE("people", "unique partitions", "id",
      "CREATE TABLE %s.people (id uuid PRIMARY KEY, name text, age int, score bigint)",
      "INSERT INTO %s.people (id, name, age, score) VALUES (?, ?, ?, ?)"),
  /** {@value GeneratedRows#ROWS_PER_DEVICE} rows per partition, written in partition order. */
  READINGS("readings", "partitions of " + GeneratedRows.ROWS_PER_DEVICE + " rows", "device",
      "CREATE TABLE %s.readings (device text, seq int, value double, PRIMARY KEY (device, seq))",
      "INSERT INTO %s.readings (device, seq, value) VALUES (?, ?, ?)");

  private final String table;
  private final String description;
  private final String partitionKey;
  private final String createTemplate;
  private final String insertTemplate;

  Shape(String table, String description, String partitionKey, String createTemplate,
      String insertTemplate) {
    this.table = table;
    this.description = description;
    this.partitionKey = partitionKey;
    this.createTemplate = createTemplate;
    this.insertTemplate = insertTemplate;
  }

  /** The table name, also the shape's name on the command line. */
  public String table() {
    return table;
  }

  public String description() {
    return description;
  }

  /** The partition key column. */
  public String partitionKey() {
    return partitionKey;
  }

  /** {@code CREATE TABLE} for this shape in {@code keyspace}. */
  public String createTable(String keyspace) {
    return String.format(Locale.ROOT, createTemplate, keyspace);
  }

  /** {@code INSERT} of one row, with a bind marker per column in table order. */
  public String insert(String keyspace) {
    return String.format(Locale.ROOT, insertTemplate, keyspace);
  }

  /** The shape whose table is {@code name} (case-insensitive). */
  public static Shape fromName(String name) {
    for (Shape shape : values()) {
      if (shape.table.equalsIgnoreCase(name.trim())) {
        return shape;
      }
    }
    throw new IllegalArgumentException("unknown shape '" + name + "'; expected one of: "
        + Arrays.stream(values()).map(Shape::table).collect(Collectors.joining(", ")));
  }
}

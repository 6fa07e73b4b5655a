package io.github.beamcassandra.transforms.read;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import io.github.beamcassandra.transforms.schema.BeamSchemas;
import io.github.beamcassandra.transforms.schema.CqlType;
import io.github.beamcassandra.transforms.schema.TableSpec;
import io.github.beamcassandra.transforms.schema.TableSpec.Column;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The CQL of a read or count of one token range, and the Beam schema of what a read returns. The
 * token bounds are always bound values; a user's condition (checked by {@link ConditionCheck}, and
 * prepared once at construction so the server validates the rest) is ANDed after them.
 */
final class RangeQuery implements Serializable {
  private static final long serialVersionUID = 1L;

  final TableSpec table;
  final List<Column> columns;
  final List<String> writetimeOf;
  final List<String> ttlOf;
  final String writetimeSuffix;
  final String ttlSuffix;
  final @Nullable String condition;

  RangeQuery(TableSpec table, List<Column> columns, List<String> writetimeOf, List<String> ttlOf,
      String writetimeSuffix, String ttlSuffix, @Nullable String condition) {
    this.table = table;
    this.columns = List.copyOf(columns);
    this.writetimeOf = List.copyOf(writetimeOf);
    this.ttlOf = List.copyOf(ttlOf);
    this.writetimeSuffix = writetimeSuffix;
    this.ttlSuffix = ttlSuffix;
    this.condition = condition;
  }

  /** The Beam schema of the rows read: the columns (key columns required), then writetime and TTL fields. */
  Schema schema() {
    Schema.Builder builder = Schema.builder();
    for (Column c : columns) {
      if (c.isPrimaryKey()) {
        builder.addField(c.name(), BeamSchemas.fieldType(c.type()));
      } else {
        builder.addNullableField(c.name(), BeamSchemas.fieldType(c.type()));
      }
    }
    for (String c : writetimeOf) {
      builder.addNullableField(c + writetimeSuffix, Schema.FieldType.INT64);
    }
    for (String c : ttlOf) {
      builder.addNullableField(c + ttlSuffix, Schema.FieldType.INT32);
    }
    return builder.build();
  }

  List<CqlType> types() {
    List<CqlType> types = new ArrayList<>();
    columns.forEach(c -> types.add(c.type()));
    return types;
  }

  String select(boolean startInclusive) {
    List<String> selectors = new ArrayList<>();
    columns.forEach(c -> selectors.add(c.id().asCql(true)));
    writetimeOf.forEach(c -> selectors.add("WRITETIME(" + CqlIdentifier.fromInternal(c).asCql(true) + ")"));
    ttlOf.forEach(c -> selectors.add("TTL(" + CqlIdentifier.fromInternal(c).asCql(true) + ")"));
    return "SELECT " + String.join(", ", selectors) + " FROM " + table.qualifiedCql() + where(startInclusive);
  }

  String count(boolean startInclusive) {
    return "SELECT count(*) FROM " + table.qualifiedCql() + where(startInclusive);
  }

  private String where(boolean startInclusive) {
    String token = "token(" + table.partitionKey().stream().map(c -> c.id().asCql(true))
        .collect(Collectors.joining(", ")) + ")";
    String clause = " WHERE " + token + (startInclusive ? " >= ?" : " > ?") + " AND " + token + " <= ?";
    return condition == null ? clause : clause + " AND " + condition + " ALLOW FILTERING";
  }
}

package io.github.beamcassandra.transforms.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.beamcassandra.transforms.schema.CqlType;
import io.github.beamcassandra.transforms.schema.TableSpec;
import io.github.beamcassandra.transforms.schema.TableSpec.Column;
import io.github.beamcassandra.transforms.schema.TableSpec.Role;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.Row;
import org.junit.jupiter.api.Test;

/** Construction-time checks that need no cluster: the table is given as a spec. */
class ToMutationsValidationTest {
  private static final TableSpec PEOPLE = new TableSpec("shop", "people", List.of(
      new Column("id", CqlType.primitive(CqlType.Kind.UUID), Role.PARTITION_KEY),
      new Column("name", CqlType.primitive(CqlType.Kind.TEXT), Role.REGULAR)));
  private static final TableSpec HITS = new TableSpec("shop", "hits", List.of(
      new Column("page", CqlType.primitive(CqlType.Kind.TEXT), Role.PARTITION_KEY),
      new Column("views", CqlType.primitive(CqlType.Kind.COUNTER), Role.REGULAR)));

  private static IllegalArgumentException expandFails(Schema schema, ToMutations<Row> transform) {
    Pipeline p = Pipeline.create(PipelineOptionsFactory.create());
    return assertThrows(IllegalArgumentException.class,
        () -> p.apply(Create.empty(schema)).apply(transform));
  }

  @Test
  void keyspaceAndTableAreRequired() {
    Schema schema = Schema.builder().addStringField("id").build();
    assertEquals("keyspace is required: set withKeyspace(...) (--keyspace)",
        expandFails(schema, ToMutations.<Row>create().withTable("t")).getMessage());
    assertEquals("table is required: set withTable(...) (--table)",
        expandFails(schema, ToMutations.<Row>create().withKeyspace("k")).getMessage());
  }

  @Test
  void aTtlColumnMustHoldIntegers() {
    Schema schema = Schema.builder().addStringField("id").addStringField("ttl").build();
    assertEquals("ttlColumn ttl must be an integer field (seconds), but it is STRING",
        expandFails(schema, ToMutations.<Row>create().withTableSpec(PEOPLE).withTtlColumn("ttl")).getMessage());
  }

  @Test
  void aWritetimeColumnMustHoldMicrosOrATimestamp() {
    Schema schema = Schema.builder().addStringField("id").addDoubleField("wt").build();
    assertEquals("writetimeColumn wt must be INT64 (microseconds since 1970) or DATETIME, but it is DOUBLE",
        expandFails(schema, ToMutations.<Row>create().withTableSpec(PEOPLE).withWritetimeColumn("wt"))
            .getMessage());
  }

  @Test
  void counterTablesTakeNoTtl() {
    Schema schema = Schema.builder().addStringField("page").addInt64Field("views").build();
    assertEquals("Table shop.hits is a counter table: Cassandra allows neither TTL nor writetime on counter"
            + " updates; drop ttl/writetime options",
        expandFails(schema, ToMutations.<Row>create().withTableSpec(HITS).withTtl(60)).getMessage());
  }

  @Test
  void optionsCheckTheirValueAtOnce() {
    assertEquals("ttl must be 1 to 630720000 seconds, got: 0",
        assertThrows(IllegalArgumentException.class, () -> ToMutations.create().withTtl(0)).getMessage());
    assertEquals("shards must be between 1 and 65536, got: 0",
        assertThrows(IllegalArgumentException.class, () -> ToMutations.create().withShards(0)).getMessage());
    assertEquals("deleteFlagValue must be given with deleteFlagColumn op",
        assertThrows(IllegalArgumentException.class, () -> ToMutations.create().withDeleteFlag("op", null))
            .getMessage());
  }
}

package io.github.beamcassandra.transforms.mutation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.beamcassandra.transforms.schema.CqlType;
import io.github.beamcassandra.transforms.schema.TableSpec;
import io.github.beamcassandra.transforms.schema.TableSpec.Column;
import io.github.beamcassandra.transforms.schema.TableSpec.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class MutationLayoutTest {
  private static final TableSpec TABLE = new TableSpec("Shop", "order lines", List.of(
      new Column("tenant", CqlType.primitive(CqlType.Kind.TEXT), Role.PARTITION_KEY),
      new Column("day", CqlType.primitive(CqlType.Kind.INT), Role.PARTITION_KEY),
      new Column("Seq", CqlType.primitive(CqlType.Kind.INT), Role.CLUSTERING),
      new Column("note", CqlType.primitive(CqlType.Kind.TEXT), Role.REGULAR)));
  private final MutationLayout layout = new MutationLayout(TABLE);

  @Test
  void quotesIdentifiersAndBindsEveryValue() {
    assertEquals("INSERT INTO \"Shop\".\"order lines\" (tenant, day, \"Seq\", note) VALUES (?, ?, ?, ?)"
        + " USING TTL ? AND TIMESTAMP ?", layout.insertCql(true, true));
    assertEquals("DELETE FROM \"Shop\".\"order lines\" USING TIMESTAMP ? WHERE tenant = ? AND day = ?"
        + " AND \"Seq\" = ?", layout.deleteCql(true));
  }

  @Test
  void compositePartitionKeysUseCassandrasCompositeForm() {
    byte[][] values = {{'a'}, {0, 0, 0, 7}, {0, 0, 0, 1}, null};
    assertArrayEquals(new byte[] {0, 1, 'a', 0, 0, 4, 0, 0, 0, 7, 0}, layout.routingKey(values));
  }

  @Test
  void shardsCutTheRingIntoContiguousSlices() {
    assertEquals(0, MutationLayout.shard(Long.MIN_VALUE, 64));
    assertEquals(63, MutationLayout.shard(Long.MAX_VALUE, 64));
    assertEquals(32, MutationLayout.shard(0, 64));
    assertEquals(0, MutationLayout.shard(123, 1));
  }

  @Test
  void tokensMatchCassandrasMurmur3() {
    // SELECT token(id) FROM t WHERE id = 1 (int) gives -4069959284402364209 on any Cassandra.
    assertEquals(-4069959284402364209L, MutationLayout.token(new byte[] {0, 0, 0, 1}));
  }
}

package io.github.beamcassandra.transforms.mutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.beam.sdk.util.CoderUtils;
import org.junit.jupiter.api.Test;

class MutationCoderTest {
  @Test
  void roundTripsValuesNullsUnsetTtlAndWritetime() throws Exception {
    Mutation m = Mutation.create(Mutation.Kind.UPSERT,
        new byte[][] {{1, 2}, null, Mutation.NULL, {}}, new byte[] {1, 2}, 3600, 1_700_000_000_000_000L);

    Mutation decoded = CoderUtils.decodeFromByteArray(MutationCoder.of(),
        CoderUtils.encodeToByteArray(MutationCoder.of(), m));

    assertEquals(m, decoded);
    assertTrue(decoded.isUnset(1));
    assertTrue(decoded.isNull(2));
    assertEquals(0, decoded.value(3).length);
    assertEquals(3600, decoded.ttlSeconds());
    assertEquals(1_700_000_000_000_000L, decoded.writetimeMicros());
  }

  @Test
  void roundTripsADeleteWithoutTtl() throws Exception {
    Mutation m = Mutation.create(Mutation.Kind.DELETE, new byte[][] {{9}}, new byte[] {9},
        Mutation.NO_TTL, Mutation.NO_WRITETIME);
    Mutation decoded = CoderUtils.decodeFromByteArray(MutationCoder.of(),
        CoderUtils.encodeToByteArray(MutationCoder.of(), m));
    assertEquals(m, decoded);
    assertEquals(Mutation.Kind.DELETE, decoded.kind());
  }
}

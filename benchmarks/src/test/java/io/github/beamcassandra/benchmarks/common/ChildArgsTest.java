package io.github.beamcassandra.benchmarks.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChildArgsTest {
  @Test
  void argumentsRoundTrip() {
    ChildArgs args = new ChildArgs(Shape.PEOPLE, 1234, List.of("127.0.0.1:9042", "[::1]:9043"),
        "datacenter1", "bench", 128, "LOCAL_QUORUM");

    assertEquals(args, ChildArgs.parse(args.toArgs().toArray(new String[0])));
  }

  @Test
  void contactPointsNeedAPort() {
    assertEquals(List.of("a:1", "b:2"), ChildArgs.splitContactPoints(" a:1 , b:2,"));
    assertEquals("[::1]", ChildArgs.host("[::1]:9042"));
    assertEquals(9042, ChildArgs.port("[::1]:9042"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ChildArgs.splitContactPoints("a:1,b"));
    assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ChildArgs.port("a:70000"));
  }

  @Test
  void unknownAndRepeatedFlagsAreRejected() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> ChildArgs.parse(new String[] {"--shape=people", "--row=5"}));
    assertTrue(unknown.getMessage().contains("--row"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Flags.parse(new String[] {"--a=1", "--a=2"}, java.util.Set.of("a")));
    assertThrows(IllegalArgumentException.class,
        () -> Flags.parse(new String[] {"a=1"}, java.util.Set.of("a")));
  }
}
